//! E-mail: an RFC 5322 message or an mbox, whatever its name, read part by
//! part with mail-parser (quoted-printable and base64 undone, charsets
//! converted, RFC 2047 headers decoded). Each part is named as a bundle
//! member is, by its file name or `part-N` (leaf parts counted from 1 in
//! MIME order); attachments are opened as any file is (a log, a CSV, a
//! gzip). HTML parts are read as HTML. A message is one ticket.
//!
//! A message of one unencoded text part is scanned as the text it is, so
//! that hits keep the file's own line numbers.

use super::{self as unpack, Source};
use crate::scan::lines::Records;
use crate::scan::sink::Sink;
use crate::scan::{Context, Hit, Ticket, decode};
use mail_parser::{Encoding, MessageParser, MimeHeaders, PartType};
use std::io::{self, Read};

/// Header names that say a text is a message, when the first lines are
/// headers.
const MESSAGE_HEADERS: &[&str] = &[
    "from",
    "to",
    "subject",
    "date",
    "received",
    "return-path",
    "delivered-to",
    "message-id",
    "mime-version",
    "content-type",
];

/// Whether a text starts as a message does: an optional mbox `From ` line,
/// then at least two header lines (`Name: value`), one of them a name
/// that messages carry.
pub(crate) fn looks_like_mail(head: &[u8]) -> bool {
    // Only whole lines: the head may end in the middle of one.
    let whole = match memchr::memrchr(b'\n', head) {
        Some(end) => &head[..end],
        None => return false,
    };
    let mut lines = whole.split(|&b| b == b'\n').peekable();
    lines.next_if(|l| l.starts_with(b"From "));
    let (mut headers, mut known) = (0, false);
    for line in lines {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            break;
        }
        if line[0] == b' ' || line[0] == b'\t' {
            if headers == 0 {
                return false;
            }
            continue; // a folded header goes on
        }
        let Some(colon) = memchr::memchr(b':', line) else {
            return false;
        };
        let name = &line[..colon];
        if name.is_empty() || !name.iter().all(|b| b.is_ascii_graphic()) {
            return false;
        }
        headers += 1;
        known |= MESSAGE_HEADERS
            .iter()
            .any(|h| h.as_bytes().eq_ignore_ascii_case(name));
    }
    headers >= 2 && known
}

/// Scans a message or an mbox.
pub(super) fn scan(
    source: &Source,
    reader: &mut dyn Read,
    sink: &mut dyn Sink,
    ctx: &Context,
) -> io::Result<()> {
    let mut raw = Vec::new();
    reader.take(ctx.limits.max_expand).read_to_end(&mut raw)?;
    if raw.starts_with(b"From ") {
        for (index, (first_line, message)) in mbox_messages(&raw).into_iter().enumerate() {
            if ctx.stopped() {
                break;
            }
            let prefix = format!("message-{}:", index + 1);
            scan_message(source, message, first_line, &prefix, sink, ctx)?;
        }
        Ok(())
    } else {
        scan_message(source, &raw, 0, "", sink, ctx)
    }
}

/// The messages of an mbox, each with the number of lines before it and
/// without its `From ` line. A `From ` line starts a message at the start
/// or after a blank line.
fn mbox_messages(raw: &[u8]) -> Vec<(usize, &[u8])> {
    let mut messages = Vec::new();
    let mut start: Option<(usize, usize)> = None;
    let mut after_blank = true;
    let mut at = 0;
    for (line_number, line) in raw.split_inclusive(|&b| b == b'\n').enumerate() {
        if after_blank && line.starts_with(b"From ") {
            if let Some((first, from)) = start {
                messages.push((first, &raw[from..at]));
            }
            start = Some((line_number + 1, at + line.len()));
        }
        after_blank = line.trim_ascii().is_empty();
        at += line.len();
    }
    if let Some((first, from)) = start {
        messages.push((first, &raw[from..]));
    }
    messages
}

