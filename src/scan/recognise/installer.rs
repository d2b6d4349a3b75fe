//! A Windows Installer log (`=== Verbose logging started: …`, `MSI (s)
//! (4C:18) [10:14:10:401]: …`): the numbers of the installer's own lines
//! are its errors, whatever their range, even in a product named after
//! Stormpath (`Product: Stormpath Agent -- Error 2203.`), and so are the
//! numbers it writes as `Error 1920. Service …` (`DEBUG: Error 2103: …`) on
//! a line that does not name Stormpath. A ticket's prose after a pasted
//! log keeps its codes ("users get error 7100", "fails with Error 7100,
//! even with the right password"), and so does a writer's note after it
//! (`Error 1920 was a follow-on`): a note is prose.
//!
//! Outside a log, a text that has just spoken of installing (`the
//! installer got 80% of the way`, `I'm trying to install your scheduler`)
//! names the installer's errors: Windows Installer numbers many in the
//! 1900s, where Stormpath numbers its billing errors, and people write
//! both as `Error 1925`. Such an error is the installer's unless its line
//! speaks of paying (`Error 1927: the card was declined`) or names
//! Stormpath.

use super::Scanner;
use crate::scan::{Hit, Via};

/// How many lines after a word of installing an `Error 19xx` is the
/// installer's.
const INSTALLING_REACH: usize = 6;
/// The errors of Windows Installer that share Stormpath's billing codes.
const INSTALLER_ERRORS: std::ops::RangeInclusive<u32> = 1900..=1999;

/// What a text has said of installing, line by line.
#[derive(Default)]
pub(super) struct Installing {
    /// The text is a Windows Installer log.
    log: bool,
    /// The last line that spoke of installing (`install`, `installer`,
    /// `installation`).
    spoke: Option<usize>,
    /// That line named the installer itself (`That's the Windows Installer
    /// error`), not Stormpath: it names the errors just above it too.
    named_the_installer: bool,
    /// Where the block being read says `install`, and the next of those
    /// not yet passed.
    words: Vec<usize>,
    next: usize,
}

impl Installing {
    /// Finds the words of installing in a block, in lower case.
    pub(super) fn block(&mut self, lower: &[u8]) {
        self.words.clear();
        // Not `installment`.
        let installs = memchr::memmem::find_iter(lower, b"install");
        self.words
            .extend(installs.filter(|&at| !lower[at + 7..].starts_with(b"ment")));
        self.next = 0;
    }

    /// Reads a line of the block that ends at `end`, the text's line
    /// `number`.
    #[inline]
    pub(super) fn line(&mut self, line: &[u8], number: usize, end: usize) {
        if !self.log && is_installer_line(line) {
            self.log = true;
        }
        let passed = self.next;
        while self.words.get(self.next).is_some_and(|&at| at < end) {
            self.next += 1;
        }
        if self.next > passed {
            self.spoke = Some(number);
            let lower = line.to_ascii_lowercase();
            let says = |word: &[u8]| memchr::memmem::find(&lower, word).is_some();
            self.named_the_installer = says(b"installer") && !says(b"stormpath");
        }
    }

    /// Whether the text is an installer's log, or spoke of installing a
    /// few lines before `line` or on it.
    pub(super) fn bears_on(&self, line: usize) -> bool {
        self.log || self.lately(line)
    }

    fn lately(&self, line: usize) -> bool {
        self.spoke
            .is_some_and(|spoke| line <= spoke + INSTALLING_REACH)
    }

    /// Whether nothing read bears on the lines after `line`.
    pub(super) fn at_rest(&self, line: usize) -> bool {
        !self.log && !self.lately(line + 1)
    }
}

/// Whether a line is one that only a Windows Installer log has: its first
/// line, or one of the installer's own (client or server side), as it
/// stands or quoted in a mail or indented in a wiki (`> MSI (s) (…`). A
/// look at the first byte passes most lines by (a stack trace's tab too).
#[inline(always)]
pub(super) fn is_installer_line(line: &[u8]) -> bool {
    match line.first() {
        Some(b'M' | b'=') => starts_an_installer_line(line),
        Some(b' ' | b'>') => {
            let margin = line.iter().take_while(|b| b" >".contains(b)).count();
            starts_an_installer_line(&line[margin..])
        }
        _ => false,
    }
}

fn starts_an_installer_line(line: &[u8]) -> bool {
    line.starts_with(b"MSI (s) (")
        || line.starts_with(b"MSI (c) (")
        || line.starts_with(b"=== Verbose logging started")
        || line.starts_with(b"=== Logging started")
}

