//! The colour palette: the one place that decides what looks like what.
//! Decided once at start (`Palette::new`) and passed down.

use crate::catalog::ServerMessage;
use crate::standalone::markup::{self, Span};
use owo_colors::OwoColorize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub enabled: bool,
}

impl Palette {
    pub(crate) fn new(enabled: bool) -> Self {
        Palette { enabled }
    }

    fn paint(&self, text: &str, style: fn(&str) -> String) -> String {
        if self.enabled {
            style(text)
        } else {
            text.to_string()
        }
    }

    /// An error code.
    pub(crate) fn code(&self, text: &str) -> String {
        self.paint(text, |t| t.bold().cyan().to_string())
    }

    /// A category name or range.
    pub(crate) fn category(&self, text: &str) -> String {
        self.paint(text, |t| t.magenta().to_string())
    }

    /// A literal from the reference (``ENABLED``), or a placeholder.
    pub(crate) fn literal(&self, text: &str) -> String {
        self.paint(text, |t| t.yellow().to_string())
    }

    /// A heading in long-form output.
    pub(crate) fn heading(&self, text: &str) -> String {
        self.paint(text, |t| t.bold().to_string())
    }

    /// Notes and secondary text.
    pub(crate) fn dim(&self, text: &str) -> String {
        self.paint(text, |t| t.dimmed().to_string())
    }

    /// A word that matched the search.
    pub(crate) fn matched(&self, text: &str) -> String {
        self.paint(text, |t| t.bold().green().underline().to_string())
    }

    /// A bar in a summary chart.
    pub(crate) fn bar(&self, text: &str) -> String {
        self.paint(text, |t| t.blue().to_string())
    }

    /// A catalog text with its markup rendered: literals styled, emphasis
    /// italic, and the marks themselves dropped.
    pub(crate) fn marked(&self, text: &str) -> String {
        self.marked_with(text, &|_| false)
    }

    /// Like `marked`, with the words that `is_match` accepts highlighted.
    pub(crate) fn marked_with(&self, text: &str, is_match: &dyn Fn(&str) -> bool) -> String {
        let mut out = String::with_capacity(text.len());
        for span in markup::spans(text) {
            match span {
                Span::Text(t) => self.highlight_words(&mut out, t, is_match),
                Span::Literal(t)
                    if self.enabled && t.split(|c: char| !c.is_alphanumeric()).any(is_match) =>
                {
                    out.push_str(&self.matched(t))
                }
                Span::Literal(t) => out.push_str(&self.literal(t)),
                Span::Emphasis(t) => out.push_str(&self.paint(t, |t| t.italic().to_string())),
            }
        }
        out
    }

    fn highlight_words(&self, out: &mut String, text: &str, is_match: &dyn Fn(&str) -> bool) {
        if !self.enabled {
            out.push_str(text);
            return;
        }
        let mut rest = text;
        while !rest.is_empty() {
            let word_len = rest
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(rest.len());
            if word_len == 0 {
                let c = rest.chars().next().map_or(1, char::len_utf8);
                out.push_str(&rest[..c]);
                rest = &rest[c..];
                continue;
            }
            let word = &rest[..word_len];
            if is_match(word) {
                out.push_str(&self.matched(word));
            } else {
                out.push_str(word);
            }
            rest = &rest[word_len..];
        }
    }

    /// The server's templates for a code, one a line: who saw it, the
    /// variant if any, and the template.
    pub(crate) fn server_messages(&self, messages: &[ServerMessage]) -> String {
        let lines: Vec<String> = messages
            .iter()
            .map(|m| {
                let label = match m.variant() {
                    Some(variant) => format!("{} ({variant}):", m.audience()),
                    None => format!("{}:", m.audience()),
                };
                format!("{} {}", self.dim(&label), self.template(m.text()))
            })
            .collect();
        lines.join("\n")
    }

    /// A server template, with its `{0}`-style placeholders styled.
    pub(crate) fn template(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| open + c + 1) else {
                break;
            };
            out.push_str(&rest[..open]);
            out.push_str(&self.literal(&rest[open..close]));
            rest = &rest[close..];
        }
        out.push_str(rest);
        out
    }
}
