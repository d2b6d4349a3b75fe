//! The catalog, checked over every entry the way rustc's tidy checks its
//! error codes, plus the exact text of entries across the categories and
//! the build-time checks on a broken errors.toml.

mod common;

use sperr::catalog::{self, Entry, MessageKind, Origin, VariantKind};
use sperr::standalone::markup::{self, Span};

#[path = "../src/standalone/catalog_source.rs"]
mod catalog_source;

fn entry(code: u32) -> &'static Entry {
    catalog::lookup(code).unwrap_or_else(|| panic!("{code} is in the catalog"))
}

#[test]
fn the_reference_has_147_codes_in_16_categories() {
    let documented = catalog::entries().iter().filter(|e| e.documented()).count();
    assert_eq!(documented, 147);
    assert_eq!(catalog::categories().len(), 16);
    for c in catalog::categories() {
        assert!(
            catalog::in_category(c).any(|e| e.documented()),
            "{} has no entry",
            c.name
        );
    }
}

#[test]
fn codes_are_unique_sorted_and_inside_their_category() {
    let entries = catalog::entries();
    for pair in entries.windows(2) {
        assert!(
            pair[0].code < pair[1].code,
            "{} before {}",
            pair[0].code,
            pair[1].code
        );
    }
    for e in entries {
        let c = e.category();
        assert!(
            (c.low..=c.high).contains(&e.code),
            "{} outside {}",
            e.code,
            c.range
        );
    }
}

#[test]
fn every_text_is_filled_and_free_of_placeholders_of_the_page() {
    for e in catalog::entries() {
        let texts = [Some(e.message()), e.user_message(), e.further()];
        assert!(!e.message().trim().is_empty(), "{}: empty message", e.code);
        for text in texts.into_iter().flatten() {
            assert!(!text.trim().is_empty(), "{}: empty text", e.code);
            assert!(
                !text.to_lowercase().contains("same as above"),
                "{}: {text}",
                e.code
            );
            assert_eq!(text, text.trim(), "{}: stray white space", e.code);
        }
        if let Some(u) = e.user_message() {
            assert_ne!(
                u,
                e.message(),
                "{}: a user message only where it differs",
                e.code
            );
        }
    }
}

#[test]
fn the_only_markup_is_literals_and_emphasis() {
    for e in catalog::entries() {
        for text in [Some(e.message()), e.user_message(), e.further()]
            .into_iter()
            .flatten()
        {
            let plain = markup::plain(text);
            assert!(
                !plain.contains("``"),
                "{}: unbalanced literal in {text}",
                e.code
            );
            for span in markup::spans(text) {
                if let Span::Text(t) = span {
                    assert!(
                        !t.contains(".. "),
                        "{}: reStructuredText left in {t}",
                        e.code
                    );
                    assert!(!t.contains("**"), "{}: strong markup in {t}", e.code);
                }
            }
        }
    }
}

#[test]
fn undocumented_codes_name_their_source_and_carry_the_servers_words() {
    let from_server: Vec<u32> = catalog::entries()
        .iter()
        .filter(|e| e.origin() == Origin::Server)
        .map(|e| e.code)
        .collect();
    assert_eq!(
        from_server,
        [
            1920, 1921, 1922, 1923, 1924, 1925, 1926, 1927, 1928, 2023, 2024, 4701, 5201, 6400,
            6401, 7203, 10018, 10103
        ]
    );
    for code in from_server {
        let e = entry(code);
        assert_eq!(e.source(), Some("api-errors.properties"));
        assert!(!e.server().is_empty());
        assert_eq!(e.sources().count(), 0);
    }
    assert_eq!(entry(1925).category().name, "Billing / Payment");
    assert_eq!(entry(10018).category().name, "OAuth Errors");
    assert_eq!(entry(10103).category().name, "SAML Errors");
    assert_eq!(entry(4701).category().name, "Organization");
}

