//! The binary as users and scripts meet it: every command in every format
//! (snapshots, reviewed), exit statuses, colour decisions, widths and
//! failed writes. Closed pipes in every format: tests/battery.rs.

mod common;

use common::{Run, full_device, run, run_with, sperr, sperr_process, stdin_run};
use unicode_width::UnicodeWidthStr;

const TICKET: &str = "tests/data/tickets/t02-node-error.txt";

/// Every command, with the arguments a snapshot shows it with.
const COMMANDS: &[(&str, &[&str])] = &[
    ("show_one", &["show", "7100"]),
    ("show_several", &["show", "7103", "error-2001", "10017"]),
    ("show_variants", &["show", "2014"]),
    ("show_undocumented", &["show", "10018"]),
    ("list_undocumented", &["list", "--category", "oauth"]),
    ("show_observed", &["show", "10024"]),
    ("list_observed", &["list", "--source", "observed"]),
    ("list_status", &["list", "--status", "409"]),
    ("explain_history", &["explain", "2016"]),
    ("explain", &["explain", "7503"]),
    ("search", &["search", "mfa", "code", "expired"]),
    ("list_category", &["list", "--category", "tenant"]),
    ("list_categories", &["list", "--categories"]),
    ("scan", &["scan", TICKET]),
    (
        "scan_summary",
        &[
            "scan",
            "--summary",
            TICKET,
            "tests/data/tickets/t10-list-of-codes.txt",
        ],
    ),
    (
        "scan_absent",
        &[
            "scan",
            "--summary",
            "--code",
            "71xx",
            "--absent",
            "tests/data/integration/src",
        ],
    ),
];

#[test]
fn snapshots_of_every_command_in_every_format() {
    for (name, args) in COMMANDS {
        // Search ranks otherwise without the model.
        let name = match *name {
            "search" if !cfg!(feature = "semantic") => "search_lexical",
            name => name,
        };
        for (format, extra) in [
            ("table", &["--format", "table", "--color", "never"][..]),
            (
                "table_colour",
                &["--format", "table", "--color", "always"][..],
            ),
            ("plain", &["--format", "plain"][..]),
            ("json", &["--json"][..]),
        ] {
            let args: Vec<&str> = args.iter().chain(extra).copied().collect();
            let result = run(&args);
            assert_eq!(result.code, 0, "sperr {args:?}: {}", result.stderr);
            assert_eq!(result.stderr, "", "sperr {args:?}");
            insta::assert_snapshot!(format!("{name}_{format}"), result.stdout, &args.join(" "));
        }
    }
}

#[test]
fn json_is_one_array_of_entries_in_the_documented_shape() {
    let result = run(&["show", "7100", "2001", "--json"]);
    let value: serde_json::Value = serde_json::from_str(&result.stdout).unwrap();
    let entries = value.as_array().unwrap();
    assert_eq!(entries.len(), 2);
    let e = &entries[0];
    assert_eq!(e["code"], 2001);
    assert_eq!(e["category"], "General Validation");
    assert_eq!(e["category_range"], "2XXX");
    assert_eq!(
        e["user_message"], e["message"],
        "the same as above, resolved"
    );
    assert!(e["further"].is_string());
    let further = entries[1]["further"].as_str().unwrap();
    assert!(
        further.contains("username") && !further.contains("``"),
        "markup is removed"
    );
    assert_eq!(e["source"], "reference");
    assert_eq!(e["server_messages"][0]["key"], "status.2001");
}

/// Every command that offers `--format jsonl` writes one object a line:
/// the elements of its `--format json` array.
#[test]
fn jsonl_is_the_json_array_one_object_a_line() {
    let ticket = "login failed: Error 7100, then error 7103\n";
    for args in [
        &["show", "7100-7102"][..],
        &["explain", "7100", "7103"],
        &["explain", "-"],
        &["search", "account locked out"],
        &["list", "--category", "mfa"],
        &["list", "--categories"],
    ] {
        let with = |format: &str| {
            let mut all = args.to_vec();
            all.extend(["--format", format]);
            stdin_run(&all, ticket)
        };
        let array: Vec<serde_json::Value> = serde_json::from_str(&with("json").stdout).unwrap();
        let lines = with("jsonl").stdout;
        let objects: Vec<serde_json::Value> = lines
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{args:?}: {e}: {l}")))
            .collect();
        assert!(!objects.is_empty(), "{args:?}");
        assert!(objects.iter().all(serde_json::Value::is_object), "{args:?}");
        assert_eq!(objects, array, "{args:?}");
    }
}

