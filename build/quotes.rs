//! The texts a ticket may quote, `quotes.rs`: catalog messages (whole, a
//! long sentence of one, or a prefix that names its code) and the server's
//! templates, folded for matching.

use crate::catalog_source::Source;
use crate::quotable::{MIN_QUOTED_MESSAGE, MIN_TEMPLATE_LITERAL};
use crate::tables::{array, string_table};
use crate::{fold, markup, sentences};
use std::collections::BTreeSet;

/// A sentence of a message, quoted alone, must be at least this long.
const MIN_SENTENCE: usize = 40;

/// The texts a ticket may quote, folded for matching: catalog messages and
/// the server's templates without placeholders as plain quotes, templates
/// with placeholders apart. A text that two codes share (the 5xxx
/// "Oops!" message, 7205's and 7206's template) names neither and is left out.
pub fn quotes(source: &Source) -> String {
    let mut messages: Vec<(Vec<u8>, u32)> = Vec::new();
    let mut templates: Vec<(Vec<u8>, u32)> = Vec::new();
    for e in &source.error {
        // A description says what a source shows: no ticket quotes it.
        let message = Some(&e.message).filter(|_| e.message_kind.is_none());
        for text in [message, e.user_message.as_ref()].into_iter().flatten() {
            push_quote(&mut messages, text, e.code);
        }
        // A ticket may quote an older wording, or a fill of a template the
        // server's file does not hold.
        for v in source.variant.iter().filter(|v| v.code == e.code) {
            push_quote(&mut messages, &v.text, e.code);
        }
        for s in &e.server {
            let folded = fold::fold_template(&s.text);
            let literal = folded.iter().filter(|&&b| b != fold::HOLE).count();
            if !folded.contains(&fold::HOLE) {
                messages.push((folded, e.code));
            } else if literal >= MIN_TEMPLATE_LITERAL {
                templates.push((folded, e.code));
            }
        }
    }
    messages.retain(|(text, _)| text.len() >= MIN_QUOTED_MESSAGE);
    let mut out = String::new();
    let all: Vec<(Vec<u8>, u32)> = messages.iter().chain(&templates).cloned().collect();
    for (name, mut list) in [("MESSAGES", messages), ("TEMPLATES", templates)] {
        list.sort();
        list.dedup();
        let shared: BTreeSet<Vec<u8>> = list
            .windows(2)
            .filter(|w| w[0].0 == w[1].0)
            .map(|w| w[0].0.clone())
            .collect();
        list.retain(|(text, _)| !shared.contains(text));
        let texts: Vec<String> = list
            .iter()
            .map(|(t, _)| String::from_utf8_lossy(t).into_owned())
            .collect();
        string_table(
            &mut out,
            name,
            &format!("{name}_ENDS"),
            texts.iter().map(|t| t.as_str()),
        );
        let codes: Vec<u32> = list.iter().map(|(_, c)| *c).collect();
        array(&mut out, &format!("{name}_CODES"), "u32", &codes);
        if name == "MESSAGES" {
            let prefixes: Vec<usize> = list.iter().map(|(t, c)| own_prefix(t, *c, &all)).collect();
            array(&mut out, "MESSAGES_PREFIX", "usize", &prefixes);
        }
    }
    out
}

/// The fewest words a quoted prefix of a message must have to name it.
const MIN_PREFIX_WORDS: usize = 6;

/// The length of the shortest prefix of a folded message, of whole words
/// and at least `MIN_PREFIX_WORDS` of them, that no text of another code
/// holds: a quote of that much names the message's code. 0 when there is
/// none shorter than the message.
fn own_prefix(text: &[u8], code: u32, all: &[(Vec<u8>, u32)]) -> usize {
    let word_ends = text
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b' ')
        .map(|(i, _)| {
            // A quote may leave out the punctuation after a word.
            i - text[..i]
                .iter()
                .rev()
                .take_while(|b| !b.is_ascii_alphanumeric())
                .count()
        });
    for end in word_ends.skip(MIN_PREFIX_WORDS - 1) {
        let prefix = &text[..end];
        let shared = all
            .iter()
            .any(|(other, c)| *c != code && other.windows(prefix.len()).any(|w| w == prefix));
        if !shared {
            return end;
        }
    }
    0
}

/// A message as a ticket may quote it: whole, or one long sentence of it.
fn push_quote(messages: &mut Vec<(Vec<u8>, u32)>, text: &str, code: u32) {
    let plain = markup::plain(text);
    messages.push((fold::fold_quote(&plain), code));
    // A ticket often quotes one sentence of a longer message.
    for sentence in sentences(&plain) {
        if sentence.len() >= MIN_SENTENCE {
            messages.push((fold::fold_quote(sentence), code));
        }
    }
}
