//! The ways people name codes: a code in any of its written forms, a range,
//! a pattern, a moreInfo URL; and what to say when a selector names nothing.

use super::{ENTRIES, Entry, entries, in_range, lookup, nearest};
use std::fmt;

/// A way of naming codes on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    Code(u32),
    /// `7100-7107`, both ends included.
    Range(u32, u32),
    /// `71xx` (exactly four digits) or `71*` (any length).
    Pattern {
        prefix: String,
        width: Option<usize>,
    },
}

impl fmt::Display for Selector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Selector::Code(code) => write!(f, "{code}"),
            Selector::Range(low, high) => write!(f, "{low}-{high}"),
            Selector::Pattern {
                prefix,
                width: Some(width),
            } => write!(f, "{prefix}{}", "x".repeat(width - prefix.len())),
            Selector::Pattern {
                prefix,
                width: None,
            } => write!(f, "{prefix}*"),
        }
    }
}

impl Selector {
    /// Whether `code` is one of the codes this names.
    pub fn contains(&self, code: u32) -> bool {
        match self {
            Selector::Code(c) => *c == code,
            Selector::Range(low, high) => (*low..=*high).contains(&code),
            Selector::Pattern { prefix, width } => {
                let digits = code.to_string();
                digits.starts_with(prefix.as_str()) && width.is_none_or(|w| digits.len() == w)
            }
        }
    }

    /// The catalog entries it names, in code order.
    pub fn entries(&self) -> Vec<&'static Entry> {
        match self {
            Selector::Code(code) => lookup(*code).into_iter().collect(),
            Selector::Range(low, high) => in_range(*low, *high).iter().collect(),
            Selector::Pattern { .. } => ENTRIES.iter().filter(|e| self.contains(e.code)).collect(),
        }
    }
}

/// "no error 7199 in the reference; nearest: 7100-7107 (Account)"
pub fn not_found(selector: &Selector) -> String {
    match selector {
        Selector::Code(code) if *code < 1000 && !short_code_hints(*code).is_empty() => format!(
            "no error {code} in the reference: codes have 4 or 5 digits; {}",
            short_code_hints(*code).join("; ")
        ),
        Selector::Code(code) => {
            let near = nearest(*code);
            let named: Vec<String> = match near.as_slice() {
                [a, b] if a.code != b.code && a.code / 100 == code / 100 => {
                    vec![format!("{}-{} ({})", a.code, b.code, a.category().name)]
                }
                [a, b] if a.code == b.code => vec![format!("{} ({})", a.code, a.category().name)],
                _ => near
                    .iter()
                    .map(|e| format!("{} ({})", e.code, e.category().name))
                    .collect(),
            };
            format!(
                "no error {code} in the reference; nearest: {}",
                named.join(" or ")
            )
        }
        other => format!(
            "no error in the reference matches {other}; codes run from {} to {}",
            entries()[0].code,
            entries()[entries().len() - 1].code
        ),
    }
}

/// What a number too short for a code may have meant: an HTTP status
/// (`404`), with the codes sources show with it, or the first digits of
/// codes (`71` for `71xx`).
fn short_code_hints(number: u32) -> Vec<String> {
    let mut hints = Vec::new();
    if (100..600).contains(&number) {
        let with: Vec<String> = entries()
            .iter()
            .filter(|e| e.status().is_some_and(|s| u32::from(s) == number))
            .map(|e| e.code.to_string())
            .collect();
        hints.push(if with.is_empty() {
            format!("{number} looks like an HTTP status, which no source shows with a code")
        } else {
            format!(
                "{number} looks like an HTTP status; the codes sources show with it: {}",
                with.join(", ")
            )
        });
        // Those codes are the lead: not also `400x` (4001-4002, Tenant).
        if !with.is_empty() {
            return hints;
        }
    }
    let prefix = number.to_string();
    let patterns: Vec<String> = (4..=5)
        .filter_map(|width| {
            let pattern = Selector::Pattern {
                prefix: prefix.clone(),
                width: Some(width),
            };
            let matched = pattern.entries();
            let (first, last) = (matched.first()?, matched.last()?);
            let category = first.category();
            Some(if std::ptr::eq(category, last.category()) {
                format!(
                    "{pattern} ({}-{}, {})",
                    first.code, last.code, category.name
                )
            } else {
                format!("{pattern} ({}-{})", first.code, last.code)
            })
        })
        .collect();
    if !patterns.is_empty() {
        hints.push(format!("did you mean {}?", patterns.join(" or ")));
    }
    hints
}

