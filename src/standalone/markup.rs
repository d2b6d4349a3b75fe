//! The reference's inline markup, kept in errors.toml: ``literal`` and
//! *emphasis*. Renderers style the spans; plain and JSON output drop the marks.
//!
//! Shared by the build script, which indexes and quotes the plain text, and
//! by the renderers. Compiled twice (see `standalone`): it names nothing of
//! the crate.

/// A run of text and how the reference marked it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span<'a> {
    Text(&'a str),
    Literal(&'a str),
    Emphasis(&'a str),
}

/// Splits a catalog text into its marked and unmarked runs. An opening mark
/// with no closing one is text, so any input gives back all its characters.
pub fn spans(text: &str) -> Vec<Span<'_>> {
    let mut spans = Vec::new();
    let mut rest = text;
    loop {
        let literal = rest.find("``");
        let emphasis = rest.find('*').filter(|&i| {
            rest[i + 1..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace() && c != '*')
        });
        let (open, mark, literal) = match (literal, emphasis) {
            (Some(l), Some(e)) if e < l => (e, "*", false),
            (Some(l), _) => (l, "``", true),
            (None, Some(e)) => (e, "*", false),
            (None, None) => break,
        };
        let inner_start = open + mark.len();
        let Some(close) = rest[inner_start..].find(mark) else {
            break;
        };
        if open > 0 {
            spans.push(Span::Text(&rest[..open]));
        }
        let inner = &rest[inner_start..inner_start + close];
        spans.push(if literal {
            Span::Literal(inner)
        } else {
            Span::Emphasis(inner)
        });
        rest = &rest[inner_start + close + mark.len()..];
    }
    if !rest.is_empty() {
        spans.push(Span::Text(rest));
    }
    spans
}

/// The text without its marks, as plain and JSON output carry it.
pub fn plain(text: &str) -> String {
    spans(text)
        .into_iter()
        .map(|span| match span {
            Span::Text(t) | Span::Literal(t) | Span::Emphasis(t) => t,
        })
        .collect()
}

/// The text on one line, for tab-separated output: each line break or tab,
/// with the white space around it, becomes one space. Other spacing stays as
/// the reference wrote it.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, piece) in text.split(['\n', '\r', '\t']).enumerate() {
        let piece = if i == 0 { piece } else { piece.trim_start() };
        if piece.is_empty() {
            continue;
        }
        if !out.is_empty() {
            let kept = out.trim_end().len();
            out.truncate(kept);
            out.push(' ');
        }
        out.push_str(piece);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_and_emphasis_are_found() {
        assert_eq!(
            spans("set ``status`` to *x* now"),
            [
                Span::Text("set "),
                Span::Literal("status"),
                Span::Text(" to "),
                Span::Emphasis("x"),
                Span::Text(" now"),
            ]
        );
    }

    #[test]
    fn a_literal_backslash_survives() {
        assert_eq!(plain("a ``\\`` space"), "a \\ space");
    }

    #[test]
    fn unclosed_marks_stay_text() {
        assert_eq!(plain("a ``b and * c"), "a ``b and * c");
        assert_eq!(
            plain("Organization's `Account stores'"),
            "Organization's `Account stores'"
        );
    }

    #[test]
    fn one_line_folds_paragraphs() {
        assert_eq!(one_line("a.\n\nb.  c\td"), "a. b.  c d");
    }
}
