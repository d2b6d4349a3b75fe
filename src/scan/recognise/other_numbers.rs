//! Numbers that other software prints after "error", and counts: the
//! shapes that say a number after an error word is not a Stormpath code.
//!
//! Each shape speaks for its own number only: a Stormpath code named
//! elsewhere on the line (a moreInfo URL, `Stormpath 7104`, a catalog
//! message) is still reported.

use super::words::is_count;

/// Whether the number that ends at `end`, found after the error word at
/// `word_start`, is another program's number or a count.
pub(super) fn is_other_programs_number(text: &[u8], word_start: usize, end: usize) -> bool {
    let after = &text[end..];
    process_ids(after)
        || sql_state(after)
        || sql_server(after)
        || windows_socket(text, word_start, after)
        || smtp_reply(&text[word_start.saturating_sub(SMTP_REACH)..word_start])
        || is_count(text, end)
        || other_products_body(text, word_start)
}

/// Whether the number (or its error word) at `at` is someone else's: prose
/// or a comment disowns it (`is_disowned`), a product's name stands just before it
/// (`Windows error 1100`), or another vendor of numbered errors, not
/// Stormpath, names it: in source code a vendor anywhere on the line (a
/// constant's comment), in prose one a few words before it in its clause. `says_stormpath`: a context word of the line holds
/// "stormpath", which settles it at less cost, unless the line says "not
/// Stormpath".
pub(super) fn is_not_stormpaths(
    text: &[u8],
    at: usize,
    source_code: bool,
    says_stormpath: bool,
) -> bool {
    use super::source::{names_a_vendor, product_just_before, says_not_stormpath, vendor_before};
    // In source code, a comment's prose may disown its number (`# error
    // code 7103, not a Stormpath lock`); code's `!=` says nothing.
    let prose = !source_code || super::source::comments::is_comment(text.trim_ascii_start());
    if prose && is_disowned(text, at) || product_just_before(text, at) {
        return true;
    }
    if says_stormpath && !says_not_stormpath(text) {
        return false;
    }
    match source_code {
        true => names_a_vendor(text),
        false => vendor_before(text, at),
    }
}

/// Phrases by which prose says a number is not Stormpath's: the writer's
/// own code, an SDK's, or expressly not Stormpath's.
const DISOWNING: &[&[u8]] = &[
    b"not a stormpath",
    b"not stormpath",
    b"not an sdk",
    b"not a code from",
    b"our own code",
    b"our internal code",
    b"internal code",
];

/// Whether prose disowns the number (or its error word) at `at`: in its
/// clause before it (`was **not** a Stormpath error 7104`), or in the rest
/// of its sentence (`Error 7105 – please retry, but that's our internal
/// code`; `error 2016 (the year), not a Stormpath code`). A disowning
/// clause before it leaves it alone ("Not a Stormpath outage, just error
/// 7100").
fn is_disowned(text: &[u8], at: usize) -> bool {
    // A first look at the line: every phrase holds "not" or "internal",
    // and most lines with a code hold neither.
    let anchors = memchr::memchr2_iter(b'n', b'N', text).any(|i| {
        let word = |w: &[u8]| {
            text.get(i..i + w.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(w))
        };
        word(b"not") || word(b"nternal")
    });
    if !anchors {
        return false;
    }
    let clause_start = text[..at]
        .iter()
        .rposition(|b| b",;.:()!?".contains(b))
        .map_or(0, |i| i + 1);
    let ends = |i: &usize| text.get(i + 1).is_none_or(u8::is_ascii_whitespace);
    let sentence_end = (at..text.len())
        .filter(|&i| b".;!?".contains(&text[i]))
        .find(ends)
        .unwrap_or(text.len());
    let region = &text[clause_start..sentence_end];
    // Emphasis and code marks fall away: `**not** a Stormpath`.
    let folded: Vec<u8> = region
        .iter()
        .copied()
        .filter(|b| !b"*_`".contains(b))
        .collect();
    DISOWNING
        .iter()
        .any(|phrase| super::source::says_phrase(&folded, phrase))
}

