//! Search and scan against sperr's own annotated sets: the rates each set
//! reached are asserted, so that a change that loses them fails.
//! tests/data/README.md says what each set is; a `-test` set is scored
//! here and never tuned on.

mod common;

use common::sets::{self, rows};
use sperr::scan;
use sperr::search;
use std::collections::BTreeSet;

/// Top-1 and top-3 rates of search over a query set, and the misses.
fn search_rates(set: &str) -> (f64, f64, String) {
    let queries = rows(set);
    assert!(queries.len() >= 30, "{set} has {} queries", queries.len());
    let (mut first, mut top3) = (0, 0);
    let mut misses = Vec::new();
    for (query, wanted) in &queries {
        let ranked: Vec<u32> = search::search(query, 10)
            .iter()
            .map(|h| h.entry.code)
            .collect();
        let rank = ranked.iter().position(|c| wanted.contains(c));
        first += usize::from(rank == Some(0));
        top3 += usize::from(rank.is_some_and(|r| r < 3));
        if rank != Some(0) {
            misses.push(format!(
                "{query:?}: want {wanted:?}, got {:?}",
                &ranked[..ranked.len().min(3)]
            ));
        }
    }
    let n = queries.len() as f64;
    (first as f64 / n, top3 as f64 / n, misses.join("\n"))
}

#[test]
fn search_ranks_the_right_code_first_for_nine_in_ten_queries() {
    holds_up(sets::SEARCH_OWN_DEV, bars((0.91, 0.99), (0.92, 0.98)));
}

#[test]
fn search_holds_up_on_paraphrases() {
    holds_up(
        sets::SEARCH_OWN_PARAPHRASES_DEV,
        bars((0.86, 0.93), (0.83, 0.96)),
    );
}

/// The bars of a set: with the semantic model, or lexical search alone.
fn bars<T>(semantic: T, lexical: T) -> T {
    if cfg!(feature = "semantic") {
        semantic
    } else {
        lexical
    }
}

/// Search ranks a set's right code first and in the top three at least
/// as often as these shares.
fn holds_up(set: &str, (min_first, min_top3): (f64, f64)) {
    let (first, top3, misses) = search_rates(set);
    assert!(
        first >= min_first,
        "{set}: top-1 {first:.2}; misses:\n{misses}"
    );
    assert!(
        top3 >= min_top3,
        "{set}: top-3 {top3:.2}; misses:\n{misses}"
    );
}

/// An unanswerable set holds at least `min_questions`, and search answers
/// at least `min_refused` of them with nothing.
fn refuses(set: &str, min_questions: usize, min_refused: usize) {
    let questions = rows(set);
    assert!(questions.len() >= min_questions, "{set}");
    let refused = questions
        .iter()
        .filter(|(q, _)| search::search(q, 1).is_empty())
        .count();
    assert!(
        refused >= min_refused,
        "{set}: refused {refused} of {}",
        questions.len()
    );
}

/// The blind set: written from the catalog alone, by someone who had not
/// read the search code (end-user tickets, developer phrasings, typos,
/// British spellings, abbreviations, pasted log lines). Its development
/// two thirds; the held-out third is not in this repository.
#[test]
fn search_holds_up_on_the_blind_set() {
    holds_up(sets::SEARCH_BLIND_DEV, bars((0.88, 0.96), (0.86, 0.96)));
}

/// A second blind set, written from the catalog alone on 2026-12-03 and
/// scored before and after that day's ranking changes without being looked
/// at: 208 queries in classes (tickets, developers, log lines, typos,
/// abbreviations, contractions, category cues, near-identical entries), and
/// 45 questions the catalog cannot answer. Top-1 88% -> 92%, top-3 95% ->
/// 97%; 21 -> 22 of the 45 refused.
#[test]
fn search_holds_up_on_the_second_blind_set() {
    holds_up(sets::SEARCH_BLIND_TEST, bars((0.96, 0.99), (0.93, 0.99)));
    refuses(sets::SEARCH_UNANSWERABLE_BLIND_TEST, 40, bars(35, 30));
}

/// A third blind set, written from the catalog alone on 2026-12-05 in
/// eight kinds of query (222 answerable, all 171 codes; 35 questions the
/// catalog cannot answer), scored once before the semantic search was
/// built and once after, never looked at: the measure of that change.
/// Top-1 62.6% -> 85.1% (lexical build 77.0%), top-3 74.8% -> 93.7%
/// (87.4%); refused 7 -> 28 of the 35 (14).
#[test]
fn search_holds_up_on_the_third_blind_set() {
    holds_up(sets::SEARCH_BLIND2_TEST, bars((0.85, 0.93), (0.77, 0.87)));
    refuses(sets::SEARCH_UNANSWERABLE_BLIND2_TEST, 30, bars(28, 14));
}

/// The development set written beside the third blind set, in the same
/// eight kinds (270 answerable, all 171 codes; 35 unanswerable): what the
/// semantic search was tuned on. Before it, lexical search had top-1 67%,
/// top-3 77% and refused 10 of the 35.
#[test]
fn search_holds_up_on_the_third_blind_sets_development_twin() {
    holds_up(sets::SEARCH_BLIND2_DEV, bars((0.85, 0.92), (0.78, 0.86)));
    refuses(sets::SEARCH_UNANSWERABLE_BLIND2_DEV, 30, bars(28, 14));
}