/// Codes as people paste them: lists joined by words and symbols, ranges
/// with dashes and dots, fields and message keys.
#[test]
fn pasted_forms_name_their_codes() {
    for (form, codes) in [
        ("7100, 7101 and 7103", "7100 7101 7103"),
        ("7100/7101", "7100 7101"),
        ("7100 & 7101", "7100 7101"),
        ("7100\u{2013}7102", "7100 7101 7102"),
        ("7100..7102", "7100 7101 7102"),
        ("code=7100", "7100"),
        ("\"code\": 7100", "7100"),
        ("status.7104.dev", "7104"),
        ("stormpath.web.errors.7104", "7104"),
        (
            "https://docs.stormpath.com/errors/7104 or 7100",
            "7100 7104",
        ),
    ] {
        let shown = run(&["show", form, "--format", "plain"]);
        assert_eq!(shown.code, 0, "{form}: {}", shown.stderr);
        let found: Vec<&str> = shown.stdout.lines().map(|l| &l[..4]).collect();
        assert_eq!(found.join(" "), codes, "{form}");
        assert_eq!(run(&["explain", form]).code, 0, "explain {form}");
    }
    for not_a_code in ["status.7104.dev.extra", "code=", "7100 & seventy"] {
        assert_eq!(run(&["show", not_a_code]).code, 2, "{not_a_code}");
    }
}

/// What a user probably meant: zeros typed as the letter O, the first
/// digits of codes, an HTTP status.
#[test]
fn near_misses_get_a_hint() {
    // The same with the code alone, as `sperr 7100` is `sperr show 7100`.
    for args in [&["show", "71OO"][..], &["71OO"]] {
        let letter_o = run(args);
        assert_eq!(letter_o.code, 2);
        assert_eq!(
            letter_o.stderr,
            "sperr: \"71OO\": not an error code; did you mean 7100 (zeros, not the letter O)?\n"
        );
    }
    let prefix = run(&["show", "71"]);
    assert_eq!(prefix.code, 1);
    assert_eq!(
        prefix.stderr,
        "sperr: no error 71 in the reference: codes have 4 or 5 digits; \
         did you mean 71xx (7100-7107, Account)?\n"
    );
    let status = run(&["show", "409"]);
    assert_eq!(
        status.stderr,
        "sperr: no error 409 in the reference: codes have 4 or 5 digits; 409 looks like \
         an HTTP status; the codes sources show with it: 2001, 5100, 5101, 5102, 5103\n"
    );
    assert!(
        run(&["show", "404"])
            .stderr
            .contains("404 looks like an HTTP status")
    );
    // The codes shown with a status are the lead, not `400x` (4001-4002).
    let status = run(&["show", "400"]);
    assert!(
        status
            .stderr
            .contains("the codes sources show with it: 2000, ")
    );
    assert!(!status.stderr.contains("400x"), "{}", status.stderr);
}

#[test]
fn exit_status_found_not_found_and_malformed() {
    assert_eq!(run(&["show", "7100"]).code, 0);
    let unknown = run(&["show", "7199"]);
    assert_eq!(unknown.code, 1);
    assert_eq!(unknown.stdout, "");
    assert_eq!(
        unknown.stderr,
        "sperr: no error 7199 in the reference; nearest: 7100-7107 (Account)\n"
    );
    // As grep: 0 when anything was found, a line on stderr for each
    // argument that named nothing.
    for command in ["show", "explain"] {
        let partly = run(&[command, "7100", "7199", "72xx", "7300"]);
        assert_eq!(partly.code, 0, "{command}: 7100 was found");
        assert!(partly.stdout.contains("7100"), "{command}");
        assert_eq!(
            partly.stderr,
            "sperr: no error 7199 in the reference; nearest: 7100-7107 (Account)\n\
             sperr: no error 7300 in the reference; nearest: 7301 (Account)\n",
            "{command}"
        );
        let none = run(&[command, "7199", "7300"]);
        assert_eq!(none.code, 1, "{command}: nothing was found");
        assert_eq!(none.stderr.lines().count(), 2, "{command}");
    }
    let malformed = run(&["show", "seventy"]);
    assert_eq!(malformed.code, 2);
    assert!(
        malformed
            .stderr
            .starts_with("sperr: \"seventy\": not an error code; use 7100, 'Error 7100'")
    );
    assert_eq!(malformed.stderr.lines().count(), 1);
    assert_eq!(run(&["search", "qqqzzzxxx"]).code, 1);
    assert_eq!(run(&["list", "--category", "nope"]).code, 2);
    assert_eq!(run(&["frobnicate"]).code, 2);
    assert_eq!(run(&["--version"]).code, 0);
}

