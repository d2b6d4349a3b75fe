//! The recognisers together on whole texts (`codes` serves their own tests).

use super::keywords::CONTEXT_WORDS;
use super::*;
use crate::scan::scan_text;

pub(super) fn codes(text: &str) -> Vec<u32> {
    scan_text(text.as_bytes()).iter().map(|h| h.code).collect()
}

#[test]
fn every_context_word_holds_a_trigger_of_the_prefilter() {
    for word in CONTEXT_WORDS {
        assert!(CONTEXT_TRIGGERS.iter().any(|t| word.contains(t)), "{word}");
    }
}

#[test]
fn keywords_put_codes_after_them() {
    assert_eq!(codes("we hit error 2001 today"), [2001]);
    assert_eq!(codes("Stormpath 7104 (http://x)"), [7104]);
    assert_eq!(
        codes("Stormpath 7104: Login failed; Stormpath 7100 error"),
        [7104, 7100]
    );
    assert_eq!(codes("err: 7100"), [7100]);
    assert_eq!(codes("error code no. 7103"), [7103]);
    assert_eq!(codes("loginError 7100"), [7100]);
    assert_eq!(codes("#error-7102"), [7102]);
}

#[test]
fn unicode_spaces_and_quotes_stand_between_a_word_and_its_number() {
    assert_eq!(codes("Error\u{a0}7104"), [7104]);
    assert_eq!(codes("error\u{2009}code\u{3000}7100"), [7100]);
    assert_eq!(codes("the error was `7101` again"), [7101]);
    assert_eq!(codes("Stormpath error “2001”"), [2001]);
    assert_eq!(codes("error\u{a0}\u{a0}x 7100"), Vec::<u32>::new());
}

