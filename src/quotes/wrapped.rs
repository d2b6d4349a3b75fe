//! A message quoted over two or more lines, as e-mail and Markdown wrap
//! it: a line whose end cut a quote before it said enough goes on with the
//! next line's words.

use super::{data, fold, message, quoted_end};

/// A quote that a line's end cut: its message, and how many of the
/// message's folded bytes the lines so far matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RunsOn {
    pub(super) message: usize,
    pub(super) matched: usize,
}

/// The most quotes one line's end may leave running on.
pub(super) const MAX_RUNS_ON: usize = 4;
/// How much of a message a line must have said, in folded bytes, for its
/// quote to go on past the line's end: some words, not an anchor alone.
pub(super) const MIN_RUN: usize = 24;

/// Where a quote that ran to the end of the last line goes on this one:
/// its code and span here once it says enough of its message, or how far
/// it runs on past this line's end too; None when the line does not go on
/// with it.
pub(crate) fn goes_on(text: &[u8], run: RunsOn) -> Option<Result<(u32, usize, usize), RunsOn>> {
    let literal = message(run.message);
    // Past the indentation and the marks of a quote (`is_mark`).
    let start = text.iter().position(|&b| !is_mark(b))?;
    let rest = &literal[run.matched..];
    let from = run.matched + rest.iter().take_while(|b| **b == b' ').count();
    let (matched, end) = fold::common_prefix(text, start, &literal[from..]);
    if matched == 0 {
        return None;
    }
    match quoted_end(run.message, from + matched) {
        Some(quoted) if quoted > from => {
            let end = fold::folds_to_at(text, start, &literal[from..quoted])?;
            Some(Ok((data::MESSAGES_CODES[run.message], start, end)))
        }
        _ if text[end..].trim_ascii().is_empty() => Some(Err(RunsOn {
            message: run.message,
            matched: from + matched,
        })),
        _ => None,
    }
}

/// Whether a quote whose line starts inside it (only indentation and the
/// marks of a quote before `start`) began on the line before: that line
/// ends with the message's `head`, the part this line does not say.
pub(super) fn began_before(text: &[u8], start: usize, previous: &[u8], head: &[u8]) -> bool {
    // Cheapest first: most places a line's words stand at are no quote.
    if head.len() < MIN_RUN || !text[..start].iter().all(|&b| is_mark(b)) {
        return false;
    }
    let previous = previous.trim_ascii_end();
    fold::folds_to_before(previous, previous.len(), head.trim_ascii_end()).is_some()
}

/// The most bytes of the line before that a quote across the two lines
/// is looked for in.
const MAX_TAIL: usize = 160;

/// Quotes that begin at the end of the line before and end on this one,
/// as e-mail and Markdown wrap a filled-in template (`it told me Account
/// with that email already exists.  Please choose` / `> another email.`),
/// which `goes_on` does not follow: (code, start, end) in `text`, the part
/// on this line. Asked only where this line's words start after its marks
/// and the line before ends inside a sentence.
pub(crate) fn find_across(
    previous: &[u8],
    text: &[u8],
    buffers: &mut super::FoldBuffers,
) -> Vec<(u32, usize, usize)> {
    let Some(start) = text.iter().position(|&b| !is_mark(b)) else {
        return Vec::new();
    };
    let previous = previous.trim_ascii_end();
    let goes_on = text[start].is_ascii_alphabetic()
        && previous
            .last()
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b',');
    if !goes_on {
        return Vec::new();
    }
    let content = previous.iter().position(|&b| !is_mark(b)).unwrap_or(0);
    // From a word's start, within the last `MAX_TAIL` bytes.
    let from = previous.len().saturating_sub(MAX_TAIL).max(content);
    let from = match from == content {
        true => from,
        false => previous[from..]
            .iter()
            .position(|&b| b == b' ')
            .map_or(previous.len(), |at| from + at + 1),
    };
    let tail = &previous[from..];
    let joined = [tail, b" ", &text[start..]].concat();
    let boundary = tail.len() + 1;
    super::find_quotes_in_line(&joined, buffers)
        .into_iter()
        .filter(|&(_, s, e)| s < boundary && e > boundary)
        .map(|(code, _, e)| (code, start, start + e - boundary))
        .collect()
}

/// What may stand before the words of a wrapped quote's lines: the
/// indentation and the marks of a quote or a comment (`> `, `| `, `// `,
/// `* `, `# `).
fn is_mark(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'>' | b'|' | b'*' | b'#' | b'/')
}