/// Short queries as people type them (`user disabled`, `pasword
/// incorect`, `what does 7100 mean`, a pasted fragment), written blind by
/// two helpers. At the eleventh session's start the default build ranked
/// 119 of 125 and 122 of 129 right first, the lexical build 114 and 120;
/// the test twin was scored then and at the session's end only.
#[test]
fn search_answers_terse_queries() {
    holds_up(sets::SEARCH_TERSE_DEV, bars((0.95, 0.99), (0.91, 0.97)));
    holds_up(sets::SEARCH_TERSE_TEST, bars((0.94, 0.99), (0.93, 0.96)));
}

/// Of a set of vague complaints (no codes) and short queries (codes),
/// how many complaints search declines and how many short queries it
/// answers with a right code first.
fn vague_and_short(set: &str) -> (usize, usize) {
    let rows = rows(set);
    assert!(rows.len() >= 80, "{set}");
    let top = |query: &str| search::search(query, 1).first().map(|h| h.entry.code);
    let declined = rows
        .iter()
        .filter(|(q, codes)| codes.is_empty() && top(q).is_none())
        .count();
    let answered = rows
        .iter()
        .filter(|(q, codes)| top(q).is_some_and(|c| codes.contains(&c)))
        .count();
    (declined, answered)
}

/// Shorthand as developers and agents type it (`usr disabled`, `tok
/// expired`, `grp not found`), a status with words (`401 unauthorized api
/// key`) or alone (`409 Conflict`, no answer), duplicates (`email already
/// exists`) and terse queries, some unanswerable; written blind by a
/// helper. At the twelfth session's start the default build ranked 90 of
/// the development set's 112 rows right (declining counts where a row
/// wants no answer), the lexical build 91; after abbreviations written out
/// for the model, new ones in synonyms.txt and a status's reason phrase as
/// framing, 99 and 100: it declines 19 of the 20 rows that want no answer
/// and answers 80 (lexical 81) of the 92 that want one.
#[test]
fn search_reads_shorthand_and_statuses() {
    let at_least = |(d, a): (usize, usize), (min_d, min_a)| d >= min_d && a >= min_a;
    let dev = vague_and_short(sets::SEARCH_SHORT_DEV);
    assert!(at_least(dev, bars((19, 80), (19, 81))), "{dev:?}");
    // The test twin (111 rows; two rows that were phrasings word for word
    // left out): 91 right at the start, 102 at the end (lexical 90 and 98),
    // scored at those two points only.
    let test = vague_and_short(sets::SEARCH_SHORT_TEST);
    assert!(at_least(test, bars((19, 83), (17, 81))), "{test:?}");
}

/// "it doesnt work", "keeps failing": a complaint that names nothing
/// that failed gets no answer, while "wrong password", "jwt expired" do
/// (45 of each in each set). Before the rule, the default build declined
/// 27 and 31 of the complaints and answered 44 and 44 short queries; the
/// lexical build, whose threshold is its own, declines fewer.
#[test]
fn search_declines_complaints_that_name_nothing_and_answers_short_queries() {
    let at_least =
        |(d, a): (usize, usize), (min_d, min_a): (usize, usize)| d >= min_d && a >= min_a;
    let dev = vague_and_short(sets::SEARCH_VAGUE_DEV);
    assert!(at_least(dev, bars((40, 44), (34, 43))), "{dev:?}");
    // Abbreviations written out for the model (`usr`, `tok`, `2fa`) cost
    // this set one short query and gained it one complaint declined.
    let test = vague_and_short(sets::SEARCH_VAGUE_TEST);
    assert!(at_least(test, bars((38, 43), (32, 41))), "{test:?}");
}

/// Questions the catalog cannot answer get no answer, most of the time;
/// answerable ones are almost never refused. The semantic build refuses 25
/// of the 32 unanswerable questions, the lexical build 20 (its threshold,
/// LEXICAL_ANSWER_SCORE, was chosen on these sets); each refuses at most
/// 1% of the 315 answerable ones.
#[test]
fn search_says_so_when_nothing_fits() {
    let questions = rows(sets::SEARCH_UNANSWERABLE_BLIND_DEV);
    assert!(questions.len() >= 25);
    assert!(questions.iter().all(|(_, codes)| codes.is_empty()));
    let answered: Vec<String> = questions
        .iter()
        .filter_map(|(q, _)| {
            let hits = search::search(q, 1);
            hits.first().map(|h| format!("{q:?}: {}", h.entry.code))
        })
        .collect();
    let refused = 1.0 - answered.len() as f64 / questions.len() as f64;
    assert!(
        refused >= bars(0.78, 0.62),
        "refused {refused:.2}:\n{}",
        answered.join("\n")
    );

    let mut answerable = 0;
    let mut wrongly_refused = Vec::new();
    for set in sets::SEARCH_ANSWERABLE_DEV {
        for (query, _) in rows(set) {
            answerable += 1;
            if search::search(&query, 1).is_empty() {
                wrongly_refused.push(query);
            }
        }
    }
    let share = wrongly_refused.len() as f64 / answerable as f64;
    assert!(share <= 0.01, "refused {share:.3}: {wrongly_refused:?}");
}

#[test]
fn scan_finds_the_codes_of_every_ticket_and_nothing_else() {
    let expected = rows(&format!("{}/expected.tsv", sets::SCAN_OWN_DEV));
    assert!(expected.len() >= 25);
    let (precision, recall, wrong) = score(&expected, |file| {
        let text = std::fs::read(sets::path(sets::SCAN_OWN_DEV).join(file)).unwrap();
        scan::scan_text(&text)
            .iter()
            .filter(|h| h.entry.is_some())
            .map(|h| h.code)
            .collect()
    });
    assert_eq!(precision, 1.0, "{wrong}");
    assert!(recall >= 0.97, "recall {recall:.2}\n{wrong}");
}

