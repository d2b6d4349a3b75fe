//! The evaluation sets of tests/data (tests/data/README.md says what each
//! is): their names, and their rows. tests/quality.rs asserts every set;
//! examples/search_rates.rs reports the development sets, and includes
//! this file by its path.
//!
//! A development set (`-dev`) is one search or scan was tuned on. A test
//! set (`-test`) was scored without being looked at and is never tuned on:
//! a change is measured on it, not made for it.

// The test binaries and examples/search_rates.rs each use a part.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// sperr's own search queries, written the way support engineers type them.
pub const SEARCH_OWN_DEV: &str = "search-own-dev.tsv";
/// sperr's own paraphrases, sharing few words with the reference.
pub const SEARCH_OWN_PARAPHRASES_DEV: &str = "search-own-paraphrases-dev.tsv";
/// Queries written blind, from the catalog's sources alone (2026-11-25).
pub const SEARCH_BLIND_DEV: &str = "search-blind-dev.tsv";
/// Questions no entry answers, written blind beside [`SEARCH_BLIND_DEV`].
pub const SEARCH_UNANSWERABLE_BLIND_DEV: &str = "search-unanswerable-blind-dev.tsv";
/// Queries written blind from the catalog (2026-12-03), never tuned on.
pub const SEARCH_BLIND_TEST: &str = "search-blind-test.tsv";
/// Questions no entry answers, written blind beside [`SEARCH_BLIND_TEST`].
pub const SEARCH_UNANSWERABLE_BLIND_TEST: &str = "search-unanswerable-blind-test.tsv";

/// Queries written blind from the catalog (2026-12-05) in the same eight
/// kinds as [`SEARCH_BLIND2_TEST`], by another helper: the development set
/// of the semantic search, to be tuned on.
pub const SEARCH_BLIND2_DEV: &str = "search-blind2-dev.tsv";
/// Questions no entry answers, written blind beside [`SEARCH_BLIND2_DEV`].
pub const SEARCH_UNANSWERABLE_BLIND2_DEV: &str = "search-unanswerable-blind2-dev.tsv";
/// Queries written blind from the catalog (2026-12-05) in eight kinds
/// (end users, tickets, developers, questions, numbers that are not codes,
/// log lines, typos, two or three words), never tuned on: the test set of
/// the semantic search.
pub const SEARCH_BLIND2_TEST: &str = "search-blind2-test.tsv";
/// Questions no entry answers, written blind beside [`SEARCH_BLIND2_TEST`].
pub const SEARCH_UNANSWERABLE_BLIND2_TEST: &str = "search-unanswerable-blind2-test.tsv";

/// Complaints that name nothing that failed (no codes: search must
/// decline them) beside short queries that do, written blind on 2026-12-07
/// from `errors.toml`: the set the no-subject rule was tuned on.
pub const SEARCH_VAGUE_DEV: &str = "search-vague-dev.tsv";
/// The same kinds by another helper, not seeing [`SEARCH_VAGUE_DEV`]:
/// scored before the rule and after, never looked at.
pub const SEARCH_VAGUE_TEST: &str = "search-vague-test.tsv";
/// Short queries as developers and users type them (`user disabled`,
/// `pasword incorect`, `what does 7100 mean`, a pasted fragment), written
/// blind from the catalog alone.
pub const SEARCH_TERSE_DEV: &str = "search-terse-dev.tsv";
/// The same kinds by another helper, not seeing [`SEARCH_TERSE_DEV`].
pub const SEARCH_TERSE_TEST: &str = "search-terse-test.tsv";
/// Shorthand (`usr`, `tok`, `grp`), statuses with words or alone, and
/// duplicates, written blind in the twelfth session; some rows want no
/// answer.
pub const SEARCH_SHORT_DEV: &str = "search-short-dev.tsv";
/// The same kinds by the same helper, not sharing a query with
/// [`SEARCH_SHORT_DEV`].
pub const SEARCH_SHORT_TEST: &str = "search-short-test.tsv";

/// The answerable search sets search is tuned on.
pub const SEARCH_ANSWERABLE_DEV: [&str; 3] =
    [SEARCH_OWN_DEV, SEARCH_OWN_PARAPHRASES_DEV, SEARCH_BLIND_DEV];