impl Scanner {
    /// Drops the numbers of a line (`line`, at `range` of the block) that
    /// are an installer's: in its log, all of them on one of its own lines,
    /// and all on a line that writes one as it does and does not name
    /// Stormpath; in a text that just spoke of installing, an `Error 19xx`
    /// on a line that does not speak of paying.
    pub(super) fn drop_installer_numbers(
        &mut self,
        line: &[u8],
        range: std::ops::Range<usize>,
        names_stormpath: bool,
    ) {
        // A number hit's text ends with its number (`Error 2203`).
        let end = |hit: &Hit| hit.column - 1 + hit.text.len();
        let log = self.installing.log;
        let installers = log && is_installer_line(line)
            || log
                && !names_stormpath
                && self
                    .current
                    .iter()
                    .any(|hit| hit.via == Via::Number && installer_error(line, end(hit)));
        if installers {
            self.current.retain(|hit| hit.via == Via::Message);
        } else if self.installing.lately(self.line) && !speaks_of_paying(&self.scratch.lower[range])
        {
            // A line that names Stormpath keeps its codes, unless it speaks
            // of installing itself (`Stormpath agent installer fails (Error
            // 1925)`) or writes one as the installer does (`Error 1920.
            // Service 'Stormpath Agent' failed`).
            let on_this_line = self.installing.spoke == Some(self.line);
            self.current.retain(|hit| {
                let installers =
                    !names_stormpath || on_this_line || installer_error(line, end(hit));
                !(is_installer_error(hit) && installers)
            });
        }
    }

    /// Drops the installer's errors on the few lines before one that
    /// names the installer and not Stormpath (`fails with "Error 1920.
    /// Service …"`, then `That's the Windows Installer error`; not `I also
    /// reinstalled the Stormpath SDK`), as `drop_installer_numbers` does on
    /// the lines after words of installing: in the block read, on lines
    /// that neither speak of paying nor name Stormpath.
    #[inline]
    pub(super) fn drop_installer_numbers_before(&mut self) {
        if self.installing.spoke != Some(self.line)
            || !self.installing.named_the_installer
            || self.installing.log
        {
            return;
        }
        self.drop_installer_numbers_above();
    }

    /// `drop_installer_numbers_before`'s work, out of line: few lines
    /// speak of installing.
    fn drop_installer_numbers_above(&mut self) {
        let near = self.line.saturating_sub(INSTALLING_REACH);
        let from = self.hits.partition_point(|hit| hit.line < near);
        let (lines, lower) = (&self.hit_lines, &self.scratch.lower);
        let line_of = |number: usize| {
            let i = lines.binary_search_by_key(&number, |&(n, _)| n).ok()?;
            let start = lines[i].1;
            let end = memchr::memchr(b'\n', &lower[start..]).map_or(lower.len(), |e| start + e);
            Some(&lower[start..end])
        };
        let installers = |hit: &Hit| {
            is_installer_error(hit)
                && line_of(hit.line).is_some_and(|line| {
                    !speaks_of_paying(line) && memchr::memmem::find(line, b"stormpath").is_none()
                })
        };
        let mut recent = self.hits.split_off(from);
        recent.retain(|hit| !installers(hit));
        self.hits.append(&mut recent);
    }
}

impl Installing {
    /// Whether a code that a sentence names (`run the installer as admin;
    /// if you get 1925 instead`) is the installer's: the text just spoke
    /// of installing, and the line (`lower`, in lower case) does not speak
    /// of paying or of a plan's limits (`a second application fails with
    /// 1902, we hit our plan's limit`).
    pub(super) fn may_have_written(&self, code: u32, line: usize, lower: &[u8]) -> bool {
        let find = |word: &[u8]| memchr::memmem::find(lower, word).is_some();
        INSTALLER_ERRORS.contains(&code)
            && self.lately(line)
            && !speaks_of_paying(lower)
            && !find(b"plan")
            && !find(b"limit")
    }
}

/// Whether a hit is an `Error 19xx` the installer may have written: a
/// number in its range, said as an error.
fn is_installer_error(hit: &Hit) -> bool {
    let said_as_an_error = hit
        .text
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("error"));
    hit.via == Via::Number && INSTALLER_ERRORS.contains(&hit.code) && said_as_an_error
}

/// Whether a line in lower case speaks of paying: a billing error's.
fn speaks_of_paying(lower: &[u8]) -> bool {
    [
        "card",
        "pay",
        "invoice",
        "subscription",
        "charge",
        "billing",
        "declined",
        "visa",
        "amex",
        "mastercard",
        "cvc",
        "cvv",
        "renew",
    ]
    .iter()
    .any(|word| memchr::memmem::find(lower, word.as_bytes()).is_some())
}

/// Whether the number that ends at `end` of a line is written as the
/// installer writes its errors, a sentence of its own or a debug line's
/// field: `Error 1920. Service …`, `DEBUG: Error 2103:  Could not …`; not a
/// ticket's "fails with Error 7100, even …".
fn installer_error(line: &[u8], end: usize) -> bool {
    let Some(before) = line.get(..end) else {
        return false;
    };
    let digits = before
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let after = &line[end..];
    before[..end - digits].ends_with(b"Error ")
        && (after.starts_with(b". ") || after.starts_with(b": ") || after == b"." || after == b":")
}

#[cfg(test)]
mod tests {
    use crate::scan::recognise::tests::codes;

