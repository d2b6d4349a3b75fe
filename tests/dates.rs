//! When hits happened: each date form the input may give (`time` in JSON),
//! and `scan --by` in every format. Fixtures: tests/data/dated, one file a
//! form.

mod common;

use common::{run, stdin_run};
use serde_json::Value;
use std::collections::BTreeSet;

/// (file, line, code, time) of each hit of `scan --format jsonl ARGS`.
fn times(args: &[&str]) -> BTreeSet<(String, u64, u64, String)> {
    let mut all = vec!["scan", "--format", "jsonl"];
    all.extend(args);
    let out = run(&all);
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
        .lines()
        .map(|line| {
            let hit: Value = serde_json::from_str(line).unwrap();
            let file = hit["file"].as_str().unwrap();
            let name = file.rsplit('/').next().unwrap().to_string();
            let time = match &hit["time"] {
                Value::Null => "null".to_string(),
                time => time.as_str().unwrap().to_string(),
            };
            (
                name,
                hit["line"].as_u64().unwrap(),
                hit["code"].as_u64().unwrap(),
                time,
            )
        })
        .collect()
}

fn hit(file: &str, line: u64, code: u64, time: &str) -> (String, u64, u64, String) {
    (file.into(), line, code, time.into())
}

#[test]
fn every_date_form_gives_its_hits_their_time() {
    let found = times(&["tests/data/dated"]);
    for expected in [
        // ISO 8601 with Log4j's comma; a stack trace takes its opener's.
        hit("app.log", 1, 7100, "2016-10-18T09:12:44.301Z"),
        hit("app.log", 2, 7100, "2016-10-18T09:12:44.301Z"),
        hit("app.log", 4, 7103, "2016-11-02T10:00:00Z"),
        // A rotated, compressed log.
        hit("app.log.2.gz", 1, 7103, "2016-09-30T23:59:00Z"),
        // Apache's, with its zone.
        hit("access.log", 1, 7100, "2016-10-18T09:12:44Z"),
        // JSON logs: epoch seconds and milliseconds, Docker's, journald's.
        hit("events.jsonl", 1, 7100, "2016-10-18T09:12:44Z"),
        hit("events.jsonl", 2, 7101, "2016-11-17T11:00:00Z"),
        hit("docker.log", 1, 7104, "2016-12-05T08:30:00.123456789Z"),
        hit("journal.log", 1, 7100, "2016-12-06T08:30:00Z"),
        // An export's records, by their creation field.
        hit("export.json", 4, 7100, "2016-10-18T09:12:44Z"),
        hit("export.json", 9, 7104, "2016-12-01T00:00:00Z"),
        // A CSV's rows, by their date column; a row without one is undated.
        hit("tickets.csv", 2, 7100, "2016-10-18T00:00:00Z"),
        hit("tickets.csv", 3, 7101, "2016-11-03T10:00:00Z"),
        hit("tickets.csv", 4, 7102, "null"),
        // An e-mail, by its Date header.
        hit("mail.eml", 6, 7100, "2016-10-18T09:12:44Z"),
    ] {
        assert!(found.contains(&expected), "{expected:?} not in {found:#?}");
    }
}