#[test]
fn exact_texts_across_the_categories() {
    let cases: &[(u32, &str, &str, Option<&str>)] = &[
        (
            1100,
            "Communication",
            "The specified HTTP request method is not supported.",
            None,
        ),
        (
            1900,
            "Billing / Payment",
            "Subscription upgrade required.\n\nTo upgrade your subscription, go to the \"My Subscription\" section of the Stormpath Admin Console.",
            None,
        ),
        (
            2104,
            "General Validation",
            "The ``orderBy`` query value contains an invalid order statement. An order statement must be a queryable property optionally followed by a ``\\`` space character and order direction token (``asc`` or ``desc``).",
            None,
        ),
        (
            3002,
            "Custom Data",
            "Property name is invalid. Property names may contain only alphanumeric characters ``0-9A-Za-z``, underscores ``_``, or dashes ``-``, but cannot start with a dash.",
            None,
        ),
        (
            4001,
            "Tenant",
            "Your Stormpath Tenant owner Account cannot be deleted.",
            Some("Sorry, that Account cannot be deleted."),
        ),
        (
            4614,
            "Organization",
            "An Organization cannot be mapped as an Account Store for another Organization.",
            None,
        ),
        (
            5010,
            "Application",
            "The specified Directory name is already in use by another Directory and cannot be used to auto-create a Directory for the new Application. Please choose a different Directory name for the auto-created Directory.",
            Some("Sorry, that Directory name is not available. Please choose another."),
        ),
        (
            6101,
            "Directory",
            "The Account's Directory does not have a verification email workflow enabled. Please enable the Directory's email verification workflow and try again.",
            None,
        ),
        (
            7100,
            "Account",
            "Login attempt failed because the specified password is incorrect.",
            None,
        ),
        (
            7503,
            "Account",
            "Only *x* Account Links allowed per Account. This Account already has the maximum allowed number of Account Links.",
            Some("This Account already has the maximum allowed number of Account Links."),
        ),
        (
            7504,
            "Account",
            "Cannot link Account ____ and Account ____ because they are in the same Directory.",
            Some("You cannot link two Accounts that are in the same Directory."),
        ),
        (
            9000,
            "Agent",
            "Stormpath, while acting as a gateway/proxy to your directory service, was not able to reach the Stormpath Directory Agent that communicates with your Directory Server. Please ensure that your directory's Stormpath Agent is online and successfully communicating with Stormpath.",
            None,
        ),
        (
            10017,
            "OAuth Errors",
            "Token is invalid because verifying the signature of a JWT failed.",
            None,
        ),
        (
            10100,
            "SAML Errors",
            "The SAML Response object is malformed or cannot be used by Stormpath. Please contact us at support@stormpath.com to help troubleshoot this problem.",
            None,
        ),
        (
            11005,
            "Token Errors",
            "Token is invalid because a token with the same identifier (``jti``) has been already used.",
            None,
        ),
        (
            12001,
            "ID Site JWT",
            "The session on ID Site has timed out. This can occur if the user stays on ID Site without logging in, registering, or resetting a password.",
            Some("The session on ID Site has timed out."),
        ),
        (
            13001,
            "SMTP Server",
            "Unable to authenticate to an SMTP server with the username and password provided.",
            None,
        ),
        (
            13113,
            "Multi-Factor Authentication",
            "You have exceeded the maximum number of failed codes for this Challenge.",
            Some("You have exceeded the maximum number of failed code verifications."),
        ),
    ];
    for &(code, category, message, user_message) in cases {
        let e = entry(code);
        assert_eq!(e.category().name, category, "{code}");
        assert_eq!(e.message(), message, "{code}");
        assert_eq!(e.user_message(), user_message, "{code}");
    }
    assert_eq!(
        markup::plain(entry(2104).message()).matches('\\').count(),
        1
    );
    assert_eq!(entry(4001).category().range, "400X");
    assert_eq!(entry(13001).category().range, "130XX");
    assert_eq!(entry(13113).category().range, "13XXX");
}

#[test]
fn eighteen_codes_have_further_information() {
    let with_further = catalog::entries()
        .iter()
        .filter(|e| e.documented() && e.further().is_some())
        .count();
    assert_eq!(with_further, 18);
    assert!(
        entry(2002)
            .further()
            .unwrap()
            .contains("should return error code 2006")
    );
}

