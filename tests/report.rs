//! `scan --report FILE`: the page is written whole or not at all, with
//! everything from the input escaped, its period picked from the span of
//! time unless `--by` says; and it works in a real browser. The browser
//! tests run headless Chromium (`chromium` on PATH) on the page, with no
//! browser-automation crate: `--dump-dom` after a small injected script
//! clicks a column header and records `window.onerror`, and
//! `--screenshot` into target/. Without Chromium they skip with a note,
//! unless SPERR_REQUIRE_CHROMIUM=1 (which .ci/run sets).

mod common;

use common::{run, sperr};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A file name with markup and both quotes in it, as a hostile archive
/// could hold.
const HOSTILE_NAME: &str = "<script>alert(\"name\")'.log";

/// A bundle's member, as hostile.
const HOSTILE_MEMBER: &str = "logs/<b onclick=\"x\">'member'</b>.log";

/// A few tickets whose hits span August to November 2016 (weeks suit
/// that span), one of them under a hostile name with a hostile line.
fn archive() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        HOSTILE_NAME,
        "2016-08-03T10:00:00Z ERROR Stormpath 7100 <script>alert('line')</script> \"quoted\"\n\
         2016-09-14T10:00:00Z ERROR Stormpath 7100 again\n",
    );
    // A bundle whose member has a hostile name too.
    let mut bundle = tar::Builder::new(Vec::new());
    let member = b"2016-11-02T08:00:00Z ERROR: The specified property value's minimum length is not satisfied.\n";
    let mut header = tar::Header::new_gnu();
    header.set_size(member.len() as u64);
    header.set_mode(0o644);
    header.set_cksum();
    bundle
        .append_data(&mut header, HOSTILE_MEMBER, &member[..])
        .unwrap();
    std::fs::write(dir.path().join("bundle.tar"), bundle.into_inner().unwrap()).unwrap();
    write(
        "a.log",
        "2016-08-20T09:12:44Z ERROR Stormpath error 2001 on signup\n\
         2016-11-20T09:12:44Z ERROR Stormpath error 7101 at login\n",
    );
    write(
        "b.log",
        "2016-10-18T09:12:44Z ERROR Stormpath error 7100 at login\n\
         2016-10-19T09:12:44Z ERROR Stormpath error 7102 at login\n",
    );
    dir
}

/// Scans `archive` with `args` and --report into a folder of its own;
/// the run and the page.
fn report(archive: &Path, args: &[&str]) -> (common::Run, String, tempfile::TempDir) {
    let out = tempfile::tempdir().unwrap();
    let page = out.path().join("report.html");
    let run = common::run_with(
        sperr()
            .arg("scan")
            .arg(archive)
            .args(args)
            .arg("--report")
            .arg(&page),
    );
    let text = std::fs::read_to_string(&page).unwrap_or_default();
    (run, text, out)
}

