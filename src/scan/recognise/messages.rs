//! Messages quoted in a line without their number: the catalog's texts
//! and the server's filled-in templates at the quote words the prefilter
//! found, and a message said in other words.

use super::Scanner;
use crate::quotes;
use crate::scan::Via;

/// How many of the catalog's rarer words a line must hold before it is
/// read for a message in other words (`quotes::find_reworded`).
const REWORDED_QUOTE_WORDS: usize = 1;

impl Scanner {
    /// Catalog messages and the server's filled-in templates, quoted
    /// without a number.
    pub(super) fn messages(&mut self, text: &[u8], previous: &[u8], offset: usize) {
        let found = self.quotes(text, previous);
        // A line that names its code by number needs no other words.
        let reworded = found.is_empty() && self.current.is_empty() && self.may_be_reworded();
        if let Some((code, start, end)) = reworded.then(|| quotes::find_reworded(text)).flatten() {
            self.push(code, Via::Message, offset + start, &text[start..end]);
        }
        for (code, start, end) in found {
            self.push(code, Via::Message, offset + start, &text[start..end]);
        }
    }

    /// The messages a line quotes, at the quote words the prefilter found
    /// in it; a quote its end cuts goes on to the next line.
    pub(super) fn quotes(&mut self, text: &[u8], previous: &[u8]) -> Vec<(u32, usize, usize)> {
        quotes::find_quotes_at(
            text,
            previous,
            &self.scratch.quote_words,
            &mut self.scratch.folded,
            &mut self.quotes_cut,
        )
    }

    /// Whether the line holds enough of the catalog's rarer words to say a
    /// message in other words.
    pub(super) fn may_be_reworded(&self) -> bool {
        self.scratch.quote_words.len() >= REWORDED_QUOTE_WORDS
    }
}