/// sperr's own tickets, one a rule or a decoy: a development set (a
/// folder).
pub const SCAN_OWN_DEV: &str = "tickets";
/// Files written blind in every format scan reads (a folder).
pub const SCAN_BLIND_DEV: &str = "scan-blind-dev";
/// Files written blind from the catalog (2026-12-03), never tuned on (a
/// folder).
pub const SCAN_BLIND_TEST: &str = "scan-blind-test";
/// Issue 25's blind archives (2026-12-05): integrations' source code in
/// seven languages, reworded messages, code cells and lists, other
/// products' codes; a development folder and a test folder.
pub const SCAN_BLIND3_DEV: &str = "scan-blind3-dev";
pub const SCAN_BLIND3_TEST: &str = "scan-blind3-test";
/// A second development folder of the same kinds, written blind after
/// issue 25's first rules, scored on them before it was tuned on.
pub const SCAN_BLIND4_DEV: &str = "scan-blind4-dev";
/// Two more development folders of the same kinds, written blind by two
/// helpers in issue 25's second session, each scored before it was tuned on.
pub const SCAN_BLIND5_DEV: &str = "scan-blind5-dev";
pub const SCAN_BLIND6_DEV: &str = "scan-blind6-dev";
/// A second test folder of the same kinds, written blind at that
/// session's end and scored on its first and last builds only.
pub const SCAN_BLIND7_TEST: &str = "scan-blind7-test";
/// A development folder and a test folder of the same kinds with many
/// decoys (a third of the files name no Stormpath error), written blind by
/// two helpers at the start of issue 25's third session, for precision.
pub const SCAN_BLIND8_DEV: &str = "scan-blind8-dev";
pub const SCAN_BLIND8_TEST: &str = "scan-blind8-test";
/// A small development folder, half of it decoys written to be taken for
/// codes (other software's numbers, an app's own codes, disowned and
/// negated mentions), written blind late in that session.
pub const SCAN_BLIND9_DEV: &str = "scan-blind9-dev";
/// A development folder and a test folder of the same kinds, realistic
/// mixes with decoys inside files that name real codes too (other
/// products' error numbers with their own messages, processors' response
/// codes, an app's own codes), written blind by two helpers at the start of
/// issue 25's fourth session.
pub const SCAN_BLIND10_DEV: &str = "scan-blind10-dev";
pub const SCAN_BLIND10_TEST: &str = "scan-blind10-test";
/// A development folder of the same kinds, written blind after that
/// session's first rules and scored on them before it was tuned on.
pub const SCAN_BLIND11_DEV: &str = "scan-blind11-dev";
/// A development folder and a test folder of the same kinds (integration
/// code in seven languages, help-desk exports with several codes a cell,
/// wikis and runbooks, other products' numbers beside real codes), written
/// blind by two helpers at the start of issue 25's fifth session.
pub const SCAN_BLIND12_DEV: &str = "scan-blind12-dev";
pub const SCAN_BLIND12_TEST: &str = "scan-blind12-test";
/// A development folder and a test folder written blind by two helpers at
/// the start of issue 25's sixth session, for precision: a company's own
/// error numbering in Stormpath's ranges (an enum, an API's reference),
/// other products' numbers in code, logs and exports, beside real codes.
pub const SCAN_BLIND13_DEV: &str = "scan-blind13-dev";
pub const SCAN_BLIND13_TEST: &str = "scan-blind13-test";
/// A second development folder of the same kinds, written blind after
/// that session's first rules and scored on them before it was tuned on.
pub const SCAN_BLIND14_DEV: &str = "scan-blind14-dev";
/// A development folder and a test folder written blind by two helpers at
/// the start of issue 25's seventh session, for precision again: a credit
/// union's and a university's own error numbering in comments, enums,
/// tickets and chats that say so, other products' numbers beside real
/// codes.
pub const SCAN_BLIND15_DEV: &str = "scan-blind15-dev";
pub const SCAN_BLIND15_TEST: &str = "scan-blind15-test";
/// A development folder written blind at the start of issue 25's eighth
/// session, for precision: an airline's own API error catalogue, kiosk
/// fault tables, payment and chat logs that give other products' numbers
/// in Stormpath's ranges (its files were in subfolders, flattened here).
pub const SCAN_BLIND16_DEV: &str = "scan-blind16-dev";
/// Its test twin, written blind beside it by another helper: a city's
/// resident services (flattened in the same way).
pub const SCAN_BLIND16_TEST: &str = "scan-blind16-test";
/// A development folder written blind at the start of the eleventh
/// session of issue 25, for codes as people mention them in prose: lists
/// after a few words (`Errors seen today: 7100 and 7103`), codes glossed
/// (`13101: phone number invalid`) or named as what came back (`now one
/// customer gets 11002`), beside counts, ids and other products' codes
/// in the same forms.
pub const SCAN_BLIND17_DEV: &str = "scan-blind17-dev";
/// Its test twin, written blind beside it by another helper.
pub const SCAN_BLIND17_TEST: &str = "scan-blind17-test";