/// Scans one message whose first line is the file's line `lines_before +
/// 1`; parts are named `prefix` and their name.
fn scan_message(
    source: &Source,
    raw: &[u8],
    lines_before: usize,
    prefix: &str,
    sink: &mut dyn Sink,
    ctx: &Context,
) -> io::Result<()> {
    let parsed = MessageParser::default().parse(raw);
    let Some(message) = parsed.filter(|m| !m.parts.is_empty()) else {
        return scan_placed(source, false, raw, lines_before, None, sink, ctx);
    };
    // The message's date, for the hits that have no time of their own.
    let date = message
        .date()
        .filter(|_| ctx.dates)
        .and_then(|d| jiff::Timestamp::from_second(d.to_timestamp()).ok());
    let root = &message.parts[0];
    let plain = message.parts.len() == 1
        && root.encoding == Encoding::None
        && matches!(root.body, PartType::Text(_));
    if plain {
        return scan_placed(source, false, raw, lines_before, date, sink, ctx);
    }
    // The headers, where they stand, the encoded ones decoded in place.
    let (headers, decoded_lines) = headers_text(&message, raw);
    let mut placed = Placed {
        sink: &mut *sink,
        lines_before,
        labels: vec!["rfc2047"],
        labelled_lines: Some(decoded_lines),
        date,
    };
    scan_text_of(source, false, &headers, &mut placed, ctx)?;
    let mut leaf = 0;
    for part in &message.parts {
        if part.is_multipart() || ctx.stopped() {
            continue;
        }
        leaf += 1;
        let name = match part.attachment_name() {
            Some(name) => format!("{prefix}{name}"),
            None => format!("{prefix}part-{leaf}"),
        };
        let mut labels = match part.encoding {
            Encoding::QuotedPrintable => vec!["quoted-printable"],
            Encoding::Base64 => vec!["base64"],
            Encoding::None => vec![],
        };
        let html;
        let contents: &[u8] = match &part.body {
            // A report mailed into the archive counts nothing again.
            PartType::Html(text) if unpack::is_report(text.as_bytes()) => {
                unpack::leave_out_report(&format!("{}:{name}", source.ticket.name()), ctx);
                continue;
            }
            PartType::Html(text) => {
                labels.push("html");
                html = decode::html_document(text.as_bytes());
                &html
            }
            _ => part.contents(),
        };
        let mut inner = unpack::member(source, name.as_bytes());
        inner.continues_ticket = true;
        let mut placed = Placed {
            sink: &mut *sink,
            lines_before: 0,
            labels,
            labelled_lines: None,
            date,
        };
        unpack::scan(inner, &mut &contents[..], &mut placed, ctx);
    }
    Ok(())
}

/// The header lines of a message as they stand, except that those with
/// RFC 2047 encoded words are decoded (a folded header then takes its
/// lines as blank ones), and the numbers of the lines decoded.
fn headers_text(message: &mail_parser::Message, raw: &[u8]) -> (Vec<u8>, Vec<usize>) {
    let root = &message.parts[0];
    let body_at = (root.offset_body as usize).min(raw.len());
    let mut text = Vec::with_capacity(body_at);
    let mut decoded_lines = Vec::new();
    let mut at = 0;
    for header in root.headers() {
        let field = (header.offset_field as usize).min(body_at);
        let end = (header.offset_end as usize).clamp(field, body_at);
        let value = &raw[field..end];
        let Some(decoded) = header.value.as_text() else {
            continue;
        };
        if field < at || memchr::memmem::find(value, b"=?").is_none() {
            continue;
        }
        text.extend_from_slice(&raw[at..field]);
        decoded_lines.push(memchr::memchr_iter(b'\n', &text).count() + 1);
        text.extend_from_slice(header.name.as_str().as_bytes());
        text.extend_from_slice(b": ");
        text.extend_from_slice(decoded.replace(['\r', '\n'], " ").as_bytes());
        let folded = memchr::memchr_iter(b'\n', value).count();
        text.extend(std::iter::repeat_n(b'\n', folded.max(1)));
        at = end;
    }
    text.extend_from_slice(&raw[at.min(body_at)..body_at]);
    (text, decoded_lines)
}