#[test]
fn code_fields_in_every_notation() {
    assert_eq!(codes(r#""code": 7100,"#), [7100]);
    assert_eq!(codes(r#"{"code":"11001"}"#), [11001]);
    assert_eq!(codes("Code: 7106"), [7106]);
    assert_eq!(codes("CODE=2101"), [2101]);
    assert_eq!(codes(r#"["errorCode"]=> int(2006)"#), [2006]);
    assert_eq!(codes("Code:2014"), [2014]);
    assert_eq!(codes("error_code=2101 errorCode: 2002"), [2101, 2002]);
    assert_eq!(codes("    code: 13101"), [13101]);
}

#[test]
fn more_info_urls_in_all_three_forms() {
    assert_eq!(codes("https://www.stormpath.com/docs/errors/2007"), [2007]);
    assert_eq!(
        codes("see http://docs.stormpath.com/errors/5114 - what"),
        [5114]
    );
    assert_eq!(
        codes("https://docs.stormpath.com/rest/product-guide/latest/errors.html#error-7101"),
        [7101]
    );
    assert_eq!(
        codes("https://docs.stormpath.com/rest/product-guide/latest/errors.html#id1"),
        [4614]
    );
}

#[test]
fn lists_continue_a_context() {
    assert_eq!(codes("errors 7100, 7101 and 7103"), [7100, 7101, 7103]);
    assert_eq!(codes("errors 7100,7101"), [7100, 7101]);
    assert_eq!(codes("error codes 2000/2006 or 2008."), [2000, 2006, 2008]);
    assert_eq!(
        codes("errors 2000 on rows (rows 2001-2010 were fine)"),
        [2000]
    );
}

#[test]
fn message_keys_that_end_in_a_code() {
    let hits =
        scan_text(b"No message found under code 'stormpath.web.errors.7104' for locale 'en'.");
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (hits[0].code, hits[0].column, hits[0].text.as_str()),
        (7104, 30, "stormpath.web.errors.7104")
    );
    assert_eq!(codes("status.7104.dev = Login attempt failed"), [7104]);
    assert_eq!(codes("errors.7100=Bad password"), [7100]);
    assert_eq!(codes("see ERRORS.2001."), [2001]);
    for text in [
        "rotated errors.2016-10-18.log and errors.2016.log",
        "status.200 and status.20010 and errors.7100x",
        "the build status. 2001 users",
        "errors.0700",
    ] {
        assert_eq!(codes(text), Vec::<u32>::new(), "{text}");
    }
}

#[test]
fn sentences_that_say_a_code_is_a_number() {
    assert_eq!(codes("the code should be 2001, not 409"), [2001]);
    assert_eq!(codes("Stormpath returns 7104 for this"), [7104]);
    assert_eq!(codes("The error we got back was 7100."), [7100]);
    assert_eq!(codes("I expected the error code to be 2001"), [2001]);
    assert_eq!(codes("the error it returns is 7104"), [7104]);
    assert_eq!(codes("but the code\nshould be 2001 as documented"), [2001]);
    let hits = scan_text(b"the error we got\r\nwas 7100");
    assert_eq!((hits[0].line, hits[0].column), (2, 5));
    for text in [
        "the error rate was 2000 per hour",
        "the error happened in 2016",
        "the code should, in 2016, be fixed",
        "the error we got. 2001 was the year",
        "the error should be 2000 users",
        "the code we get when we call it from the old app is 2001",
        "the code 404",
        "the code should\n\nbe 2001",
        "the error\nrate was 2000",
    ] {
        assert_eq!(codes(text), Vec::<u32>::new(), "{text}");
    }
}

#[test]
fn lists_of_bare_numbers_under_a_heading_about_codes() {
    let issue = "## Errors\n\n- [x] 13000\n- [ ] 12001\n- `7100`\n\n## Benchmarks\n\n- 13100\n- 2000 users\n";
    assert_eq!(codes(issue), [13000, 12001, 7100]);
    let lead_in = "Stormpath error codes we map:\n1. 7100, 7101\n2. 7102 (locked)\n3. 2000 requests\nThanks\n- 7103";
    assert_eq!(codes(lead_in), [7100, 7101, 7102]);
    let log = "ERROR something failed with code 2001\n- 2014\n";
    assert_eq!(codes(log), [2001], "a log line is no lead-in");
    let table = "### Stormpath errors this week\n\n| Error | Count |\n|---|---|\n| 7100 | 40 |\n| 2016-11-04 | 7104 |\n\n| 7101 | 2 |\n";
    assert_eq!(
        codes(table),
        [7100],
        "a table's first cell, up to a blank line"
    );
    let counts = "## Errors\n\n| Count | Users |\n|---|---|\n| 2000 | 7100 |\n";
    assert_eq!(codes(counts), Vec::<u32>::new(), "a first column of counts");
    let error_code = "Error code:\n- 7100\n";
    assert_eq!(codes(error_code), [7100]);
    let handling = "## Error handling\n\n- 2000\nERROR: retry delays:\n- 4000\n";
    assert_eq!(codes(handling), Vec::<u32>::new(), "one error is no list");
    let ports = "## Ports\n- 9000\n- 13000\n";
    assert_eq!(codes(ports), Vec::<u32>::new());
}

#[test]
fn other_programs_numbers_after_error_are_theirs() {
    for text in [
        "2016/10/18 09:12:44 [error] 7102#0: *5104 connect() failed",
        "2016-10-18 09:12:44.301 ERROR 7104 --- [main] c.a.App : failed",
        "ERROR 2003 (HY000): Can't connect to MySQL server",
        "ConnectionResetError: [WinError 10054] An existing connection was closed",
        "Winsock error 10060 and socket error 10054 (WSAECONNRESET)",
        "SocketException: SocketErrorCode=AccessDenied NativeErrorCode=10013",
        "2016-10-14 03:12:40.11 spid61      Error: 9002, Severity: 17, State: 2.",
        "SQL error 2013 on the replica; Access denied (os error 10013)",
        "OSError: [Errno 2001] No such file",
        "ERROR 4000 sessions dropped; [ERROR] 2000 retries; error: 7104 requests failed",
    ] {
        assert_eq!(codes(text), Vec::<u32>::new(), "{text}");
    }
    let both = "[error] 7102#0: *5104 upstream said: HTTP 400, Stormpath 7100 (x)";
    assert_eq!(
        codes(both),
        [7100],
        "a Stormpath code on the line still counts"
    );
}

#[test]
fn a_vendors_message_after_a_number_makes_it_theirs() {
    for text in [
        "raised unexpected: OperationalError(2006, 'MySQL server has gone away')",
        "- **11001** (WSAHOST_NOT_FOUND) – \"No such host is known.\"",
        "'SQLSTATE[HY000]: General error: 2006 MySQL server has gone away'",
    ] {
        assert_eq!(codes(text), Vec::<u32>::new(), "{text}");
    }
    // A writer's gloss, in any words, or a line that names Stormpath.
    for (text, code) in [
        ("Error 7100: users can't sign in after the migration", 7100),
        ("error 7100: el usuario no puede iniciar sesión", 7100),
        (
            "Seeing error 7100. Happens only on mobile app builds.",
            7100,
        ),
        ("Error 7104: user exists in MongoDB but not in LDAP", 7104),
        ("Users see a system error 7100 on the login page", 7100),
        ("user creation fails with database error 2001", 2001),
        ("Stormpath response code 7100 when logging in", 7100),
        ("Stormpath code 7100 shown to the customer", 7100),
        ("Code: 7100, Severity: P2", 7100),
    ] {
        assert_eq!(codes(text), [code], "{text}");
    }
}

#[test]
fn other_systems_kinds_of_code_are_not_stormpaths() {
    for text in [
        "result=processor_declined processor_response_code=2001 processor_response_text=\"Insufficient Funds\"",
        "Authorize.Net response code 2 (declined), reason code 2001",
    ] {
        assert_eq!(codes(text), Vec::<u32>::new(), "{text}");
    }
}

#[test]
fn a_table_code_column() {
    let table =
        "Top errors:\n\nCode    Count  Share\n7102    310    41%\n7101    120    16%\n\n2001 after";
    assert_eq!(codes(table), [7102, 7101]);
    let markdown = "| Count | Code |\n|---|---|\n| 3 | 2001 |\n| 4 | 7100 |";
    assert_eq!(codes(markdown), [2001, 7100]);
    let mysql = "+----------------------+----------+\n| stormpath_error_code | COUNT(*) |\n+----------------------+----------+\n|                 7100 |     2013 |\n+----------------------+----------+";
    assert_eq!(codes(mysql), [7100]);
    let other = "| status_code | Zip Code | n |\n|---|---|---|\n| 2001 | 10017 | 3 |";
    assert_eq!(codes(other), Vec::<u32>::new());
    let two_words = "| Error Code | Count |\n|---|---|\n| 7102 | 12 |";
    assert_eq!(codes(two_words), [7102]);
    let spaced = "Error Code    Count\n7103          5\n2001          310";
    assert_eq!(codes(spaced), [7103, 2001]);
    let tabbed = "When\tcode\tuser\n2016-10-01\t7104\t1200";
    assert_eq!(codes(tabbed), [7104]);
    let errors =
        "| Stormpath error | Meaning |\n|---|---|\n| 7100 | Wrong password |\n| 7103 | Locked |";
    assert_eq!(codes(errors), [7100, 7103]);
    let empty_cell = "| Code | Note |\n|---|---|\n|  | 7100 |";
    assert_eq!(
        codes(empty_cell),
        Vec::<u32>::new(),
        "the Note column holds no codes"
    );
}

#[test]
fn quoted_messages_name_their_code() {
    let hits = scan_text(
        b"console says: Login attempt failed because the Account is in a Group that is disabled.",
    );
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].code, hits[0].via), (7105, Via::Message));
    // Curly quotes, literals and spacing fold away.
    assert_eq!(
        codes(
            "Login attempt failed because there is no Account in the Application's associated Account Stores with the specified username   or email"
        ),
        [7104]
    );
}

#[test]
fn a_message_that_codes_share_names_none() {
    assert_eq!(
        codes(
            "Oops! We encountered an unexpected error. Please contact support and explain what you were doing at the time this error occurred."
        ),
        Vec::<u32>::new()
    );
}

#[test]
fn distractors_are_not_codes() {
    for text in [
        "ERROR 2016-10-18 09:12:44.301 started",
        "Error at DefaultDataStore.java:2014",
        "the exception on line 2012",
        "INFO started in 2014 ms",
        "closed tickets 7102 and 7105, port 9000, pid 3117",
        "Budget: $1902 for hosting, 2100 GB egress, call 020 7946 2000",
        r#"{"status": 404, "code": 404, "moreInfo": "mailto:support@stormpath.com"}"#,
        r#"{"code":"633559"}"#,
        "error 7100.5 and code 2001-10-01 and error 2001ms and code 20010",
        "error 10/18/2016 and code 12:2014 and error 2,000 and error 1,2001",
        "errorless 7100 codex 7101",
        "ship to zip code 10017, promo code 2016, verification code: 7102, exit code 1101",
        "the SMS code 4001 and the postal-code 13000",
        "see the Stormpath 2016 roadmap and Stormpath 2015 pricing",
        "Stormpath 2016 was a good year; Stormpath 2016 in review",
        "We hit the Stormpath 3000 user limit; Stormpath 9000 API calls a month",
    ] {
        assert_eq!(codes(text), Vec::<u32>::new(), "{text}");
    }
    // A function word names no thing; words that gloss the code say it is one.
    let logged = "api-gw: Stormpath 10017 on a few requests; Stormpath 7100 password bad";
    assert_eq!(codes(logged), [10017, 7100]);
}

#[test]
fn unknown_codes_in_context_are_reported_as_unknown() {
    let hits = scan_text(b"HTTP 400, Stormpath 7299 (x)");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].code, 7299);
    assert!(hits[0].entry.is_none());
}