/// Keys that other products put beside a numeric `code` in a JSON body:
/// MongoDB's `errmsg` and `codeName`, AWS' `__type`, Okta's
/// `errorSummary`, OAuth servers' (Auth0's) `error_description`,
/// Postgres' `sqlstate`, C libraries' `errno`.
const OTHER_PRODUCTS_KEYS: &[&[u8]] = &[
    b"\"errmsg\"",
    b"\"codename\"",
    b"\"__type\"",
    b"\"errorsummary\"",
    b"\"error_description\"",
    b"\"sqlstate\"",
    b"\"errno\"",
];

/// How far around a number the JSON object it stands in is looked for.
const BODY_REACH: usize = 2048;

/// Whether the word at `word_start` is a key of a JSON object that holds
/// another product's keys: `{"code":11001,"errmsg":"E11001 duplicate key"}`.
fn other_products_body(text: &[u8], word_start: usize) -> bool {
    if word_start == 0 || text[word_start - 1] != b'"' {
        return false; // not a JSON key
    }
    let from = word_start.saturating_sub(BODY_REACH);
    let Some(open) = object_start(&text[from..word_start]).map(|i| from + i) else {
        return false;
    };
    // One pass to the object's end: braces nest, quotes may start a key.
    let body = &text[open..text.len().min(open + 2 * BODY_REACH)];
    let mut depth = 0usize;
    for at in memchr::memchr3_iter(b'"', b'{', b'}', body) {
        match body[at] {
            b'{' => depth += 1,
            b'}' if depth <= 1 => return false,
            b'}' => depth -= 1,
            _ => {
                // Each key's second byte: most of a body's quotes start none.
                let second = body.get(at + 1).map(u8::to_ascii_lowercase);
                let key = matches!(second, Some(b'e' | b'c' | b'_' | b's'))
                    && OTHER_PRODUCTS_KEYS.iter().any(|key| {
                        body.get(at..at + key.len())
                            .is_some_and(|k| k.eq_ignore_ascii_case(key))
                    });
                if key {
                    return true;
                }
            }
        }
    }
    false
}