#[test]
fn unknown_codes_in_context_are_reported_unknown() {
    let text = common::data("tickets/t13-unknown-code.txt");
    let hits = scan::scan_text(text.as_bytes());
    assert!(hits.iter().any(|h| h.code == 5125 && h.entry.is_none()));
}

/// A line of a ticket that quotes `text` as an error's message.
fn quoting(text: &str) -> String {
    format!("We got this error: \"{text}\" when we tried again.")
}

#[test]
fn every_variant_quoted_in_a_ticket_names_its_code() {
    let mut checked = 0;
    for entry in sperr::catalog::entries() {
        for variant in entry.variants() {
            let line = quoting(variant.text());
            let hits = scan::scan_text(line.as_bytes());
            let codes: Vec<(u32, scan::Via)> = hits.iter().map(|h| (h.code, h.via)).collect();
            assert_eq!(codes, [(entry.code, scan::Via::Message)], "{line}");
            let found = search::search(variant.text(), 3);
            assert_eq!(
                found[0].entry.code,
                entry.code,
                "search {:?}",
                variant.text()
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 24);
}

#[test]
fn every_observed_message_quoted_in_a_ticket_names_its_code() {
    for entry in sperr::catalog::entries()
        .iter()
        .filter(|e| e.origin() == sperr::catalog::Origin::Observed)
    {
        let line = quoting(entry.message());
        let codes: Vec<u32> = scan::scan_text(line.as_bytes())
            .iter()
            .map(|h| h.code)
            .collect();
        match entry.message_kind() {
            // The server's words name the code.
            sperr::catalog::MessageKind::Server => assert_eq!(codes, [entry.code], "{line}"),
            // A description of a source is nothing a ticket quotes.
            sperr::catalog::MessageKind::Description => {
                assert!(codes.is_empty(), "{line}: {codes:?}")
            }
        }
        let number = format!(
            "HTTP 400, Stormpath {} (https://docs.stormpath.com/errors/{}): x",
            entry.code, entry.code
        );
        let hits = scan::scan_text(number.as_bytes());
        assert!(
            hits.iter()
                .all(|h| h.code == entry.code && h.entry.is_some()),
            "{number}: {hits:?}"
        );
    }
}

#[test]
fn the_2015_wording_of_5114_is_5114_via_its_message() {
    let line = "Error: The specified application account store reference is invalid: the specified account store is not one of the application's assigned account stores.";
    let hits = scan::scan_text(line.as_bytes());
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].code, hits[0].via), (5114, scan::Via::Message));
}

#[test]
fn a_search_for_an_old_meaning_finds_the_code_with_its_history() {
    // The old documentation's titles: the code that had the meaning comes
    // first or right after the code whose message says it today
    // (2105 "The specified query value is not supported").
    for (query, code) in [
        ("unsupported query property", 2016),
        ("Unsupported Order Property", 2017),
    ] {
        let hits = search::search(query, 5);
        let hit = hits[..2].iter().find(|h| h.entry.code == code);
        assert!(hit.is_some_and(|h| h.via_history), "{query}");
    }
    // 2018's old meaning is 2107's today: 2107 first, 2018 beside it.
    let expand: Vec<u32> = search::search("unsupported expand property", 5)
        .iter()
        .map(|h| h.entry.code)
        .collect();
    assert_eq!(&expand[..2], [2107, 2018]);
    let locked = search::search("account locked", 3);
    assert!(!locked[0].via_history, "no history matched");
}

/// The blind scan set: 66 realistic files (JSON Lines and JSON exports with
/// escaped bodies, CSV, e-mail in every encoding, HTML, Slack, Markdown
/// threads, nginx, Spring, MySQL, Windows and Python output, base64
/// gateway bodies and JWTs), written from the catalog alone by someone who
/// had not read the scanner, and scanned the way `sperr scan DIR` reads
/// them. Its expected codes are the published reference's; a code the
/// catalog knows from other sources (api-errors.properties, observed) is
/// neither expected nor false. The whole set is held to precision 100%
/// and recall 95%, as issue 12 asks (its held-out third is spent: see the
/// set's README).
#[test]
fn scan_finds_the_codes_of_the_blind_set_and_nothing_else() {
    let (precision, recall, wrong) = blind_scan_rates(sets::SCAN_BLIND_DEV, Counted::Published);
    assert_eq!(precision, 1.0, "{wrong}");
    assert!(recall >= 0.95, "recall {recall:.3}\n{wrong}");
}

/// The blind scan test set (see its README), scored before it was looked
/// at and never tuned on: 27 of its 36 codes found at the start of
/// 2026-12-03, 32 of 36 (recall 89%) with that day's list and URL-query
/// rules, precision 100% both times. The file still missed,
/// `migration-checklist.md`, lists codes under "Stormpath error handling
/// checklist", which the list rule reads as error handling, not codes.
#[test]
fn scan_holds_up_on_the_second_blind_set() {
    let (precision, recall, wrong) = blind_scan_rates(sets::SCAN_BLIND_TEST, Counted::Published);
    assert_eq!(precision, 1.0, "{wrong}");
    assert!(recall >= 0.88, "recall {recall:.3}\n{wrong}");
}