#[test]
fn one_hit_per_code_and_line() {
    let text = "HTTP 400, Stormpath 7104 (http://docs.stormpath.com/errors/7104): x";
    let hits = scan_text(text.as_bytes());
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (hits[0].column, hits[0].text.as_str()),
        (11, "Stormpath 7104")
    );
}

#[test]
fn a_code_named_again_and_again_on_a_line_is_one_hit() {
    let line = " error 7100 code 7100".repeat(10_000);
    let hits = scan_text(line.as_bytes());
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].column, hits[0].text.as_str()), (2, "error 7100"));
}

#[test]
fn positions_and_escaping() {
    let hits = scan_text(b"line one\n\x1b[31merror 7100\x1b[0m\r\n");
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].line, hits[0].column), (2, 6));
    assert_eq!(hits[0].text, "error 7100");
}

#[test]
fn switch_labels_on_an_errors_code_are_codes() {
    let java = "switch (e.getCode()) {\n    case 7100:\n        return fail();\n    case 7101: case 7103:\n        return locked(3000);\n}\nint port = 8080;\ncase 2001:\n";
    assert_eq!(codes(java), [7100, 7101, 7103]);
    let go = "\tswitch apiErr.Code {\n\tcase 2100, 2101:\n\t\treturn nil\n\t}\n";
    assert_eq!(codes(go), [2100, 2101]);
    let ruby = "    case error.code\n    when 7100, 7104\n      'x'\n    when 400, 409\n      'y'\n    end\n";
    assert_eq!(codes(ruby), [7100, 7104]);
    let kotlin = "import x\nwhen (e.code) {\n    7100, 7104 -> retry()\n}\n";
    assert_eq!(codes(kotlin), [7100, 7104]);
    // A switch on something else is not about codes.
    assert_eq!(
        codes("switch (port) {\n  case 8080:\n  case 2001:\n}\n"),
        Vec::<u32>::new()
    );
}