/// A development folder written blind at the start of the twelfth
/// session of issue 25, for the harder ways people write codes: spans
/// (`7100-7104`, `9003 through 9005`), tallies (`7500 (12), 7504 (3)`),
/// codes that open a sentence (`7103 again this morning`), bullets whose
/// number is something else, and other products' errors in the catalog's
/// range (MSI, Cloudflare, SQL Server, Windows, Zoom, Canon).
pub const SCAN_BLIND18_DEV: &str = "scan-blind18-dev";
/// Its test twin, written blind beside it by another helper.
pub const SCAN_BLIND18_TEST: &str = "scan-blind18-test";

/// A development folder written blind at the start of the thirteenth
/// session of issue 25, for codes people name in passing: other products'
/// errors whose product is named a line or a paragraph away (an
/// installer's `Error 1925`, a printer's `Support Code 5100`), chat and
/// notes that name codes without a keyword (`mostly 7100 today`), and
/// tallies and spans on the line after their heading.
pub const SCAN_BLIND19_DEV: &str = "scan-blind19-dev";
/// Its test twin, written blind beside it by another helper.
pub const SCAN_BLIND19_TEST: &str = "scan-blind19-test";
/// A second test twin, by a third helper from the same brief.
pub const SCAN_BLIND19_TEST2: &str = "scan-blind19-test2";
/// A development folder written blind at the start of the fourteenth
/// session of issue 25, for precision: an organisation's own error codes
/// (its API's reference, its app's enums and JSON catalogues) and other
/// products' numbers (printers, lab instruments, card terminals,
/// installers, databases) in Stormpath's ranges, beside real Stormpath
/// codes in the same files.
pub const SCAN_BLIND20_DEV: &str = "scan-blind20-dev";
/// Its test twin, written blind beside it by another helper.
pub const SCAN_BLIND20_TEST: &str = "scan-blind20-test";
/// A second test twin, by a third helper from the same brief.
pub const SCAN_BLIND20_TEST2: &str = "scan-blind20-test2";

/// A development folder written blind at the start of the sixteenth
/// session of issue 25, for how people in support conversations refer to
/// a code: verbs of getting (`Stormpath sent back 7104`, `the API gave
/// us 7100`), a code a reply takes up (`The code you pasted, 7102,
/// means`), codes in backticks, subject lines and tallies under a
/// qualified heading, quotes hard-wrapped without `>`, beside counts,
/// ids and other products' codes in the same shapes.
pub const SCAN_BLIND21_DEV: &str = "scan-blind21-dev";
/// Its test twin, written blind beside it by another helper.
pub const SCAN_BLIND21_TEST: &str = "scan-blind21-test";
/// Decoys in the same shapes, written to be taken for codes by a helper
/// who was told the sixteenth session's rules (not its code): counts,
/// years, prices, other products' errors and ids after the same verbs,
/// pointers and quotes. The rules were tightened on it.
pub const SCAN_ADVERSARY21_DEV: &str = "scan-adversary21-dev";

/// A development folder written blind at the start of the seventeenth
/// session of issue 25, of the issue's own kinds in their proportions: a
/// fitness chain's integration code in seven languages with its
/// distractors, messages in other words, code cells and lists, other
/// products' codes, tickets and logs, and decoy-only files.
pub const SCAN_BLIND22_DEV: &str = "scan-blind22-dev";
/// Its test twin (a grocery delivery company's), written blind beside it
/// by another helper.
pub const SCAN_BLIND22_TEST: &str = "scan-blind22-test";

/// A development folder written blind at the start of the eighteenth
/// session of issue 25, from the same kind of brief: a library
/// consortium's integration code, messages without numbers, code cells and
/// lists, tickets and chats, other products' codes and decoy-only files.
pub const SCAN_BLIND23_DEV: &str = "scan-blind23-dev";
/// Its test twin (a veterinary group's), written blind beside it by
/// another helper.
pub const SCAN_BLIND23_TEST: &str = "scan-blind23-test";

/// A set's file or folder: `set` is its path under tests/data.
pub fn path(set: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(set)
}

/// The (text, codes) rows of a tab-separated set under tests/data (a
/// search set, or a scan set's `expected.tsv`), `#` lines and blank ones
/// skipped. Codes are comma-separated; a row without is answered by none.
pub fn rows(set: &str) -> Vec<(String, BTreeSet<u32>)> {
    let path = path(set);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (text, codes) = l.split_once('\t').unwrap_or((l, ""));
            let codes = codes
                .split(',')
                .filter(|c| !c.trim().is_empty())
                .map(|c| {
                    c.trim()
                        .parse()
                        .unwrap_or_else(|_| panic!("{set}: {c:?} is no code in {l:?}"))
                })
                .collect();
            (text.to_string(), codes)
        })
        .collect()
}