    #[test]
    fn the_numbers_of_an_installer_log_are_its_errors() {
        let log = "=== Verbose logging started: 3/7/2016  10:14:02  Build type: SHIP UNICODE ===\n\
                   Error 1920. Service 'Sync' (Sync) failed to start.\n\
                   DEBUG: Error 2103:  Could not resolve path for shell folder 26.\n\
                   MSI (s) (4C:18) [10:14:10:401]: Product: Stormpath Agent -- Error 2006. Oops.\n\
                   The agent logged Stormpath error 7100 before the install.";
        assert_eq!(codes(log), [7100]);
        let log = "=== Logging started: 3/7/2016  10:14:02 ===\nError 1920. Service failed.";
        assert!(codes(log).is_empty());
        // Quoted in a mail, indented in a wiki.
        let quoted = "> MSI (s) (4C:18) [10:14:10:401]: Product: Sync -- Error 1920. Oops.\n\
                      >     Error 1925. You do not have sufficient privileges.";
        assert!(codes(quoted).is_empty());
        // The same lines without the installer's are a ticket's.
        assert_eq!(codes("We got Error 2006. Then nothing."), [2006]);
    }

    #[test]
    fn a_text_that_just_spoke_of_installing_names_the_installers_errors() {
        let chat = "Helen: I'm trying to install your desktop scheduler\n\
                    Luis: What happens when you run the installer?\n\
                    Helen: it just says Error 1925 and quits";
        assert!(codes(chat).is_empty());
        let mail = "The installer got about 80% of the way and then popped this up:\n\n\
                    \x20   Error 1920. Service 'Stormpath Agent' failed to start.\n";
        assert!(codes(mail).is_empty());
        // Paying, other families, and lines well past the words keep theirs.
        let billing = "We installed the agent.\nReplacing the card gave Error 1927, declined.\n\
                       Login gave error 7100.";
        assert_eq!(codes(billing), [1927, 7100]);
        let named = "The install went fine.\nStormpath said: Error 1902 - application limit.";
        assert_eq!(codes(named), [1902]);
        let installment = "Your monthly installment failed.\nBilling error: Error 1927.";
        assert_eq!(codes(installment), [1927]);
        let later = "We installed the agent.\n1\n2\n3\n4\n5\n6\nThen we got error 1925.";
        assert_eq!(codes(later), [1925]);
        // A sentence's code too (`if you get 1925 instead`), where the
        // text is about Stormpath's errors.
        let chat = "Stormpath errors are in #login.\nRun the installer as admin; \
                    if you get 1925 instead, ping me.\nLogin got 7100.";
        assert_eq!(codes(chat), [7100]);
        let card = "Stormpath errors are in #login.\nIf you get 1925 instead, ping me.";
        assert_eq!(codes(card), [1925]);
        let app = "Stormpath errors are in #login.\nYesterday I installed our app.\n\
                   A second application fails with 1902, we hit the plan's limit.";
        assert_eq!(codes(app), [1902], "a plan's limit");
        let agent = "Stormpath errors are in #login.\nI tried to install the agent.\n\
                     Near the end you'd get 1925 instead without admin rights.";
        assert_eq!(codes(agent), Vec::<u32>::new());
    }

    #[test]
    fn words_of_installing_just_after_an_error_name_the_installers() {
        let handover = "Reception PC: the client update fails with\n\
                          \"Error 1920. Service 'Print Agent' failed to\n\
                           start.\"\n\
                        That's the Windows Installer error. Reran the installer.\n";
        assert!(codes(handover).is_empty());
        // Paying, Stormpath named, or words well after keep theirs.
        let paying = "Card update gave Error 1927, declined.\nThen I reinstalled the app.";
        assert_eq!(codes(paying), [1927]);
        let named = "Stormpath said Error 1902.\nThe install went fine.";
        assert_eq!(codes(named), [1902]);
        let far = "We got error 1925.\n1\n2\n3\n4\n5\n6\nThen the installer ran.";
        assert_eq!(codes(far), [1925]);
        // Words of installing that do not name the installer, or name
        // Stormpath: `reinstalled the Stormpath SDK`.
        let sdk = "The admin console shows Error 1927.\nI also reinstalled the Stormpath SDK.\n";
        assert_eq!(codes(sdk), [1927]);
        let browser = "Then Error 1928.\nI will uninstall the old browser extension.\n";
        assert_eq!(codes(browser), [1928]);
    }

    #[test]
    fn a_tickets_prose_after_a_pasted_log_keeps_its_codes() {
        let ticket = "MSI (s) (4C:18) [10:14:10:401]: Product: Sync -- Error 1920. Oops.\n\
                      After the install every user gets error 7100 and some get error code 7101.\n\
                      Every login fails with Error 7103, even with the right password.\n\
                      Error 7104 for two new hires; confirmed in the Stormpath console.\n\
                      The Stormpath API now answers Error 7102. Login attempt failed.";
        assert_eq!(codes(ticket), [7100, 7101, 7103, 7104, 7102]);
    }
}