#[test]
fn syslog_takes_its_year_from_the_file_and_rolls_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("syslog");
    std::fs::copy(common::data_path("dated/syslog"), &path).unwrap();
    let written: std::time::SystemTime = "2017-01-05T00:00:00Z"
        .parse::<jiff::Timestamp>()
        .unwrap()
        .into();
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(written).unwrap();
    let found = times(&[path.to_str().unwrap()]);
    // December is the year before the file was written; January follows.
    assert_eq!(
        found.into_iter().collect::<Vec<_>>(),
        [
            hit("syslog", 1, 7100, "2016-12-31T23:59:59Z"),
            hit("syslog", 2, 7101, "2017-01-01T00:00:05Z"),
        ]
    );
    // Without a file, syslog's dates have no year: undated.
    let out = stdin_run(
        &["scan", "--format", "jsonl", "-"],
        common::data("dated/syslog"),
    );
    assert!(out.stdout.lines().all(|l| l.contains(r#""time":null"#)));
}

/// A syslog inside a tar or a zip takes its year from the member's own
/// time, as the archive keeps it, not from the archive's file (written
/// today, when a bundle was made for support).
#[test]
fn a_syslog_in_a_bundle_takes_its_year_from_its_member() {
    let dir = tempfile::tempdir().unwrap();
    let syslog = common::data_bytes("dated/syslog");
    let written = "2017-01-05T00:00:00Z".parse::<jiff::Timestamp>().unwrap();
    let mut header = tar::Header::new_gnu();
    header.set_size(syslog.len() as u64);
    header.set_mode(0o644);
    header.set_mtime(written.as_second() as u64);
    let mut tar = tar::Builder::new(Vec::new());
    tar.append_data(&mut header, "logs/syslog", &syslog[..])
        .unwrap();
    std::fs::write(dir.path().join("logs.tar"), tar.into_inner().unwrap()).unwrap();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let time = zip::DateTime::from_date_and_time(2017, 1, 5, 0, 0, 0).unwrap();
    let options = zip::write::SimpleFileOptions::default().last_modified_time(time);
    zip.start_file("logs/syslog", options).unwrap();
    std::io::Write::write_all(&mut zip, &syslog).unwrap();
    let zipped = zip.finish().unwrap().into_inner();
    std::fs::write(dir.path().join("logs.zip"), zipped).unwrap();
    for bundle in ["logs.tar", "logs.zip"] {
        let found = times(&[dir.path().join(bundle).to_str().unwrap()]);
        assert_eq!(
            found.into_iter().collect::<Vec<_>>(),
            [
                hit(bundle, 1, 7100, "2016-12-31T23:59:59Z"),
                hit(bundle, 2, 7101, "2017-01-01T00:00:05Z"),
            ]
        );
    }
}

#[test]
fn by_month_in_plain_counts_each_period_and_the_undated() {
    let out = run(&["scan", "--by", "month", "tests/data/dated/tickets.csv"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let message = |code: &str| {
        let out = run(&["show", "--format", "json", code]);
        let entries: Value = serde_json::from_str(&out.stdout).unwrap();
        entries[0]["message"].as_str().unwrap().to_string()
    };
    let expected = format!(
        "7100\t2016-10\t1\t1\t{}\n\
         7101\t2016-11\t1\t1\t{}\n\
         7102\tundated\t1\t1\t{}\n\
         7XXX\t2016-10\t1\t1\tAccount\n\
         7XXX\t2016-11\t1\t1\tAccount\n\
         7XXX\tundated\t1\t1\tAccount\n\
         total\t2016-10\t1\t1\tall codes\n\
         total\t2016-11\t1\t1\tall codes\n\
         total\tundated\t1\t1\tall codes\n",
        message("7100"),
        message("7101"),
        message("7102")
    );
    assert_eq!(out.stdout, expected);
}

#[test]
fn by_week_and_day_name_their_periods() {
    let out = run(&["scan", "--by", "week", "tests/data/dated/app.log"]);
    let periods: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("total\t"))
        .map(|l| l.split('\t').nth(1).unwrap())
        .collect();
    assert_eq!(periods, ["2016-W42", "2016-W44"]);
    let out = run(&["scan", "--by", "day", "tests/data/dated/app.log"]);
    assert!(
        out.stdout.starts_with("7100\t2016-10-18\t1\t2\t"),
        "{}",
        out.stdout
    );
}

#[test]
fn by_month_in_json_carries_periods_and_first_and_last_seen() {
    for format in ["json", "jsonl"] {
        let out = run(&[
            "scan",
            "--by",
            "month",
            "--format",
            format,
            "tests/data/dated",
        ]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let rows: Vec<Value> = match format {
            "json" => serde_json::from_str(&out.stdout).unwrap(),
            _ => out
                .stdout
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect(),
        };
        let code = rows.iter().find(|r| r["code"] == 7103).unwrap();
        assert_eq!(code["first_seen"], "2016-09-30T23:59:00Z");
        assert_eq!(code["last_seen"], "2016-11-02T10:00:00Z");
        assert_eq!(
            code["periods"],
            serde_json::json!([
                {"period": "2016-09", "tickets": 1, "sightings": 1},
                {"period": "2016-11", "tickets": 1, "sightings": 1},
            ])
        );
        let total = rows.last().unwrap();
        assert_eq!(total["kind"], "total");
        assert_eq!(total["by"], "month");
        let undated = total["periods"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["period"] == "undated")
            .unwrap();
        // tickets.csv's row without a date (the syslog is a file: dated).
        assert_eq!(undated["sightings"], 1);
    }
}

#[test]
fn by_month_in_a_table_draws_a_sparkline_and_first_and_last_seen() {
    // Wide enough for every column.
    let out = common::run_with(common::sperr().env("COLUMNS", "140").args([
        "scan",
        "--by",
        "month",
        "--format",
        "table",
        "tests/data/dated/app.log",
        "tests/data/dated/app.log.2.gz",
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("Tickets per month"), "{}", out.stdout);
    assert!(out.stdout.contains("First seen"), "{}", out.stdout);
    // 7103: September and November, none in October.
    let row = out.stdout.lines().find(|l| l.contains(" 7103 ")).unwrap();
    assert!(row.contains("█ █"), "{row}");
    assert!(
        row.contains("2016-09-30") && row.contains("2016-11-02"),
        "{row}"
    );
    assert!(out.stdout.contains("Periods (UTC): 2016-09 to 2016-11"));
}

#[test]
fn by_is_refused_where_it_means_nothing() {
    let out = run(&["scan", "--by", "year", "tests/data/dated"]);
    assert_eq!(out.code, 2);
    let out = run(&["scan", "--by", "month", "-q", "tests/data/dated"]);
    assert_eq!(out.code, 2);
}

#[test]
fn a_json_summary_says_when_each_code_was_first_and_last_seen() {
    let out = run(&[
        "scan",
        "--summary",
        "--format",
        "jsonl",
        "tests/data/dated/app.log",
        "tests/data/dated/app.log.2.gz",
    ]);
    let rows: Vec<Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let code = rows.iter().find(|r| r["code"] == 7103).unwrap();
    assert_eq!(code["first_seen"], "2016-09-30T23:59:00Z");
    assert_eq!(code["last_seen"], "2016-11-02T10:00:00Z");
    assert!(code.get("periods").is_none(), "periods only with --by");
}
