//! A Windows Installer log (`=== Verbose logging started: …`, `MSI (s)
//! (4C:18) [10:14:10:401]: …`): the numbers of the installer's own lines
//! are its errors, whatever their range, even in a product named after
//! Stormpath (`Product: Stormpath Agent -- Error 2203.`), and so are the
//! numbers it writes as `Error 1920. Service …` (`DEBUG: Error 2103: …`) on
//! a line that does not name Stormpath. A ticket's prose after a pasted
//! log keeps its codes ("users get error 7100", "fails with Error 7100,
//! even with the right password"), and so does a writer's note after it
//! (`Error 1920 was a follow-on`): a note is prose.

use super::Scanner;
use crate::scan::{Hit, Via};

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
    /// Drops the numbers of a line of an installer log (`line`) that are
    /// the installer's: all of them on one of its own lines, and all on a
    /// line that writes one as it does and does not name Stormpath.
    pub(super) fn drop_installer_numbers(&mut self, line: &[u8], names_stormpath: bool) {
        // A number hit's text ends with its number (`Error 2203`).
        let end = |hit: &Hit| hit.column - 1 + hit.text.len();
        let installers = is_installer_line(line)
            || !names_stormpath
                && self
                    .current
                    .iter()
                    .any(|hit| hit.via == Via::Number && installer_error(line, end(hit)));
        if installers {
            self.current.retain(|hit| hit.via == Via::Message);
        }
    }
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
    fn a_tickets_prose_after_a_pasted_log_keeps_its_codes() {
        let ticket = "MSI (s) (4C:18) [10:14:10:401]: Product: Sync -- Error 1920. Oops.\n\
                      After the install every user gets error 7100 and some get error code 7101.\n\
                      Every login fails with Error 7103, even with the right password.\n\
                      Error 7104 for two new hires; confirmed in the Stormpath console.\n\
                      The Stormpath API now answers Error 7102. Login attempt failed.";
        assert_eq!(codes(ticket), [7100, 7101, 7103, 7104, 7102]);
    }
}