/// Where the innermost object that `before`'s end stands in opens.
fn object_start(before: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    for (i, &b) in before.iter().enumerate().rev() {
        match b {
            b'}' => depth += 1,
            b'{' if depth == 0 => return Some(i),
            b'{' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// nginx's `[error] PID#TID: *CONNECTION` and Spring Boot's (Logback's)
/// `LEVEL PID --- [thread]`: the number is a process id.
fn process_ids(after: &[u8]) -> bool {
    let pid_tid = after.first() == Some(&b'#') && after.get(1).is_some_and(u8::is_ascii_digit);
    pid_tid || after.trim_ascii_start().starts_with(b"--- [")
}

/// MySQL's `ERROR NNNN (SQLSTATE): …`, the state five letters or digits.
fn sql_state(after: &[u8]) -> bool {
    let Some(state) = after.strip_prefix(b" (") else {
        return false;
    };
    state.len() > 5
        && state[..5]
            .iter()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
        && state[5] == b')'
}

/// SQL Server's `Error: 9002, Severity: 17, State: 2.`, its severity and
/// state numbers (not a ticket's `Severity: high`).
fn sql_server(after: &[u8]) -> bool {
    let Some(rest) = after.strip_prefix(b", Severity: ") else {
        return false;
    };
    let severity = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let state = &rest[severity..];
    severity > 0 && state.starts_with(b", State: ") && state.get(9).is_some_and(u8::is_ascii_digit)
}

/// Windows' `[WinError 10054]`, `Winsock error 10060`, `socket error
/// 10054 (WSAECONNRESET)`: system and socket error numbers.
fn windows_socket(text: &[u8], word_start: usize, after: &[u8]) -> bool {
    let before = text[..word_start].trim_ascii_end();
    let word_len = before
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let word = &before[before.len() - word_len..];
    let named = [&b"win"[..], b"winsock", b"windows", b"socket", b"wsa"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word));
    let rest = after.trim_ascii_start();
    let rest = rest.strip_prefix(b"(").unwrap_or(rest);
    named || rest.starts_with(b"WSA")
}

/// How far before the error word a mail server's reply code may stand.
const SMTP_REACH: usize = 120;

/// A mail server's reply before the error word, its code and enhanced
/// status (RFC 3463) of one class: `550 5.1.1 User unknown (error 2001 in
/// local policy table)`.
fn smtp_reply(before: &[u8]) -> bool {
    let digit = |i: usize| before.get(i).is_some_and(u8::is_ascii_digit);
    memchr::memchr2_iter(b' ', b'-', before).any(|separator| {
        let Some(reply) = separator.checked_sub(3) else {
            return false;
        };
        let class = before[reply];
        let boundary = reply == 0 || !before[reply - 1].is_ascii_alphanumeric();
        let status = &before[separator + 1..];
        boundary
            && b"245".contains(&class)
            && digit(reply + 1)
            && digit(reply + 2)
            && status.starts_with(&[class, b'.'])
            && enhanced_rest(&status[2..])
    })
}

/// Whether `text` starts with the `1.1` of an enhanced status `5.1.1`,
/// each part one to three digits, and the status ends there.
fn enhanced_rest(text: &[u8]) -> bool {
    let part = |t: &[u8]| t.iter().take_while(|b| b.is_ascii_digit()).count();
    let first = part(text);
    if !(1..=3).contains(&first) || text.get(first) != Some(&b'.') {
        return false;
    }
    let rest = &text[first + 1..];
    let second = part(rest);
    (1..=3).contains(&second)
        && rest
            .get(second)
            .is_none_or(|b| !b.is_ascii_alphanumeric() && *b != b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the first number after an "error" word in `line` is
    /// another program's, read after the last such word before it.
    fn other_programs(line: &str) -> bool {
        let lower = line.to_ascii_lowercase();
        let text = line.as_bytes();
        let first_word = lower.find("error").unwrap();
        let start = first_word
            + text[first_word..]
                .iter()
                .position(u8::is_ascii_digit)
                .unwrap();
        let end = start
            + text[start..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
        let word = lower[..start].rfind("error").unwrap();
        is_other_programs_number(text, word, end)
    }

    #[test]
    fn other_programs_numbers_after_error() {
        for line in [
            "[error] 2014#2014: *7 upstream timed out",
            "ERROR 7100 --- [nio-8443-exec-2] c.a.Login : failed",
            "ERROR 2002 (HY000): Can't connect to local MySQL server",
            "ERROR 1045 (28000): Access denied for user",
            "ConnectionResetError: [WinError 10054] An existing connection was closed",
            "Winsock error 10060 while connecting",
            "socket error 10054 (WSAECONNRESET)",
            "error 10061 WSAECONNREFUSED",
            "ERROR 4000 sessions dropped",
            "[ERROR] 2000 retries exhausted",
            "error: 7104 requests failed",
            "Diagnostic-Code: smtp; 550 5.1.1 User unknown (error 2001 in local",
            "421-4.7.0 Try again later, error 2001",
        ] {
            assert!(other_programs(line), "{line}");
        }
    }

    #[test]
    fn stormpath_shapes_are_not_other_programs_numbers() {
        for line in [
            "Stormpath error 7104 (http://docs.stormpath.com/errors/7104)",
            "error 7104 occurs when the password is wrong",
            "error 2001 means the name is taken",
            "Error 7100 (Invalid username or password)",
            "error 7100: Login attempt failed",
            "error 2000 is raised",
            "error 7101 access denied",
            "error 2001 status 409",
            "error 7100 Users cannot log in",
            "error 7100 users2",
            "Error 7100 --- what does it mean?",
            "SDK 1.0 5.1.1 error 2001",
            "at 550 5.1.1a error 2001",
            "ids 2550 5.1.1 error 2001",
        ] {
            assert!(!other_programs(line), "{line}");
        }
    }

    #[test]
    fn a_comment_in_source_code_may_disown_its_number() {
        let theirs = |line: &str| {
            let at = line.find("7103").expect("the number is on the line");
            is_not_stormpaths(line.as_bytes(), at, true, true)
        };
        assert!(theirs("    # error code 7103, not a Stormpath lock"));
        assert!(theirs("  // 7103 is not a Stormpath code here"));
        // Code that compares is no prose: `!=` says nothing.
        assert!(!theirs("    if code != 7103: # Stormpath locked"));
    }
}
