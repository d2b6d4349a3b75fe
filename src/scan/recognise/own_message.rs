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
//! Stormpath (an address of its, as a customer's account link in a
//! payment log, does not count).

use super::disowning::{Named, named_at};
use super::source::{names_vendor, places_ignoring_case};
use crate::scan::{Hit, Via};

/// The most bytes of a message read after its number.
const MAX_MESSAGE: usize = 200;

/// Drops the numbers of a line (`text`, at `offset` of its whole) whose own
/// message says they are another program's, unless one of the line's
/// context words (`keywords`) names Stormpath as a name.
pub(super) fn drop_others(
    hits: &mut Vec<Hit>,
    keywords: &[(usize, usize)],
    text: &[u8],
    offset: usize,
) {
    if !hits.iter().any(|h| h.via == Via::Number) || names_stormpath(text, keywords) {
        return;
    }
    hits.retain(|hit| {
        let Some(start) = (hit.column - 1).checked_sub(offset) else {
            return true;
        };
        let end = start + hit.text.len();
        hit.via != Via::Number
            || text.get(start..end) != Some(hit.text.as_bytes())
            || !(says_otherwise(text, end) || says_its_known_message(text, start, end, hit.code))
    });
}

/// Whether one of a line's context words (`keywords` of `text`) names
/// Stormpath as a name, not in an address (`api.stormpath.com/v1/…`).
fn names_stormpath(text: &[u8], keywords: &[(usize, usize)]) -> bool {
    keywords.iter().any(|&(start, end)| {
        text[start..end]
            .windows(9)
            .position(|w| w.eq_ignore_ascii_case(b"stormpath"))
            .is_some_and(|at| named_at(text, start + at) == Named::AsAName)
    })
}

/// Whether the words around a number (from `start` to `end`) hold
/// another program's well-known message for that number, after it
/// (`Error 1920. Service 'Agent' failed to start`, `error 11001: No such
/// host is known`) or before it (`'MySQL server has gone away' (client
/// error 2006)`).
fn says_its_known_message(text: &[u8], start: usize, end: usize, number: u32) -> bool {
    let Some(messages) = known_messages(number) else {
        return false;
    };
    let after = &text[end..text.len().min(end + MAX_MESSAGE)];
    let before = &text[start.saturating_sub(MAX_MESSAGE)..start];
    messages.split(|&b| b == b'|').any(|message| {
        [after, before]
            .iter()
            .any(|words| places_ignoring_case(words, message).next().is_some())
    })
}

