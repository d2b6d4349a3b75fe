//! The words of source code: the parts of names, what a line's words say
//! (errors, another product, a declaration), and the names of quantities.

use super::OTHER_CODES;

/// The last name in a text: `AUDIT_DB_ERRORS` of `private static final
/// Map<Integer, String> AUDIT_DB_ERRORS `.
pub(super) fn last_name(text: &[u8]) -> &[u8] {
    let text = text.trim_ascii_end();
    let start = text
        .iter()
        .rposition(|b| !(b.is_ascii_alphanumeric() || b"_$".contains(b)))
        .map_or(0, |i| i + 1);
    &text[start..]
}

/// Words that say a number is a quantity: a port, a time, a size, a limit.
pub(super) const QUANTITIES: &[&str] = &[
    "port", "timeout", "ttl", "size", "limit", "max", "min", "batch", "count", "retries", "retry",
    "length", "len", "ms", "millis", "seconds", "secs", "sec", "minutes", "hours", "days", "bytes",
    "kb", "mb", "cost", "page", "delay", "interval", "expires", "expiry", "width", "height",
    "capacity", "workers", "threads", "version", "year", "sleep", "wait", "backoff", "leeway",
    "duration", "age", "cents", "price", "amount", "index", "offset", "position",
];

/// Last words that make a name an event's, not a quantity's, though it
/// starts with one (`MinLengthNotMet`, `MaxRetriesExceeded`).
const EVENTS: &[&str] = &[
    "met", "exceeded", "reached", "violated", "invalid", "required", "missing", "short", "long",
    "mismatch", "failed",
];

/// Products whose errors a block may list instead of Stormpath's: the
/// vendors of numbered errors (`VENDORS`), where accounts went after
/// Stormpath, and kinds of number that are no product's (`http`, `errno`).
/// In source code a block names them; prose that names them may still
/// speak of Stormpath's errors ("after the move to Okta, 7100 again").
pub(super) const OTHER_PRODUCTS: &[&str] = &[
    "http", "pg", "sqlstate", "windows", "win32", "errno", "ldap", "aws", "okta", "auth0",
    "cognito", "keycloak", "firebase", "stripe", "sendgrid", "mailgun", "redis",
];

/// Vendors that print numbered errors of their own, which a line may name
/// as the error's (`vendor_before`, `names_a_vendor`). Not where accounts
/// went after Stormpath (Okta, Auth0), nor what carries Stormpath's errors
/// too (LDAP, HTTP, Zendesk), nor what only stands beside them (a Redis
/// cache, an Outlook inbox, a Citrix gateway), which print no numbers.
const VENDORS: &[&str] = &[
    "mysql",
    "postgres",
    "postgresql",
    "mongo",
    "mongodb",
    "oracle",
    "sqlite",
    "grpc",
    "twilio",
    "nexmo",
    "cisco",
    "anyconnect",
    "braintree",
    "winhttp",
    "wininet",
    "msiexec",
    "msi",
    "mssql",
];

/// Products whose own errors a writer names by putting the product's name
/// just before the error word (`Cloudflare Error 1101`, `Zoom error code
/// 5003`), but which stand beside Stormpath's errors elsewhere in a clause
/// (`the Stormpath PHP SDK logs error 7100`, `on Zoom the customer showed
/// us error 7103`): they count only right before it (`product_just_before`).
const NAMED_BEFORE_THEIR_ERRORS: &[&str] = &[
    "cloudflare",
    "zoom",
    "teams",
    "steam",
    "xbox",
    "playstation",
    "canon",
    "epson",
    "php",
    "sql",
    "outlook",
    "office",
    "excel",
    "chrome",
    "itunes",
];

