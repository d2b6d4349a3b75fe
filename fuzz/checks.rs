//! What each fuzz target checks of one input. Shared by the fuzz targets and
//! by tests/fuzz_regressions.rs, which replays the inputs kept under
//! tests/data/fuzz/ on every `cargo test`.

use sperr::{body, catalog, quotes, scan, search};

/// Codes, ranges, patterns and category names: whatever parses names only
/// codes inside itself.
pub fn codes(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(selector) = catalog::parse_selector(text) {
        for entry in selector.entries() {
            assert!(
                selector.contains(entry.code),
                "{selector} named {}",
                entry.code
            );
        }
        if let catalog::Selector::Code(code) = selector {
            let _ = catalog::nearest(code);
        }
        let _ = catalog::not_found(&selector);
    }
    if let Ok(selectors) = catalog::parse_selectors(text) {
        assert!(!selectors.is_empty());
    }
    let _ = catalog::find_category(text);
    let _ = catalog::code_in_url(text);
}

/// The query path: scores in (0, 1] and in order.
pub fn search(data: &[u8]) {
    let query = String::from_utf8_lossy(data);
    let hits = search::search(&query, 10);
    assert!(hits.len() <= 10);
    assert!(hits.iter().all(|h| h.score > 0.0 && h.score <= 1.0));
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    if hits.is_empty() {
        let _ = search::suggestions(&query);
    }
}

/// The scanner and explain's reader: every hit's line and column point at
/// its text (or, for a hit in a decoded view, into its line).
pub fn scan(data: &[u8]) {
    let hits = scan::scan_text(data);
    let lines: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
    for hit in &hits {
        let line = lines[hit.line - 1];
        let at = &line[hit.column - 1..];
        if !hit.decoded.is_empty() {
            assert!(!at.is_empty(), "{hit:?}");
            continue;
        }
        let shown = scan::escape(&at[..at.len().min(hit.text.len() * 4 + 4)]);
        assert!(
            shown.starts_with(&hit.text) || hit.text.contains('\u{fffd}'),
            "{hit:?}"
        );
    }
    let _ = body::find(&String::from_utf8_lossy(data));
}

/// The template matcher: matches lie inside the text, and both strategies
/// find the same.
pub fn templates(data: &[u8]) {
    let mut found = quotes::find_quotes(data);
    for &(_, start, end) in &found {
        assert!(start < end && end <= data.len());
    }
    let mut scanned = quotes::find_quotes_in_line(data, &mut quotes::FoldBuffers::default());
    found.sort();
    scanned.sort();
    assert_eq!(scanned, found, "both strategies agree");
}

/// The archive readers: whatever the bytes (a damaged gzip, a zip bomb, a
/// tar with hostile names), a scan ends, and every name it prints is
/// escaped.
pub fn archive(data: &[u8]) {
    let limits = scan::Limits {
        max_expand: 1 << 20,
        ..Default::default()
    };
    let mut notes = Vec::new();
    let (hits, _failed) = scan::scan_input(&mut &data[..], limits, &mut notes);
    for (ticket, hit) in &hits {
        let names = [ticket.file.as_str(), ticket.member.as_deref().unwrap_or("")];
        for name in names.iter().chain([&hit.text.as_str()]) {
            assert!(!name.chars().any(char::is_control), "{name:?}");
        }
    }
    assert!(!String::from_utf8_lossy(&notes).contains('\u{1b}'));
}

/// The decoders and the e-mail reader: whatever the bytes (malformed
/// base64, quoted-printable or entities, escapes nested deep, invalid UTF-8
/// once decoded), every view maps each byte back into its line and grows
/// the line at most twofold, and a scan of the bytes as a line, as an
/// e-mail's body and as an e-mail's encoded part ends.
pub fn decoders(data: &[u8]) {
    for line in data.split(|&b| b == b'\n') {
        for view in scan::decode::views(line) {
            assert_eq!(view.text.len(), view.origin.len(), "{view:?}");
            assert!(view.text.len() <= 2 * line.len() + 8, "{view:?}");
            assert!(view.origin.iter().all(|&at| at < line.len()), "{view:?}");
        }
    }
    let _ = scan::decode::html_document(data);
    scan(data);
    let limits = scan::Limits {
        max_expand: 1 << 20,
        ..Default::default()
    };
    for headers in [
        &b"From: a@b.c\nSubject: x\n\n"[..],
        b"From: a@b.c\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n\n",
        b"From: a@b.c\nMIME-Version: 1.0\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=\"a.log\"\n\n",
    ] {
        let mail = [headers, data].concat();
        let (hits, _) = scan::scan_input(&mut &mail[..], limits, &mut Vec::new());
        for (ticket, hit) in &hits {
            let name = ticket.member.as_deref().unwrap_or("");
            assert!(!name.chars().any(char::is_control), "{name:?}");
            assert!(!hit.text.chars().any(char::is_control), "{hit:?}");
        }
    }
}