#[test]
fn comparisons_and_membership_tests_on_a_code_name_their_codes() {
    assert_eq!(
        codes("import x;\nif exc.code in (7100, 7101):"),
        [7100, 7101]
    );
    assert_eq!(
        codes("import x;\nif ([2001, 2014].includes(err.code)) {"),
        [2001, 2014]
    );
    assert_eq!(
        codes("import x;\nif (in_array($e->getCode(), [2001, 2014])) {"),
        [2001, 2014]
    );
    assert_eq!(
        codes("import x;\nif (e.code === 7100 && retries < 3000) {"),
        [7100]
    );
    // Padding of base64 is no comparison, and `status` is not compared.
    assert_eq!(
        codes("kong[2001]: status=404 body=eyJzdGF0dXMi=="),
        Vec::<u32>::new()
    );
}

#[test]
fn members_of_blocks_about_errors_are_codes_and_quantities_are_not() {
    let python = "# Stormpath error codes -> text\nSTORMPATH_ERRORS = {\n    2002: 'Invalid value',\n    7500: 'Accounts already linked',\n}\n\n# MySQL client errors (not Stormpath)\nMYSQL_ERRORS = {\n    2003: \"Can't connect\",\n}\nBATCH_SIZE = 2000\n";
    assert_eq!(codes(python), [2002, 7500]);
    let java = "public final class StormpathErrorCodes {\n    public static final int ORG_NO_STORE = 4600;\n    public static final int CONNECT_TIMEOUT_MS = 3000;\n}\n";
    assert_eq!(codes(java), [4600]);
    let csharp = "    public enum StormpathErrorCode\n    {\n        AgentUnreachable = 9000,\n        SmtpAuthFailed = 13001,\n    }\n    public const int Port = 2001;\n";
    assert_eq!(codes(csharp), [9000, 13001]);
    let go = "// Stormpath error codes for account stores.\nconst (\n\tErrMissing = 5100\n\tErrMapped  = 5104 // seen\n)\n\nconst (\n\tDefaultPort = 2001\n)\n";
    assert_eq!(codes(go), [5100, 5104]);
    let php = "    public static $stormpathErrors = [\n        1902 => 'Application limit reached.',\n    ];\n";
    assert_eq!(codes(php), [1902]);
    let ruby = "class SsoHandler\n  # ID Site / token error codes from Stormpath\n  ID_SITE_TIMED_OUT = 12001\n  TOKEN_ORG_DISABLED = 11002\n\n  set :port, 2001\n";
    assert_eq!(codes(ruby), [12001, 11002]);
    assert_eq!(
        codes("REAUTH_CODES = frozenset({10011, 10013})"),
        [10011, 10013]
    );
    // A class named for something else holds code, not members.
    let handler = "public class LoginErrorHandler {\n    void f() { retryLater(MAX, 3000); }\n}\n";
    assert_eq!(codes(handler), Vec::<u32>::new());
}