/// Where the words end that name a vendor: one pass of an automaton over
/// the text, the words split into names only where it finds one.
fn vendor_ends(text: &[u8]) -> impl Iterator<Item = usize> + '_ {
    static FINDER: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let finder = FINDER.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(VENDORS)
            .expect("the vendors' automaton builds")
    });
    // A match that overlaps one found stands in the same word.
    finder.find_iter(text).filter_map(|m| {
        // The word it stands in, as `names_any` splits words.
        let start = text[..m.start()]
            .iter()
            .rposition(|b| !b.is_ascii_alphanumeric())
            .map_or(0, |i| i + 1);
        let end = text[m.end()..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(text.len(), |i| m.end() + i);
        names_any(&text[start..end], VENDORS).then_some(end)
    })
}

/// Whether a line of source code names another vendor and not Stormpath:
/// `CR_SERVER_GONE_ERROR = 2006  # MySQL server has gone away`.
pub(in crate::scan::recognise) fn names_a_vendor(text: &[u8]) -> bool {
    vendor_ends(text).next().is_some() && (!mentions_stormpath(text) || says_not_stormpath(text))
}

/// Whether a word is the name of another product (`Okta`, `MySQL`).
pub(in crate::scan::recognise) fn is_other_product(word: &[u8]) -> bool {
    OTHER_PRODUCTS
        .iter()
        .chain(VENDORS)
        .any(|p| word.eq_ignore_ascii_case(p.as_bytes()))
}

/// Whether a text names a vendor of numbered errors: `MySQL server has
/// gone away`.
pub(in crate::scan::recognise) fn names_vendor(text: &[u8]) -> bool {
    vendor_ends(text).next().is_some()
}

/// The longest word a vendor's name is looked for in (`mysqlErrors`).
const MAX_VENDOR_WORD: usize = 64;

/// How far before a number, or its error word, the vendor that names it
/// may stand.
const VENDOR_REACH: usize = 40;

/// Whether a vendor names the number, or the error word, at `at` of a line
/// that does not name Stormpath: the vendor stands in the same clause, a
/// few words before it (`MySQL error 2006`, `Twilio rejected it with a 2003
/// error`), or says it after a colon (`Cisco AnyConnect: "Login failed.
/// Error 7100"`). A vendor in another clause is where the error happened,
/// not whose it is (`mysql is healthy. The login page shows error 7100`).
pub(in crate::scan::recognise) fn vendor_before(text: &[u8], at: usize) -> bool {
    // Only the reach before the number is read, from the start of the word
    // it cuts: on a long line with many numbers, not all of it each time.
    let mut from = at.saturating_sub(VENDOR_REACH + MAX_VENDOR_WORD);
    let floor = from.saturating_sub(MAX_VENDOR_WORD);
    while from > floor && text[from - 1].is_ascii_alphanumeric() {
        from -= 1;
    }
    let names = vendor_ends(&text[from..at]).any(|end| {
        let between = &text[from + end..at];
        let says = between.trim_ascii_start().starts_with(b":");
        let clause = !between.iter().any(|b| b".,;:()!?".contains(b));
        between.len() <= VENDOR_REACH && (says || clause)
    });
    names && (!mentions_stormpath(text) || says_not_stormpath(text))
}