#[test]
fn observed_codes_show_with_their_messages_and_sources() {
    let result = run(&["show", "5115", "10019", "--json"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let entries: Vec<serde_json::Value> = serde_json::from_str(&result.stdout).unwrap();
    assert_eq!(entries.len(), 2);
    for e in &entries {
        assert_eq!(e["source"], "observed");
        assert_eq!(e["message_kind"], "server");
        assert_eq!(e["status"], 400);
        let sources = e["sources"].as_array().unwrap();
        assert!(!sources.is_empty());
        assert!(
            sources
                .iter()
                .all(|s| s.as_str().unwrap().starts_with("https://"))
        );
    }
    assert_eq!(
        entries[0]["message"],
        "The application cannot attempt the password reset workflow because it is disabled."
    );
    let card = run(&["show", "5115", "--format", "table", "--color", "never"]);
    assert!(card.stdout.contains("seen in public Stormpath material"));
    assert!(
        card.stdout
            .contains("https://github.com/stormpath/stormpath-sdk-node/issues/557")
    );
    assert!(card.stdout.contains("(observed)"));
    assert!(
        card.stdout.contains("(not known: no source shows it)"),
        "a source shows the developer message only"
    );
    let description = run(&["show", "10110", "--json"]);
    let e: serde_json::Value = serde_json::from_str(&description.stdout).unwrap();
    assert_eq!(e[0]["message_kind"], "description");
    let plain = run(&["show", "10110"]);
    assert_eq!(plain.stdout.split('\t').count(), 3, "three columns");
    assert!(
        plain
            .stdout
            .split('\t')
            .nth(2)
            .unwrap()
            .starts_with("[Seen in")
    );
}

/// The first column (the codes) of a command's plain output.
fn codes(args: &[&str]) -> Vec<String> {
    run(args)
        .stdout
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect()
}

#[test]
fn list_filters_by_source_and_status() {
    assert_eq!(
        codes(&["list", "--source", "observed"]),
        ["2018", "5115", "10019", "10024", "10110", "10111"]
    );
    assert_eq!(codes(&["list", "--source", "server"]).len(), 18);
    assert_eq!(codes(&["list", "--source", "reference"]).len(), 147);
    assert_eq!(
        codes(&["list", "--status", "409"]),
        ["2001", "5100", "5101", "5102", "5103"]
    );
    assert_eq!(
        codes(&[
            "list", "--status", "400", "--source", "observed", "-c", "saml"
        ]),
        ["10110", "10111"]
    );
    let none = run(&["list", "--status", "418"]);
    assert_eq!(none.code, 1);
    assert_eq!(
        none.stderr,
        "sperr: no entry that a source shows with HTTP status 418 matches; \
         the statuses sources show are 400, 409\n"
    );
    let together = run(&["list", "--status", "409", "--source", "observed"]);
    assert_eq!(together.code, 1);
    assert_eq!(
        together.stderr,
        "sperr: no entry matches these filters together\n"
    );
    assert_eq!(run(&["list", "--source", "rumour"]).code, 2);
    assert_eq!(run(&["list", "--status", "409", "--categories"]).code, 2);
}

#[test]
fn explain_tells_a_codes_history_and_other_wordings_oldest_first() {
    let result = run(&["explain", "2016", "--color", "never"]);
    assert!(
        result
            .stdout
            .contains("In the 2013 documentation, 2016 meant “Unsupported Query Property"),
        "{}",
        result.stdout
    );
    let seen = result.stdout.split("Also seen as").nth(1).unwrap();
    let (old, new) = (
        seen.find("2013-12-02").unwrap(),
        seen.find("2015-04-27").unwrap(),
    );
    assert!(old < new, "oldest first");
    let expand = run(&["explain", "2018", "--color", "never"]);
    assert!(
        expand
            .stdout
            .replace('\n', " ")
            .contains("that is 2107's meaning today")
    );
}

#[test]
fn the_version_counts_each_kind_of_entry() {
    let version = run(&["--version"]).stdout;
    for count in ["147 codes", "18 codes", "6 codes", "24 other wordings"] {
        assert!(version.contains(count), "{count}: {version}");
    }
}

#[test]
fn lenient_code_forms_all_name_7104() {
    for form in [
        "7104",
        "Error 7104",
        "error-7104",
        "#error-7104",
        "ERR7104",
        "https://www.stormpath.com/docs/errors/7104",
        "http://docs.stormpath.com/errors/7104",
        "https://docs.stormpath.com/errors/7104",
        "https://docs.stormpath.com/rest/product-guide/latest/errors.html#error-7104",
    ] {
        let result = run(&["show", form]);
        assert_eq!(result.code, 0, "{form}");
        assert!(
            result.stdout.starts_with("7104\t"),
            "{form}: {}",
            result.stdout
        );
    }
}

#[test]
fn ranges_and_patterns_come_in_code_order_without_repeats() {
    assert_eq!(codes(&["show", "7105-7107", "7106", "71XX"]).len(), 8);
    assert_eq!(codes(&["show", "7107", "7100"]), ["7100", "7107"]);
    assert_eq!(codes(&["show", "131*"]).len(), 14);
    assert_eq!(codes(&["show", "13xxx"]).first().unwrap(), "13000");
}

#[test]
fn a_search_without_hits_exits_1_with_close_words() {
    let result = run(&["search", "pasword"]);
    assert_eq!(result.code, 0, "a typo still finds");
    let none = run(&["search", "xylophone"]);
    assert_eq!(none.code, 1);
    assert!(
        none.stderr
            .starts_with("sperr: no error matches \"xylophone\""),
        "{}",
        none.stderr
    );
    assert_eq!(run(&["search", "xylophone", "--json"]).stdout.trim(), "[]");
    assert_eq!(run(&["search", " "]).code, 2);
    // A pasted ticket's line breaks are shown escaped once.
    let pasted = run(&["search", "xylophone\nmarimba"]);
    assert!(
        pasted
            .stderr
            .starts_with("sperr: no error matches \"xylophone\\nmarimba\";"),
        "{}",
        pasted.stderr
    );
}

#[test]
fn a_question_the_reference_cannot_answer_gets_a_marked_guess_and_exits_1() {
    let plain = run(&[
        "search", "--format", "plain", "origin", "not", "allowed", "cors",
    ]);
    assert_eq!(plain.code, 1);
    assert_eq!(plain.stdout, "", "no answer prints nothing");
    assert_eq!(plain.stderr.lines().count(), 1, "{}", plain.stderr);
    assert!(
        plain
            .stderr
            .starts_with("sperr: no error matches \"origin not allowed cors\"; closest guess: "),
        "{}",
        plain.stderr
    );
    let json = run(&["search", "--json", "origin not allowed cors"]);
    assert_eq!((json.code, json.stdout.trim()), (1, "[]"));
}

#[test]
fn a_complaint_that_names_nothing_that_failed_gets_no_answer_and_exits_1() {
    for query in ["it doesnt work", "getting an error", "keeps failing"] {
        let result = run(&["search", query]);
        assert_eq!((result.code, result.stdout.as_str()), (1, ""), "{query}");
        assert_eq!(
            result.stderr,
            format!(
                "sperr: no error matches \"{query}\"; it says something went wrong but not \
                 with what: add what failed (signing in, a password, a token, an email…), or \
                 paste the error's message\n"
            )
        );
    }
    // Once it says what failed, it is answered.
    let locked = run(&["search", "--format", "plain", "account locked doesnt work"]);
    assert_eq!(locked.code, 0, "{}", locked.stderr);
    assert!(locked.stdout.starts_with("7103\t"), "{}", locked.stdout);
}

#[test]
fn a_code_the_reference_lacks_is_said_so_with_its_nearest_codes() {
    let nearest = "sperr: no error 7199 in the reference; nearest: 7100-7107 (Account)\n";
    for query in ["7199", "Error 7199"] {
        let result = run(&["search", query]);
        assert_eq!((result.code, result.stdout.as_str()), (1, ""), "{query}");
        assert_eq!(result.stderr, nearest, "{query}");
    }
    // Words that find answers still do; the code is still said to be unknown.
    let words = run(&["search", "--format", "plain", "error 7199 account locked"]);
    assert_eq!(words.code, 0);
    assert!(words.stdout.starts_with("7103\t"), "{}", words.stdout);
    assert_eq!(words.stderr, nearest);
}

#[test]
fn a_status_and_nothing_else_gets_what_show_says_of_it() {
    let show = run(&["show", "409"]);
    for query in [
        "HTTP 409",
        "status 409",
        "409",
        "409 Conflict",
        "HTTP/1.1 409 CONFLICT",
    ] {
        let result = run(&["search", query]);
        assert_eq!((result.code, result.stdout.as_str()), (1, ""), "{query}");
        assert_eq!(result.stderr, show.stderr, "{query}");
    }
    assert!(
        show.stderr.contains("looks like an HTTP status"),
        "{}",
        show.stderr
    );
}

#[test]
fn a_question_about_a_code_answers_with_that_code_alone() {
    let result = run(&["search", "--format", "plain", "what does 7100 mean"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let codes: Vec<&str> = result.stdout.lines().map(|l| &l[..4]).collect();
    assert_eq!(codes, ["7100"]);
}

#[test]
fn rate_limit_is_no_question_the_reference_answers() {
    // Nothing in the catalog is about rate limiting: `limit` alone would
    // find 1902's Application limit, but `rate` narrows it to a limit the
    // reference does not have.
    for format in ["plain", "table"] {
        let result = run(&["search", "--format", format, "rate limit"]);
        assert_eq!(result.code, 1, "{format}");
        assert_eq!(result.stdout, "", "{format}");
        assert!(
            result
                .stderr
                .starts_with("sperr: no error matches \"rate limit\"; closest guess: "),
            "{}",
            result.stderr
        );
    }
    let json = run(&["search", "--json", "rate limit"]);
    assert_eq!((json.code, json.stdout.trim()), (1, "[]"));
}

#[test]
fn search_category_narrows_the_results() {
    let result = run(&[
        "search",
        "--category",
        "smtp",
        "--format",
        "plain",
        "password",
    ]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(!result.stdout.is_empty());
    for line in result.stdout.lines() {
        assert_eq!(line.split('\t').nth(1), Some("SMTP Server"), "{line}");
    }
}

#[test]
fn search_json_gives_scores_best_first() {
    let result = run(&["search", "account", "locked", "--json"]);
    let hits: Vec<serde_json::Value> = serde_json::from_str(&result.stdout).unwrap();
    assert_eq!(hits[0]["code"], 7103);
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn colour_follows_the_flag_and_the_environment() {
    let has_colour = |r: &Run| r.stdout.contains('\x1b');
    let table = ["show", "7100", "--format", "table"];
    assert!(!has_colour(&run(&table)), "a pipe is not a terminal");
    let mut always: Vec<&str> = table.to_vec();
    always.extend(["--color", "always"]);
    assert!(has_colour(&run(&always)), "--color always colours a pipe");
    // Colour forced or refused through the environment, on top of the
    // common one.
    let forced = run_with(sperr().args(table).env("CLICOLOR_FORCE", "1"));
    assert!(has_colour(&forced));
    let no_color = run_with(sperr().args(&always).env("NO_COLOR", "1"));
    assert!(has_colour(&no_color), "an explicit flag beats NO_COLOR");
    let never = run_with(
        sperr()
            .args(table)
            .args(["--color", "never"])
            .env("CLICOLOR_FORCE", "1"),
    );
    assert!(!has_colour(&never));
    assert!(
        !has_colour(&run(&["show", "7100", "--color", "always"])),
        "plain output has no colour"
    );
}

#[test]
fn tables_never_exceed_the_width() {
    for columns in ["40", "80", "160"] {
        for (_, args) in COMMANDS {
            let result = run_with(
                sperr()
                    .args(*args)
                    .args(["--format", "table", "--color", "always"])
                    .env("COLUMNS", columns),
            );
            let width: usize = columns.parse().unwrap();
            for line in result.stdout.lines() {
                let visible = sperr::render::fit::strip_escapes(line);
                // A URL is never broken: in running text it overflows.
                let a_url = visible
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| w.starts_with("https://"));
                assert!(
                    visible.width() <= width || a_url,
                    "{args:?} at {columns}: {visible:?}"
                );
            }
        }
    }
}

/// Where a table's message column would be under 20 columns, its rows
/// are written as `field: value` lines, as a narrow card is.
#[test]
fn rows_too_narrow_for_a_table_are_field_lines() {
    let at = |columns: &str| {
        run_with(
            sperr()
                .args(["7100-7101", "--format", "table"])
                .env("COLUMNS", columns),
        )
        .stdout
    };
    let narrow = at("30");
    assert!(!narrow.contains('│'), "{narrow}");
    assert!(
        narrow.starts_with("Code: 7100\nCategory: Account\nMessage: Login"),
        "{narrow}"
    );
    assert!(narrow.contains("\n\nCode: 7101\n"), "{narrow}");
    assert!(narrow.lines().all(|l| l.width() <= 30), "{narrow}");
    let tiny = at("5");
    assert!(tiny.lines().count() < 30, "two codes in a few lines each");
    // A code is never cut, whatever the width: it overflows whole.
    assert!(tiny.starts_with("Co…\n  7100\n"), "{tiny}");
    assert!(at("40").contains('│'), "at 40 columns the message has room");
}

#[test]
fn zero_or_garbage_columns_fall_back_to_80() {
    for columns in ["0", "wide", ""] {
        let result = run_with(
            sperr()
                .args(["list", "--format", "table"])
                .env("COLUMNS", columns),
        );
        let widest = result.stdout.lines().map(|l| l.width()).max().unwrap();
        assert_eq!(widest, 80, "COLUMNS={columns:?}");
    }
}

#[test]
fn a_failed_write_exits_2_with_one_line() {
    let Some(full) = full_device() else {
        eprintln!("skipped: no /dev/full here");
        return;
    };
    let output = sperr_process().arg("list").stdout(full).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "sperr: cannot write output: No space left on device\n"
    );
}

#[test]
fn explain_reads_a_ticket_on_stdin() {
    let ticket = common::data_bytes("tickets/t05-json-in-log.txt");
    let result = stdin_run(&["explain"], ticket.as_slice());
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(
        result
            .stdout
            .starts_with("Error 2001 · General Validation (2XXX)")
    );
    assert!(
        result
            .stdout
            .contains("Seen in the input\n    line 2: \"code\":\"2001")
    );
    assert!(result.stdout.contains("The response said\n    status: 409\n    message: An account with that email already exists."));
    let dash = stdin_run(&["explain", "-"], ticket.as_slice());
    assert_eq!(dash.stdout, result.stdout);
    let json = stdin_run(&["explain", "--json"], ticket);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value[0]["code"], 2001);
    assert_eq!(value[0]["seen"][0]["line"], 2);
    assert_eq!(value[0]["bodies"][0]["code"], 2001);
}

#[test]
fn explain_of_a_filled_template_explains_its_code() {
    let line = b"Account with that username already exists.  Please choose another username.\n";
    let result = stdin_run(&["explain"], line);
    assert!(
        result.stdout.starts_with("Error 2001 "),
        "{}",
        result.stdout
    );
    let none = stdin_run(&["explain"], b"nothing to see, 2016-10-18\n");
    assert_eq!(none.code, 1);
    assert_eq!(
        none.stderr,
        "sperr: no Stormpath error code found in the input\n"
    );
}

#[test]
fn scan_reads_a_rows_error_number_as_the_column_beside_it_says() {
    // The subject's "error 9001" is the launcher's, as its column says; the
    // Stormpath code column's 7100 is Stormpath's.
    let csv = b"id,subject,launcher_error,stormpath_code\n\
                1,\"Game crashes, error 9001\",9001,\n\
                2,\"Login fails, error 7100\",,7100\n";
    let result = stdin_run(&["scan", "--format", "plain"], csv);
    let codes: Vec<&str> = result
        .stdout
        .lines()
        .map(|l| l.split('\t').nth(1).unwrap_or_default())
        .collect();
    assert_eq!(codes, ["7100"], "{}", result.stdout);
}

#[test]
fn scan_reads_stdin_and_keeps_going_past_a_bad_file() {
    let result = stdin_run(&["scan"], b"we got error 7100\n");
    assert_eq!(
        result.stdout,
        "-:1\t7100\tLogin attempt failed because the specified password is incorrect.\n"
    );
    let dash = stdin_run(&["scan", "-"], b"we got error 7100\n");
    assert_eq!(dash.stdout, result.stdout);
    let mixed = run(&["scan", "no/such/file.txt", "tests/data/tickets", TICKET]);
    assert_eq!(mixed.code, 2, "an unreadable input makes the status 2");
    assert!(
        mixed.stdout.contains("t02-node-error.txt:1\t7103"),
        "the good file is scanned"
    );
    assert!(
        mixed
            .stdout
            .contains("tests/data/tickets/t02-node-error.txt:1\t7103"),
        "the directory is walked"
    );
    assert_eq!(
        mixed.stderr,
        "sperr: no/such/file.txt: No such file or directory\n"
    );
    assert_eq!(stdin_run(&["scan"], b"nothing here\n").code, 1);
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let input = b"\x1b]0;pwned\x07 error 7100 \x1b[2J\n";
    for format in ["table", "plain", "json"] {
        let result = stdin_run(&["scan", "--format", format], input);
        assert!(
            !result.stdout.contains('\x1b') && !result.stdout.contains('\x07'),
            "{format}: {:?}",
            result.stdout
        );
    }
    let explained = stdin_run(
        &["explain"],
        b"\x1b[31m{\"code\": 7100, \"message\": \"\x1b[2Jx\"}\n",
    );
    assert!(!explained.stdout.contains('\x1b'), "{:?}", explained.stdout);
}

#[test]
fn help_has_examples_for_each_command() {
    for command in ["show", "explain", "search", "list", "scan", "completions"] {
        let result = run(&[command, "--help"]);
        assert_eq!(result.code, 0);
        assert!(result.stdout.contains("Examples:\n  sperr"), "{command}");
    }
    let version = run(&["--version"]);
    assert!(version.stdout.contains("Apache License 2.0"));
    assert!(version.stdout.contains("MIT OR Apache-2.0"));
    assert!(version.stdout.contains("NOTICE"));
    assert!(version.stdout.contains("SCOWL"));
    for file in ["NOTICE", "LICENSE-MIT", "LICENSE-APACHE", "LICENSE-SCOWL"] {
        let path = common::root().join(file);
        assert!(path.is_file(), "{file} is missing");
    }
}

/// The lines of the block under a heading of explain's output.
fn block<'a>(text: &'a str, heading: &str) -> Vec<&'a str> {
    text.lines()
        .skip_while(|l| l.trim() != heading)
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect()
}

#[test]
fn related_codes_are_the_five_nearest_and_a_way_to_the_rest() {
    let result = run(&["explain", "2001"]);
    let related = block(&result.stdout, "Related codes (20xx)");
    let codes: Vec<&str> = related
        .iter()
        .filter(|l| l.starts_with("    20"))
        .map(|l| &l[4..8])
        .collect();
    assert_eq!(codes.len(), 5, "{related:?}");
    let family = sperr::catalog::family(2001).len() - 1;
    assert_eq!(
        related.last().unwrap().trim(),
        format!("and {} more: sperr show 20xx", family - 5)
    );
    let small = run(&["explain", "7301"]);
    assert!(
        !small.stdout.contains("Related codes"),
        "no family, no block"
    );
}

#[test]
fn explain_shows_a_familys_related_codes_once() {
    let result = stdin_run(&["explain", "-"], b"we saw errors 7100 and 7103 today\n");
    assert_eq!(result.stdout.matches("Related codes (71xx)").count(), 2);
    let first = block(&result.stdout, "Related codes (71xx)");
    assert_eq!(
        first.iter().filter(|l| l.starts_with("    71")).count(),
        5,
        "{first:?}"
    );
    assert_eq!(first.last().unwrap().trim(), "and 2 more: sperr show 71xx");
    assert_eq!(result.stdout.matches("    7105   ").count(), 1);
    assert!(
        result
            .stdout
            .contains("Related codes (71xx)\n    As under 7100 above.\n")
    );
}

#[test]
fn explain_says_once_that_a_code_is_unknown_and_shows_what_the_ticket_said() {
    let ticket = b"Stormpath 5125 again\nerror 5125: {\"code\": 5125, \"developerMessage\": \"Org mapping failed.\", \"moreInfo\": \"mailto:x\"}\n";
    let result = stdin_run(&["explain", "-"], ticket);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert_eq!(result.stderr, "");
    assert!(
        result
            .stdout
            .starts_with("Error 5125 · not in the reference\n"),
        "{}",
        result.stdout
    );
    assert_eq!(
        result
            .stdout
            .matches("no error 5125 in the reference")
            .count(),
        1
    );
    assert_eq!(
        block(&result.stdout, "The response said"),
        [
            "    developerMessage: Org mapping failed.",
            "    moreInfo: mailto:x"
        ]
    );
    let json = stdin_run(&["explain", "-", "--json"], ticket);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value[0]["code"], 5125);
    assert_eq!(value[0]["known"], false);
    assert_eq!(
        value[0]["bodies"][0]["developerMessage"],
        "Org mapping failed."
    );
}