#[test]
fn a_list_item_may_hold_several_codes_in_backticks() {
    let md = "## Stormpath errors we see most\n\n- `4604`, `5104` — already mapped\n- `13106` / `13107` — MFA trouble\n\n## HTTP statuses\n\n- `2001` — none of ours\n";
    assert_eq!(codes(md), [4604, 5104, 13106, 13107]);
}

#[test]
fn other_products_json_errors_are_theirs() {
    let mongo = r#"{"s":"W","attr":{"code":11001,"errmsg":"E11001 duplicate key on update"}}"#;
    assert_eq!(codes(mongo), Vec::<u32>::new());
    let aws = r#"{"__type":"UsernameExistsException","code":2001}"#;
    assert_eq!(codes(aws), Vec::<u32>::new());
    // Stormpath's own body beside another product's on the line is still one.
    let both = r#"{"code":2001,"message":"x"} {"code":11001,"errmsg":"y"}"#;
    assert_eq!(codes(both), [2001]);
}

#[test]
fn a_line_that_names_another_vendor_and_not_stormpath_is_its() {
    for line in [
        "HD-10012 -- Cisco AnyConnect: \"Login failed. Error 7100\" from home",
        "CR_SERVER_GONE_ERROR = 2006     # \"MySQL server has gone away\"",
        "Twilio error 2003 while sending the SMS",
        "MySQL error 2006 (not Stormpath): server has gone away",
    ] {
        assert_eq!(codes(line), Vec::<u32>::new(), "{line}");
    }
    // A number before its error word, as one after it.
    assert_eq!(
        codes("Twilio rejected it with a 2003 error"),
        Vec::<u32>::new()
    );
    // A vendor in another clause, or after the number, is where the error
    // happened, not whose it is.
    for line in [
        "With the Redis cache enabled, login returns error 7100 (bad password).",
        "mysql is healthy. The login page shows error 7100 again.",
        "Login behind the Oracle SSO portal fails: error 7100",
        "level=error code=7100 msg=\"login failed\" db=postgres",
        "Error 7100: Invalid username or password. (users migrated from MySQL)",
        "Stormpath returned error 7100 but MySQL was not Stormpath-synced yet",
    ] {
        assert_eq!(codes(line), [7100], "{line}");
    }
    let continued = "Stormpath support says the error code should\nbe 7100 for the users we imported from MySQL\n";
    assert_eq!(codes(continued), [7100]);
    // Stormpath named beside it, or where accounts went after it: still one.
    assert_eq!(codes("MySQL is fine; Stormpath error 7100 again"), [7100]);
    assert_eq!(
        codes("after the move to Okta we still see error 7100"),
        [7100]
    );
    assert_eq!(codes("the LDAP agent fails with Error 9001"), [9001]);
}

#[test]
fn prose_that_disowns_a_number_keeps_it() {
    for line in [
        "The failing case was **not** a Stormpath error 7104 at all",
        "Our app shows \"Error 7105 - please retry\" but that's our internal code",
        "customer asked about \"error 2016\" - the year in their log, not a Stormpath code.",
    ] {
        assert_eq!(codes(line), Vec::<u32>::new(), "{line}");
    }
    // A disowning clause before it, or a sentence after it, leaves it alone.
    for line in [
        "Not a Stormpath outage, just error 7100 from bad passwords",
        "Stormpath error 7100 again. The 404s are not ours.",
        "Login fails with error 7100 and it is not intermittent",
    ] {
        assert_eq!(codes(line), [7100], "{line}");
    }
}

#[test]
fn a_member_that_counts_or_places_holds_no_code() {
    let json = "{\n  \"errors\": [\n    {\n      \"index\": 7100,\n      \"reason\": \"dup\"\n    }\n  ]\n}\n";
    assert_eq!(codes(json), Vec::<u32>::new());
}

