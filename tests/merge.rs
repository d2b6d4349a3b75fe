//! `sperr merge`: shard summaries add up to one scan of the whole. Each
//! case copies fixtures into a temporary folder and runs sperr there, with
//! relative paths, so that the shards' ticket names are the whole's.

mod common;

use std::path::{Path, PathBuf};

/// `sperr` run in `dir`.
fn sperr_in(dir: &Path) -> assert_cmd::Command {
    let mut command = common::sperr();
    command.current_dir(dir);
    command
}

fn run_in<S: AsRef<std::ffi::OsStr>>(dir: &Path, args: &[S]) -> common::Run {
    common::run_with(sperr_in(dir).args(args))
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The files under `dir` (relative to `base`) in the order scan walks
/// them: each directory's entries sorted by name.
fn walk(base: &Path, dir: &Path, files: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(base.join(dir))
        .unwrap()
        .map(|e| e.unwrap())
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = dir.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            walk(base, &path, files);
        } else {
            files.push(path);
        }
    }
}

/// A folder holding copies of tests/data/archive and tests/data/tickets.
fn fixtures() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["archive", "tickets"] {
        copy_tree(&common::data_path(name), &dir.path().join(name));
    }
    dir
}

/// Scans the files of `top` dealt into `shards` shards (by file, in turn,
/// each shard's files in walk order) with `args`, each shard to
/// shard-N.jsonl; returns the shards' names.
fn scan_shards(dir: &Path, top: &[&str], shards: usize, args: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    for top in top {
        walk(dir, Path::new(top), &mut files);
    }
    (0..shards)
        .map(|n| {
            let mine: Vec<&PathBuf> = files.iter().skip(n).step_by(shards).collect();
            let output = sperr_in(dir)
                .args(args)
                .args(["--format", "jsonl"])
                .args(&mine)
                .output()
                .unwrap();
            assert!(output.status.code().unwrap() <= 1, "shard {n}");
            let name = format!("shard-{n}.jsonl");
            std::fs::write(dir.join(&name), output.stdout).unwrap();
            name
        })
        .collect()
}

/// Merging the shards prints what one scan of the whole prints, in every
/// format, with the same exit status.
fn assert_merge_is_the_whole(dir: &Path, shards: &[String], whole: &[&str], args: &[&str]) {
    for format in ["table", "plain", "json", "jsonl"] {
        let scan = common::run_with(
            sperr_in(dir)
                .env("COLUMNS", "100")
                .args(args)
                .args(["--format", format])
                .args(whole),
        );
        // The shards in reverse: the order of the inputs does not matter.
        let merge = common::run_with(
            sperr_in(dir)
                .env("COLUMNS", "100")
                .args(["merge", "--format", format])
                .args(shards.iter().rev()),
        );
        assert_eq!(merge.stdout, scan.stdout, "{args:?} --format {format}");
        assert_eq!((merge.code, scan.code), (0, 0), "{}", merge.stderr);
        assert_eq!(merge.stderr, "");
    }
}

#[test]
fn shards_add_up_to_one_scan_of_the_whole() {
    let dir = fixtures();
    let dir = dir.path();
    let whole = ["archive", "tickets"];
    let shards = scan_shards(dir, &whole, 3, &["scan", "--summary"]);
    assert_merge_is_the_whole(dir, &shards, &whole, &["scan", "--summary"]);
}

#[test]
fn shards_counted_by_month_add_up_to_the_whole() {
    let dir = fixtures();
    let dir = dir.path();
    let whole = ["archive", "tickets"];
    let shards = scan_shards(dir, &whole, 4, &["scan", "--by", "month"]);
    assert_merge_is_the_whole(dir, &shards, &whole, &["scan", "--by", "month"]);
}

/// A code `--absent` lists in one shard and another shard found is a
/// normal row; one no shard found stays absent, after the rest.
/// `merge --report` of shards counted by week writes the page one scan of
/// the whole writes.
#[test]
fn merged_shards_make_the_report_of_the_whole() {
    let dir = fixtures();
    let dir = dir.path();
    copy_tree(&common::data_path("dated"), &dir.join("dated"));
    let whole = ["archive", "dated", "tickets"];
    let args = ["scan", "--by", "week"];
    let shards = scan_shards(dir, &whole, 3, &args);
    let scan = run_in(
        dir,
        &[&args[..], &["--report", "whole.html"], &whole].concat(),
    );
    assert_eq!(scan.code, 0, "{}", scan.stderr);
    let merge = common::run_with(
        sperr_in(dir)
            .args(["merge", "--report", "merged.html"])
            .args(&shards),
    );
    assert_eq!(merge.code, 0, "{}", merge.stderr);
    assert_eq!(merge.stdout, "", "the report instead of the summary");
    let page = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    assert!(page("whole.html").contains("<svg"), "a dated report");
    assert_eq!(page("merged.html"), page("whole.html"));
}