#[test]
fn explain_reads_node_dumps_and_json_nested_in_log_lines() {
    let log = b"ERROR {\"level\":\"error\",\"err\":{\"status\":400,\"code\":7100,\"developerMessage\":\"Wrong password.\"}}\n\
                err: { code: 7200, developerMessage: 'The social site said no.' }\n";
    let result = stdin_run(&["explain", "-"], log);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(
        result.stdout.contains(
            "The response said\n    status: 400\n    developerMessage: Wrong password.\n"
        ),
        "{}",
        result.stdout
    );
    assert!(
        result
            .stdout
            .contains("The response said\n    developerMessage: The social site said no.\n"),
        "{}",
        result.stdout
    );
}

#[test]
fn explain_never_breaks_a_url() {
    let url = "https://docs.stormpath.com/rest/product-guide/latest/errors.html#error-2001";
    let body = format!("{{\"code\": 2001, \"moreInfo\": \"{url}\"}}\n");
    for columns in ["40", "80"] {
        let result = run_with(
            sperr()
                .args(["explain", "-"])
                .env("COLUMNS", columns)
                .write_stdin(body.clone()),
        );
        assert!(
            result
                .stdout
                .lines()
                .any(|l| l.trim_start().trim_start_matches("moreInfo: ") == url),
            "at {columns}: {}",
            result.stdout
        );
    }
}