#[test]
fn messages_in_other_words_name_their_entry() {
    // One word more than another entry's, such as "Stormpath", is chance.
    assert_eq!(
        codes(
            "rejected by Stormpath: Please contact us at support@stormpath.com to help troubleshoot this problem."
        ),
        Vec::<u32>::new()
    );
    let log = "WARN Mailer - could not configure mail: Unable to authenticate to the SMTP server with the provided username and password\n";
    assert_eq!(codes(log), [13001]);
    // Too few of one entry's words.
    assert_eq!(
        codes("could not authenticate to the SMTP server\n"),
        Vec::<u32>::new()
    );
}

#[test]
fn a_thing_made_for_an_error_names_its_code() {
    assert_eq!(
        codes("We now ship a dedicated error file for 7101 (disabled)."),
        [7101]
    );
    assert_eq!(codes("an error page for 2024 is in review"), [2024]);
    assert_eq!(codes("the error rate for 2016"), Vec::<u32>::new());
}

#[test]
fn codes_put_into_a_map_about_errors_by_key_are_codes() {
    assert_eq!(
        codes("import x;\n    ERRORS.put(7100, \"Wrong password\");"),
        [7100]
    );
    assert_eq!(
        codes("import x;\nerrorMessages[7101] = 'Disabled';"),
        [7101]
    );
    assert_eq!(
        codes("import x;\ntimeouts.put(7100, 3);"),
        Vec::<u32>::new()
    );
    let csharp = "private static readonly Dictionary<int, string> StormpathErrors = new Dictionary<int, string>()\n{\n    { 7100, \"Wrong password\" },\n    [7103] = \"Locked\",\n};\n";
    assert_eq!(codes(csharp), [7100, 7103]);
    let annotated = "/** Stormpath error codes. */\n@SuppressWarnings(\"unused\")\npublic enum Codes {\n    LOCKED(7103),\n}\n";
    assert_eq!(codes(annotated), [7103]);
    let named = "const STORMPATH_CODES = {\n  LOCKED: 7103,\n  TIMEOUT_MS: 7000,\n};\n";
    assert_eq!(codes(named), [7103]);
}

#[test]
fn a_client_named_for_stormpath_announces_no_codes() {
    let js = "const stormpath = require('stormpath');\n\nconst PORT = process.env.PORT || 3000;\n";
    assert_eq!(codes(js), Vec::<u32>::new());
    let js = "const stormpath = require('stormpath');\nconst PORT = process.env.PORT || 3000;\n";
    assert_eq!(codes(js), Vec::<u32>::new());
}

#[test]
fn a_log_is_no_source_code() {
    // The same lines, in a log and in a source file.
    let log = "2016-10-18 ERROR [main] STORMPATH_ERRORS = {\n  2002: 'x',\n}\n";
    assert_eq!(codes(log), Vec::<u32>::new());
    let source = "import x\nSTORMPATH_ERRORS = {\n  2002: 'x',\n}\n";
    assert_eq!(codes(source), [2002]);
}

#[test]
fn a_map_declared_under_another_products_name_is_its() {
    let java = "import x;\n    // MySQL client errors from the audit DB\n    static final Map<Integer, String> AUDIT_DB_ERRORS = new HashMap<>();\n    static {\n        AUDIT_DB_ERRORS.put(2006, \"gone away\");\n        ERRORS.put(7100, \"bad password\");\n    }\n";
    assert_eq!(codes(java), [7100]);
}

#[test]
fn a_set_of_codes_named_for_something_else_is_named_where_a_code_is_tested() {
    let java = "import x;\nclass C {\n    private static final Set<Integer> MFA_RETRYABLE = Set.of(13104, 13108);\n    private static final Set<Integer> PORTS = Set.of(8080, 2001);\n    boolean retry(int code) {\n        return MFA_RETRYABLE.contains(code);\n    }\n}\n";
    let hits = scan_text(java.as_bytes());
    let lines: Vec<(usize, u32)> = hits.iter().map(|h| (h.line, h.code)).collect();
    assert_eq!(lines, [(6, 13104), (6, 13108)]);
    let python =
        "import x\nLOCKED_OUT = frozenset({7100, 7103})\nif exc.code in LOCKED_OUT:\n    pass\n";
    assert_eq!(codes(python), [7100, 7103]);
}

#[test]
fn a_switch_with_its_brace_on_the_next_line_goes_on() {
    let csharp = "using System;\n    switch (rex.Code)\n    {\n        case 11001:\n            return 1;\n    }\n    int port = 2001;\n";
    assert_eq!(codes(csharp), [11001]);
}