/// Whether another product's name is the word just before `at`, the
/// error word of a number, or the two words before it: `Windows error code
/// 1100`, `Cloudflare Error 1101`, `SQL Server error 2003`, `Windows
/// Installer error 1925`. Said so, the error is that product's, whatever
/// else the line names.
pub(in crate::scan::recognise) fn product_just_before(text: &[u8], at: usize) -> bool {
    // The words before `end`, nearest first, one space apart.
    let mut end = at;
    let mut words = std::iter::from_fn(|| {
        let before = text[..end].strip_suffix(b" ")?;
        let word = super::super::word_ending(before, before.len());
        end = before.len() - word.len();
        (!word.is_empty()).then_some(word)
    });
    let mut word = words.next();
    // Past the error word of `error code`.
    if word.is_some_and(|w| w.eq_ignore_ascii_case(b"error")) {
        word = words.next();
    }
    // Past a verb of showing, whose subject the product is: `iTunes said
    // error 3004`, not `the page on Windows shows error 7100`.
    const SHOWING: &[&str] = &[
        "said", "says", "shows", "showed", "gave", "gives", "threw", "throws",
    ];
    const PLACES: &[&str] = &["on", "in", "at", "under", "with", "from", "via", "for"];
    let is = |w: Option<&[u8]>, list: &[&str]| {
        w.is_some_and(|w| list.iter().any(|v| v.as_bytes().eq_ignore_ascii_case(w)))
    };
    let shown = is(word, SHOWING);
    if shown {
        word = words.next();
    }
    let Some(word) = word else {
        return false;
    };
    let names_one = |word: &[u8]| {
        is_other_product(word)
            || NAMED_BEFORE_THEIR_ERRORS
                .iter()
                .any(|p| word.eq_ignore_ascii_case(p.as_bytes()))
    };
    if names_one(word) {
        // Past a determiner: `at the office said`.
        let before = words.next();
        let before = match is(before, &["the", "a", "an", "our", "my", "your", "their"]) {
            true => words.next(),
            false => before,
        };
        return !shown || !is(before, PLACES);
    }
    // A product's server or installer: `SQL Server`, `Windows Installer`.
    let part = [&b"server"[..], b"installer"]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(word));
    part && words.next().is_some_and(names_one)
}

/// Words that declare a block of constants or members.
pub(super) const DECLARATIONS: &[&str] = &["enum", "const"];

/// Words that declare a class, whose body holds code as well as members:
/// its name must say it is about errors.
pub(super) const CLASSES: &[&str] = &["class", "module", "object", "struct", "interface", "record"];

/// The words of a name that say it is about errors.
pub(super) const ERROR_WORDS: &[&str] = &[
    "err",
    "error",
    "errors",
    "errorcode",
    "errorcodes",
    "code",
    "codes",
];

/// What the words of a line say.
#[derive(Default)]
pub(super) struct Words {
    /// It speaks of errors or their codes: `StormpathErrors`, `MfaError`,
    /// `REAUTH_CODES`, `# Stormpath error codes`.
    pub(super) errors: bool,
    /// It names another product.
    pub(super) other_product: bool,
    /// A name of it ends in a word about errors: `StormpathErrors`,
    /// `MfaError`, `StormpathErrorCodes`; not `LoginErrorHandler`.
    pub(super) names_errors: bool,
    /// It declares an enum or constants (`enum`, `const (`).
    pub(super) declaration: bool,
    /// It declares a class (`class`, `module`).
    pub(super) class: bool,
    /// It says `Stormpath`: a map or an enum so named is about its errors.
    pub(super) stormpath: bool,
    /// It says "not Stormpath": `# Our own portal errors (not Stormpath)`.
    pub(super) disowns_stormpath: bool,
    /// It names a vendor of numbered errors, not Stormpath: `# MySQL
    /// client errors`.
    pub(super) vendor: bool,
}