/// The words of a text: its runs of letters and digits, less those cut
/// short with `…` on purpose.
fn whole_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for c in text.chars().chain([' ']) {
        if c.is_alphanumeric() {
            word.push(c);
            continue;
        }
        if c != '…' && !word.is_empty() {
            words.push(word.clone());
        }
        word.clear();
    }
    words
}

#[test]
fn narrow_tables_drop_columns_and_shorten_words_but_never_cut_one() {
    const LABELS: &str = "Code Codes Category Message User message Further information \
                          What the API said same as the Source undocumented from Range From To \
                          developer user not in published reference server used it \
                          known no shows seen public Stormpath material SDK tests issues old \
                          documentation HTTP status History Also as other wording wordings \
                          sperr explain observed 1 2 3";
    for columns in ["24", "40", "60", "80"] {
        // scan's tables are fitted in the scan module; explain is no table.
        let tables = COMMANDS
            .iter()
            .filter(|(name, _)| !name.starts_with("scan") && !name.starts_with("explain"));
        for (name, args) in tables {
            let json = run(&[args, &["--json"][..]].concat()).stdout;
            let mut known: std::collections::BTreeSet<String> =
                whole_words(&json).into_iter().collect();
            known.extend(whole_words(LABELS));
            known.extend(whole_words(&run(&["list"]).stdout));
            let table = run_with(
                sperr()
                    .args(*args)
                    .args(["--format", "table", "--color", "always"])
                    .env("COLUMNS", columns),
            );
            let table = sperr::render::fit::strip_escapes(&table.stdout);
            for word in whole_words(&table) {
                assert!(
                    known.contains(&word),
                    "{name} at {columns}: {word:?} is cut:\n{table}"
                );
            }
        }
    }
}

