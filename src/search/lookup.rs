//! What a query names outright: codes by number, selectors (`71xx`,
//! `7100-7102`) and quoted messages, each scored above any word match.

use super::tuning::{CODE_PREFIX_SCORE, EXACT_CODE_SCORE, QUOTED_MESSAGE_SCORE};
use crate::catalog::{self, Selector};
use crate::quotes;

/// A part of the query that names codes by number, and where it stands.
#[derive(Debug, PartialEq)]
pub(super) struct Lookup {
    pub(super) selector: Selector,
    pub(super) span: std::ops::Range<usize>,
}

/// The parts of the query that name codes. A number is a code when it has
/// a code's shape (4 or 5 digits) and stands alone, or is written as one
/// (`error-7100`, a moreInfo URL, `"code": 7100`); a prefix only as a
/// pattern (`71xx`, `71*`) or when the whole query is that number. Digits
/// fused to units, dates, times, query parameters or identifiers (`10MB`,
/// `2016-05-01`, `?limit=50`) and a 3-digit HTTP status are text.
pub(super) fn code_lookups(query: &str) -> Vec<Lookup> {
    let whole = query.trim();
    if !whole.is_empty() && whole.len() <= 5 && whole.bytes().all(|b| b.is_ascii_digit()) {
        let start = query.len() - query.trim_start().len();
        return vec![Lookup {
            selector: Selector::Pattern {
                prefix: whole.to_string(),
                width: None,
            },
            span: start..start + whole.len(),
        }];
    }
    let mut lookups = Vec::new();
    let mut previous = "";
    for (start, chunk) in chunks(query) {
        // `since 2016`, `in 2015`: a year, however much it looks like a code.
        let after_time_word = YEAR_WORDS.iter().any(|w| previous.eq_ignore_ascii_case(w));
        previous = chunk;
        if after_time_word && is_year(chunk) {
            continue;
        }
        let trimmed = chunk.trim_start_matches(['"', '\'', '(', '[', '{', '<']);
        let begin = start + chunk.len() - trimmed.len();
        let trimmed =
            trimmed.trim_end_matches(['"', '\'', ')', ']', '}', '>', '.', ',', ';', ':', '!', '?']);
        if let Some(selector) = code_selector(trimmed) {
            lookups.push(Lookup {
                selector,
                span: begin..begin + trimmed.len(),
            });
        }
    }
    lookups
}

/// Words after which a number of a year's shape is a year.
const YEAR_WORDS: &[&str] = &[
    "in", "since", "until", "till", "before", "after", "during", "from", "by",
];

fn is_year(chunk: &str) -> bool {
    let digits = chunk.trim_end_matches([',', '.', ';', ':', ')']);
    digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits.starts_with("19") || digits.starts_with("20"))
}

/// The chunks of a text between white space, commas and braces (a pasted
/// JSON body's fields: `{"status":400,"code":7104,…}`), with their byte
/// offsets.
fn chunks(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '{' | '}'))
        .filter(|c| !c.is_empty())
        .map(move |c| (c.as_ptr() as usize - text.as_ptr() as usize, c))
}

/// What one chunk of a query names by number, if it is written as a code.
fn code_selector(chunk: &str) -> Option<Selector> {
    // `"code":7100` or `code=7100`: a field that holds a code.
    let value = match chunk.rsplit_once([':', '=']) {
        Some((key, value))
            if key
                .trim_matches(['"', '\''])
                .to_ascii_lowercase()
                .ends_with("code") =>
        {
            value.trim_matches(['"', '\''])
        }
        _ => chunk,
    };
    let is_code = |n: &str| (4..=5).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit());
    // `stormpath.web.errors.7200`, `status.7200`, `errors/7200`: a key or a
    // path whose last part is a code under a word that says so.
    let mut parts = value.rsplit(['.', '/']);
    if let (Some(last), Some(parent)) = (parts.next(), parts.next())
        && is_code(last)
        && ["error", "errors", "status", "code"].contains(&parent.to_ascii_lowercase().as_str())
    {
        return last.parse().ok().map(Selector::Code);
    }
    let digits = value.trim_start_matches(|c: char| !c.is_ascii_digit());
    let selector = catalog::parse_selector(value).ok()?;
    let shaped = match &selector {
        Selector::Code(_) => is_code(digits) || catalog::code_in_url(value).is_some(),
        Selector::Range(..) => {
            let (low, high) = digits.split_once('-')?;
            is_code(low) && is_code(high.trim_start_matches(|c: char| !c.is_ascii_digit()))
        }
        // A pattern says so: `71xx`, `71*`.
        Selector::Pattern { prefix, .. } => !prefix.is_empty() && value.len() > prefix.len(),
    };
    shaped.then_some(selector)
}