/// Other programs' well-known messages for a number in Stormpath's
/// ranges, as their documentation words them, `|` between two: Windows
/// Sockets', WinHTTP's, Windows Installer's, MySQL's client errors and
/// Braintree's processor responses. (A match, not a table of
/// strings: no pointers to relocate at start.)
fn known_messages(number: u32) -> Option<&'static [u8]> {
    Some(match number {
        10013 => b"forbidden by its access permissions",
        10014 => b"invalid pointer address",
        10024 => b"too many open",
        10053 => b"connection abort|established connection was aborted",
        10054 => b"connection reset|forcibly closed by the remote host",
        10060 => b"connection timed out|connection attempt failed",
        10061 => b"connection refused|actively refused",
        11001 => b"no such host is known",
        11002 => b"during host name resolution",
        11003 => b"non-recoverable error",
        11004 => b"requested name is valid",
        12001 => b"no more handles",
        12002 => b"the operation timed out",
        1904 => b"failed to register",
        1905 => b"failed to unregister",
        1906 => b"failed to cache package",
        1910 => b"could not remove shortcut",
        1920 => b"failed to start",
        1921 => b"could not be stopped",
        1922 => b"could not be deleted",
        1923 => b"could not be installed",
        1924 => b"could not update environment variable",
        1926 => b"could not set file security",
        2000 => b"do not honor",
        2001 => b"insufficient funds",
        2002 => b"through socket|limit exceeded",
        2003 => b"connect to mysql server|activity limit exceeded",
        2004 => b"expired card",
        2005 => b"unknown mysql server host|invalid credit card number",
        2006 => b"server has gone away|invalid expiration date",
        2007 => b"no account",
        2008 => b"card account length",
        2009 => b"no such issuer",
        2010 => b"declined cvv",
        2011 => b"voice authorization required",
        2012 => b"possible lost card",
        2013 => b"lost connection to|possible stolen card",
        2014 => b"commands out of sync|fraud suspected",
        2015 => b"transaction not allowed",
        2016 => b"duplicate transaction",
        2017 => b"cardholder stopped billing",
        2018 => b"cardholder stopped all billing",
        2019 => b"invalid transaction",
        2021 => b"security violation",
        2024 => b"card type not enabled",
        _ => return None,
    })
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
    // Windows names every error of its sockets WSA… and of its HTTP
    // clients ERROR_INTERNET_… or ERROR_WINHTTP_…: `10013 (WSAEACCES)`,
    // `12002 ERROR_INTERNET_TIMEOUT`.
    let name = rest.strip_prefix(b"(").unwrap_or(rest);
    let windows_name = [&b"wsa"[..], b"error_internet_", b"error_winhttp_"]
        .iter()
        .any(|prefix| {
            name.get(..prefix.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(prefix))
        });
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
    windows_name
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
        assert!(otherwise("Error 12002 ERROR_INTERNET_TIMEOUT", "12002"));
        assert!(otherwise("12029 (ERROR_WINHTTP_CANNOT_CONNECT)", "12029"));
        assert!(otherwise("socket error 10061 WSAECONNREFUSED", "10061"));
    }

    #[test]
    fn another_programs_well_known_message_says_whose_a_number_is() {
        let known = |line: &str, number: u32| {
            let digits = number.to_string();
            let start = line.find(&digits).expect("the number is on the line");
            says_its_known_message(line.as_bytes(), start, start + digits.len(), number)
        };
        assert!(known(
            "Error 1920. Service 'SP Agent' (spagent) failed to start.",
            1920
        ));
        assert!(known("socket error 11001: No such host is known.", 11001));
        assert!(known("Error 12002: The operation timed out", 12002));
        assert!(known(
            "VPN client: Error 10060: connection timed out",
            10060
        ));
        assert!(known("Error 10061: connection refused", 10061));
        assert!(known("Error 10054: connection reset by peer", 10054));
        assert!(known(
            "error 10053: An established connection was aborted by the software",
            10053
        ));
        assert!(known("processor code 2001 (Insufficient Funds)", 2001));
        assert!(known("Error 2006: MySQL server has gone away", 2006));
        assert!(known(
            "'MySQL server has gone away' (client error 2006)",
            2006
        ));
        // ID Site's own token error, on a request that timed out later.
        assert!(!known("error 12002 after the request timed out", 12002));
        // Stormpath's own words, or another number's message.
        assert!(!known("Error 1920: The card number is incorrect.", 1920));
        assert!(!known(
            "Error 12001: The session on ID Site has timed out.",
            12001
        ));
    }

    #[test]
    fn no_known_message_is_one_of_stormpaths_own() {
        for code in 1000..14000 {
            let (Some(messages), Some(entry)) =
                (known_messages(code), crate::catalog::lookup(code))
            else {
                continue;
            };
            for message in String::from_utf8_lossy(messages).split('|') {
                let own = std::iter::once(entry.message())
                    .chain(entry.user_message())
                    .chain(entry.server().iter().map(|m| m.text()));
                for text in own {
                    let text = text.to_ascii_lowercase();
                    assert!(!text.contains(message), "{code}: {text}");
                }
            }
        }
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

    #[test]
    fn an_address_of_stormpaths_keeps_no_other_programs_number() {
        use crate::scan::recognise::tests::codes;
        let payment = "sale customer=https://api.stormpath.com/v1/accounts/5Zt \
                       result=processor_declined processor_code=2001 \
                       processor_text=\"Insufficient Funds\"";
        assert!(codes(payment).is_empty());
        // Stormpath named as a name keeps it.
        assert_eq!(codes("Stormpath error 2001: insufficient funds?"), [2001]);
    }
}