#[test]
fn configuration_maps_keyed_by_code() {
    let yaml = "server:\n  port: 8443\nlogin:\n  ttl: 7200\n  # Stormpath error code -> what we do\n  errors:\n    7100:\n      action: retry\n    7101:\n      action: support\n  statuses:\n    2001: x\n";
    assert_eq!(codes(yaml), [7100, 7101]);
    let json = "{\n  \"http\": {\"timeoutMs\": 4000},\n  \"stormpathErrors\": {\n    \"4600\": {\"title\": \"x\"},\n    \"elapsed_ms\": 5010\n  },\n  \"limit\": 2000\n}\n";
    assert_eq!(codes(json), [4600]);
    // A key with its codes on its own line.
    let flags = "{\n  \"flags\": {\n    \"stormpathCodesThatTriggerMigration\": [7104],\n    \"rolloutPercent\": 2000\n  }\n}\n";
    assert_eq!(codes(flags), [7104]);
    // A map that measures errors holds numbers of them, not codes.
    assert_eq!(
        codes("metrics:\n  errors_by_port:\n    2001: 5\n    7100: 3\n"),
        Vec::<u32>::new()
    );
    // A ticket's headings are no configuration.
    assert_eq!(codes("Steps:\n  errors:\n    7100: x\n"), Vec::<u32>::new());
}

#[test]
fn a_tests_assertions_on_a_code_name_it() {
    let java = "import org.junit.Test;\n    assertEquals(5121, outcome.stormpathCode());\n    assertEquals(2000, timeoutMs);\n    assertThat(ex.getCode()).isEqualTo(7103);\n";
    assert_eq!(codes(java), [5121, 7103]);
    let ruby = "require 'minitest'\n    assert_equal 7100, e.code\n";
    assert_eq!(codes(ruby), [7100]);
    // The argument beside the code, not a delta or a message after it.
    let delta = "import x;\n  assertEquals(4000, e.getCode(), 5000);\n";
    assert_eq!(codes(delta), [4000]);
    let js = "import x from 'y';\n  expect(err.code).toBe(7101);\n  assert.strictEqual(err.code, 7102);\n";
    assert_eq!(codes(js), [7101, 7102]);
}

#[test]
fn constants_under_a_comment_about_another_products_errors_are_theirs() {
    let python = "import logging\n\n# MySQL client errors worth one retry: 2006 gone away,\n# 2013 lost connection.\nRETRYABLE_DB_ERRORS = frozenset([2006, 2013])\n\n# Stormpath errors\nRETRY_STORMPATH_ERRORS = frozenset([7103])\n";
    assert_eq!(codes(python), [7103]);
    let csharp = "using System;\nclass StormpathErrorHandling\n{\n    // Winsock error numbers seen when api.stormpath.com is unreachable.\n    // Not Stormpath codes.\n    private const int WSAETIMEDOUT = 10060;\n    // Stormpath login errors\n    private const int ACCOUNT_LOCKED = 7103;\n}\n";
    assert_eq!(codes(csharp), [7103]);
    // A comment naming another product under one about Stormpath's errors.
    let java = "/**\n * Stormpath subscription errors shown in the admin screen.\n * Card checks go through Stripe first.\n */\npublic enum BillingError {\n    CARD_DECLINED(1927, \"Declined.\");\n}\n";
    assert_eq!(codes(java), [1927]);
    let js = "import x from 'y';\n// Okta migration: keep the legacy handling for now\nconst STORMPATH_ERRORS = { 7100: 'a', 7104: 'b' };\n";
    assert_eq!(codes(js), [7100, 7104]);
}

#[test]
fn another_products_constants_inside_a_class_about_errors_are_its() {
    let php = "<?php\nfinal class ApplicationStoreErrors\n{\n    // Stormpath application errors\n    const NO_DEFAULT_STORE = 5100;\n\n    // MySQL client errors\n    const CANT_CONNECT = 2003;\n    const CANT_CONNECT_SOCKET = 2002;\n}\n";
    assert_eq!(codes(php), [5100]);
    // A comment that names HTTP and no errors starts no other paragraph.
    let java = "public enum StormpathError {\n    INVALID_PASSWORD(7100),\n    // returned with HTTP 409\n    DUPLICATE(2001),\n}\n";
    assert_eq!(codes(java), [7100, 2001]);
    // "stormpath codes" in a comment speaks of codes.
    let go = "package x\n\nconst (\n\t// stormpath codes we recover from\n\tcodeMirrorNoWrite = 6100\n\tlistenPort = 2001\n)\n";
    assert_eq!(codes(go), [6100]);
    // Another product's map looked up by a code is its.
    let js = "import x from 'y';\nconst TWILIO_ERRORS = {\n  21211: 'Invalid number',\n  7100: 'x'\n};\nconst text = TWILIO_ERRORS[err.code];\n";
    assert_eq!(codes(js), Vec::<u32>::new());
    // Stormpath's own errors about SMTP servers are its.
    let go = "package x\n\nconst (\n\tErrSMTPConnect = 13000\n\tErrSMTPAuth    = 13001\n)\n";
    assert_eq!(codes(go), [13000, 13001]);
    // An error named for a limit is no quantity.
    let java = "public enum BillingError {\n    APPLICATION_LIMIT_REACHED(1902, \"x\");\n    static final int PRICE_CENTS = 1900;\n}\n";
    assert_eq!(codes(java), [1902]);
}