#[test]
fn server_templates_are_converted_from_message_format() {
    let texts = |code: u32| -> Vec<(&str, &str)> {
        entry(code)
            .server()
            .iter()
            .map(|s| (s.key(), s.text()))
            .collect()
    };
    // '' became ', and the placeholders stay.
    assert!(texts(1100).contains(&("status.1100", "Request method '{0}' not supported.")));
    // A continued line is joined, its leading white space dropped.
    assert!(
        texts(2104)
            .iter()
            .any(|(_, t)| t.contains("optionally followed by a space character and order"))
    );
    // Variants keep their keys, including one with a comma.
    assert!(texts(2014).iter().any(|(k, _)| *k == "status.2014.unknown"));
    assert!(texts(5101).contains(&(
        "status.5101.disabled,accountstore.dev",
        "The specified Account Store is disabled."
    )));
    let variant = entry(2014)
        .server()
        .iter()
        .find(|s| s.key() == "status.2014.unknown")
        .unwrap();
    assert_eq!(
        (variant.variant(), variant.audience()),
        (Some("unknown"), "user")
    );
}

fn broken(catalog: &str) -> String {
    catalog_source::parse(catalog).expect_err("the catalog is broken")
}

const CATEGORY: &str = "[[category]]\nrange = \"7XXX\"\nname = \"Account\"\n";

#[test]
fn the_real_catalog_passes_the_build_checks() {
    let text = std::fs::read_to_string(common::root().join("errors.toml")).unwrap();
    let source = catalog_source::parse(&text).expect("errors.toml is well formed");
    assert_eq!(source.error.len(), catalog::entries().len());
    let from = |source_name: &str| {
        source
            .error
            .iter()
            .filter(|e| e.source.as_deref() == Some(source_name))
            .count()
    };
    assert_eq!(from(catalog_source::SERVER_FILE), 18);
    assert_eq!(from("observed"), 6);
    assert_eq!(source.variant.len(), 24);
}

#[test]
fn a_broken_catalog_names_the_entry_and_the_problem() {
    let one = |body: &str| format!("{CATEGORY}[[error]]\n{body}\n");
    assert_eq!(
        broken(&format!(
            "{}{}",
            one("code = 7100\ncategory = \"Account\"\nmessage = \"a\""),
            "[[error]]\ncode = 7100\ncategory = \"Account\"\nmessage = \"b\"\n"
        )),
        "errors.toml: error 7100: duplicate code"
    );
    assert_eq!(
        broken(&one("code = 7100\ncategory = \"Account\"\nmessage = \" \"")),
        "errors.toml: error 7100: missing or empty message"
    );
    assert_eq!(
        broken(&one("code = 7100\ncategory = \"Account\"")),
        "errors.toml: error 7100: missing or empty message"
    );
    assert_eq!(
        broken(&one("code = 7100\ncategory = \"Acount\"\nmessage = \"a\"")),
        "errors.toml: error 7100: unknown category \"Acount\""
    );
    assert_eq!(
        broken(&one("code = 2100\ncategory = \"Account\"\nmessage = \"a\"")),
        "errors.toml: error 2100: outside its category \"Account\" (7XXX)"
    );
    let unknown_key = broken(&one(
        "code = 7100\ncategory = \"Account\"\nmessage = \"a\"\nmesage = \"b\"",
    ));
    assert!(
        unknown_key.contains("unknown field `mesage`"),
        "{unknown_key}"
    );
}