/// Issue 25's blind archives, written from the whole catalog (so every
/// catalog code counts), scored before its rules and after them
/// (2026-12-05, `bench/scan-score SPERR DIR --catalog`): the development
/// folder, tuned on, 45 -> 126 of its 129 pairs, 1 false -> none; the test
/// folder, scored only before and at the end (its misses never looked
/// at), 32 -> 101 of 113 (28% -> 89%), 3 false -> 2. The second session
/// tuned on two more blind development folders and scored the test folder
/// once at its end: 104 of 113 (92.0%), 2 false (98.1%); the third session
/// four times, from its start to its end, the same; the fourth three
/// times, the same. The issue asks for 92% recall and 99%
/// precision: recall met, precision not. Its misses are not printed.
#[test]
fn scan_holds_up_on_issue_25s_archives() {
    let (precision, recall, wrong) = blind_scan_rates(sets::SCAN_BLIND3_DEV, Counted::Catalog);
    assert!(
        precision >= 1.0 && recall >= 0.97,
        "precision {precision:.3} recall {recall:.3}\n{wrong}"
    );
    // Written blind after the first rules: 95 of 98, 2 false, before it
    // was tuned on (its map of another product's errors, `answers with`, a
    // set of codes named for something else); now 98 of 98.
    let (precision, recall, wrong) = blind_scan_rates(sets::SCAN_BLIND4_DEV, Counted::Catalog);
    assert!(
        precision >= 1.0 && recall >= 0.97,
        "precision {precision:.3} recall {recall:.3}\n{wrong}"
    );
    // Written blind in the second session: 83 of 117 (2 false) and 101 of
    // 120 (2 false) before each was seen, then tuned on (the third session's
    // disowning rule took the last false one of scan-blind6-dev). What they still
    // miss is mostly prose with no error word on its line ("we keep getting
    // 7101 since Monday"), which the prefilter never shows the rules.
    let (precision, recall, wrong) = blind_scan_rates(sets::SCAN_BLIND5_DEV, Counted::Catalog);
    assert!(
        precision >= 1.0 && recall >= 0.88,
        "precision {precision:.3} recall {recall:.3}\n{wrong}"
    );
    let (precision, recall, wrong) = blind_scan_rates(sets::SCAN_BLIND6_DEV, Counted::Catalog);
    assert!(
        precision >= 0.99 && recall >= 0.95,
        "precision {precision:.3} recall {recall:.3}\n{wrong}"
    );
    // Written blind in the third session, a third of it decoys: 64 of 66,
    // 7 false before it was tuned on (another vendor's numbers, an array's
    // index in a MongoDB error); 66 of 66, 2 false (a printer's and a game
    // launcher's "error code") after.
    let (precision, recall, wrong) = blind_scan_rates(sets::SCAN_BLIND8_DEV, Counted::Catalog);
    assert!(
        precision >= 0.97 && recall >= 0.99,
        "precision {precision:.3} recall {recall:.3}\n{wrong}"
    );
    // Written blind late in the third session, to be hard on precision:
    // 12 of 12, 20 false before it was seen; 18 false after the one rule
    // taken from it (prose that disowns a number); 17 after the fourth
    // session's rules (a processor's reason code); 4 after the fifth's (a
    // text that says its numbers are its own: an app's code table said to
    // be unrelated to Stormpath, `acme.errors.7100` keys under "Our own
    // portal errors (not Stormpath)"; a Windows Installer log's errors).
    // What it still reports: a printer's codes, an SAP dump's, a
    // disclaimer on the next line.
    let (precision, recall, wrong) = blind_scan_rates(sets::SCAN_BLIND9_DEV, Counted::Catalog);
    assert!(
        precision >= 0.75 && recall >= 0.99,
        "precision {precision:.3} recall {recall:.3}\n{wrong}"
    );
    // Written blind at the fourth session's start, realistic mixes with
    // decoys inside files that name real codes: 85 of 85 with 26 false
    // before it was tuned on (other programs' numbers with their own
    // messages, a processor's response codes, MySQL tuples, Winsock
    // names); 9 false after (a game launcher's, a printer's and an app's
    // own numbers, whose messages are not taken as evidence, as a writer's
    // gloss may say anything; a writer's note after a Windows Installer
    // log, `Error 1920 / 1921 are the …`, which reads as a ticket's prose;
    // a Winsock constant compared by name).
    let (precision, recall, wrong) = blind_scan_rates(sets::SCAN_BLIND10_DEV, Counted::Catalog);
    assert!(
        precision >= 0.9 && recall >= 0.99,
        "precision {precision:.3} recall {recall:.3}\n{wrong}"
    );
    // Written blind in the fourth session after its first rules, and scored
    // on that session's first build (84 of 95, 18 false) and on those rules
    // (84 of 95, 14 false) before it was seen; then tuned on: 90 of 95, 10
    // false (an API's own code table said to be unrelated to Stormpath's,
    // and MySQL's "client error 2006" a line below its name). It still
    // misses prose with no error word ("we keep getting 7101 since
    // Monday") and a Logstash `[sp_code] in [...]` test.
    // The fifth session's text that disowns its numbers (an API's own
    // reference that says its codes are unrelated to Stormpath's) took 8
    // of its 10 false; the 2 left are a JSON example above the statement
    // and MySQL's "client error 2006" a line below its name.
    let (precision, recall, wrong) = blind_scan_rates(sets::SCAN_BLIND11_DEV, Counted::Catalog);
    assert!(
        precision >= 0.97 && recall >= 0.94,
        "precision {precision:.3} recall {recall:.3}\n{wrong}"
    );
    // Written blind at the fifth session's start: 169 of 195 with 8 false
    // before it was tuned on; 190 of 195 with 2 false after (a table
    // headed `| Stormpath | Meaning |`, a Markdown cell of several codes, a
    // CSV column `applies_to_stormpath_codes`, MySQL constants under a
    // comment in a class of Stormpath's, `server error 2006 (MySQL server
    // …)`, .NET's `SocketException.ErrorCode`, a Windows Installer log's
    // own lines). Left: a JSON example above the statement that disowns
    // it, a writer's note after an installer log (`Error 1920 was a
    // follow-on`), and prose ("Errors change to 9005", "2016 meant
    // 'Unsupported Query Property'").
    let (precision, recall, wrong) = blind_scan_rates(sets::SCAN_BLIND12_DEV, Counted::Catalog);
    assert!(
        precision >= 0.98 && recall >= 0.97,
        "precision {precision:.3} recall {recall:.3}\n{wrong}"
    );
    // Written blind at the sixth session's start, for precision: 83 of 95
    // with 30 false before it was tuned on (a launcher's own error enum in
    // Stormpath's ranges, MySQL constants under a comment at the top level,
    // a processor's response code, a company code, a CSV row's launcher
    // error); 90 of 95 with 4 false after (WinHTTP's 12002 explained a line
    // later, an API's own page, a ticket that says later its 7101 is its
    // own, a key in a comment).
    let (precision, recall, wrong) = blind_scan_rates(sets::SCAN_BLIND13_DEV, Counted::Catalog);
    assert!(
        precision >= 0.95 && recall >= 0.94,
        "precision {precision:.3} recall {recall:.3}\n{wrong}"
    );
    // Written blind after that session's first rules: 84 of 102 with 12
    // false on its first build, 87 with 9 on those rules, before it was
    // tuned on; 97 of 102 with 6 false after (a migration table headed
    // `Today (Stormpath)` whose cells gloss their codes, `login failure
    // codes`, a heading about MySQL's errors over its table).
    let (precision, recall, wrong) = blind_scan_rates(sets::SCAN_BLIND14_DEV, Counted::Catalog);
    assert!(
        precision >= 0.94 && recall >= 0.95,
        "precision {precision:.3} recall {recall:.3}\n{wrong}"
    );
    // Written blind at the seventh session's start: 98 of 101 with 20 false
    // before it was tuned on; 98 with 7 false after (comments and docstrings
    // that call the numbers under them the text's own, sentences that say
    // so of one number, prose lines that only start like code).
    let (precision, recall, wrong) = blind_scan_rates(sets::SCAN_BLIND15_DEV, Counted::Catalog);
    assert!(
        precision >= 0.93 && recall >= 0.97,
        "precision {precision:.3} recall {recall:.3}\n{wrong}"
    );
    // Written blind at the eighth session's start: 89 of 100 with 69 false
    // before it was tuned on; 98 with 20 false after (Markdown tables whose
    // glosses are another program's, "X's own", "(NOT from Stormpath)",
    // Markdown marks around a code cell, another's message before its
    // number, an address of Stormpath's that does not keep another's
    // number).
    let (precision, recall, wrong) = blind_scan_rates(sets::SCAN_BLIND16_DEV, Counted::Catalog);
    assert!(
        precision >= 0.83 && recall >= 0.98,
        "precision {precision:.3} recall {recall:.3}\n{wrong}"
    );
    // Issue 25's test folder: 104 of 113, 2 false from the third session
    // to the fifth; 106 of 113, 1 false after the sixth's rules (scored on
    // its first build, after its first batch of rules, and on its last).
    let (precision, recall, _) = blind_scan_rates(sets::SCAN_BLIND3_TEST, Counted::Catalog);
    assert!(
        precision >= 0.99 && recall >= 0.93,
        "precision {precision:.3} recall {recall:.3}"
    );
    // Written blind at the second session's end: 61 of 80 (1 false) on the
    // session's first build, 70 of 80 (1 false) on its last; its misses
    // are not printed.
    let (precision, recall, _) = blind_scan_rates(sets::SCAN_BLIND7_TEST, Counted::Catalog);
    assert!(
        precision >= 0.98 && recall >= 0.87,
        "precision {precision:.3} recall {recall:.3}"
    );
    // Written blind beside scan-blind8-dev by another helper, a quarter of
    // it decoys: 86 of 88, 3 false on the third session's first build and
    // at three later points, the last on its last build (the rules tuned on
    // its twin and on scan-blind9-dev took none of them); the fourth
    // session scored it three times: 3 false, 2 with its first rules, 3
    // again once a review had narrowed them. Its misses are not printed.
    // scan-blind3-test and scan-blind7-test, scored at the same points in
    // both sessions: unchanged.
    // The sixth session: 2 false on its last build.
    let (precision, recall, _) = blind_scan_rates(sets::SCAN_BLIND8_TEST, Counted::Catalog);
    assert!(
        precision >= 0.96 && recall >= 0.97,
        "precision {precision:.3} recall {recall:.3}"
    );
    // Written blind beside scan-blind10-dev by another helper: 80 of 88,
    // 9 false on the fourth session's first build; 80 of 88, 8 false with
    // its rules, and the same once a review had narrowed them; scored at
    // those three points only, its misses not printed.
    // The sixth session: 83 of 88, 8 false on its last build.
    let (precision, recall, _) = blind_scan_rates(sets::SCAN_BLIND10_TEST, Counted::Catalog);
    assert!(
        precision >= 0.9 && recall >= 0.9,
        "precision {precision:.3} recall {recall:.3}"
    );
    // Written blind beside scan-blind12-dev by another helper: 123 of 141,
    // 1 false on the fifth session's first build and on its last; scored
    // at those two points only, its misses not printed.
    let (precision, recall, _) = blind_scan_rates(sets::SCAN_BLIND12_TEST, Counted::Catalog);
    assert!(
        precision >= 0.99 && recall >= 0.88,
        "precision {precision:.3} recall {recall:.3}"
    );
    // Written blind beside scan-blind13-dev by another helper, 15 of its 35
    // files decoys: 92 of 97 with 52 false on the sixth session's first
    // build, 51 after its first rules, 40 on its last; scored at those
    // three points only, its misses and false reports not printed.
    // The seventh session: the same, 40 false, on its last build.
    let (precision, recall, _) = blind_scan_rates(sets::SCAN_BLIND13_TEST, Counted::Catalog);
    assert!(
        precision >= 0.69 && recall >= 0.94,
        "precision {precision:.3} recall {recall:.3}"
    );
    // Written blind beside scan-blind15-dev by another helper, 14 of its 35
    // files decoys: 95 of 100 with 49 false on the seventh session's first
    // build, 95 with 45 false on its last; scored at those two points only,
    // its misses and false reports not printed.
    // The eighth session: 95 of 100, 44 false on its last build.
    let (precision, recall, _) = blind_scan_rates(sets::SCAN_BLIND15_TEST, Counted::Catalog);
    assert!(
        precision >= 0.67 && recall >= 0.95,
        "precision {precision:.3} recall {recall:.3}"
    );
    // Written blind beside scan-blind16-dev by another helper, 14 of its 35
    // files decoys: 102 of 103 with 25 false on the eighth session's first
    // build and the same on its last; scored at those two points only, its
    // misses and false reports not printed.
    let (precision, recall, _) = blind_scan_rates(sets::SCAN_BLIND16_TEST, Counted::Catalog);
    assert!(
        precision >= 0.8 && recall >= 0.99,
        "precision {precision:.3} recall {recall:.3}"
    );
    // Written blind beside scan-blind17-dev by another helper, 7 of its 34
    // files decoys, about codes in people's prose: 37 of 79 with none
    // false on the eleventh session's first build, 45 of 79 with none
    // false after its rules for lists, glosses and verbs, and the same
    // after the review's changes to them; scored at those three points
    // only, its misses not printed.
    let (precision, recall, _) = blind_scan_rates(sets::SCAN_BLIND17_TEST, Counted::Catalog);
    assert!(
        precision >= 0.99 && recall >= 0.56,
        "precision {precision:.3} recall {recall:.3}"
    );
    // Written blind beside scan-blind18-dev by another helper, about spans,
    // tallies, codes that open a line and other products' errors: 32 of 89
    // with 16 false on the twelfth session's first build, 42 of 89 with 15
    // false on its last; scored at those two points only, its misses and
    // false reports not printed.
    // The thirteenth session: 60 of 89 with 17 false on its last build.
    let (precision, recall, _) = blind_scan_rates(sets::SCAN_BLIND18_TEST, Counted::Catalog);
    assert!(
        precision >= 0.77 && recall >= 0.67,
        "precision {precision:.3} recall {recall:.3}"
    );
    // Written blind beside scan-blind19-dev by two other helpers, each
    // from the same brief, about codes named in passing and other
    // products' errors named away from their numbers: 39 of 92 with 9
    // false and 40 of 84 with 13 false on the thirteenth session's first
    // build, 55 of 92 with 14 false and 53 of 84 with 13 false on its last;
    // scored at those two points only, their misses and false reports not
    // printed.
    let (precision, recall, _) = blind_scan_rates(sets::SCAN_BLIND19_TEST, Counted::Catalog);
    assert!(
        precision >= 0.79 && recall >= 0.59,
        "precision {precision:.3} recall {recall:.3}"
    );
    let (precision, recall, _) = blind_scan_rates(sets::SCAN_BLIND19_TEST2, Counted::Catalog);
    assert!(
        precision >= 0.8 && recall >= 0.63,
        "precision {precision:.3} recall {recall:.3}"
    );
    // Written blind beside scan-blind20-dev by two other helpers, from the
    // same brief, for precision (an organisation's own codes and other
    // products' numbers beside Stormpath's): 84 of 90 with 37 false and 72
    // of 78 with 29 false on the fourteenth session's first build, 84 with
    // 37 false and 72 with 27 false on its last; scored at those two points
    // only, their misses and false reports not printed. The eighteenth
    // session's bare codes in people's prose added one false report to
    // each (84 with 38 false, 72 with 28), not looked at: that would spend
    // them.
    let (precision, recall, _) = blind_scan_rates(sets::SCAN_BLIND20_TEST, Counted::Catalog);
    assert!(
        precision >= 0.68 && recall >= 0.93,
        "precision {precision:.3} recall {recall:.3}"
    );
    let (precision, recall, _) = blind_scan_rates(sets::SCAN_BLIND20_TEST2, Counted::Catalog);
    assert!(
        precision >= 0.72 && recall >= 0.92,
        "precision {precision:.3} recall {recall:.3}"
    );
}