#[test]
fn absent_codes_stay_absent_only_where_no_shard_found_them() {
    let dir = fixtures();
    let dir = dir.path();
    let whole = ["archive", "tickets"];
    let args = ["scan", "--summary", "--code", "71xx", "--absent"];
    let shards = scan_shards(dir, &whole, 3, &args);
    assert_merge_is_the_whole(dir, &shards, &whole, &args);
}

#[test]
fn the_first_hundred_tickets_of_a_code_are_kept_in_path_order() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    // 150 tickets of 7100, and a file and a folder whose names sort
    // differently as strings and as paths (`a.txt` after `a/`).
    for n in 0..150 {
        let sub = dir.join(format!("many/{}", n % 7));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(
            sub.join(format!("t{n:03}.txt")),
            format!("error 7100 in {n}\n"),
        )
        .unwrap();
    }
    std::fs::create_dir_all(dir.join("many/a")).unwrap();
    std::fs::write(dir.join("many/a/b.txt"), "error 7100 first\n").unwrap();
    std::fs::write(dir.join("many/a.txt"), "error 7100 second\n").unwrap();
    let shards = scan_shards(dir, &["many"], 3, &["scan", "--summary"]);
    assert_merge_is_the_whole(dir, &shards, &["many"], &["scan", "--summary"]);
    let merged = run_in(
        dir,
        &[&["merge".to_string(), "--json".into()], &shards[..]].concat(),
    );
    let rows: serde_json::Value = serde_json::from_str(&merged.stdout).unwrap();
    let code = &rows[0];
    assert_eq!(code["tickets"], 152);
    let names = code["named_tickets"].as_array().unwrap();
    assert_eq!(names.len(), 100);
    assert_eq!(names[0]["file"], "many/0/t000.txt");
    assert_eq!(code["sample"], "error 7100");
}

/// Runs `sperr merge ARGS` in `dir` and asserts that it is refused: exit
/// 2, nothing on stdout, one line on stderr, which holds `says`.
fn assert_refused(dir: &Path, args: &[&str], says: &str) {
    let run = run_in(dir, &[&["merge"], args].concat());
    assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
    assert_eq!(run.stdout, "", "{args:?}");
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
}

#[test]
fn mixed_versions_and_periods_and_malformed_lines_are_refused() {
    let dir = fixtures();
    let dir = dir.path();
    let summary = scan_shards(dir, &["archive"], 1, &["scan", "--summary"]).remove(0);
    std::fs::rename(dir.join(&summary), dir.join("summary.jsonl")).unwrap();
    let month = scan_shards(dir, &["archive"], 1, &["scan", "--by", "month"]).remove(0);
    std::fs::rename(dir.join(&month), dir.join("month.jsonl")).unwrap();
    let text = std::fs::read_to_string(dir.join("summary.jsonl")).unwrap();
    let other = text.replace("\"format_version\":2", "\"format_version\":3");
    assert_ne!(other, text);
    std::fs::write(dir.join("v3.jsonl"), other).unwrap();
    assert_refused(
        dir,
        &["summary.jsonl", "v3.jsonl"],
        "v3.jsonl:6: a summary of format_version 3",
    );
    assert_refused(
        dir,
        &["summary.jsonl", "month.jsonl"],
        "month.jsonl:6: counted by month, but summary.jsonl without --by",
    );
    std::fs::write(
        dir.join("bad.jsonl"),
        format!("{{\"kind\": \"code\"\n{text}"),
    )
    .unwrap();
    assert_refused(
        dir,
        &["summary.jsonl", "bad.jsonl"],
        "bad.jsonl:1: not a summary row",
    );
    let no_version = text.replace(",\"format_version\":2", "");
    std::fs::write(dir.join("old.jsonl"), no_version).unwrap();
    assert_refused(
        dir,
        &["old.jsonl"],
        "old.jsonl:6: a total row without format_version",
    );
    std::fs::write(dir.join("hits.jsonl"), "").unwrap();
    assert_refused(dir, &["hits.jsonl"], "hits.jsonl: holds no summary");
    assert_refused(dir, &["missing.jsonl"], "missing.jsonl: ");
}

