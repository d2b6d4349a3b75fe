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

/// Every JSON object in `text` that has a Stormpath code: `"code"` (or
/// `errorCode`) as a number or a numeric string of four or five digits.
pub fn find(text: &str) -> Vec<Body> {
    let text = &text[..floor_char_boundary(text, MAX_TEXT)];
    let mut bodies = Vec::new();
    let mut at = 0;
    while let Some(open) = text[at..].find('{').map(|i| i + at) {
        let mut stream = serde_json::Deserializer::from_str(&text[open..]).into_iter::<Value>();
        match stream.next() {
            Some(Ok(Value::Object(object))) => {
                if let Some(body) = body_of(&object) {
                    bodies.push(body);
                }
                at = open + stream.byte_offset().max(1);
            }
            _ => at = open + 1,
        }
    }
    bodies
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
    fn control_characters_in_values_are_escaped() {
        let bodies = find("{\"code\": 7100, \"message\": \"a\\u001b[2Jb\"}");
        assert_eq!(bodies[0].fields[0].1, "a\\x1b[2Jb");
    }
}