#[test]
fn a_broken_observed_entry_or_variant_names_the_problem() {
    let catalog = |errors: &str, variants: &str| format!("{CATEGORY}{errors}{variants}");
    let reference = "[[error]]\ncode = 7100\ncategory = \"Account\"\nmessage = \"a\"\n";
    let observed = |code: u32, extra: &str| {
        format!(
            "[[error]]\ncode = {code}\ncategory = \"Account\"\nmessage = \"b\"\n\
             source = \"observed\"\n{extra}\n"
        )
    };
    let url = "sources = [\"https://github.com/stormpath/x/issues/1\"]";
    // The reference (or the server's file) already has the code.
    assert_eq!(
        broken(&catalog(&format!("{reference}{}", observed(7100, url)), "")),
        "errors.toml: error 7100: observed, but the reference or the server's file already has it"
    );
    assert_eq!(
        broken(&catalog(
            &observed(
                7105,
                &format!("{url}\nserver = [{{ key = \"status.7105\", text = \"b\" }}]")
            ),
            ""
        )),
        "errors.toml: error 7105: observed, but the server's file already has it"
    );
    assert_eq!(
        broken(&catalog(&observed(7105, ""), "")),
        "errors.toml: error 7105: observed without a source URL"
    );
    assert_eq!(
        broken(&catalog(
            &observed(7105, "sources = [\"see the issue\"]"),
            ""
        )),
        "errors.toml: error 7105: source \"see the issue\" is not an https:// URL"
    );
    assert_eq!(
        broken(&catalog(
            &observed(7105, &format!("{url}\nmessage_kind = \"guess\"")),
            ""
        )),
        "errors.toml: error 7105: message_kind \"guess\" is not \"description\" \
         (leave it out for the server's message)"
    );
    assert_eq!(
        broken(&catalog(&format!("{reference}status = 400\n"), "")),
        "errors.toml: error 7100: sources and status belong to observed entries; \
         other entries take a status from their variants"
    );
    let variant = |code: u32, extra: &str| {
        format!("[[variant]]\ncode = {code}\nkind = \"older-server\"\ntext = \"c\"\n{extra}\n")
    };
    let source = "source = \"https://github.com/stormpath/x/issues/2\"";
    assert_eq!(
        broken(&catalog(reference, &variant(7100, ""))),
        "errors.toml: variant of 7100: no source URL"
    );
    assert_eq!(
        broken(&catalog(reference, &variant(7199, source))),
        "errors.toml: variant of 7199: code not in the catalog"
    );
    assert_eq!(
        broken(&catalog(
            reference,
            &variant(7100, &format!("{source}\nkind = \"rumour\""))
                .replace("kind = \"older-server\"\n", "")
        )),
        "errors.toml: variant of 7100: kind \"rumour\" is not one of \
         older-server, request-fill, documentation, mock"
    );
    assert_eq!(
        broken(&catalog(
            reference,
            &variant(7100, &format!("{source}\ndate = \"June 2016\""))
        )),
        "errors.toml: variant of 7100: \"June 2016\" is not a date such as 2016-06-24"
    );
    assert_eq!(
        broken(&catalog(
            reference,
            &variant(
                7100,
                &format!("{source}\nold_meaning = true\nmeaning_now = 7199")
            )
        )),
        "errors.toml: variant of 7100: meaning_now 7199 is not in the catalog"
    );
    assert_eq!(
        broken(&catalog(
            reference,
            &format!(
                "{}{}",
                variant(7100, &format!("{source}\nstatus = 400")),
                variant(7100, &format!("{source}\nstatus = 409"))
            )
        )),
        "errors.toml: error 7100: sources show different HTTP statuses {400, 409}"
    );
    // A mock's status is no evidence: it neither sets nor contradicts one.
    let mock = variant(7100, &format!("{source}\nstatus = 409")).replace("older-server", "mock");
    let parsed = catalog_source::parse(&catalog(
        reference,
        &format!(
            "{}{mock}",
            variant(7100, &format!("{source}\nstatus = 400"))
        ),
    ))
    .expect("a mock's status does not count");
    assert_eq!(
        catalog_source::status_of(&parsed, &parsed.error[0]),
        Ok(Some(400))
    );
}

/// The observed codes, as `observed.tsv` lists them.
const OBSERVED: [u32; 6] = [2018, 5115, 10019, 10024, 10110, 10111];

#[test]
fn every_observed_entry_says_where_it_was_seen_and_what_it_shows() {
    let observed: Vec<u32> = catalog::entries()
        .iter()
        .filter(|e| e.origin() == Origin::Observed)
        .map(|e| e.code)
        .collect();
    assert_eq!(observed, OBSERVED);
    for &code in &OBSERVED {
        let e = entry(code);
        assert!(!e.documented(), "{code}");
        assert_eq!(e.source(), Some("observed"));
        assert!(e.server().is_empty(), "{code}: the server's file lacks it");
        assert!(e.sources().count() >= 1, "{code}: no source");
        for url in e.sources() {
            assert!(
                url.starts_with("https://github.com/stormpath"),
                "{code}: {url}"
            );
        }
        // A description never passes for the server's words.
        if e.message_kind() == MessageKind::Description {
            assert!(
                e.message().starts_with("Seen in") || e.message().starts_with("Listed only"),
                "{code}: {}",
                e.message()
            );
        }
    }
    let server_words = |code: u32| entry(code).message_kind() == MessageKind::Server;
    assert!(server_words(5115) && server_words(10019));
    assert!(!server_words(10024) && !server_words(10110) && !server_words(2018));
    assert_eq!(
        entry(5115).message(),
        "The application cannot attempt the password reset workflow because it is disabled."
    );
    let status = |code: u32| entry(code).status();
    assert_eq!(
        OBSERVED.map(status),
        [None, Some(400), Some(400), Some(400), Some(400), Some(400)],
        "2018 comes from documentation that gives no status"
    );
    assert_eq!(entry(10019).sources().count(), 2);
    assert_eq!(entry(10110).category().name, "SAML Errors");
}

