//! The source rule's parts.

use super::*;

fn parts(text: &str) -> Vec<String> {
    name_parts(text.as_bytes())
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect()
}

#[test]
fn names_split_into_their_words() {
    assert_eq!(parts("getErrorCode()"), ["get", "Error", "Code"]);
    assert_eq!(parts("MAX_PAGE_SIZE = 100"), ["MAX", "PAGE", "SIZE", "100"]);
    assert_eq!(parts("HTTPError"), ["HTTP", "Error"]);
    assert_eq!(parts("ErrDefault"), ["Err", "Default"]);
}

#[test]
fn quantities_are_named_as_such() {
    assert!(named_quantity(b"CONNECT_TIMEOUT_MS = 3000", 21));
    assert!(!named_quantity(b"PASSWORD_INCORRECT = 7100", 21));
    assert!(!named_quantity(b"ErrDirectoryTimeout = 9003", 22));
    assert!(!named_quantity(b"  MinLengthNotMet    = 2007,", 23));
    assert!(named_quantity(b"  MinLength = 8,", 14));
}

#[test]
fn switches_are_on_a_subject() {
    assert_eq!(
        switch_subject(b"switch (e.getCode()) {"),
        Some(&b"(e.getCode()) {"[..])
    );
    assert_eq!(switch_subject(b"case error.code"), Some(&b"error.code"[..]));
    assert_eq!(switch_subject(b"case 7100:"), None);
    assert_eq!(switch_subject(b"case MfaError.CodeInvalid:"), None);
    assert_eq!(switch_subject(b"when 7100, 7104"), None);
}

#[test]
fn constants_under_a_vendors_comment_in_a_class_of_stormpaths_are_the_vendors() {
    let class = "<?php\n\
                 /** Stormpath error codes. */\n\
                 final class OrgErrors\n\
                 {\n\
                 \x20   const ORG_NAME_TAKEN = 4520;\n\
                 \n\
                 \x20   // --- MySQL client errors (not Stormpath!) ---\n\
                 \x20   const CR_CONNECTION_ERROR = 2002;\n\
                 \x20   const CR_SERVER_GONE_ERROR = 2006;\n\
                 \n\
                 \x20   /** Stormpath: the store is already mapped. */\n\
                 \x20   const APP_STORE_MAPPED = 5104;\n\
                 }\n";
    assert_eq!(crate::scan::recognise::tests::codes(class), [4520, 5104]);
}
