//! A Windows Installer log (`=== Verbose logging started: …`, `MSI (s)
//! (4C:18) [10:14:10:401]: …`): its numbers are the installer's errors
//! (`Error 1920. Service … failed to start.`, `DEBUG: Error 2103: …`,
//! `Note: 1: 2205 2: …`), whatever their range, and so are the numbers a
//! writer's note after the log gives them (`Error 1920 was a follow-on`).
//! A line that names Stormpath keeps what it says of Stormpath's codes,
//! but not the installer's `Error NNNN.` of a product named after it
//! (`Product: Stormpath Agent -- Error 2203.`).

use super::Scanner;
use crate::scan::Via;

/// Whether a line is one that only a Windows Installer log has: its first
/// line, or one of the installer's own (client or server side).
pub(super) fn is_installer_line(line: &[u8]) -> bool {
    match line.first() {
        Some(b'M') => line.starts_with(b"MSI (s) (") || line.starts_with(b"MSI (c) ("),
        Some(b'=') => line.starts_with(b"=== Verbose logging started"),
        _ => false,
    }
}

impl Scanner {
    /// Drops the numbers of a line of an installer log: all of them on a
    /// line that does not name Stormpath, its `Error NNNN.` on one that
    /// does.
    pub(super) fn drop_installer_numbers(&mut self, line: &[u8], names_stormpath: bool) {
        self.current.retain(|hit| {
            // A number hit's text ends with its number (`Error 2203`).
            let end = hit.column - 1 + hit.text.len();
            hit.via == Via::Message || names_stormpath && !installer_error(line, end)
        });
    }
}

/// Whether the number that ends at `end` of a line is written as the
/// installer writes its errors: `Error 2203.`, `Error 2103:`.
fn installer_error(line: &[u8], end: usize) -> bool {
    let Some(before) = line.get(..end) else {
        return false;
    };
    let digits = before
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let before = &before[..end - digits];
    matches!(line.get(end), Some(b'.' | b':'))
        && before.len() >= 6
        && before[before.len() - 6..].eq_ignore_ascii_case(b"error ")
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
                   The agent logged Stormpath error 7100 before the install.\n\
                   Error 1920 was a follow-on of the failed registration.";
        assert_eq!(codes(log), [7100]);
        // The same lines without the installer's are a ticket's.
        assert_eq!(codes("We got Error 2006. Then nothing."), [2006]);
    }
}