/// What a code argument may look like, for error messages.
pub const CODE_FORMS: &str = "7100, 'Error 7100', error-7100, #error-7100, a moreInfo URL, \
                              7100-7107, 71xx or 71*";

/// Why a code argument could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SelectorError {
    Empty,
    Malformed,
    TooLong,
    Reversed(u32, u32),
    /// The letter O where a zero belongs: what was probably meant.
    LetterO(u32),
}

impl fmt::Display for SelectorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SelectorError::Empty => write!(f, "empty code; use {CODE_FORMS}"),
            SelectorError::Malformed => write!(f, "not an error code; use {CODE_FORMS}"),
            SelectorError::TooLong => {
                write!(f, "too many digits for an error code (they have 4 or 5)")
            }
            SelectorError::Reversed(low, high) => {
                write!(f, "range runs backwards; did you mean {high}-{low}?")
            }
            SelectorError::LetterO(code) => {
                write!(
                    f,
                    "not an error code; did you mean {code} (zeros, not the letter O)?"
                )
            }
        }
    }
}

/// The longest run of digits a code may have; more is surely not a code.
const MAX_DIGITS: usize = 6;

/// Reads a code argument in any of its lenient forms.
///
/// ```
/// use sperr::catalog::{Selector, parse_selector};
/// assert_eq!(parse_selector("Error 7100"), Ok(Selector::Code(7100)));
/// assert_eq!(parse_selector("7100-7107"), Ok(Selector::Range(7100, 7107)));
/// assert_eq!(parse_selector("71xx").unwrap().entries().len(), 8);
/// ```
pub fn parse_selector(input: &str) -> Result<Selector, SelectorError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(SelectorError::Empty);
    }
    // One URL; a pasted list that holds one is read piece by piece.
    if !text.contains(char::is_whitespace)
        && let Some(code) = code_in_url(text)
    {
        return Ok(Selector::Code(code));
    }
    // A range may be written with an en or em dash, or `..`.
    let lower = text
        .to_ascii_lowercase()
        .replace(['\u{2013}', '\u{2014}'], "-")
        .replace("..", "-");
    if let Some(code) = message_key_code(&lower) {
        return Ok(Selector::Code(number(code)?));
    }
    let mut rest = field_value(&lower)
        .unwrap_or(&lower)
        .trim_start_matches('#');
    for prefix in ["error", "err"] {
        if let Some(after) = rest.strip_prefix(prefix) {
            rest = after.trim_start_matches([' ', '-', '_', ':', '#']);
            break;
        }
    }
    if let Some((low, high)) = rest.split_once('-') {
        let (low, high) = (number(low.trim())?, number(high.trim())?);
        return if low <= high {
            Ok(Selector::Range(low, high))
        } else {
            Err(SelectorError::Reversed(low, high))
        };
    }
    if let Some(prefix) = rest.strip_suffix('*') {
        if prefix.is_empty() {
            return Ok(Selector::Pattern {
                prefix: String::new(),
                width: None,
            });
        }
        number(prefix)?;
        return Ok(Selector::Pattern {
            prefix: prefix.to_string(),
            width: None,
        });
    }
    let wild = rest.len() - rest.trim_end_matches('x').len();
    if wild > 0 {
        let prefix = &rest[..rest.len() - wild];
        if !prefix.is_empty() {
            number(prefix)?;
        }
        if rest.len() > MAX_DIGITS {
            return Err(SelectorError::TooLong);
        }
        return Ok(Selector::Pattern {
            prefix: prefix.to_string(),
            width: Some(rest.len()),
        });
    }
    match number(rest) {
        Err(SelectorError::Malformed) => Err(letter_o_for_zero(rest)),
        code => Ok(Selector::Code(code?)),
    }
}

/// The value of a field that holds a code, as logs and JSON write it:
/// `code=7100`, `"code": 7100`, `errorCode: 7100` (`text` in lower case).
fn field_value(text: &str) -> Option<&str> {
    let name = text.trim_start_matches(['"', '\'']);
    let after = ["errorcode", "error_code", "code"]
        .iter()
        .find_map(|field| name.strip_prefix(field))?;
    let value = after
        .trim_start_matches(['"', '\''])
        .trim_start()
        .strip_prefix([':', '='])?;
    Some(value.trim().trim_matches(['"', '\'', ',']))
}