/// Codes as people mention them in prose, the development folder the
/// eleventh session tuned on: 33 of 75 with none false at its start, 59
/// of 75 with none false after the rules for lists after a few words
/// (`Errors seen today: 7100 and 7103`), codes glossed with their meaning
/// (`13101: phone number invalid`) and codes a verb of getting names
/// (`now one customer gets 11002`). What is left is mostly a number with
/// no gloss, verb or keyword (`still 2010 when we save`, `the 7107 ones`),
/// or prose in a text that never speaks of error codes or of Stormpath in
/// a sentence.
#[test]
fn scan_finds_codes_in_peoples_prose() {
    let (precision, recall, wrong) = blind_scan_rates(sets::SCAN_BLIND17_DEV, Counted::Catalog);
    assert!(
        precision >= 0.99 && recall >= 0.78,
        "precision {precision:.3} recall {recall:.3}\n{wrong}"
    );
}

/// The harder ways people write codes, the development folder the twelfth
/// session tuned on: 46 of 86 with 8 false at its start, 64 of 86 with 4
/// false after spans (`codes 7100-7104`), tallies (`7500 (12), 7504 (3)`,
/// `10017 x 4  signature check failed`), codes that open a sentence (`7103
/// again this morning`), bullets whose number is something else (`* 3000
/// ms is the timeout`) and products named just before an error (`Windows
/// error code 1100`). What is left is mostly chat that never speaks of
/// Stormpath or error codes (`mostly 7100`, `the 7107 ones`), prose before
/// the line that first does, and other products' errors named a line away
/// (an installer's `Error 1925.`, a printer's `Error 5100`).
#[test]
fn scan_finds_spans_tallies_and_codes_that_open_a_sentence() {
    let (precision, recall, wrong) = blind_scan_rates(sets::SCAN_BLIND18_DEV, Counted::Catalog);
    assert!(
        precision >= 0.94 && recall >= 0.74,
        "precision {precision:.3} recall {recall:.3}\n{wrong}"
    );
}