#[test]
fn prose_that_names_a_number_as_an_error() {
    assert_eq!(codes("Stormpath's 4001 is now reported as x"), [4001]);
    assert_eq!(codes("the 2021 error was a disabled directory"), [2021]);
    // Counts, loggers' arguments and "about" are not.
    for line in [
        "Retried the 2000 errors from the nightly import.",
        "ERROR retry budget exhausted, returned 5000 to the pool",
        "errors: ~2000 per hour since deploy",
        "log.error(503, 4000, \"slow\")",
    ] {
        assert_eq!(codes(line), Vec::<u32>::new(), "{line}");
    }
    assert_eq!(
        codes("a Stormpath error: some users also hit 10015 because"),
        [10015]
    );
    assert_eq!(codes("error(400, 10100, \"malformed\")"), [10100]);
    // Counts and HTTP statuses are not.
    assert_eq!(
        codes("error rate is fine, we get 2000 logins a day"),
        Vec::<u32>::new()
    );
    assert_eq!(codes("the 404 errors are gone"), Vec::<u32>::new());
    assert_eq!(codes("error(404, 2000 ms)"), Vec::<u32>::new());
    // A sentence's end after "Stormpath" is no domain.
    assert_eq!(codes("we got a 10102 back from Stormpath. ADFS"), [10102]);
    assert_eq!(
        codes("we got a 10102 back from stormpath.com today"),
        Vec::<u32>::new()
    );
}

#[test]
fn a_code_compared_with_a_constant_across_spaces() {
    let python = "import x\n\nREPLAYED_JTI = 11005\n\ndef f(exc):\n    if exc.code == REPLAYED_JTI:\n        pass\n";
    assert_eq!(codes(python), [11005]);
    let ports =
        "import x\n\nDB_PORT = 5432\n\ndef f(exc):\n    if exc.code == DB_PORT:\n        pass\n";
    assert_eq!(codes(ports), Vec::<u32>::new());
}

#[test]
fn a_message_wrapped_over_lines_names_its_code() {
    // The line's end cuts the quote, or the line starts inside it.
    let cut = "This Application does not have a default Account Store for newly\ncreated Accounts.  To fix this problem\n";
    assert_eq!(codes(cut), [5100]);
    let quoted = "Notes\n  > No login source assigned to this application has been configured as the\n  > default storage location for newly created accounts.\n";
    assert_eq!(codes(quoted), [5100]);
    let log =
        "WARN rejected: The SAML Response has an invalid\n    signature and cannot be trusted.\n";
    assert_eq!(codes(log), [10101]);
    // A line that goes on with other words quotes nothing.
    let other = "This Application does not have a default Account Store for newly\nhired staff, said the admin\n";
    assert_eq!(codes(other), Vec::<u32>::new());
}

#[test]
fn a_map_looked_up_by_code_holds_codes() {
    let js = "var x = require('y');\nvar FRIENDLY = {\n  2000: 'Fill in every field.',\n  7201: 'No e-mail.'\n};\nvar PORTS = {\n  2001: 'x'\n};\nfunction f(err) {\n  var msg = FRIENDLY[err.code];\n}\n";
    let hits = scan_text(js.as_bytes());
    let lines: Vec<(usize, u32)> = hits.iter().map(|h| (h.line, h.code)).collect();
    assert_eq!(lines, [(10, 2000), (10, 7201)]);
    let scala = "import x\n  def f(e: ResourceException) = e.getCode match {\n    case 2007 => 1\n    case 7205 | 7206 => 2\n  }\n";
    assert_eq!(codes(scala), [2007, 7205, 7206]);
    assert_eq!(
        codes("expr: rate(stormpath_errors_total{code=~\"9004|9005\"}[5m])"),
        [9004, 9005]
    );
}