#[test]
fn every_variant_has_its_source_and_stands_oldest_first() {
    let mut count = 0;
    for e in catalog::entries() {
        let dates: Vec<&str> = e
            .variants()
            .iter()
            .filter_map(|v| v.date().or(v.until()))
            .collect();
        assert!(dates.is_sorted(), "{}: {dates:?}", e.code);
        let first_undated = e
            .variants()
            .iter()
            .position(|v| v.date().or(v.until()).is_none())
            .unwrap_or(e.variants().len());
        assert_eq!(first_undated, dates.len(), "{}: undated ones last", e.code);
        for v in e.variants() {
            count += 1;
            assert!(v.source().starts_with("https://github.com/"), "{}", e.code);
            assert_eq!(v.text(), v.text().trim(), "{}", e.code);
            assert_ne!(v.text(), e.message(), "{}: the same as the message", e.code);
            if v.kind != VariantKind::Mock
                && let Some(status) = v.status()
            {
                assert_eq!(e.status(), Some(status), "{}: its status", e.code);
            }
        }
    }
    assert_eq!(count, 24);
}

#[test]
fn statuses_come_only_from_sources_and_a_mock_proves_none() {
    let with_status: Vec<(u32, u16)> = catalog::entries()
        .iter()
        .filter_map(|e| e.status().map(|s| (e.code, s)))
        .collect();
    for &(code, status) in &with_status {
        let e = entry(code);
        let shown = e.origin() == Origin::Observed
            || e.variants()
                .iter()
                .any(|v| v.kind != VariantKind::Mock && v.status() == Some(status));
        assert!(shown, "{code}: status {status} from no source");
    }
    assert_eq!(entry(2001).status(), Some(409));
    assert_eq!(
        entry(7100).status(),
        None,
        "no source shows it: never guessed"
    );
    assert_eq!(entry(7201).status(), None, "its source shows no status");
}

#[test]
fn the_2013_documentation_gave_2016_2017_and_2018_other_meanings() {
    let old = |code: u32| -> Vec<&str> { entry(code).old_meanings().map(|v| v.text()).collect() };
    assert!(old(2016)[0].starts_with("Unsupported Query Property"));
    assert!(old(2017)[0].starts_with("Unsupported Order Property"));
    assert!(old(2018)[0].starts_with("Unsupported Expand Property"));
    let expand = entry(2018).old_meanings().next().unwrap();
    assert_eq!(expand.meaning_now(), Some(2107));
    let former: Vec<u32> = entry(2107).former_meanings().map(|(c, _)| c).collect();
    assert_eq!(former, [2018]);
    assert_eq!(old(7100), Vec::<&str>::new());
}

/// phrasings.toml: how people describe each entry, for search. The build
/// checks its shape (build/phrasings.rs); here, every entry has phrasings,
/// and none is a query of an evaluation set, so the sets keep measuring.
#[test]
fn every_entry_has_phrasings_of_its_own() {
    let phrasings: Vec<(u32, &str)> = sperr::search::phrasings().collect();
    for entry in catalog::entries() {
        let own = phrasings.iter().filter(|(c, _)| *c == entry.code).count();
        assert!(own >= 6, "{}: {own} phrasings", entry.code);
    }
    let queries: std::collections::BTreeSet<String> = std::fs::read_dir(common::data_path(""))
        .unwrap()
        .map(|f| f.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
        .flat_map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            text.lines()
                .map(|l| l.split('\t').next().unwrap().trim().to_lowercase())
                .collect::<Vec<_>>()
        })
        .collect();
    for (code, phrasing) in phrasings {
        assert!(
            !queries.contains(&phrasing.trim().to_lowercase()),
            "{code}: {phrasing:?} is a query of an evaluation set"
        );
    }
}