/// Codes the query names by number score above any word match: an exact
/// code most, the codes of a pattern or range next.
pub(super) fn score_lookup(selector: &Selector, scores: &mut [f64]) {
    let exact = match selector {
        Selector::Code(code) => Some(*code),
        Selector::Pattern { prefix, .. } => prefix.parse().ok(),
        Selector::Range(..) => None,
    };
    for (i, entry) in catalog::entries().iter().enumerate() {
        if selector.contains(entry.code) {
            scores[i] += if exact == Some(entry.code) {
                EXACT_CODE_SCORE
            } else {
                CODE_PREFIX_SCORE
            };
        }
    }
}

/// A query that quotes a catalog message, or a server message with its
/// placeholders filled in, names that code.
pub(super) fn score_quoted_messages(query: &str, scores: &mut [f64]) {
    let mut seen = Vec::new();
    for (code, _, _) in quotes::find_quotes(query.as_bytes()) {
        if !seen.contains(&code) {
            seen.push(code);
            if let Some(i) = catalog::position(code) {
                scores[i] += QUOTED_MESSAGE_SCORE;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::tests::top;

    #[test]
    fn an_exact_code_ranks_first_and_a_prefix_ranks_its_codes() {
        assert_eq!(top("7100")[0], 7100);
        assert_eq!(top("71"), [7100, 7101, 7102, 7103, 7104]);
    }

    fn codes_named(query: &str) -> Vec<Selector> {
        code_lookups(query)
            .into_iter()
            .map(|l| l.selector)
            .collect()
    }

    #[test]
    fn a_number_is_a_code_only_in_a_codes_shape() {
        assert_eq!(codes_named("error 7100 again"), [Selector::Code(7100)]);
        assert_eq!(codes_named("(#error-7101)."), [Selector::Code(7101)]);
        // A pasted JSON body's field, among others.
        let body = r#"{"status":400,"code":7104,"message":"Invalid username."}"#;
        assert_eq!(codes_named(body), [Selector::Code(7104)]);
        assert_eq!(codes_named(r#"{"code":7102,"#), [Selector::Code(7102)]);
        assert_eq!(codes_named("7100-7102"), [Selector::Range(7100, 7102)]);
        assert_eq!(
            codes_named("stormpath.web.errors.7200"),
            [Selector::Code(7200)]
        );
        assert_eq!(codes_named("version.2016 v1.7100"), []);
        assert!(matches!(
            &codes_named("71xx locked")[..],
            [Selector::Pattern { .. }]
        ));
        for text in [
            "POST /accounts returns 400",
            "customData over the 10MB limit",
            "?limit=50&limit=100",
            "2016-05-01 12:30:00 WARN",
            "since 2016 users get locked",
            "user_7100 and id=7100 and 633559",
        ] {
            assert_eq!(codes_named(text), [], "{text}");
        }
        // The whole query a number: the codes it begins.
        assert!(matches!(
            &codes_named(" 71 ")[..],
            [Selector::Pattern { .. }]
        ));
    }

    #[test]
    fn numbers_in_free_text_do_not_outrank_its_words() {
        let status = top("POST /accounts returns 400");
        assert!(
            !status.starts_with(&[4001]) && !status.starts_with(&[4002]),
            "{status:?}"
        );
        assert_eq!(
            top("2016-05-01 WARN Login attempt failed because the Account is disabled.")[0],
            7101
        );
        assert_eq!(top("since 2016 users get account locked")[0], 7103);
        assert!(
            !top("customData over the 10MB limit")[0]
                .to_string()
                .starts_with("100")
        );
        assert_eq!(top("71xx locked")[0], 7103);
    }
}