/// Scans a text of the message under the file's own name, its first line
/// being the file's line `lines_before + 1`: the start of a ticket, or a
/// part of the one started.
fn scan_placed(
    source: &Source,
    continues_ticket: bool,
    text: &[u8],
    lines_before: usize,
    date: Option<jiff::Timestamp>,
    sink: &mut dyn Sink,
    ctx: &Context,
) -> io::Result<()> {
    let mut placed = Placed {
        sink,
        lines_before,
        labels: Vec::new(),
        labelled_lines: None,
        date,
    };
    scan_text_of(source, continues_ticket, text, &mut placed, ctx)
}

fn scan_text_of(
    source: &Source,
    continues_ticket: bool,
    text: &[u8],
    sink: &mut dyn Sink,
    ctx: &Context,
) -> io::Result<()> {
    let itself = Source {
        ticket: source.ticket.clone(),
        name: source.name.clone(),
        file: None,
        named: source.named,
        depth: source.depth,
        compressions: source.compressions,
        continues_ticket,
        written: source.written,
    };
    let records = Records::of(&source.name, text);
    unpack::texts(&itself, records, text, None, sink, ctx)
}

/// Passes hits on with their line moved down to where their text starts
/// in the file, and the encodings undone to reach the text named.
struct Placed<'a> {
    sink: &'a mut dyn Sink,
    lines_before: usize,
    labels: Vec<&'static str>,
    /// The lines the labels hold for; all when None.
    labelled_lines: Option<Vec<usize>>,
    /// The message's date, for hits without a time of their own.
    date: Option<jiff::Timestamp>,
}

impl Sink for Placed<'_> {
    fn begin(&mut self, ticket: &Ticket) {
        self.sink.begin(ticket);
    }

    fn begin_part(&mut self, ticket: &Ticket) {
        self.sink.begin_part(ticket);
    }

    fn matched(&mut self, ticket: &Ticket, mut hit: Hit) -> bool {
        let labelled = match &self.labelled_lines {
            Some(lines) => lines.contains(&hit.line),
            None => true,
        };
        hit.line += self.lines_before;
        if labelled {
            hit.decoded.splice(0..0, self.labels.iter().copied());
        }
        hit.time = hit.time.or(self.date);
        self.sink.matched(ticket, hit)
    }

    fn pause(&mut self) -> bool {
        self.sink.pause()
    }

    fn finish(&mut self, ticket: &Ticket) {
        self.sink.finish(ticket);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_told_by_their_headers() {
        assert!(looks_like_mail(b"From: a@b.c\nTo: d@e.f\n\nhi\n"));
        assert!(looks_like_mail(
            b"Received: from x\n\tby y\nMIME-Version: 1.0\nContent-Type: text/plain\n"
        ));
        assert!(looks_like_mail(
            b"From a@b Mon Oct 3\nFrom: a@b\nSubject: x\n\n"
        ));
        assert!(!looks_like_mail(b"Note: call back\nTodo: check\n\n"));
        assert!(!looks_like_mail(b"Subject: just one line\n\nerror 7100\n"));
        assert!(!looks_like_mail(
            b"ERROR 2016-10-18 09:12:44 x: y\nFrom: z\n"
        ));
        assert!(
            !looks_like_mail(b"From: a@b\nTo: c"),
            "no whole second line"
        );
    }

    #[test]
    fn an_mbox_splits_at_from_lines_after_blank_lines() {
        let mbox = b"From a Mon\nSubject: 1\n\nbody\nFrom here on\n\nFrom b Tue\nSubject: 2\n\nx\n";
        let messages = mbox_messages(mbox);
        assert_eq!(messages.len(), 2);
        assert_eq!(messages[0].0, 1);
        assert!(messages[0].1.starts_with(b"Subject: 1"));
        assert_eq!(messages[1].0, 7);
        assert_eq!(messages[1].1, b"Subject: 2\n\nx\n");
    }
}
