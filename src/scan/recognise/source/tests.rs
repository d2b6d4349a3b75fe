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

#[test]
fn an_enum_of_another_programs_errors_is_taken_back_when_it_closes() {
    use crate::scan::recognise::tests::codes;
    let own = "// Error codes the launcher shows as \"Error NNNN\"; our own numbering.\n\
               enum class LauncherError {\n    SelfUpdateDownloadFailed = 1100,\n    \
               SelfUpdateNoWritePerm = 1102,\n    PatchServerUnreachable = 2002,\n    \
               PatchDiskFull = 2013,\n    TideGuardNotRunning = 5100,\n};\n";
    assert!(codes(own).is_empty());
    // Stormpath's own, named after what the codes mean (under a comment
    // that does not call the numbers its own: that alone disowns them).
    let neutral = own.replace(" our own numbering.", "");
    let stormpaths = neutral
        .replace("SelfUpdateDownloadFailed", "PasswordIncorrect")
        .replace("= 1100", "= 7100")
        .replace("PatchServerUnreachable", "PropertyValueInvalid")
        .replace("PatchDiskFull", "LostConnection");
    assert_eq!(codes(&stormpaths), [7100, 2002, 2013, 5100]);
    // Catalog codes alone are Stormpath's, whatever their names say.
    let synonyms = "enum AuthErrorCode {\n    BAD_CREDENTIALS(7100),\n    SUSPENDED(7101),\n    \
                    TOO_MANY_ATTEMPTS(7103),\n    NO_SUCH_USER(7104);\n}\n";
    assert_eq!(codes(synonyms), [7100, 7101, 7103, 7104]);
    // A text that names Stormpath elsewhere judges its blocks all the
    // same (a launcher's own enum beside its Stormpath client); a block
    // that names Stormpath, or under a comment that does, is not judged.
    let elsewhere = format!("import com.stormpath.sdk.resource.ResourceException;\n{neutral}");
    assert!(codes(&elsewhere).is_empty());
    let over = neutral.replace("// Error codes", "// Stormpath error codes");
    assert_eq!(codes(&over), [1100, 2002, 2013, 5100]);
    let named = neutral.replace("LauncherError", "StormpathLauncherError");
    assert_eq!(codes(&named), [1100, 2002, 2013, 5100]);
    let inside = neutral.replace(
        "enum class LauncherError {\n",
        "enum class LauncherError {\n    // Stormpath's codes\n",
    );
    assert_eq!(codes(&inside), [1100, 2002, 2013, 5100]);
}

#[test]
fn constants_given_lists_of_codes_under_a_comment_about_stormpaths_errors_hold_codes() {
    use crate::scan::recognise::tests::codes;
    let ruby = "class PartnerLoginService\n  # Stormpath error codes (Stormpath::Error#code)\n  \
                BAD_CREDENTIALS   = [7100, 7104].freeze\n  ACCOUNT_BLOCKED   = [7101, 7103].freeze\n  \
                TIMEOUTS = [3000, 9000]\nend\n";
    assert_eq!(codes(ruby), [7100, 7104, 7101, 7103]);
}

#[test]
fn a_vendors_comment_at_the_top_level_lasts_its_paragraph() {
    use crate::scan::recognise::tests::codes;
    let java = "public final class AuthErrorMapper {\n\
                \x20   // --- MySQL Connector/J vendor error codes ---\n\
                \x20   private static final int CR_CONNECTION_ERROR = 2002;\n\
                \x20   private static final int CR_SERVER_GONE_ERROR = 2006;\n\
                \x20   private static final int CR_SERVER_LOST = 2013;\n\n\
                \x20   // Stormpath error codes\n\
                \x20   private static final int PASSWORD_ERROR = 7100;\n}\n";
    assert_eq!(codes(java), [7100]);
}

