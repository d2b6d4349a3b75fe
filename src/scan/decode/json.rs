//! JSON string escapes (`\"`, `\\`, `\/`, `\n`, `\uXXXX` with surrogate
//! pairs) and the `\xHH` escapes nginx writes into its logs. One level is
//! undone per view; a view of the view undoes the next (`\\\"`).

use super::View;

pub(crate) fn view(line: &[u8]) -> Option<View> {
    memchr::memchr(b'\\', line)?;
    let mut view = View::new("json-string");
    let mut changed = false;
    let mut at = 0;
    while at < line.len() {
        let b = line[at];
        if b != b'\\' {
            // Copy up to the next escape in one go.
            let end = memchr::memchr(b'\\', &line[at..]).map_or(line.len(), |i| at + i);
            view.text.extend_from_slice(&line[at..end]);
            view.origin.extend(at..end);
            at = end;
            continue;
        }
        let (decoded, used) = escape(&line[at..]);
        match decoded {
            Some(decoded) => {
                view.push(&decoded.as_bytes(), at);
                changed = true;
            }
            None => view.push(&line[at..at + used], at),
        }
        at += used;
    }
    changed.then_some(view)
}

/// The escape at the start of `text` (which starts with `\`): what it
/// stands for, if it is one, and how many bytes it takes.
fn escape(text: &[u8]) -> (Option<Escaped>, usize) {
    let Some(&kind) = text.get(1) else {
        return (None, 1);
    };
    let simple = |s: &'static str| (Some(Escaped::Str(s)), 2);
    match kind {
        b'"' => simple("\""),
        b'\\' => simple("\\"),
        b'/' => simple("/"),
        b'\'' => simple("'"),
        b'n' => simple("\n"),
        b't' => simple("\t"),
        b'r' => simple(""),
        b'b' | b'f' => simple(" "),
        b'u' => match hex(text, 2, 4) {
            Some(unit) => unicode(text, unit),
            None => (None, 2),
        },
        b'x' => match hex(text, 2, 2) {
            Some(byte) => (Some(Escaped::Byte([byte as u8])), 4),
            None => (None, 2),
        },
        _ => (None, 2),
    }
}

/// A `\uXXXX` escape, joined with the low half that follows a high
/// surrogate; a lone half stands for U+FFFD.
fn unicode(text: &[u8], unit: u32) -> (Option<Escaped>, usize) {
    let char_of = |c: u32| char::from_u32(c).unwrap_or('\u{fffd}');
    if (0xd800..0xdc00).contains(&unit)
        && text.get(6..8) == Some(b"\\u")
        && let Some(low) = hex(text, 8, 4).filter(|l| (0xdc00..0xe000).contains(l))
    {
        let c = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
        return (Some(Escaped::Char(char_of(c))), 12);
    }
    (Some(Escaped::Char(char_of(unit))), 6)
}

fn hex(text: &[u8], at: usize, digits: usize) -> Option<u32> {
    let digits = text.get(at..at + digits)?;
    let text = std::str::from_utf8(digits).ok()?;
    if !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(text, 16).ok()
}

/// What an escape stands for.
enum Escaped {
    Str(&'static str),
    Char(char),
    /// nginx's `\xHH`: a raw byte, UTF-8 or not.
    Byte([u8; 1]),
}

impl Escaped {
    fn as_bytes(&self) -> Vec<u8> {
        match self {
            Escaped::Str(s) => s.as_bytes().to_vec(),
            Escaped::Char(c) => c.to_string().into_bytes(),
            Escaped::Byte(b) => b.to_vec(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(line: &str) -> Option<String> {
        crate::scan::decode::decoded_text(view, line)
    }

    #[test]
    fn one_level_of_escapes_is_undone() {
        assert_eq!(
            decoded(r#"{"response":"{\"status\":409,\"code\":2001}"}"#).unwrap(),
            r#"{"response":"{"status":409,"code":2001}"}"#
        );
        assert_eq!(decoded(r#"a\\\"b"#).unwrap(), r#"a\"b"#);
        assert_eq!(
            decoded(r"https:\/\/docs.stormpath.com\/errors\/7100").unwrap(),
            "https://docs.stormpath.com/errors/7100"
        );
        assert_eq!(
            decoded(r"line one\nError 7100").unwrap(),
            "line one\nError 7100"
        );
    }

    #[test]
    fn unicode_and_nginx_escapes() {
        assert_eq!(decoded(r"Error\u00a07104").unwrap(), "Error\u{a0}7104");
        assert_eq!(decoded(r"\ud83d\ude00 \ud800x").unwrap(), "😀 \u{fffd}x");
        assert_eq!(
            decoded(r#"body: {\x22code\x22:7100}"#).unwrap(),
            r#"body: {"code":7100}"#
        );
    }

    #[test]
    fn malformed_escapes_stay_as_they_are() {
        assert_eq!(decoded(r"C:\Program Files\xz \u12 end\"), None);
        assert_eq!(decoded("no escapes"), None);
        let invalid = view(br"\xff\xfe").unwrap();
        assert_eq!(invalid.text, [0xff, 0xfe]);
    }

    #[test]
    fn each_decoded_byte_points_at_its_escape() {
        let v = view(br#"x\"ab\u0041"#).unwrap();
        assert_eq!(v.text, b"x\"abA");
        assert_eq!(v.origin, [0, 1, 3, 4, 5]);
    }
}
