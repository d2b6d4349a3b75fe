//! The catalog, checked over every entry the way rustc's tidy checks its
//! error codes, plus the exact text of entries across the categories and
//! the build-time checks on a broken errors.toml.

use sperr::catalog::{self, Entry};
use sperr::markup::{self, Span};

#[path = "../src/catalog_source.rs"]
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
    let undocumented: Vec<u32> = catalog::entries()
        .iter()
        .filter(|e| !e.documented())
        .map(|e| e.code)
        .collect();
    assert_eq!(
        undocumented,
        [
            1920, 1921, 1922, 1923, 1924, 1925, 1926, 1927, 1928, 2023, 2024, 4701, 5201, 6400,
            6401, 7203, 10018, 10103
        ]
    );
    for code in undocumented {
        let e = entry(code);
        assert_eq!(e.source(), Some("api-errors.properties"));
        assert!(!e.server().is_empty());
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
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/errors.toml")).unwrap();
    let source = catalog_source::parse(&text).expect("errors.toml is well formed");
    assert_eq!(source.error.len(), catalog::entries().len());
    assert_eq!(
        source.error.iter().filter(|e| e.source.is_some()).count(),
        18
    );
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