#[test]
fn a_card_too_narrow_for_a_table_becomes_field_lines() {
    let narrow = run_with(
        sperr()
            .args(["show", "7100", "--format", "table"])
            .env("COLUMNS", "40"),
    )
    .stdout;
    assert!(
        narrow.starts_with("Code: 7100\nCategory: Account (7XXX)\nMessage: Login attempt failed because\n  the specified password is incorrect.\n"),
        "{narrow}"
    );
    let wide = run(&["show", "7100", "--format", "table"]).stdout;
    assert!(wide.starts_with("╭"), "{wide}");
    let categories = run_with(
        sperr()
            .args(["list", "--categories", "--format", "table"])
            .env("COLUMNS", "40"),
    )
    .stdout;
    assert!(
        categories.contains("│ 110X  ┆ Communication ") && !categories.contains("From"),
        "the first and last codes go before a word is cut:\n{categories}"
    );
}

#[test]
fn a_code_argument_may_hold_a_pasted_list() {
    let codes = |args: &[&str]| -> (i32, Vec<String>) {
        let result = run(args);
        let codes = result
            .stdout
            .lines()
            .map(|l| l.split('\t').next().unwrap().to_string())
            .collect();
        (result.code, codes)
    };
    for list in [
        "7100 7101",
        "7100,7101",
        "7100, 7101.",
        "7100;7101",
        "Error 7100, error-7101",
    ] {
        assert_eq!(
            codes(&["show", list]),
            (0, vec!["7100".into(), "7101".into()]),
            "{list}"
        );
    }
    assert_eq!(codes(&["show", "7100,"]), (0, vec!["7100".into()]));
    assert_eq!(codes(&["show", "(7100)."]), (0, vec!["7100".into()]));
    let bad = run(&["show", "7100 with 7101"]);
    assert_eq!(bad.code, 2, "every piece must be a code");
    assert!(
        bad.stderr
            .starts_with("sperr: \"7100 with 7101\": not an error code")
    );
}