impl Words {
    pub(super) fn of(text: &[u8]) -> Words {
        let mut words = Words::default();
        let offset = |part: &[u8]| part.as_ptr() as usize - text.as_ptr() as usize;
        let mut previous: Option<&[u8]> = None;
        let mut parts = name_parts(text).peekable();
        while let Some(part) = parts.next() {
            let is = |w: &str| part.eq_ignore_ascii_case(w.as_bytes());
            // `code` alone is source code; `REAUTH_CODES`, `errorCode` and
            // `error code` are not, `zipCode` is another kind of code.
            let code_word = is("code") || is("codes");
            // `errorCode`, `error code`, `stormpath codes`, `login failure
            // codes`.
            let joined = previous.is_some_and(|p| {
                let gap = &text[offset(p) + p.len()..offset(part)];
                gap.is_empty()
                    || gap == b"_"
                    || gap == b" "
                        && ERROR_WORDS[..3]
                            .iter()
                            .chain(&["stormpath", "failure"])
                            .any(|w| p.eq_ignore_ascii_case(w.as_bytes()))
            });
            let other_code =
                previous.is_some_and(|p| OTHER_CODES.iter().any(|o| o.eq_ignore_ascii_case(p)));
            let about_errors =
                ERROR_WORDS.iter().any(|w| is(w)) && (!code_word || joined && !other_code);
            if about_errors {
                words.errors = true;
                let end = offset(part) + part.len();
                let name_goes_on = parts.peek().is_some_and(|next| offset(next) == end);
                words.names_errors |= !name_goes_on;
            }
            words.stormpath |= is("stormpath");

            if DECLARATIONS.iter().any(|w| is(w)) {
                words.declaration = true;
            }
            if CLASSES.iter().any(|w| is(w)) {
                words.class = true;
            }
            previous = Some(part);
        }
        // Parts of names (`mysqlErrors`) and whole words (`MySQL`).
        words.vendor = names_any(text, VENDORS);
        words.other_product = names_any(text, OTHER_PRODUCTS) || words.vendor;
        words.disowns_stormpath = says_not_stormpath(text);
        if words.other_product && mentions_stormpath(text) && !words.disowns_stormpath {
            // `Stormpath error codes (HTTP 400 and 409)`
            words.other_product = false;
            words.vendor = false;
        }
        // What is not Stormpath's is someone else's.
        words.other_product |= words.disowns_stormpath;
        words
    }

    /// Whether a name says errors, or Stormpath: `STORMPATH_ERRORS`,
    /// `enum StormpathCode`.
    pub(super) fn names_stormpaths_errors(&self) -> bool {
        self.errors || self.stormpath
    }
}

/// The parts of the names and words of a line: `getErrorCode` is `get`,
/// `Error`, `Code`; `MAX_PAGE_SIZE` is `MAX`, `PAGE`, `SIZE`; `Err` of
/// `ErrDefault` stands alone.
pub(in crate::scan::recognise) fn name_parts(text: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < text.len() && !text[at].is_ascii_alphanumeric() {
            at += 1;
        }
        if at >= text.len() {
            return None;
        }
        let start = at;
        let upper_run = text[at].is_ascii_uppercase()
            && text.get(at + 1).is_some_and(|b| b.is_ascii_uppercase());
        at += 1;
        while at < text.len() && text[at].is_ascii_alphanumeric() {
            let b = text[at];
            let camel_break = if upper_run {
                // `HTTPError`: the run ends before the capital that starts
                // a lower-case word.
                b.is_ascii_lowercase() && at - start > 1 && {
                    at -= 1;
                    true
                }
            } else {
                b.is_ascii_uppercase()
            };
            if camel_break {
                break;
            }
            at += 1;
        }
        Some(&text[start..at])
    })
}

/// Whether a part of a name (`mysqlErrors`) or a whole word (`MySQL`) of
/// a text is one of `words`.
pub(super) fn names_any(text: &[u8], words: &[&str]) -> bool {
    // Most tokens start with a letter that no word starts with: one look
    // each (a binary's long lines read as source cost seconds otherwise).
    let mut starts = [false; 256];
    for first in words.iter().filter_map(|w| w.as_bytes().first()) {
        starts[usize::from(first.to_ascii_lowercase())] = true;
        starts[usize::from(first.to_ascii_uppercase())] = true;
    }
    name_parts(text)
        .chain(text.split(|b| !b.is_ascii_alphanumeric()))
        .filter(|token| token.first().is_some_and(|&b| starts[usize::from(b)]))
        .any(|token| {
            words
                .iter()
                .any(|w| token.eq_ignore_ascii_case(w.as_bytes()))
        })
}

pub(in crate::scan::recognise) fn mentions_stormpath(text: &[u8]) -> bool {
    text.windows(9)
        .any(|w| w.eq_ignore_ascii_case(b"stormpath"))
}

/// Whether one of a line's context words (`spans` of `text`) holds
/// "stormpath": every "stormpath" of a line is in one of them.
pub(in crate::scan::recognise) fn context_says_stormpath(
    text: &[u8],
    spans: &[(usize, usize)],
) -> bool {
    spans.iter().any(|&(s, e)| mentions_stormpath(&text[s..e]))
}