#[test]
fn a_dash_reads_stdin_and_concatenated_summaries_add_up() {
    let dir = fixtures();
    let dir = dir.path();
    let shards = scan_shards(dir, &["archive"], 2, &["scan", "--summary"]);
    let whole = run_in(dir, &["scan", "--summary", "archive"]);
    let first = std::fs::read(dir.join(&shards[0])).unwrap();
    let run = common::run_with(
        sperr_in(dir)
            .args(["merge", "-", &shards[1]])
            .write_stdin(first.clone()),
    );
    assert_eq!((run.stdout.as_str(), run.code), (whole.stdout.as_str(), 0));
    // Both shards in one stream, as `cat` or xargs running scan twice
    // make them.
    let both = [first, std::fs::read(dir.join(&shards[1])).unwrap()].concat();
    let run = common::run_with(sperr_in(dir).args(["merge", "-"]).write_stdin(both));
    assert_eq!(run.stdout, whole.stdout);
}

#[test]
fn a_shard_named_twice_is_added_once() {
    let dir = fixtures();
    let dir = dir.path();
    let shards = scan_shards(dir, &["archive"], 2, &["scan", "--summary"]);
    let whole = run_in(dir, &["scan", "--summary", "archive"]);
    let again = format!("./{}", shards[0]);
    let run = run_in(dir, &["merge", &shards[0], &shards[1], &again]);
    assert_eq!((run.stdout.as_str(), run.code), (whole.stdout.as_str(), 0));
    assert_eq!(
        run.stderr,
        format!("sperr: {again} is named twice; added once\n")
    );
}

#[test]
fn shards_with_no_code_merge_to_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    std::fs::write(dir.join("quiet.txt"), "all is well\n").unwrap();
    let shards = scan_shards(dir, &["."], 1, &["scan", "--summary"]);
    let run = run_in(dir, &["merge", "--format", "plain", &shards[0]]);
    assert_eq!(
        (run.stdout.as_str(), run.code),
        ("total\t0\t0\tall codes\n", 1)
    );
}

/// The README's GNU parallel recipe, run as written (the first `sh` block
/// of its section "Summaries that add up"), where `parallel` is installed;
/// CI installs it and sets SPERR_REQUIRE_PARALLEL=1 so that it never skips.
#[test]
fn the_readmes_parallel_recipe_adds_up() {
    let has_parallel = std::process::Command::new("parallel")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_parallel {
        assert!(
            std::env::var_os("SPERR_REQUIRE_PARALLEL").is_none_or(|v| v != "1"),
            "SPERR_REQUIRE_PARALLEL=1, but GNU parallel is not on PATH"
        );
        eprintln!("skipped: GNU parallel is not installed");
        return;
    }
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let section = readme
        .split("### Summaries that add up")
        .nth(1)
        .expect("the README's section");
    let recipe = section
        .split("```sh\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("an sh block");
    assert!(recipe.contains("parallel") && recipe.contains("sperr merge"));
    let dir = fixtures();
    let dir = dir.path();
    let bin_dir = common::bin().parent().unwrap().to_path_buf();
    let path = std::env::join_paths(
        std::iter::once(bin_dir).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let output = std::process::Command::new("bash")
        .args(["-euo", "pipefail", "-c", recipe])
        .current_dir(dir)
        .env("PATH", path)
        // parallel keeps its state under $HOME.
        .env("HOME", dir)
        .env("LC_ALL", "C.UTF-8")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let whole = run_in(dir, &["scan", "--summary", "archive"]);
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        whole.stdout,
        "{stderr}"
    );
    let shards = std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("shard-")
        })
        .count();
    assert!(shards >= 1, "the recipe made no shard");
}

/// The README's two shards (tests/data/merge/) are what scan writes for
/// their halves of tests/data/archive today. `SPERR_BLESS=1` rewrites them.
#[test]
fn the_readmes_shards_are_what_scan_writes() {
    for (file, paths) in [
        ("logs.jsonl", &["tests/data/archive/logs"][..]),
        (
            "rest.jsonl",
            &[
                "tests/data/archive/support-bundle.zip",
                "tests/data/archive/tickets",
            ][..],
        ),
    ] {
        let run = common::run_with(
            common::sperr()
                .args(["scan", "--summary", "--format", "jsonl"])
                .args(paths),
        );
        let path = common::data_path("merge").join(file);
        if std::env::var_os("SPERR_BLESS").is_some() {
            std::fs::write(&path, &run.stdout).unwrap();
        }
        let checked_in = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            checked_in, run.stdout,
            "{file} is out of date: run `SPERR_BLESS=1 cargo test --test merge`"
        );
    }
}
