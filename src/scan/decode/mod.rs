//! Decoded views of a line: where a line shows the sign of an encoding
//! (escaped JSON, HTML, percent-encoding, base64), the text it encodes, so
//! that the same rules read it as they read plain text.
//!
//! Each decoder (one file per encoding) turns a line into a `View`: the
//! decoded bytes and, for each of them, the offset in the line of the
//! encoded run it came from, so that a hit in the view is reported where
//! its run starts in the original. Views of views undo nested encodings
//! (base64 holding escaped JSON); the scanner bounds the depth.

mod base64;
mod html;
mod json;
mod percent;
mod qp;

/// The signs of an encoding, matched without regard to case. Only a line
/// that holds one is decoded: plain logs pay nothing. For base64 the signs
/// are cheap stand-ins for "a long base64 run": `eyJ` and `ewo` (the
/// encodings of `{"` and `{\n`, so JSON bodies and JWTs) and the word
/// `base64` (a key, a data URL's `;base64,`).
pub(crate) const SIGNS: &[&str] = &[
    // JSON string escapes, and nginx's `\xHH`
    "\\\"", "\\u00", "\\/", "\\x",
    // HTML and XML: entities, and tags between words or cells
    "&nbsp;", "&quot;", "&amp;", "&lt;", "&gt;", "&apos;", "&#", "</", "<td", "<th", "<br",
    // percent-encoding in URLs
    "%2f", "%3a", "%23", "%20", "%3d",
    // quoted-printable pasted from a mail: `=3D`, a no-break space, curly
    // quotes and thin spaces
    "=3D", "=C2=A0", "=E2=80", // base64
    "eyj", "ewo", "base64",
];

/// A decoded view of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// What was undone to get it: `json-string`, `html`, `percent`,
    /// `quoted-printable`, `base64`.
    pub encoding: &'static str,
    pub text: Vec<u8>,
    /// For each byte of `text`, where its encoded run starts in the line.
    pub origin: Vec<usize>,
}

impl View {
    fn new(encoding: &'static str) -> Self {
        View {
            encoding,
            text: Vec::new(),
            origin: Vec::new(),
        }
    }

    /// Adds decoded bytes that came from the run at `origin`.
    fn push(&mut self, bytes: &[u8], origin: usize) {
        self.text.extend_from_slice(bytes);
        self.origin.resize(self.text.len(), origin);
    }
}

/// Words that signs hold, in lower case, rarer in plain text than their
/// letters: `eyJ` and `ewo` start base64 JSON, and quoted-printable's
/// `=3D`, `=C2=A0`, `=E2=80`. The other signs hold one of the rare bytes
/// `\\ & % <`. A scan's prefilter looks for these words with its own.
pub(crate) const SIGN_WORDS: [&str; 6] = ["eyj", "ewo", "ase64", "=3d", "=c2=a0", "=e2=80"];

/// Where in a block of lines the signs' rare bytes stand, in order: with
/// the sign words, a line with none of them shows no sign, and a scan
/// passes it by.
pub(crate) fn sign_bytes(block: &[u8], out: &mut Vec<usize>) {
    out.clear();
    out.extend(memchr::memchr3_iter(b'\\', b'&', b'%', block));
    out.extend(memchr::memchr_iter(b'<', block));
    out.sort_unstable();
}

/// Whether a line shows the sign of some encoding. A scan asks only of
/// the lines where its prefilter saw a sign's rare byte or word.
pub(crate) fn has_sign(line: &[u8]) -> bool {
    use std::sync::OnceLock;
    static SIGN: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    SIGN.get_or_init(|| {
        aho_corasick::AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(SIGNS)
            .expect("the sign automaton builds")
    })
    .is_match(line)
}

/// What one decoder makes of a line, as text (for the decoders' tests).
#[cfg(test)]
pub(crate) fn decoded_text(decode: fn(&[u8]) -> Option<View>, line: &str) -> Option<String> {
    decode(line.as_bytes()).map(|v| String::from_utf8_lossy(&v.text).into_owned())
}

/// The views of a line, one per encoding that changes it.
pub fn views(line: &[u8]) -> Vec<View> {
    [
        json::view,
        html::view,
        percent::view,
        qp::view,
        base64::view,
    ]
    .iter()
    .filter_map(|decode| decode(line))
    .collect()
}