/// Codes named in passing, the development folder the thirteenth session
/// tuned on: 36 of 95 with 10 false at its start, 73 of 95 with 1 false
/// after spans and tallies whose first number no rule found (`I'll take
/// the 7100-7103 range`, `Error tallies for October:` over `7100 (412),
/// 7103 (38)`), words of how many (`mostly 7100`, `a handful of 7107`),
/// texts that open the prose rules in more ways (`auth is Stormpath.`, a
/// mail to Stormpath), an installer's `Error 1925` near words of
/// installing, a printer's `Support Code` and a gloss that is another's
/// message (`2001 (Insufficient Funds)`). What is left is mostly chat that
/// never names Stormpath, codes only a subject line names, and verbs of
/// code (`map 13104 to`, `retry once on 9002`).
#[test]
fn scan_finds_codes_named_in_passing() {
    let (precision, recall, wrong) = blind_scan_rates(sets::SCAN_BLIND19_DEV, Counted::Catalog);
    assert!(
        precision >= 0.98 && recall >= 0.76,
        "precision {precision:.3} recall {recall:.3}\n{wrong}"
    );
}

/// Another's numbering beside Stormpath's, the development folder the
/// fourteenth session tuned on: 85 of 90 with 38 false at its start, 86
/// of 90 with 11 false after its rules (a block of source code judged by
/// its members' names where the text names Stormpath elsewhere, a JSON
/// array of another's errors judged by its sentences, machines' errors,
/// an installer named just after its error). What it still reports: the
/// examples and prose around another's table (`Partner API code 3000`), a
/// card terminal's codes in a spaced table whose rows wrap, an Office
/// repair's `Error 1904`, a payment page's `Error 2001` disowned two
/// messages later, a portal's own error page above the comment that
/// disowns it.
#[test]
fn scan_tells_anothers_numbering_from_stormpaths() {
    let (precision, recall, wrong) = blind_scan_rates(sets::SCAN_BLIND20_DEV, Counted::Catalog);
    assert!(
        precision >= 0.88 && recall >= 0.95,
        "precision {precision:.3} recall {recall:.3}\n{wrong}"
    );
}