#[test]
fn a_code_as_the_first_argument_runs_show() {
    for args in [
        &["7100"][..],
        &["--json", "7100-7101"],
        &["Error 7100,", "2001"],
    ] {
        let implied = run(args);
        let mut explicit = vec!["show"];
        explicit.extend(args.iter().filter(|a| !a.starts_with('-')));
        explicit.extend(args.iter().filter(|a| a.starts_with('-')));
        assert_eq!(implied.code, 0, "{args:?}: {}", implied.stderr);
        assert_eq!(implied.stdout, run(&explicit).stdout, "{args:?}");
    }
    let typo = run(&["lsit"]);
    assert_eq!(typo.code, 2);
    assert!(typo.stderr.contains("unrecognized subcommand 'lsit'"));
    let help = run(&["--help"]);
    assert!(help.stdout.contains("sperr [OPTIONS] <CODE>..."));
    assert!(help.stdout.contains("sperr 7100 "));
}

#[test]
fn categories_answer_to_the_short_names_people_use() {
    for (short, name) in [
        ("mfa", "Multi-Factor Authentication"),
        ("2FA", "Multi-Factor Authentication"),
        ("smtp", "SMTP Server"),
        ("mail", "SMTP Server"),
        ("saml", "SAML Errors"),
        ("sso", "SAML Errors"),
        ("oauth", "OAuth Errors"),
        ("token", "Token Errors"),
        ("jwt", "ID Site JWT"),
        ("idsite", "ID Site JWT"),
        ("agent", "Agent"),
        ("ldap", "Agent"),
        ("billing", "Billing / Payment"),
        ("card", "Billing / Payment"),
        ("tenant", "Tenant"),
        ("org", "Organization"),
        ("app", "Application"),
        ("dir", "Directory"),
        ("account", "Account"),
        ("custom-data", "Custom Data"),
        ("validation", "General Validation"),
    ] {
        let result = run(&["list", "--category", short]);
        assert_eq!(result.code, 0, "{short}: {}", result.stderr);
        assert!(
            result
                .stdout
                .lines()
                .all(|l| l.split('\t').nth(1) == Some(name)),
            "{short}"
        );
    }
}