#[test]
fn the_page_is_written_whole_and_stdout_stays_empty() {
    let archive = archive();
    let (run, page, out) = report(archive.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.starts_with("sperr: wrote the report to "));
    assert!(page.starts_with("<!DOCTYPE html>\n"));
    assert!(page.ends_with("</html>\n"));
    // The page alone: no temporary file left beside it.
    let files: Vec<_> = std::fs::read_dir(out.path()).unwrap().collect();
    assert_eq!(files.len(), 1);
    // Nothing found: exit 1, as scan's, and a page that says so.
    let empty = tempfile::tempdir().unwrap();
    std::fs::write(empty.path().join("quiet.log"), "all is well\n").unwrap();
    let (run, page, _out) = report(empty.path(), &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(page.contains("<dt>Tickets with a code</dt><dd>0</dd>"));
}

#[test]
fn a_report_that_cannot_be_written_is_one_line_and_exit_2() {
    let archive = archive();
    // A name with a control character: shown escaped, never raw.
    let missing = archive
        .path()
        .join("no such\x1b[31m folder")
        .join("report.html");
    let folder = tempfile::tempdir().unwrap();
    std::fs::create_dir(folder.path().join("report.html")).unwrap();
    for path in [missing, folder.path().join("report.html")] {
        let run = common::run_with(
            sperr()
                .arg("scan")
                .arg(archive.path())
                .arg("--report")
                .arg(&path),
        );
        assert_eq!(run.code, 2, "{path:?}: {}", run.stderr);
        assert_eq!(run.stdout, "");
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        assert!(
            run.stderr.starts_with("sperr: cannot write the report "),
            "{}",
            run.stderr
        );
        assert!(!run.stderr.contains('\x1b'), "{}", run.stderr);
    }
    // No temporary file left in the folder that could not take the page.
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 1);
    // The summary asked for on stdout is printed all the same.
    let run = common::run_with(
        sperr()
            .arg("scan")
            .arg(archive.path())
            .args(["--summary", "--format", "plain", "--report"])
            .arg(folder.path().join("report.html")),
    );
    assert_eq!(run.code, 2);
    assert!(run.stdout.ends_with("all codes\n"), "{}", run.stdout);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

/// `-` names no file: stdout holds the command's output.
#[test]
fn a_report_to_stdout_is_a_usage_error() {
    let archive = archive();
    let shards = archive.path().join("s.jsonl");
    std::fs::write(
        &shards,
        run(&["scan", "--summary", "--format", "jsonl"]).stdout,
    )
    .unwrap();
    for command in ["scan", "merge"] {
        let input = if command == "scan" {
            archive.path().to_path_buf()
        } else {
            shards.clone()
        };
        let run = common::run_with(
            sperr()
                .args([command, "--report", "-"])
                .arg(&input)
                .current_dir(archive.path()),
        );
        assert_eq!(run.code, 2, "{command}: {}", run.stderr);
        assert!(
            run.stderr.contains("the report is written to a file"),
            "{}",
            run.stderr
        );
        assert!(!archive.path().join("-").exists());
    }
}

#[test]
fn a_report_is_no_answer_by_exit_status_nor_a_list_of_names() {
    for other in ["-q", "-l"] {
        let run = run(&[
            "scan",
            other,
            "--report",
            "report.html",
            "tests/data/archive",
        ]);
        assert_eq!(run.code, 2, "{other}");
        assert!(run.stderr.contains("cannot be used with"), "{}", run.stderr);
    }
    assert!(!common::root().join("report.html").exists());
}

#[test]
fn names_and_lines_from_the_input_are_escaped() {
    let archive = archive();
    let (run, page, _out) = report(archive.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The page's own script is its only one.
    assert_eq!(page.matches("<script").count(), 1);
    assert!(page.contains("&lt;script&gt;alert(&quot;name&quot;)&#39;.log"));
    assert!(page.contains("logs/&lt;b onclick=&quot;x&quot;&gt;&#39;member&#39;&lt;/b&gt;.log"));
    assert!(!page.contains("<b onclick"));
    // A hit's text (a quoted message here) is escaped too; the unit tests
    // of src/render/report.rs give it markup.
    assert!(page.contains(
        "<pre class=\"sample\">The specified property value&#39;s minimum length is not satisfied"
    ));
}

#[test]
fn the_summary_is_printed_only_when_asked_and_as_without_the_report() {
    let archive = archive();
    let path = archive.path().to_str().unwrap();
    let (run, _, _out) = report(archive.path(), &["--summary", "--format", "plain"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        run_summary(&["scan", path, "--summary", "--format", "plain"])
    );
    let (run, page, _out) = report(archive.path(), &["--by", "month", "--format", "plain"]);
    assert_eq!(
        run.stdout,
        run_summary(&["scan", path, "--by", "month", "--format", "plain"])
    );
    assert!(page.contains("tickets per month"));
}

#[test]
fn a_report_left_inside_the_archive_is_not_counted_again() {
    let archive = archive();
    let path = archive.path().to_str().unwrap();
    let before = run_summary(&["scan", path, "--summary", "--format", "plain"]);
    let page = archive.path().join("report.html");
    let write = run(&["scan", path, "--report", page.to_str().unwrap()]);
    assert_eq!(write.code, 0, "{}", write.stderr);
    // The page lists every code: scanned as a ticket, it would add them all.
    let again = run(&["scan", path, "--summary", "--format", "plain"]);
    assert_eq!(again.stdout, before);
    assert_eq!(
        again.stderr.trim(),
        format!("sperr: {}: left out: a report sperr wrote", page.display())
    );
    // Named on its own, it is left out too, and nothing is found.
    let alone = run(&["scan", page.to_str().unwrap()]);
    assert_eq!((alone.code, alone.stdout.as_str()), (1, ""));
    assert!(alone.stderr.contains("left out: a report sperr wrote"));
    // Saved again by an editor, or mailed as an attachment, it is known too.
    let html = std::fs::read_to_string(&page).unwrap();
    let saved = format!(
        "\u{feff}\n{}",
        html.replace("<!DOCTYPE html>", "<!doctype html>")
    );
    let mail = format!(
        "From: lead@example.com\nSubject: weekly report\nMIME-Version: 1.0\n\
         Content-Type: multipart/mixed; boundary=\"XX\"\n\n--XX\nContent-Type: text/plain\n\n\
         One new ticket: error 7100 at login.\n--XX\nContent-Type: text/html\n\
         Content-Disposition: attachment; filename=\"report.html\"\n\n{html}\n--XX--\n"
    );
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(elsewhere.path().join("saved.html"), saved).unwrap();
    std::fs::write(elsewhere.path().join("report.eml"), mail).unwrap();
    let again = run(&[
        "scan",
        elsewhere.path().to_str().unwrap(),
        "--summary",
        "--format",
        "plain",
    ]);
    assert!(
        again.stdout.ends_with("total\t1\t1\tall codes\n"),
        "{}",
        again.stdout
    );
    assert_eq!(
        again
            .stderr
            .matches("left out: a report sperr wrote")
            .count(),
        2
    );
}

fn run_summary(args: &[&str]) -> String {
    let run = run(args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

#[test]
fn without_by_the_period_suits_the_span() {
    // August to November: more than two months, less than a year and a
    // half: weeks.
    let archive = archive();
    let (run, page, _out) = report(archive.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(page.contains("<dt>Counted by</dt><dd>week</dd>"), "{page}");
    assert!(page.contains("tickets per week"));
    assert!(page.contains("<dt>Seen</dt><dd>2016-08-03 to 2016-11-20</dd>"));
    // Two days apart: days.
    let short = tempfile::tempdir().unwrap();
    std::fs::write(
        short.path().join("a.log"),
        "2016-10-18T09:12:44Z ERROR Stormpath 7100\n2016-10-20T09:12:44Z ERROR Stormpath 7100\n",
    )
    .unwrap();
    let (_, page, _out) = report(short.path(), &[]);
    assert!(page.contains("<dt>Counted by</dt><dd>day</dd>"), "{page}");
}

/// Chromium, or None (and a note) where it is not installed; a failure
/// where SPERR_REQUIRE_CHROMIUM=1.
fn chromium(test: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("chromium"))
            .find(|path| path.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("SPERR_REQUIRE_CHROMIUM").is_none_or(|v| v != "1"),
            "{test}: chromium is not on PATH, and SPERR_REQUIRE_CHROMIUM=1"
        );
        eprintln!("skipped {test}: chromium is not installed");
    }
    found
}

/// Runs headless Chromium on `page` with `args`, its profile in a folder
/// of its own; its stdout. Fails after a minute rather than hang.
fn headless(chromium: &Path, args: &[String], page: &Path) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut text).unwrap();
        text
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("chromium ran for a minute on {page:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "chromium: {status}");
    reader.join().unwrap()
}

/// Runs before the page's own script: records every error.
const RECORD_ERRORS: &str = "<script>window.testErrors=[];\
window.onerror=function(m){window.testErrors.push(String(m))};</script>";

/// Runs after it: clicks the Code header, and writes down the rows' codes
/// in their new order, the header's sort state and the errors.
const CLICK_AND_RECORD: &str = "<script>(function(){\
var th=document.querySelector('#summary-table thead th');th.click();\
var codes=Array.from(document.querySelectorAll('#summary-table tbody tr'))\
.map(function(r){return r.cells[0].textContent.trim()});\
document.body.setAttribute('data-test-order',codes.join(' '));\
document.body.setAttribute('data-test-sort',th.getAttribute('aria-sort')||'none');\
document.body.setAttribute('data-test-errors',window.testErrors.join(' | '));\
})();</script>";

/// The value of a `name="..."` attribute in `dom`.
fn attribute<'a>(dom: &'a str, name: &str) -> &'a str {
    let start = dom
        .find(&format!("{name}=\""))
        .unwrap_or_else(|| panic!("no {name} in {dom}"))
        + name.len()
        + 2;
    let end = start + dom[start..].find('"').unwrap();
    &dom[start..end]
}

/// The report of [`archive`] in headless Chromium, after the injected
/// click: the codes of the table's rows as the page wrote them, and the
/// DOM Chromium dumps.
fn in_a_browser(chromium: &Path) -> (Vec<u32>, String) {
    let archive = archive();
    let (run, page, out) = report(archive.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let before: Vec<u32> = page
        .split("<a href=\"#code-")
        .skip(1)
        .filter_map(|s| s.split('"').next()?.parse().ok())
        .collect();
    let copy = page
        .replacen("<head>", &format!("<head>\n{RECORD_ERRORS}"), 1)
        .replacen("</body>", &format!("{CLICK_AND_RECORD}\n</body>"), 1);
    let tested = out.path().join("tested.html");
    std::fs::write(&tested, copy).unwrap();
    let dom = headless(chromium, &["--dump-dom".to_string()], &tested);
    (before, dom)
}

#[test]
fn in_a_browser_a_click_sorts_the_table_and_nothing_fails() {
    let Some(chromium) = chromium("the browser test") else {
        return;
    };
    let (before, dom) = in_a_browser(&chromium);
    assert_eq!(
        attribute(&dom, "data-test-errors"),
        "",
        "errors in the page"
    );
    assert_eq!(attribute(&dom, "data-test-sort"), "ascending");
    let order: Vec<u32> = attribute(&dom, "data-test-order")
        .split(' ')
        .map(|code| code.parse().unwrap())
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted, "the rows sorted by code");
    // The table's rows came most tickets first: the click moved them.
    assert_eq!(before.len(), order.len());
    assert_ne!(before, order, "the click re-sorted the rows");
}

#[test]
fn in_a_browser_the_charts_show() {
    let Some(chromium) = chromium("the browser test") else {
        return;
    };
    let (_, dom) = in_a_browser(&chromium);
    // A chart per category and per code, drawn.
    assert!(dom.matches("<svg class=\"chart\"").count() >= 4, "{dom}");
    assert!(dom.contains("<rect"));
}

#[test]
fn a_screenshot_of_the_page_into_target() {
    let Some(chromium) = chromium("the screenshot test") else {
        return;
    };
    let archive = archive();
    let (run, _, out) = report(archive.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report.png");
    let _ = std::fs::remove_file(&shot);
    headless(
        &chromium,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1200,1600".to_string(),
        ],
        &out.path().join("report.html"),
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert!(png.len() > 10_000, "an empty picture: {} bytes", png.len());
}