#[test]
fn numbers_a_comment_calls_the_texts_own_are_not_codes() {
    use crate::scan::recognise::tests::codes;
    // A block comment over a frozen map, the statement over two lines
    // and Stormpath named after it; the block's blank lines and its
    // `ERROR` names change nothing.
    let js = "const stormpath = require('stormpath');\n\
              /*\n\
              \x20* Shop API error numbers. These are OUR numbers, and\n\
              \x20* must not be confused with Stormpath's codes below.\n\
              \x20*/\n\
              const SHOP = Object.freeze({\n\
              \x20 CART_TAKEN: 2001,\n\
              \n\
              \x20 PAYMENT_ERROR: 9005,\n\
              });\n\
              // Stormpath login errors\n\
              const SP = Object.freeze({\n\
              \x20 PASSWORD_INCORRECT: 7100,\n\
              });\n";
    assert_eq!(codes(js), [7100]);
    // "Ours" on its own; an owner's own numbers.
    let php = "<?php\n\
               final class StormpathErrors\n\
               {\n\
               \x20   /* Our portal's error numbers, shown as \"LX-nnnn\". Ours. */\n\
               \x20   const LX_TRY_AGAIN_LATER = 5100;\n\
               \x20   const LX_APP_TOO_LARGE = 5104;\n\
               \n\
               \x20   // Stormpath: the store is already mapped.\n\
               \x20   const SP_STORE_MAPPED = 5104;\n\
               }\n";
    assert_eq!(codes(php), [5104]);
    let go = "package statements\n\
              // Statement API error numbers returned in our body as \"esCode\".\n\
              // These are Acme's own, documented in the service's README.\n\
              const (\n\
              \tesStorageError = 5101\n\
              )\n";
    assert!(codes(go).is_empty());
    // A Python docstring that says so, inside a class about errors.
    let py = "import stormpath\n\
              class BizErr(IntEnum):\n\
              \x20   \"\"\"Business portal error numbers. OURS, printed as\n\
              \x20   \"BP-nnnnn\"; nothing to do with Stormpath's numbering.\"\"\"\n\
              \x20   NOT_AUTHORIZED_SIGNER = 1902\n\
              \x20   ACH_CUTOFF_PASSED = 13001\n";
    assert!(codes(py).is_empty());
}

#[test]
fn what_a_comment_about_stormpaths_codes_calls_its_own_is_not_its_numbers() {
    use crate::scan::recognise::tests::codes;
    // "our own reason strings" after Stormpath's codes; "OUR api key" in
    // a member's own comment.
    let js = "/**\n\
              \x20* A failed Stormpath token check comes back with a `code`; we\n\
              \x20* translate the code into one of our own `reason` strings.\n\
              \x20*/\n\
              const TOKEN_ERRORS = Object.freeze({\n\
              \x20 EXPIRED: 10011,\n\
              });\n";
    assert_eq!(codes(js), [10011]);
    let go = "package auth\n\
              // Stormpath token errors\n\
              const (\n\
              \tspTokenExpired = 10011\n\
              \tspAPIKeyInvalid = 10019 // OUR api key rejected: page someone\n\
              )\n";
    assert_eq!(codes(go), [10011, 10019]);
}

#[test]
fn what_a_comment_calls_its_own_must_be_its_numbers() {
    use crate::scan::recognise::tests::codes;
    // "own" and "OUR" about something else, before Stormpath is named.
    for comment in [
        "// Check the account's own status before retrying.",
        "// OUR retry policy: three tries.",
        "// Handles login failures for our own SPA.",
    ] {
        let java = format!(
            "import com.stormpath.sdk.resource.ResourceException;\n{comment}\n\
             // Stormpath error codes that mean the login itself failed:\n\
             static final int[] LOGIN_FAILED = {{7100, 7104}};\n"
        );
        assert_eq!(codes(&java), [7100, 7104], "{comment}");
    }
    // A comment about Stormpath's codes inside a block of the text's own.
    let go = "package codes\n\
              // These are OUR numbers, not Stormpath's.\n\
              var retry = map[int]bool{\n\
              \t2001: true,\n\
              \t// Stormpath error codes we retry on\n\
              \t7104: true,\n\
              }\n";
    assert_eq!(codes(go), [7104]);
}

