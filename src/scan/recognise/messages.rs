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
        let reworded = reworded.then(|| quotes::find_reworded(text)).flatten();
        for (code, start, end) in found.into_iter().chain(reworded) {
            if !(text[..start].trim_ascii().is_empty() && self.named_on_the_line_before(code)) {
                self.push(code, Via::Message, offset + start, &text[start..end]);
            }
        }
    }

    /// Whether the line before holds a hit of `code`: a message that
    /// wraps onto this line (`Stormpath error 1904: "In order to change
    /// your` over `subscription, you need …"`) is the mention found there.
    pub(super) fn named_on_the_line_before(&self, code: u32) -> bool {
        self.hits
            .iter()
            .rev()
            .take_while(|hit| hit.line + 1 >= self.line)
            .any(|hit| hit.code == code && hit.line + 1 == self.line)
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

#[cfg(test)]
mod tests {
    use crate::scan::recognise::tests::codes;
    use crate::scan::scan_text;

    #[test]
    fn a_message_wrapped_onto_the_next_line_is_the_mention_above_it() {
        let mail = "The console gave back Stormpath error 1904: \"In order to change your\n   \
                    subscription, you need to add a payment method first.\" I added a card.\n";
        assert_eq!(scan_text(mail.as_bytes()).len(), 1);
        // A message of its own on the next line is one more mention.
        let two = "Stormpath error 1904 on Monday.\nLogin attempt failed because the Account is locked.\n";
        assert_eq!(codes(two), [1904, 7103]);
    }
}
