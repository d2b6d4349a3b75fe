//! Stormpath JSON error bodies quoted in a ticket or a log line: the
//! response's own fields, shown beside the reference by `explain -`.

use crate::scan::escape;
use serde_json::Value;

/// The fields of one error body, as the response gave them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    pub code: u32,
    /// (field name, value), in the order of `FIELDS`.
    pub fields: Vec<(&'static str, String)>,
}

/// In JSON, a body is an object: `{"code": 7100, "status": "400", …}`.
impl serde::Serialize for Body {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.fields.len() + 1))?;
        map.serialize_entry("code", &self.code)?;
        for (name, value) in &self.fields {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// The fields shown, under each of the names SDKs gave them.
const FIELDS: &[(&str, &[&str])] = &[
    ("status", &["status", "httpStatus", "http_status"]),
    ("message", &["message"]),
    (
        "developerMessage",
        &["developerMessage", "developer_message"],
    ),
    ("moreInfo", &["moreInfo", "more_info"]),
    ("requestId", &["requestId", "request_id"]),
];

/// The most bytes of input searched for bodies; tickets are far smaller.
const MAX_TEXT: usize = 16 << 20;

/// The longest object read in a Node-style dump; a longer one is not a
/// dump of an error.
const MAX_LOOSE_OBJECT: usize = 8 << 10;
/// How deep bodies are looked for inside other objects and strings.
const MAX_DEPTH: usize = 8;

/// Every error body in `text` that has a Stormpath code (`"code"` or
/// `errorCode` as a number, or a numeric string of four or five digits):
/// a JSON object, one nested in another object or in a string of it (a
/// log line's JSON), or a Node-style dump (`{ code: 7200, message: '…' }`).
pub fn find(text: &str) -> Vec<Body> {
    let text = &text[..floor_char_boundary(text, MAX_TEXT)];
    let mut bodies = Vec::new();
    let mut at = 0;
    while let Some(open) = text[at..].find('{').map(|i| i + at) {
        let mut stream = serde_json::Deserializer::from_str(&text[open..]).into_iter::<Value>();
        match stream.next() {
            Some(Ok(value @ Value::Object(_))) => {
                bodies_in(&value, 0, &mut bodies);
                at = open + stream.byte_offset().max(1);
            }
            _ => match loose_object(&text[open..]) {
                Some((object, len)) => {
                    bodies.extend(body_of(&object));
                    at = open + len;
                }
                None => at = open + 1,
            },
        }
    }
    bodies
}

/// The bodies in a JSON value: itself, and those nested in its objects,
/// arrays and strings.
fn bodies_in(value: &Value, depth: usize, bodies: &mut Vec<Body>) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        Value::Object(object) => {
            bodies.extend(body_of(object));
            for inner in object.values() {
                bodies_in(inner, depth + 1, bodies);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| bodies_in(v, depth + 1, bodies)),
        Value::String(s) if s.trim_start().starts_with('{') => {
            if let Ok(inner) = serde_json::from_str::<Value>(s) {
                bodies_in(&inner, depth + 1, bodies);
            }
        }
        _ => {}
    }
}

/// A Node-style object dump at the start of `text` (`{ code: 7200,
/// developerMessage: 'x' }`: bare keys, quoted or bare values), read as
/// its `key: value` pairs; and its length. Only an innermost object is
/// read, so a nested one is met on its own.
fn loose_object(text: &str) -> Option<(serde_json::Map<String, Value>, usize)> {
    let text = &text[..floor_char_boundary(text, MAX_LOOSE_OBJECT)];
    let mut object = serde_json::Map::new();
    let bytes = text.as_bytes();
    let mut i = 1; // past the '{'
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b',') {
            i += 1;
        }
        match *bytes.get(i)? {
            b'}' => return Some((object, i + 1)),
            b'{' => return None,
            _ => {}
        }
        match loose_pair(&text[i..]) {
            Some((key, value, len)) => {
                object.insert(key, value);
                i += len;
            }
            // Not a pair (a stack frame, a message line): skip to the next
            // line or comma.
            None => {
                i += text[i..]
                    .find([',', '\n', '}', '{'])
                    .map_or(text.len() - i, |n| n.max(1));
            }
        }
    }
}

/// `key: value` at the start of `text`, and its length.
fn loose_pair(text: &str) -> Option<(String, Value, usize)> {
    let (key, mut i) = match text.as_bytes()[0] {
        b'\'' | b'"' => quoted(text)?,
        _ => {
            let len = text
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
                .unwrap_or(text.len());
            (text[..len].to_string(), len)
        }
    };
    if key.is_empty() {
        return None;
    }
    i += text[i..].len() - text[i..].trim_start_matches([' ', '\t']).len();
    if text.as_bytes().get(i) != Some(&b':') {
        return None;
    }
    i += 1;
    i += text[i..].len() - text[i..].trim_start_matches([' ', '\t']).len();
    let rest = &text[i..];
    match rest.as_bytes().first()? {
        b'\'' | b'"' => {
            let (value, len) = quoted(rest)?;
            Some((key, Value::String(value), i + len))
        }
        b'{' | b'[' => None,
        _ => {
            let len = rest.find([',', '\n', '}']).unwrap_or(rest.len());
            let bare = rest[..len].trim();
            let value = bare
                .parse::<u64>()
                .map_or_else(|_| Value::String(bare.to_string()), Value::from);
            Some((key, value, i + len))
        }
    }
}