/// Whether a text says "not Stormpath" in those words (not "cannot
/// Stormpath", nor "not Stormpath-synced"), or "(not from Stormpath)" of
/// what it speaks of: not "not from Stormpath's SDK", "whether or not from
/// Stormpath", nor "most are from Stormpath, a few not from Stormpath".
pub(in crate::scan::recognise) fn says_not_stormpath(text: &[u8]) -> bool {
    says_phrase(text, b"not stormpath") || says_not_from_stormpath(text)
}

/// Whether each "from Stormpath" of a text is denied by the "not" before
/// it and closes its clause, and there is one.
fn says_not_from_stormpath(text: &[u8]) -> bool {
    const PHRASE: &[u8] = b"from stormpath";
    let ends_with = |before: &[u8], word: &[u8]| {
        before.len() >= word.len() && before[before.len() - word.len()..].eq_ignore_ascii_case(word)
    };
    let mut places = places_ignoring_case(text, PHRASE).peekable();
    places.peek().is_some()
        && places.all(|at| {
            let before = &text[..at];
            let closed = text
                .get(at + PHRASE.len())
                .is_none_or(|b| b")].,;:!?".contains(b));
            ends_with(before, b"not ") && !ends_with(before, b"or not ") && closed
        })
}

/// Whether a comment says that the numbers it speaks of are the text's
/// own, in words for them: `LoanExpress's own error numbers … Ours.`,
/// `These are OUR numbers`, `They have nothing to do with Stormpath's numbering`; not
/// `Map Stormpath errors to our own codes`, which names Stormpath's.
/// A line after one that spoke of the numbers may say so of them: `//
/// These are Acme's own`.
pub(super) fn says_its_own(text: &[u8], numbers_before: bool) -> bool {
    if says_phrase(text, b"nothing to do with stormpath") {
        return true;
    }
    // `LoanExpress's own`: the owner's name runs into the phrase.
    let owners_own = ["'s own", "\u{2019}s own"].iter().any(|phrase| {
        memchr::memmem::find_iter(text, phrase.as_bytes()).any(|at| {
            text.get(at + phrase.len())
                .is_none_or(|b| !b.is_ascii_alphanumeric())
        })
    });
    let owned = owners_own
        || says_phrase(text, b"ours")
        || says_phrase(text, b"our own")
        || text
            .split(|b| !b.is_ascii_alphabetic())
            .any(|w| w == b"OUR");
    // Its numbers, said on the line: not `the account's own status`, `OUR
    // retry policy`.
    let numbers = names_numbers(text)
        || names_any(text, &["errors"])
        || numbers_before && (says_phrase(text, b"are") || says_phrase(text, b"is"));
    owned && numbers && !mentions_stormpath(text)
}

/// Whether a text speaks of codes or numbers: `error numbers`, `our
/// codes`, `Stormpath's numbering`.
pub(super) fn names_numbers(text: &[u8]) -> bool {
    names_any(text, &["codes", "numbers", "numbering"])
}

/// Whether a text says a lower-case phrase, in any case, as whole words:
/// no letter or digit before it, and none, nor a hyphen, after it.
pub(in crate::scan::recognise) fn says_phrase(text: &[u8], phrase: &[u8]) -> bool {
    places_ignoring_case(text, phrase).any(|at| {
        let end = at + phrase.len();
        let starts = at == 0 || !text[at - 1].is_ascii_alphanumeric();
        let ends = text
            .get(end)
            .is_none_or(|b| !b.is_ascii_alphanumeric() && *b != b'-');
        starts && ends
    })
}

/// Where a text holds a lower-case phrase, in any case: a look at each
/// place its first letter stands, in either case.
pub(in crate::scan::recognise) fn places_ignoring_case<'a>(
    text: &'a [u8],
    phrase: &'a [u8],
) -> impl Iterator<Item = usize> + 'a {
    let first = phrase[0];
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), text).filter(move |&at| {
        text.get(at..at + phrase.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(phrase))
    })
}