/// How people in support conversations refer to a code, the development
/// folder the sixteenth session tuned on: 57 of 97 with none false at its
/// start, 82 of 97 with none false after its rules (more verbs of getting
/// and a verb that ends the line before, a code a reply takes up, a code
/// that ends a quoted message, and the prose rules opened by a header that
/// names Stormpath). What is left: plural codes (`those 7205s`), a code
/// before the first line that names Stormpath, codes in quotes or after
/// an arrow with no verb (`"2006" = bad format`, `Facebook -> 7202`),
/// bold headings that open with a code, and a tally line with a comment.
///
/// Its test twin, written blind beside it by another helper: 49 of 94
/// with none false on the session's first build, 66 of 94 with none false
/// on its last; scored at those two points only, its misses not printed.
/// 71 of 94, none false, at the end of the seventeenth session.
///
/// The adversary's folder, decoys written against the new rules: 27 false
/// reports of 53 when the rules were first written, 3 of 29 once a code a
/// reply takes up had to be said in words of the catalog's, a quoted
/// message had to say something failed, and a year's or a thing's number
/// (`2016's`, `2101-response`) was no code.
#[test]
fn scan_finds_codes_people_name_in_replies() {
    let (precision, recall, wrong) = blind_scan_rates(sets::SCAN_BLIND21_DEV, Counted::Catalog);
    assert!(
        precision >= 1.0 && recall >= 0.84,
        "precision {precision:.3} recall {recall:.3}\n{wrong}"
    );
    let (precision, recall, _) = blind_scan_rates(sets::SCAN_BLIND21_TEST, Counted::Catalog);
    assert!(
        precision >= 1.0 && recall >= 0.73,
        "precision {precision:.3} recall {recall:.3}"
    );
    let (precision, recall, wrong) = blind_scan_rates(sets::SCAN_ADVERSARY21_DEV, Counted::Catalog);
    assert!(
        precision >= 0.89 && recall >= 0.96,
        "precision {precision:.3} recall {recall:.3}\n{wrong}"
    );
}