/// The code of a message key, as the server's message files name them:
/// `status.7104.dev`, `stormpath.web.errors.7104` (`text` in lower case).
fn message_key_code(text: &str) -> Option<&str> {
    let parts: Vec<&str> = text.split('.').collect();
    let at = parts
        .iter()
        .position(|p| p.bytes().all(|b| b.is_ascii_digit()))?;
    let words = |parts: &[&str]| {
        parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
    };
    let (before, after) = (&parts[..at], &parts[at + 1..]);
    let keyed = match before.last() {
        Some(&"status") => after.len() <= 1,
        Some(&"errors") => after.is_empty(),
        _ => false,
    };
    (keyed && words(before) && words(after)).then_some(parts[at])
}

/// A code typed with the letter O for a zero (`71OO`) gets a did-you-mean.
fn letter_o_for_zero(text: &str) -> SelectorError {
    let zeros = text.replace('o', "0");
    match number(&zeros) {
        Ok(code) if zeros != text => SelectorError::LetterO(code),
        _ => SelectorError::Malformed,
    }
}

/// Reads a code argument that may hold a pasted list: codes in any form,
/// separated by spaces, commas or semicolons, with punctuation around them
/// ignored (`"7100, 7101."`, `7100;7103`). Every piece must be a code.
///
/// ```
/// use sperr::catalog::{Selector, parse_selectors};
/// assert_eq!(
///     parse_selectors("7100, Error 7101;7102-7103."),
///     Ok(vec![Selector::Code(7100), Selector::Code(7101), Selector::Range(7102, 7103)])
/// );
/// ```
pub fn parse_selectors(input: &str) -> Result<Vec<Selector>, SelectorError> {
    let whole = parse_selector(input);
    if whole.is_ok() || input.trim().is_empty() {
        return whole.map(|s| vec![s]);
    }
    let pieces: Vec<&str> = input
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '&')
        .flat_map(|p| {
            // `7100/7101` is two codes; a URL's slashes are its own.
            let url = p.contains("://");
            p.split(if url { '\0' } else { '/' })
        })
        .map(|p| {
            p.trim_start_matches(['(', '[', '"', '\''])
                .trim_end_matches(['.', ':', '!', '?', ')', ']', '"', '\''])
        })
        .filter(|p| !p.is_empty() && !matches!(p.to_ascii_lowercase().as_str(), "and" | "or"))
        .collect();
    let mut selectors = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        // `Error 7100` and `7100 - 7107` are one code each.
        let joined = match (pieces.get(i + 1), pieces.get(i + 2)) {
            (Some(&"-"), Some(high)) => Some((format!("{}-{high}", pieces[i]), 3)),
            (Some(next), _) if is_error_word(pieces[i]) => {
                Some((format!("{} {next}", pieces[i]), 2))
            }
            _ => None,
        };
        let (text, used) = joined.unwrap_or_else(|| (pieces[i].to_string(), 1));
        selectors.push(parse_selector(&text)?);
        i += used;
    }
    if selectors.is_empty() {
        return Err(SelectorError::Empty);
    }
    Ok(selectors)
}

fn is_error_word(word: &str) -> bool {
    let word = word.trim_start_matches('#').to_ascii_lowercase();
    word == "error" || word == "err"
}

fn number(digits: &str) -> Result<u32, SelectorError> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(SelectorError::Malformed);
    }
    if digits.len() > MAX_DIGITS {
        return Err(SelectorError::TooLong);
    }
    digits.parse().map_err(|_| SelectorError::Malformed)
}

/// The code in a moreInfo URL, in any of its three historic forms:
/// `…stormpath.com/docs/errors/NNNN`, `…docs.stormpath.com/errors/NNNN` and
/// `…/errors.html#error-NNNN`. The reference's page gave 4614, whose heading
/// lacks the word "Error", the anchor `#id1`.
pub fn code_in_url(text: &str) -> Option<u32> {
    let lower = text.to_ascii_lowercase();
    if !lower.contains("stormpath.com") {
        return None;
    }
    if lower.ends_with("errors.html#id1") {
        return Some(4614);
    }
    let digits_at = lower
        .rfind("/errors/")
        .map(|i| i + "/errors/".len())
        .or_else(|| lower.rfind("#error-").map(|i| i + "#error-".len()))?;
    let digits: String = lower[digits_at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    if digits.is_empty() || digits.len() > MAX_DIGITS {
        return None;
    }
    digits.parse().ok()
}