/// scan's help groups its options, apart from the global ones, and says
/// each thing once.
#[test]
fn scan_help_groups_its_options() {
    let help = run(&["scan", "--help"]).stdout;
    let headings: Vec<&str> = help
        .lines()
        .filter(|l| l.ends_with(':') && !l.starts_with(' '))
        .collect();
    assert_eq!(
        headings,
        [
            "Arguments:",
            "Options:",
            "Global options:",
            "Input:",
            "What to find:",
            "Output:",
            "Walking:",
            "Examples:"
        ]
    );
    assert_eq!(
        help.matches("walked as ripgrep walks them").count(),
        1,
        "{help}"
    );
    assert!(help.contains("0 reads only the paths themselves"), "{help}");
}

#[test]
fn a_subcommands_help_lists_only_the_options_that_act_on_it() {
    let completions = run(&["completions", "--help"]).stdout;
    for option in ["--color", "--format", "--json", "--no-pager"] {
        assert!(!completions.contains(option), "{option}:\n{completions}");
        assert!(run(&["show", "--help"]).stdout.contains(option), "{option}");
    }
    assert_eq!(
        run(&["--json", "show", "7100"]).stdout,
        run(&["show", "7100", "--json"]).stdout
    );
    // An output option does nothing to a completion script: a usage error.
    let script = run(&["completions", "bash", "--json"]);
    assert_eq!(script.code, 2);
    assert_eq!(script.stdout, "");
    assert!(
        script.stderr.contains("cannot be used with '--json'"),
        "{}",
        script.stderr
    );
}

#[test]
fn absent_adds_the_selected_codes_never_found_and_needs_a_selection() {
    let result = run(&[
        "scan",
        "--summary",
        "--code",
        "7100-7107",
        "--absent",
        "--format",
        "jsonl",
        "tests/data/integration/src",
    ]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let rows: Vec<serde_json::Value> = result
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let absent: Vec<u64> = rows
        .iter()
        .filter(|r| r["absent"] == true)
        .map(|r| r["code"].as_u64().unwrap())
        .collect();
    assert_eq!(absent, [7105, 7106, 7107]);
    let found = rows.iter().find(|r| r["code"] == 7100).unwrap();
    assert!(found.get("absent").is_none(), "{found}");
    for r in rows.iter().filter(|r| r["absent"] == true) {
        assert_eq!(
            (r["tickets"].as_u64(), r["sightings"].as_u64()),
            (Some(0), Some(0))
        );
    }
    // The codes it would list are the selection's: without one, a usage error.
    let without = run(&[
        "scan",
        "--summary",
        "--absent",
        "tests/data/integration/src",
    ]);
    assert_eq!(without.code, 2);
    assert!(without.stderr.contains("--code"), "{}", without.stderr);
    assert_eq!(
        run(&[
            "scan",
            "--code",
            "71xx",
            "--absent",
            "tests/data/integration/src"
        ])
        .code,
        2
    );
}

#[test]
fn a_hits_text_starts_at_its_word_or_at_a_quoted_keys_quote() {
    let lines = "{\"msg\": \"error 7103 locked\"}\n{\"code\": 7101}\n";
    let result = run_with(
        sperr()
            .args(["scan", "--format", "jsonl"])
            .write_stdin(lines),
    );
    let texts: Vec<String> = result
        .stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["text"].to_string())
        .collect();
    assert_eq!(texts, [r#""error 7103""#, r#""\"code\": 7101""#]);
}
