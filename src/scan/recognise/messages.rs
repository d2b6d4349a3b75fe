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
    /// A quote the line before began may end here, wrapped.
    pub(super) fn quotes(&mut self, text: &[u8], previous: &[u8]) -> Vec<(u32, usize, usize)> {
        let found = quotes::find_quotes_at(
            text,
            previous,
            &self.scratch.quote_words,
            &mut self.scratch.folded,
            &mut self.quotes_cut,
        );
        match found.is_empty() {
            true => quotes::find_across(previous, text, &mut self.scratch.folded),
            false => found,
        }
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

    #[test]
    fn a_filled_template_wrapped_over_quoted_lines_is_found_where_it_ends() {
        let mail = "> and it told me Account with that email already exists.  Please choose\n\
                    > another email.  Can't two cards use the same e-mail??\n";
        let hits = scan_text(mail.as_bytes());
        assert_eq!(
            hits.iter().map(|h| (h.code, h.line)).collect::<Vec<_>>(),
            [(2001, 2)]
        );
        let plain =
            "a 3 digit PIN and it said Account password\nminimum length not satisfied. Then\n";
        assert_eq!(codes(plain), [2007]);
        // A sentence that ended on the line before starts no quote with it.
        assert!(
            codes("I typed my password.\nminimum length not satisfied is all it said\n").is_empty()
        );
    }
}
