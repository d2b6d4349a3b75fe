//! A number's own message: what another program prints right after its
//! error number may say whose the number is. A Python database driver's
//! tuple (`OperationalError(2006, 'MySQL server has gone away')`), a
//! vendor's message with no mark before it (`General error: 2006 MySQL
//! server has gone away`) and a Windows Sockets name (`**10013**
//! (WSAEACCES)`) give numbers their vendors' meanings.
//!
//! Only such positive signs count. A writer's own gloss after a Stormpath
//! code may say anything in any words (`Error 7100: users can't sign in
//! after the migration`, `error 7100: el usuario no puede iniciar
//! sesión`), so what a message does not share with the catalog says
//! nothing. Prose lines and logs only, on a line that does not name
//! Stormpath.

use super::source::{context_says_stormpath, names_vendor};
use crate::scan::{Hit, Via};

/// The most bytes of a message read after its number.
const MAX_MESSAGE: usize = 200;

/// Drops the numbers of a line (`text`, at `offset` of its whole) whose own
/// message says they are another program's, unless one of the line's
/// context words (`keywords`) names Stormpath.
pub(super) fn drop_others(
    hits: &mut Vec<Hit>,
    keywords: &[(usize, usize)],
    text: &[u8],
    offset: usize,
) {
    if !hits.iter().any(|h| h.via == Via::Number) || context_says_stormpath(text, keywords) {
        return;
    }
    hits.retain(|hit| {
        let Some(start) = (hit.column - 1).checked_sub(offset) else {
            return true;
        };
        let end = start + hit.text.len();
        hit.via != Via::Number
            || text.get(start..end) != Some(hit.text.as_bytes())
            || !says_otherwise(text, end)
    });
}

/// Whether what follows the number that ends at `end` says it is another
/// program's: a Windows Sockets name in brackets (`11001
/// (WSAHOST_NOT_FOUND)`), a tuple's message that names a vendor, or a
/// vendor's name right after the number, or a message about a vendor's
/// server in brackets after it.
fn says_otherwise(text: &[u8], end: usize) -> bool {
    let closers = |from: usize| {
        from + text[from..]
            .iter()
            .take_while(|b| b"*_`\"')] ".contains(b))
            .count()
    };
    // `(2006, 'MySQL server has gone away')`, `(2003, "Can't connect to
    // MySQL server")`: a driver's error as a tuple.
    if let [b',', b' ', b'\'' | b'"', ..] = &text[end..] {
        let message = &text[end + 3..text.len().min(end + 3 + MAX_MESSAGE)];
        let message_end = memchr::memchr2(b'"', b')', message).unwrap_or(message.len());
        return names_vendor(&message[..message_end]);
    }
    let at = closers(end);
    let rest = &text[at..];
    // Windows Sockets name every error WSA…: `10013 (WSAEACCES)`.
    let winsock = rest
        .get(..4)
        .is_some_and(|name| name.eq_ignore_ascii_case(b"(wsa"));
    // `General error: 2006 MySQL server has gone away`, and the same in
    // brackets: `server error 2006 (MySQL server has gone away)`.
    let spaced = at > end && text[at - 1] == b' ';
    // In brackets, a message about a vendor's server: `server error 2006
    // (MySQL server has gone away)`, `(Lost connection to MySQL server
    // during query)`; not a gloss that names one (`error 7104 (Oracle HR
    // accounts that were not re-imported)`).
    let bracketed = rest.strip_prefix(b"(").filter(|_| spaced).map(|message| {
        let end = memchr::memchr(b')', message).unwrap_or(message.len().min(MAX_MESSAGE));
        &message[..end]
    });
    let of_a_server = |message: &[u8]| {
        let mut previous: &[u8] = &[];
        message
            .split(|b| !b.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .any(|word| {
                let vendors = word.eq_ignore_ascii_case(b"server") && names_vendor(previous);
                previous = word;
                vendors
            })
    };
    winsock
        || spaced && first_word(rest).is_some_and(names_vendor)
        || bracketed.is_some_and(of_a_server)
}

/// The first run of letters and digits of a text.
fn first_word(text: &[u8]) -> Option<&[u8]> {
    text.split(|b| !b.is_ascii_alphanumeric()).next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn otherwise(line: &str, number: &str) -> bool {
        let end = line.find(number).expect("the number is on the line") + number.len();
        says_otherwise(line.as_bytes(), end)
    }

    #[test]
    fn a_vendor_or_a_winsock_name_after_a_number_says_whose_it_is() {
        assert!(otherwise(
            "OperationalError(2006, 'MySQL server has gone away')",
            "2006"
        ));
        assert!(otherwise(
            "`OperationalError: (2003, \"Can't connect to MySQL server on 'db-1' (111)\")`",
            "2003"
        ));
        assert!(otherwise(
            "'SQLSTATE[HY000]: General error: 2006 MySQL server has gone away' in x.php",
            "2006"
        ));
        assert!(otherwise(
            "- **11001** (WSAHOST_NOT_FOUND) – \"No such host is known.\"",
            "11001"
        ));
        assert!(otherwise(
            "`CommunicationsException` / server error 2006 (MySQL server has gone away).",
            "2006"
        ));
        assert!(otherwise(
            "retrying after error 2013 (Lost connection to MySQL server during query)",
            "2013"
        ));
    }

    #[test]
    fn a_writers_gloss_says_nothing_of_whose_a_number_is() {
        for (line, number) in [
            (
                "Error 7100: users can't sign in after the migration",
                "7100",
            ),
            ("error 7100: el usuario no puede iniciar sesión", "7100"),
            (
                "Seeing error 7100. Happens only on mobile app builds.",
                "7100",
            ),
            (
                "Error 7104: user exists in MongoDB but not in the directory",
                "7104",
            ),
            ("error code 7104 (USER_LOOKUP_MISS_EU)", "7104"),
            ("error 7104 (the user is not in LDAP yet)", "7104"),
            (
                "users get error 7104 (Oracle HR accounts that were not re-imported)",
                "7104",
            ),
            ("Error 5100: patch manifest could not be verified", "5100"),
            ("we saw error 7100 when users tried to sign in", "7100"),
        ] {
            assert!(!otherwise(line, number), "{line}");
        }
    }
}