/// A fresh archive of issue 25's own kinds, written blind at the start of
/// the seventeenth session (a fitness chain's integration code in seven
/// languages, messages in other words, code cells and lists, other
/// products' codes, tickets, logs and decoys), the development folder it
/// tuned on: 179 of 199 with none false at its start, 196 of 199 with none
/// false after its rules (`you'd get 10018 instead`, a comma's gloss `now
/// 13003, one already exists`, `she got Stormpath error 7100` as people's
/// sentence, CSV comment lines before the header, a heading's second list
/// after a lead-in that adds to it). A review's and an adversary's decoys
/// took back `says` as a verb of getting, `back` and most adverbs after a
/// code (`the usage page says 3000`, `we got 13000 back`, `got 7200
/// though`). What is left: a template's message cut mid-word or wrapped
/// before enough of its words (`Account with that email already exists.
/// Please choose anoth`), and `you'll get 9005 back instead`.
///
/// Its test twin, a grocery delivery company's, written blind beside it
/// by another helper: 151 of 180 with 1 false on the session's first
/// build and on its last (the rules did not carry over to it); scored at
/// those two points only, its misses not printed.
#[test]
fn scan_holds_up_on_a_fresh_archive_of_issue_25s_kinds() {
    let (precision, recall, wrong) = blind_scan_rates(sets::SCAN_BLIND22_DEV, Counted::Catalog);
    assert!(
        precision >= 1.0 && recall >= 0.98,
        "precision {precision:.3} recall {recall:.3}\n{wrong}"
    );
    let (precision, recall, _) = blind_scan_rates(sets::SCAN_BLIND22_TEST, Counted::Catalog);
    assert!(
        precision >= 0.99 && recall >= 0.83,
        "precision {precision:.3} recall {recall:.3}"
    );
}

/// A fresh pair of archives written blind at the start of the eighteenth
/// session from one brief: a library consortium's (development) and a
/// veterinary group's (test). The development archive went from 173 of 200
/// to 191 of 200 with none false: codes people name bare once a text
/// has named one (`and the 3001 i got earlier?`, `it says 13003`), codes'
/// plurals (`a couple of 9002s`), qualified CSV columns (`sp_error_codes`),
/// a message cut inside a word (`…in a Directo`), a test's parameters
/// (`parametrize('code', [10011, 10015])`), a filled template wrapped
/// over quoted lines. An adversary's and a reviewer's decoys took out
/// ports, times of day, counts, prices, years after `is` and a
/// `last_errors` column of counts. What is left: a `last_errors` column
/// of codes (7 pairs), `PIN too short (2007)`, an SDK's rewording of 7200
/// in a table's wrapped cell.
///
/// The test archive: 191 of 201 with none false on the session's first
/// build, 192 of 201 with none false at its end; scored at those two
/// points only, its misses not printed.
#[test]
fn scan_holds_up_on_a_second_fresh_archive_of_issue_25s_kinds() {
    let (precision, recall, wrong) = blind_scan_rates(sets::SCAN_BLIND23_DEV, Counted::Catalog);
    assert!(
        precision >= 1.0 && recall >= 0.95,
        "precision {precision:.3} recall {recall:.3}\n{wrong}"
    );
    let (precision, recall, _) = blind_scan_rates(sets::SCAN_BLIND23_TEST, Counted::Catalog);
    assert!(
        precision >= 0.99 && recall >= 0.95,
        "precision {precision:.3} recall {recall:.3}"
    );
}

/// Which found codes a blind scan set counts.
enum Counted {
    /// The published reference's codes only: a code the catalog knows from
    /// other sources is neither expected nor false.
    Published,
    /// Every catalog code.
    Catalog,
}

/// Precision and recall of `sperr scan DIR` on a blind set in tests/data
/// over the codes it counts, and the files it got wrong.
fn blind_scan_rates(set: &str, counted: Counted) -> (f64, f64, String) {
    let output = common::sperr()
        .args(["scan", "--format", "jsonl", "--no-progress"])
        .arg(sets::path(set))
        .output()
        .unwrap();
    let mut found_in: std::collections::BTreeMap<String, BTreeSet<u32>> = Default::default();
    for line in String::from_utf8(output.stdout).unwrap().lines() {
        let hit: serde_json::Value = serde_json::from_str(line).unwrap();
        let file = std::path::Path::new(hit["file"].as_str().unwrap());
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let code = hit["code"].as_u64().unwrap() as u32;
        let counts = sperr::catalog::lookup(code).is_some_and(|entry| match counted {
            Counted::Published => entry.source().is_none(),
            Counted::Catalog => true,
        });
        if counts {
            found_in.entry(name).or_default().insert(code);
        }
    }
    let expected = rows(&format!("{set}/expected.tsv"));
    assert!(
        expected.len() >= 20,
        "{set}: its expected.tsv was not read whole"
    );
    score(&expected, |file| {
        found_in.get(file).cloned().unwrap_or_default()
    })
}

/// Precision and recall over (file, code) pairs, and the files whose codes
/// were not the expected ones.
fn score(
    expected: &[(String, BTreeSet<u32>)],
    codes_of: impl Fn(&str) -> BTreeSet<u32>,
) -> (f64, f64, String) {
    let (mut found, mut false_hits, mut missed) = (0, 0, 0);
    let mut wrong = Vec::new();
    for (file, wanted) in expected {
        let codes = codes_of(file);
        found += codes.intersection(wanted).count();
        false_hits += codes.difference(wanted).count();
        missed += wanted.difference(&codes).count();
        if &codes != wanted {
            wrong.push(format!("{file}: want {wanted:?}, found {codes:?}"));
        }
    }
    let precision = found as f64 / (found + false_hits).max(1) as f64;
    let recall = found as f64 / (found + missed).max(1) as f64;
    (precision, recall, wrong.join("\n"))
}