/// Decodes a whole HTML document (an e-mail's HTML part) to text: tags
/// out, entities undone, table rows as lines of `|`-separated cells.
pub fn html_document(text: &[u8]) -> Vec<u8> {
    html::to_text(text).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_line_has_no_sign_and_no_view() {
        let line = b"2016-10-18 ERROR login failed: error 7100 for user 42";
        assert!(!has_sign(line));
        assert!(views(line).is_empty());
    }

    #[test]
    fn each_encoding_has_its_sign() {
        for line in [
            &br#"{"body":"{\"code\":2001}"}"#[..],
            b"Error&nbsp;7104",
            b"<strong>Error</strong> 7101",
            b"https%3A%2F%2Fdocs.stormpath.com%2Ferrors%2F7100",
            b"token=eyJjb2RlIjo3MTAwLCJzdGF0dXMiOjQwMH0",
            b"body_base64: U3Rvcm1wYXRoIGVycm9yIDcxMDAgYXQgbG9naW4=",
            b"Stormpath error =3D7100",
        ] {
            assert!(has_sign(line), "{}", String::from_utf8_lossy(line));
            assert!(!views(line).is_empty(), "{}", String::from_utf8_lossy(line));
        }
    }
}

#[cfg(test)]
mod scanned {
    use crate::scan::scan_text;

    /// (line, column, code, decoded, text) of each hit.
    fn found(text: &str) -> Vec<(usize, usize, u32, Vec<&'static str>, String)> {
        scan_text(text.as_bytes())
            .into_iter()
            .map(|h| (h.line, h.column, h.code, h.decoded, h.text))
            .collect()
    }

    #[test]
    fn hits_in_views_keep_the_original_line_and_column() {
        let text = "intro\n{\"id\":1,\"response\":\"{\\\"status\\\":409,\\\"code\\\":2001}\"}";
        let hits = found(text);
        assert_eq!(hits.len(), 1, "{hits:?}");
        let (line, column, code, decoded, shown) = &hits[0];
        assert_eq!((*line, *code), (2, 2001));
        assert_eq!(decoded, &["json-string"]);
        assert_eq!(shown, "\"code\":2001");
        assert_eq!(
            &text.lines().nth(1).unwrap()[column - 1..column + 1],
            "\\\""
        );
    }

    #[test]
    fn nested_encodings_are_named_outermost_first() {
        // base64 of {"body":"{\"code\":7101}"}
        let text = "gw response=eyJib2R5Ijoie1wiY29kZVwiOjcxMDF9In0= done";
        let hits = found(text);
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0].2, 7101);
        assert_eq!(hits[0].3, ["base64", "json-string"]);
        assert_eq!(hits[0].1, 13, "the column where the base64 run starts");
        let doubly = r#"{"a":"{\"b\":\"{\\\"code\\\":7102}\"}"}"#;
        assert_eq!(found(doubly)[0].3, ["json-string", "json-string"]);
    }

    #[test]
    fn html_entities_tags_and_tables() {
        assert_eq!(found("<p>Error&nbsp;7104</p>")[0].2, 7104);
        assert_eq!(found("<strong>Error</strong> 7101")[0].2, 7101);
        assert_eq!(found("<pre>{&quot;code&quot;:2001}</pre>")[0].2, 2001);
        let table = "<table>\n<tr><th>When</th><th>Error code</th></tr>\n<tbody>\n<tr><td>2016-10-18</td><td>7102</td></tr>\n<tr><td>2016-10-19</td><td>7100</td></tr>\n</table>";
        let codes: Vec<(usize, u32)> = found(table).iter().map(|h| (h.0, h.2)).collect();
        assert_eq!(codes, [(4, 7102), (5, 7100)]);
        let far = "<tr><th>Code</th></tr>\n\n\nnotes\n<tr><td>7100</td></tr>";
        assert!(found(far).is_empty(), "a table ends where its rows stop");
    }

    #[test]
    fn percent_encoded_more_info_urls() {
        let hits = found("link: https%3A%2F%2Fdocs.stormpath.com%2Ferrors%2F5114 (x)");
        assert_eq!((hits[0].2, hits[0].1), (5114, 7));
        assert_eq!(hits[0].3, ["percent"]);
    }

    #[test]
    fn binary_data_is_not_decoded() {
        assert!(found("\0 {&quot;code&quot;:2001}").is_empty());
    }

    #[test]
    fn a_code_found_in_plain_text_is_not_found_again_in_a_view() {
        let hits = found(r#"error 7100: {\"code\":7100}"#);
        assert_eq!(hits.len(), 1);
        assert!(hits[0].3.is_empty());
    }
}