#[test]
fn a_string_in_triple_quotes_is_no_docstring() {
    use crate::scan::recognise::tests::codes;
    // A Java text block's `""";` and a Python string's closing quotes
    // open nothing: the constants below them are read.
    let java = "class Sql {\n\
                \x20   String q = \"\"\"\n\
                \x20       SELECT 1\n\
                \x20       \"\"\";\n\
                }\n\
                // Stormpath login error codes\n\
                static final int SP_INVALID_PASSWORD = 7100;\n";
    assert_eq!(codes(java), [7100]);
    let python = "import stormpath\n\
                  HELP = \"\"\"\n\
                  Sign in with your campus ID.\n\
                  \"\"\"\n\
                  # Stormpath login error codes\n\
                  STORMPATH_ERRORS = {7100: 'Wrong password', 7104: 'No such user'}\n";
    assert_eq!(codes(python), [7100, 7104]);
}

#[test]
fn prose_that_starts_like_code_is_not_source() {
    for line in [
        "from 04/07 to 04/11 could not get their link",
        "let me know if the login works now",
        "import of 2,000 users failed",
        "export of tickets attached",
        "case 7100 was closed yesterday",
        "public key infrastructure is down",
        "package was delivered to the branch",
        "using the portal, members see an error",
        "class of errors we saw",
    ] {
        assert!(!starts_code(line.as_bytes()), "{line}");
    }
    for line in [
        "from stormpath.error import Error",
        "let code = err.code;",
        "var SP = require('stormpath');",
        "import com.stormpath.sdk.client.Client;",
        "import stormpath",
        "import { Client } from 'stormpath';",
        "export const ERRORS = {",
        "case 7100:",
        "case error.code",
        "public enum StormpathErrorCode",
        "package main",
        "using System;",
        "class StormpathErrors",
        "require 'stormpath'",
        "def handle(err):",
    ] {
        assert!(starts_code(line.as_bytes()), "{line}");
    }
}

#[test]
fn a_block_under_a_comment_that_says_not_from_stormpath_holds_no_codes() {
    let ts = "import { Client } from 'stormpath';\n\
              /** The app's own error numbers (NOT from Stormpath). */\n\
              export enum AppErrorCode {\n  OFFLINE = 9001,\n  SEAT_TAKEN = 4001,\n}\n\
              /** Stormpath code -> i18n key. */\n\
              export const STORMPATH_ERROR_KEYS = {\n  7102: 'signin.notVerified',\n};\n";
    assert_eq!(crate::scan::recognise::tests::codes(ts), [7102]);
}

#[test]
fn only_a_denied_from_stormpath_that_closes_its_clause_says_not_stormpath() {
    assert!(says_not_stormpath(
        b"/** The app's own error numbers (NOT from Stormpath). */"
    ));
    assert!(!says_not_stormpath(
        b"// read from the JSON body, not from Stormpath's Java SDK enum"
    ));
    assert!(!says_not_stormpath(
        b"# whether or not from Stormpath, map them"
    ));
    assert!(!says_not_stormpath(
        b"## Codes (most are from Stormpath, a few not from Stormpath)"
    ));
}

#[test]
fn a_tests_parameters_named_code_are_codes() {
    use crate::scan::recognise::tests::codes;
    let pytest = "import pytest\n\n@pytest.mark.parametrize('code', [10011, 10015])\ndef test_dead_tokens(code):\n";
    assert_eq!(codes(pytest), [10011, 10015]);
    let pages = "import pytest\n\n@pytest.mark.parametrize('page_size', [1000, 2000])\ndef test_pages(page_size):\n";
    assert!(codes(pages).is_empty(), "other parameters' values");
}