/// A string in single or double quotes at the start of `text`, with `\`
/// escapes read as JSON's (`\n`, `\u001b`; another escaped character
/// stands for itself); and its length with the quotes.
fn quoted(text: &str) -> Option<(String, usize)> {
    let quote = text.chars().next()?;
    let mut value = String::new();
    let mut chars = text.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                let (at, escaped) = chars.next()?;
                match escaped {
                    'n' => value.push('\n'),
                    't' => value.push('\t'),
                    'r' => value.push('\r'),
                    'b' => value.push('\u{8}'),
                    'f' => value.push('\u{c}'),
                    'u' => match unicode_escape(&text[at + 1..]) {
                        Some((c, len)) => {
                            value.push(c);
                            // The escape's digits are ASCII: one char a byte.
                            chars.nth(len - 1);
                        }
                        None => value.push('u'),
                    },
                    other => value.push(other),
                }
            }
            '\n' => return None,
            c if c == quote => return Some((value, i + 1)),
            c => value.push(c),
        }
    }
    None
}

/// The character of the four hex digits after a `\u` at the start of
/// `text` (and of a second `\uXXXX` after them, where the two are a
/// surrogate pair), and how many bytes it took.
fn unicode_escape(text: &str) -> Option<(char, usize)> {
    let hex = |at: usize| {
        let digits = text.get(at..at + 4)?;
        let all_hex = digits.bytes().all(|b| b.is_ascii_hexdigit());
        all_hex.then(|| u32::from_str_radix(digits, 16).ok())?
    };
    let first = hex(0)?;
    if (0xD800..0xDC00).contains(&first)
        && text[4..].starts_with("\\u")
        && let Some(low @ 0xDC00..0xE000) = hex(6)
    {
        let pair = 0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00);
        return Some((char::from_u32(pair)?, 10));
    }
    Some((
        char::from_u32(first).unwrap_or(char::REPLACEMENT_CHARACTER),
        4,
    ))
}

fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn body_of(object: &serde_json::Map<String, Value>) -> Option<Body> {
    let code =
        ["code", "errorCode", "error_code"]
            .iter()
            .find_map(|k| match object.get(*k)? {
                Value::Number(n) => n.as_u64(),
                Value::String(s) => s.parse().ok(),
                _ => None,
            })?;
    if !(1000..100_000).contains(&code) {
        return None; // an HTTP status or a one-time code
    }
    let fields = FIELDS
        .iter()
        .filter_map(|(shown, names)| {
            let value = names.iter().find_map(|n| object.get(*n))?;
            let text = match value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            Some((*shown, escape(text.as_bytes())))
        })
        .collect();
    Some(Body {
        code: u32::try_from(code).ok()?,
        fields,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_body_in_a_log_line() {
        let text = r#"WARN body={"status":400,"code":"7100","message":"Invalid username or password.","moreInfo":"mailto:x","requestId":"r1"} after"#;
        let bodies = find(text);
        assert_eq!(bodies.len(), 1);
        assert_eq!(bodies[0].code, 7100);
        assert_eq!(bodies[0].fields[0], ("status", "400".to_string()));
        assert_eq!(bodies[0].fields[2], ("moreInfo", "mailto:x".to_string()));
    }

    #[test]
    fn an_http_status_code_is_no_body_and_broken_json_is_skipped() {
        assert!(find(r#"{"status":404,"code":404} {"code": 7100"#).is_empty());
    }

    #[test]
    fn a_body_nested_in_a_log_lines_json_is_found() {
        let text = r#"{"level":"error","msg":"login failed","err":{"status":400,"code":7100,"developerMessage":"Bad password."}}"#;
        let bodies = find(text);
        assert_eq!(bodies.len(), 1, "{bodies:?}");
        assert_eq!(bodies[0].code, 7100);
        assert_eq!(
            bodies[0].fields[1],
            ("developerMessage", "Bad password.".to_string())
        );
        let in_a_string =
            r#"{"msg":"upstream said","body":"{\"code\":2001,\"message\":\"Taken.\"}"}"#;
        assert_eq!(find(in_a_string)[0].code, 2001);
    }

    #[test]
    fn a_node_style_dump_is_read_as_a_body() {
        let one_line = "err: { code: 7200, developerMessage: 'Social login failed, it said \\'no\\'.', status: 400 }";
        let bodies = find(one_line);
        assert_eq!(bodies.len(), 1, "{bodies:?}");
        assert_eq!(bodies[0].code, 7200);
        assert_eq!(bodies[0].fields[0], ("status", "400".to_string()));
        assert_eq!(
            bodies[0].fields[1],
            (
                "developerMessage",
                "Social login failed, it said 'no'.".to_string()
            )
        );
        let with_a_stack = "{ Error: Login attempt failed.\n    at ResourceError (/srv/x.js:7:16)\n  status: 400,\n  code: 7103,\n  moreInfo: 'http://docs.stormpath.com/errors/7103' }";
        let bodies = find(with_a_stack);
        assert_eq!(bodies.len(), 1, "{bodies:?}");
        assert_eq!(bodies[0].code, 7103);
        assert_eq!(
            bodies[0].fields[1],
            (
                "moreInfo",
                "http://docs.stormpath.com/errors/7103".to_string()
            )
        );
        assert!(find("{ code: 200 } { not: a, body }").is_empty());
    }

    #[test]
    fn control_characters_in_values_are_escaped() {
        let bodies = find("{\"code\": 7100, \"message\": \"a\\u001b[2Jb\"}");
        assert_eq!(bodies[0].fields[0].1, "a\\x1b[2Jb");
        // Also where a raw control character leaves the JSON invalid, and
        // it is read loosely: its escapes are read as JSON's.
        let loose =
            "{\"code\": 7100, \"message\": \"\u{1b}[31mred \\u001b[32m \\ud83d\\ude00 \\n\\u0zz\"}";
        assert_eq!(
            find(loose)[0].fields[0].1,
            "\\x1b[31mred \\x1b[32m \u{1f600} \\nu0zz"
        );
    }
}