/// Whether the name a number is given says it is a quantity: the name
/// before its `=`, `:` or `(`, `MAX_PAGE_SIZE = 100`, `sleep(3000)`.
pub(super) fn named_quantity(text: &[u8], start: usize) -> bool {
    let before = text[..start].trim_ascii_end();
    let before = before.strip_suffix(b"\"").unwrap_or(before);
    let name_end = before.len()
        - before
            .iter()
            .rev()
            .take_while(|b| b"=:(<>!, ".contains(b))
            .count();
    // A quoted key: `"elapsed_ms": 5010`.
    let named = before[..name_end].trim_ascii_end();
    let named = named.strip_suffix(b"\"").unwrap_or(named);
    let name = last_name(named.strip_suffix(b"'").unwrap_or(named));
    // `TIMEOUTS` as `timeout`.
    let is = |part: &[u8], words: &[&str]| {
        let singular = part
            .strip_suffix(b"s")
            .or_else(|| part.strip_suffix(b"S"))
            .filter(|p| p.len() > 2);
        words.iter().any(|w| {
            part.eq_ignore_ascii_case(w.as_bytes())
                || singular.is_some_and(|p| p.eq_ignore_ascii_case(w.as_bytes()))
        })
    };
    // A quantity's name starts or ends with what it measures
    // (`MAX_PAGE_SIZE`, `connectTimeoutMs`); `APPLICATION_LIMIT_REACHED`
    // and `MinLengthNotMet` name an event, and `ErrDirectoryTimeout = 9003`
    // an error about a time.
    let first = name_parts(name).next();
    let last = name_parts(name).last();
    let quantity = [first, last]
        .into_iter()
        .flatten()
        .any(|p| is(p, QUANTITIES));
    quantity
        && !last.is_some_and(|p| is(p, EVENTS))
        && !name_parts(name).any(|p| is(p, &ERROR_WORDS[..3]))
}

/// Whether a name measures something, by its last word (`errors_by_port`,
/// `errorCount`): what it holds are numbers of errors, not their codes.
pub(super) fn measures(name: &[u8]) -> bool {
    let name = name.trim_ascii_end();
    let name = name.strip_suffix(b"\"").unwrap_or(name);
    name_parts(last_name(name.strip_suffix(b"'").unwrap_or(name)))
        .last()
        .is_some_and(|part| {
            QUANTITIES
                .iter()
                .any(|w| part.eq_ignore_ascii_case(w.as_bytes()))
        })
}

#[cfg(test)]
mod tests {
    use crate::scan::recognise::tests::codes;

    #[test]
    fn a_machines_support_service_or_fault_code_is_its_own() {
        assert!(codes("Printer error has occurred. Support Code: 5100").is_empty());
        assert!(codes("the copier shows fault code 5200").is_empty());
    }

    #[test]
    fn a_product_named_just_before_an_error_owns_it() {
        assert!(codes("the backup failed with Windows error code 1100").is_empty());
        assert!(codes("a page saying Cloudflare Error 1101 - Worker threw").is_empty());
        assert!(codes("Zoom error code 5003 when joining").is_empty());
        assert!(codes("SQL Server error 2003 in the event log.").is_empty());
        assert!(codes("Windows Installer error 1925 during setup.").is_empty());
        assert!(codes("iPhone SE: iTunes said error 3004 on first restore").is_empty());
        assert_eq!(
            codes("Everyone at the office said error 7100 today"),
            [7100]
        );
        assert!(codes("Stormpath errors so far: none until the Cloudflare error 1101").is_empty());
        // Named elsewhere in the clause, a product is only where it happened.
        assert_eq!(codes("The login page on Windows shows error 7100"), [7100]);
        assert_eq!(
            codes("Our PHP app logs error 7100 when users sign in."),
            [7100]
        );
        assert_eq!(codes("On Zoom the customer showed us error 7103"), [7103]);
    }
}
