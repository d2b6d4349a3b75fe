//! `scan` over support archives as they really come: directory trees,
//! compressed logs, zip and tar bundles, UTF-16, binaries, FIFOs, link
//! loops, damaged files, and streams that stay open. Each case is built in
//! a temporary directory.

mod common;

use common::{run_with, spawn, sperr, stdin_run};
use std::fs;
use std::io::{Read, Write};
use std::path::Path;
use std::time::{Duration, Instant};

/// Runs `sperr scan ARGS` in `dir`; returns stdout, stderr and the status.
fn scan(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let run = run_with(sperr().current_dir(dir).arg("scan").args(args));
    assert_ne!(run.code, -1, "a signal ended sperr: {}", run.stderr);
    (run.stdout, run.stderr, run.code)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn bzip2(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn xz(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = liblzma::write::XzEncoder::new(Vec::new(), 1);
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn zstd(bytes: &[u8]) -> Vec<u8> {
    zstd::encode_all(bytes, 1).unwrap()
}

fn zip(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in members {
        writer.start_file(*name, options).unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// A tar archive; names are written raw, so a test can give any bytes.
fn tar(members: &[(&[u8], &[u8])]) -> Vec<u8> {
    let mut builder = tar::Builder::new(Vec::new());
    for (name, bytes) in members {
        let mut header = tar::Header::new_ustar();
        header.as_ustar_mut().unwrap().name[..name.len()].copy_from_slice(name);
        header.set_size(bytes.len() as u64);
        header.set_mode(0o644);
        header.set_entry_type(tar::EntryType::Regular);
        header.set_cksum();
        builder.append(&header, *bytes).unwrap();
    }
    builder.into_inner().unwrap()
}

/// The `FILE:LINE<TAB>CODE` (or `FILE:MEMBER:LINE<TAB>CODE`) of each line
/// of plain output.
fn places(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .map(|l| l.splitn(3, '\t').take(2).collect::<Vec<_>>().join("\t"))
        .collect()
}

#[test]
fn directories_are_walked_in_order_skipping_hidden_and_ignored_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "tickets/b/2.txt", b"Error 7101\n");
    write(d, "tickets/a.txt", b"note\nError 7100\n");
    write(d, "tickets/b.txt", b"Error 7102\n");
    write(d, "tickets/.hidden.txt", b"Error 7103\n");
    write(d, "tickets/.git-like/x.txt", b"Error 7104\n");
    write(d, "tickets/skip.log", b"Error 7105\n");
    write(d, "tickets/.gitignore", b"*.log\n");
    let (out, _, status) = scan(d, &["tickets"]);
    assert_eq!(status, 0);
    assert_eq!(
        places(&out),
        [
            "tickets/a.txt:2\t7100",
            "tickets/b/2.txt:1\t7101",
            "tickets/b.txt:1\t7102"
        ]
    );
    let (out, _, _) = scan(d, &["--hidden", "tickets"]);
    assert!(out.contains("tickets/.hidden.txt:1\t7103"));
    assert!(out.contains("tickets/.git-like/x.txt:1\t7104"));
    assert!(!out.contains("7105"), "still ignored");
    let (out, _, _) = scan(d, &["--no-ignore", "tickets"]);
    assert!(out.contains("tickets/skip.log:1\t7105") && !out.contains("7103"));
    let (uu, _, _) = scan(d, &["-uu", "tickets"]);
    assert_eq!(places(&uu).len(), 6);
    let (out, _, _) = scan(d, &["-g", "*.txt", "-g", "!b.txt", "tickets"]);
    // As in ripgrep, a file a glob names is scanned even when hidden.
    assert_eq!(
        places(&out),
        [
            "tickets/.hidden.txt:1\t7103",
            "tickets/a.txt:2\t7100",
            "tickets/b/2.txt:1\t7101"
        ]
    );
    let (out, _, _) = scan(d, &["-g", "!*.txt", "--no-ignore", "tickets"]);
    assert_eq!(places(&out), ["tickets/skip.log:1\t7105"]);
    let (out, _, _) = scan(d, &["--max-depth", "1", "tickets"]);
    assert_eq!(
        places(&out),
        ["tickets/a.txt:2\t7100", "tickets/b.txt:1\t7102"]
    );
    // Named paths come in the order given.
    let (out, _, _) = scan(d, &["tickets/b.txt", "tickets/a.txt"]);
    assert_eq!(
        places(&out),
        ["tickets/b.txt:1\t7102", "tickets/a.txt:2\t7100"]
    );
}

#[test]
fn compressed_files_are_read_by_their_content_not_their_name() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "logs/1.log.gz", &gzip(b"Error 7100\n"));
    write(d, "logs/2.log.bz2", &bzip2(b"Error 7101\n"));
    write(d, "logs/3.log.xz", &xz(b"Error 7102\n"));
    write(d, "logs/4.log.zst", &zstd(b"Error 7103\n"));
    write(d, "logs/5-gzip-named.txt", &gzip(b"line\nError 7104\n"));
    let mut two_members = gzip(b"Error 7105\n");
    two_members.extend(gzip(b"Error 7106\n"));
    write(d, "logs/6-multi.gz", &two_members);
    let (out, err, status) = scan(d, &["logs"]);
    assert_eq!((status, err.as_str()), (0, ""));
    assert_eq!(
        places(&out),
        [
            "logs/1.log.gz:1\t7100",
            "logs/2.log.bz2:1\t7101",
            "logs/3.log.xz:1\t7102",
            "logs/4.log.zst:1\t7103",
            "logs/5-gzip-named.txt:2\t7104",
            "logs/6-multi.gz:1\t7105",
            "logs/6-multi.gz:2\t7106",
        ]
    );
}

#[test]
fn bundle_members_are_named_and_bundles_open_inside_bundles() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let inner = zip(&[("deep.log", b"x\nError 2001\n")]);
    let outer = tar(&[
        (b"logs/app.log", b"a\nb\nError 7102\n"),
        (b"inner.zip", &inner),
    ]);
    write(d, "bundle.tar.gz", &gzip(&outer));
    write(
        d,
        "bundle.zip",
        &zip(&[
            ("logs/app.log", b"a\nError 7102\n"),
            ("notes.txt", b"none\n"),
        ]),
    );
    let (out, _, status) = scan(d, &["bundle.zip", "bundle.tar.gz"]);
    assert_eq!(status, 0);
    assert_eq!(
        places(&out),
        [
            "bundle.zip:logs/app.log:2\t7102",
            "bundle.tar.gz:logs/app.log:3\t7102",
            "bundle.tar.gz:inner.zip:deep.log:2\t2001",
        ]
    );
    let (json, _, _) = scan(d, &["--format", "json", "bundle.tar.gz"]);
    let hits: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(hits[1]["file"], "bundle.tar.gz");
    assert_eq!(hits[1]["member"], "inner.zip:deep.log");
    let (plain_file, _, _) = scan(d, &["--format", "json", "bundle.zip"]);
    let hits: serde_json::Value = serde_json::from_str(&plain_file).unwrap();
    assert_eq!(hits[0]["member"], "logs/app.log");
}

#[test]
fn a_zip_on_stdin_and_office_files_are_opened() {
    let bundle = zip(&[("word/document.xml", b"<w:t>Error 7100</w:t>")]);
    assert_eq!(
        stdin_run(&["scan", "-"], bundle).stdout,
        "-:word/document.xml:1\t7100\tLogin attempt failed because the specified password is incorrect.\n"
    );
}

#[test]
fn explain_says_which_member_of_a_bundle_on_stdin_holds_each_code() {
    let bundle = gzip(&tar(&[
        (b"t/a.txt", b"x\nerror 7100\n"),
        (b"t/b.txt", b"error 7101\n"),
    ]));
    let out = stdin_run(&["explain", "-"], bundle.clone()).stdout;
    assert!(
        out.contains("Seen in the input\n    t/a.txt, line 2: error 7100\n"),
        "{out}"
    );
    assert!(
        out.contains("Seen in the input\n    t/b.txt, line 1: error 7101\n"),
        "{out}"
    );
    let json = stdin_run(&["explain", "--format", "json", "-"], bundle).stdout;
    let entries: serde_json::Value = serde_json::from_str(&json).unwrap();
    let seen = |i: usize| entries[i]["seen"][0].clone();
    assert_eq!(
        (seen(0)["code"].clone(), seen(0)["member"].clone()),
        (7100.into(), "t/a.txt".into())
    );
    assert_eq!(seen(1)["member"], "t/b.txt");
    assert_eq!(seen(1)["file"], "-");
}

#[test]
fn utf16_is_transcoded_and_binary_files_are_skipped_while_walking() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut utf16 = vec![0xff, 0xfe];
    for ticket in "first\r\nError 7103\r\n".encode_utf16() {
        utf16.extend(ticket.to_le_bytes());
    }
    write(d, "t/utf16.txt", &utf16);
    write(d, "t/program.bin", b"\x7fELF\x00\x00\x00 Error 7100\n");
    let (out, _, _) = scan(d, &["t"]);
    assert_eq!(places(&out), ["t/utf16.txt:2\t7103"]);
    let (out, _, _) = scan(d, &["-uuu", "t"]);
    assert_eq!(
        places(&out),
        ["t/program.bin:1\t7100", "t/utf16.txt:2\t7103"]
    );
    let (out, _, _) = scan(d, &["t/program.bin"]);
    assert_eq!(places(&out), ["t/program.bin:1\t7100"], "named, it is read");
}

#[cfg(unix)]
#[test]
fn fifos_are_skipped_while_walking_and_read_when_named() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "t/a.txt", b"Error 7100\n");
    let fifo = d.join("t/pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // Walking never opens the FIFO, so nothing blocks on it.
    let (out, _, status) = scan(d, &["t"]);
    assert_eq!(
        (places(&out), status),
        (vec!["t/a.txt:1\t7100".to_string()], 0)
    );
    let writer = std::thread::spawn(move || fs::write(fifo, b"Error 7101\n").unwrap());
    let (out, _, _) = scan(d, &["t/pipe"]);
    writer.join().unwrap();
    assert_eq!(places(&out), ["t/pipe:1\t7101"]);
}

#[cfg(unix)]
#[test]
fn a_link_loop_is_reported_once_and_never_followed_forever() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "t/sub/a.txt", b"Error 7100\n");
    std::os::unix::fs::symlink("..", d.join("t/sub/up")).unwrap();
    std::os::unix::fs::symlink("sub/a.txt", d.join("t/link.txt")).unwrap();
    let (out, err, status) = scan(d, &["t"]);
    assert_eq!(places(&out), ["t/sub/a.txt:1\t7100"], "links not followed");
    assert_eq!((err.as_str(), status), ("", 0));
    let (out, err, status) = scan(d, &["-L", "t"]);
    assert_eq!(places(&out), ["t/link.txt:1\t7100", "t/sub/a.txt:1\t7100"]);
    assert_eq!(err.matches("loop").count(), 1, "{err}");
    assert_eq!(status, 0);
}

#[test]
fn damaged_files_are_reported_and_every_other_hit_is_printed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let whole = gzip(&b"Error 7100\n".repeat(2000));
    write(d, "t/1-cut.gz", &whole[..whole.len() / 2]);
    write(d, "t/2-bad.zip", b"PK\x03\x04 this is not a zip");
    write(d, "t/3-fine.txt", b"Error 7101\n");
    let (out, err, status) = scan(d, &["t", "t/missing.txt"]);
    assert_eq!(status, 2);
    assert!(out.contains("t/3-fine.txt:1\t7101"));
    assert!(out.contains("t/1-cut.gz:1\t7100"), "hits before the cut");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(lines.iter().any(|l| l.starts_with("sperr: t/1-cut.gz: ")));
    assert!(lines.iter().any(|l| l.starts_with("sperr: t/2-bad.zip: ")));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("sperr: t/missing.txt: "))
    );
}

#[test]
fn member_names_are_escaped_and_never_used_to_open_anything() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let bundle = tar(&[
        (b"../../escape.log", b"Error 7100\n"),
        (b"bad\tname\x1b[31m\xff.log", b"Error 7101\n"),
    ]);
    write(d, "b.tar", &bundle);
    let (out, _, _) = scan(d, &["b.tar"]);
    assert_eq!(
        places(&out),
        [
            "b.tar:../../escape.log:1\t7100",
            "b.tar:bad\\tname\\x1b[31m\\xff.log:1\t7101"
        ]
    );
    assert!(!d.parent().unwrap().join("escape.log").exists());
    let (json, _, _) = scan(d, &["--json", "b.tar"]);
    let hits: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(hits[1]["member"], "bad\\tname\\x1b[31m\\xff.log");
}

#[test]
fn nesting_and_expansion_stop_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut nested = b"Error 7100\n".to_vec();
    for _ in 0..5 {
        nested = gzip(&nested);
    }
    write(d, "deep.gz", &nested);
    let (out, err, status) = scan(d, &["deep.gz"]);
    assert_eq!(out, "");
    assert!(err.contains("compressed more than 3 times over"), "{err}");
    assert_eq!(status, 2);
    write(d, "big.gz", &gzip(&b"Error 7100\n".repeat(10_000)));
    let (out, err, _) = scan(d, &["--max-expand", "1K", "big.gz"]);
    assert!(err.contains("stopped after 1K decompressed"), "{err}");
    assert!(out.lines().count() < 100);
}

#[test]
fn threads_change_nothing_in_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for i in 0..60 {
        let body = format!("{}Error {}\n", "filler line\n".repeat(i * 50), 7100 + i % 8);
        write(d, &format!("t/{i:02}.txt"), body.as_bytes());
    }
    write(d, "t/z.gz", &gzip(b"Error 2001\n"));
    for format in ["plain", "json", "jsonl"] {
        let (one, _, _) = scan(d, &["-j", "1", "--format", format, "t"]);
        let (many, _, _) = scan(d, &["-j", "4", "--format", format, "t"]);
        let (default, _, _) = scan(d, &["--format", format, "t"]);
        assert_eq!(one, many, "{format}");
        assert_eq!(one, default, "{format}");
        let hits = one
            .lines()
            .filter(|l| l.contains(".txt") || l.contains(".gz"));
        assert_eq!(hits.count(), 61, "{format}");
    }
}

#[test]
fn a_large_log_read_in_parts_on_several_threads_gives_one_threads_output() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Over 4 MB: read in parts of 2 MB; tables and lists run across part
    // ends.
    let mut log = Vec::new();
    let mut i = 0;
    while log.len() < 4_300_000 {
        let line = match i % 5 {
            0 => "| Code | Count |\n|---|---|\n| 7100 | 3 |\n\n".to_string(),
            1 => "## Stormpath errors we saw\n\n- 7101\n- 7102\n\n".to_string(),
            2 => format!("ERROR 2016-10-18 request {i} failed: Stormpath error 2001\n"),
            _ => format!("INFO request {i} served in 12 ms on port 8080\n"),
        };
        log.extend_from_slice(line.as_bytes());
        i += 1;
    }
    write(d, "app.log", &log);
    let (one, _, _) = scan(d, &["-j", "1", "app.log"]);
    let (two, stats, _) = scan(d, &["-j", "2", "--stats", "app.log"]);
    assert_eq!(one, two);
    assert_eq!(one.lines().count(), i / 5 * 4 + [0, 1, 3, 4, 4][i % 5]);
    assert!(
        stats.contains(&format!("{} bytes scanned", log.len())),
        "{stats}"
    );
    let (one, _, _) = scan(d, &["-j", "1", "--summary", "app.log"]);
    let (two, _, _) = scan(d, &["-j", "2", "--summary", "app.log"]);
    assert_eq!(one, two);
}

#[test]
fn prose_that_opens_a_large_text_reaches_its_parts_on_other_threads() {
    // Read in parts, the line that says the text is about error codes
    // stands in the first part only; the sentence that names a code by
    // its verb stands in the last.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut log = b"Stormpath error codes seen: 7100, 7103\n".to_vec();
    let mut i = 0;
    while log.len() < 4_300_000 {
        log.extend_from_slice(format!("INFO request {i} served in 12 ms\n").as_bytes());
        i += 1;
    }
    log.extend_from_slice(b"and the worker now gets 7101 on every retry\n");
    write(d, "app.log", &log);
    let (one, _, _) = scan(d, &["-j", "1", "app.log"]);
    let (two, _, _) = scan(d, &["-j", "2", "app.log"]);
    assert_eq!(one, two);
    let codes: Vec<&str> = one.lines().map(|l| l.split('\t').nth(1).unwrap()).collect();
    assert_eq!(codes, ["7100", "7103", "7101"]);
}

#[test]
fn jsonl_is_one_object_a_line_and_json_one_array() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", b"Error 7100 and Error 7101\n");
    write(d, "b.txt", b"Error 7299\n");
    let (out, _, _) = scan(d, &["--format", "jsonl", "a.txt", "b.txt"]);
    let objects: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(objects.len(), 3);
    assert_eq!(objects[2]["code"], 7299);
    assert_eq!(objects[2]["known"], false);
    let (out, _, _) = scan(d, &["--json", "a.txt", "b.txt"]);
    let array: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(array, objects);
    let (empty, _, status) = scan(d, &["--json", "--code", "2001", "a.txt"]);
    assert_eq!((empty.as_str(), status), ("[]\n", 1));
}

#[test]
fn the_summary_counts_tickets_and_sightings() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let body = r#"{
  "status": 400,
  "code": 7100,
  "message": "Login attempt failed because the specified password is incorrect.",
  "developerMessage": "Login attempt failed because the specified password is incorrect.",
  "moreInfo": "https://docs.stormpath.com/rest/product-guide/latest/errors.html#error-7100"
}
"#;
    write(d, "t/body.json", body.as_bytes());
    write(
        d,
        "t/export.jsonl",
        b"{\"id\": 1, \"text\": \"Error 7100\"}\n{\"id\": 2, \"text\": \"Error 7100 again, Error 7299\"}\n",
    );
    write(d, "t/notes.txt", b"Error 7101\nError 7101\n");
    let (out, _, status) = scan(d, &["--summary", "t"]);
    assert_eq!(status, 0);
    assert_eq!(
        out,
        "7100\t3\t3\tLogin attempt failed because the specified password is incorrect.\n\
         7101\t1\t2\tLogin attempt failed because the Account is disabled.\n\
         7299\t1\t1\t(not in the catalog)\n\
         7XXX\t4\t5\tAccount\n\
         total\t4\t6\tall codes\n"
    );
    // One shape in every format: code rows, category rows, the total.
    let (json, _, _) = scan(d, &["--summary", "--json", "t"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let kinds: Vec<&str> = rows.iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["code", "code", "code", "category", "total"]);
    assert_eq!(rows[2]["code"], 7299);
    assert_eq!(rows[2]["known"], false);
    assert_eq!(rows[2]["category"], serde_json::Value::Null);
    assert_eq!(rows[0]["tickets"], 3);
    assert_eq!(rows[0]["sightings"], 3);
    assert_eq!(rows[3]["range"], "7XXX");
    assert_eq!(rows[3]["category"], "Account");
    assert_eq!(
        (&rows[4]["tickets"], &rows[4]["sightings"]),
        (&4.into(), &6.into())
    );
    let (lines, _, _) = scan(d, &["--summary", "--format", "jsonl", "t"]);
    let lines: Vec<serde_json::Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines, rows);
}

/// JSON names a file by its real path, however plain output escapes it;
/// a path that is not UTF-8 keeps its bytes.
#[cfg(unix)]
#[test]
fn json_gives_the_real_path() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "t/a\tb.log", b"Error 7100\n");
    let odd = std::ffi::OsStr::from_bytes(b"t/c\xff.log");
    std::fs::write(d.join(odd), b"Error 7101\n").unwrap();
    let (plain, _, _) = scan(d, &["t"]);
    assert!(plain.contains("t/a\\tb.log:1\t7100"), "{plain}");
    assert!(plain.contains("t/c\\xff.log:1\t7101"), "{plain}");
    for args in [
        &["--format", "jsonl", "t"][..],
        &["-l", "--format", "jsonl", "t"],
    ] {
        let (out, _, _) = scan(d, args);
        let hits: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(hits[0]["file"], "t/a\tb.log");
        assert!(hits[0].get("file_bytes").is_none());
        assert_eq!(hits[1]["file"], "t/c\u{fffd}.log");
        let bytes: Vec<u8> = hits[1]["file_bytes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b.as_u64().unwrap() as u8)
            .collect();
        assert_eq!(bytes, b"t/c\xff.log");
    }
    // A summary names its tickets by the same real paths, and a merge of
    // it keeps them.
    let (summary, _, _) = scan(d, &["--summary", "--format", "jsonl", "t"]);
    std::fs::write(d.join("shard.jsonl"), &summary).unwrap();
    let merged = sperr()
        .args(["merge", "--format", "jsonl", "shard.jsonl"])
        .current_dir(d)
        .output()
        .unwrap();
    for out in [summary, String::from_utf8(merged.stdout).unwrap()] {
        let rows: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let named = |code: u64| {
            let row = rows.iter().find(|r| r["code"] == code).unwrap();
            row["named_tickets"][0].clone()
        };
        assert_eq!(named(7100)["file"], "t/a\tb.log", "{out}");
        assert_eq!(named(7101)["file"], "t/c\u{fffd}.log", "{out}");
        assert_eq!(named(7101)["file_bytes"][3], 0xff, "{out}");
    }
}

#[test]
fn files_with_matches_quiet_and_code_filters() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "t/a.txt", b"Error 7100\nError 7100\n");
    write(d, "t/b.txt", b"Error 2001\n");
    write(d, "t/c.zip", &zip(&[("in/x.log", b"Error 7100\n")]));
    let (out, _, status) = scan(d, &["-l", "--code", "7100", "t"]);
    assert_eq!((out.as_str(), status), ("t/a.txt\nt/c.zip:in/x.log\n", 0));
    let (out, _, status) = scan(d, &["-l", "--code", "account", "t/b.txt"]);
    assert_eq!((out.as_str(), status), ("", 1));
    let (out, _, status) = scan(d, &["-q", "t"]);
    assert_eq!((out.as_str(), status), ("", 0));
    let (_, _, status) = scan(d, &["-q", "--code", "13xxx", "t"]);
    assert_eq!(status, 1);
    let (_, err, status) = scan(d, &["--code", "nonsense", "t"]);
    assert_eq!(status, 2);
    assert!(err.starts_with("sperr: --code \"nonsense\""), "{err}");
    assert!(err.trim_end().ends_with(", or a category name"), "{err}");
    // A hint that names the code meant is a sentence of its own.
    let (_, err, _) = scan(d, &["--code", "71OO", "t"]);
    assert!(
        err.trim_end().ends_with("(zeros, not the letter O)?"),
        "{err}"
    );
    // A selector that names no code of the reference is likely a slip:
    // the scan says so, and goes on for the codes it does not know.
    write(d, "t/d.txt", b"Stormpath error 9912\n");
    let (out, err, status) = scan(d, &["-l", "--code", "99xx", "t"]);
    assert_eq!((out.as_str(), status), ("t/d.txt\n", 0));
    assert_eq!(
        err,
        "sperr: --code 99xx: no error in the reference matches 99xx; codes run from 1100 to 13113; scanning for it anyway\n"
    );
    let (_, err, _) = scan(d, &["-q", "--code", "7100,7101", "t"]);
    assert_eq!(err, "");
}

/// `sperr scan` reading a pipe, its stdout and stderr piped too.
fn scan_on_a_pipe() -> std::process::Child {
    spawn(&["scan"])
}

/// `tail -f app.log | sperr scan`: each hit comes out while the pipe is
/// still open.
#[test]
fn hits_stream_from_a_pipe_that_stays_open() {
    let mut child = scan_on_a_pipe();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    stdin.write_all(b"starting\nError 7100\n").unwrap();
    stdin.flush().unwrap();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut byte = [0u8; 1];
        while stdout.read(&mut byte).unwrap_or(0) == 1 {
            seen.push(byte[0]);
            if byte[0] == b'\n' {
                let _ = sender.send(String::from_utf8_lossy(&seen).into_owned());
                seen.clear();
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(30);
    let line = receiver
        .recv_timeout(deadline - Instant::now())
        .expect("the hit came out while stdin was still open");
    assert!(line.starts_with("-:2\t7100\t"), "{line}");
    stdin.write_all(b"Error 7101\n").unwrap();
    let line = receiver.recv_timeout(Duration::from_secs(30)).unwrap();
    assert!(line.starts_with("-:3\t7101\t"), "{line}");
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

#[test]
fn rotated_logs_inside_bundles_inside_bundles_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let inner = gzip(&tar(&[(b"app.log.1.gz", &gzip(b"Error 7100\n"))]));
    let middle = zip(&[("inner.tar.gz", &inner)]);
    write(d, "outer.tar.gz", &gzip(&tar(&[(b"middle.zip", &middle)])));
    let (out, err, status) = scan(d, &["outer.tar.gz"]);
    assert_eq!((err.as_str(), status), ("", 0));
    assert_eq!(
        places(&out),
        ["outer.tar.gz:middle.zip:inner.tar.gz:app.log.1.gz:1\t7100"]
    );
    // A fourth bundle is one too many.
    write(
        d,
        "four.zip",
        &zip(&[("outer.tar.gz", &gzip(&tar(&[(b"middle.zip", &middle)])))]),
    );
    let (out, err, status) = scan(d, &["four.zip"]);
    assert_eq!(out, "");
    assert!(err.contains("bundles nested more than 3 deep"), "{err}");
    // What was not read may hold a code: not "nothing found".
    assert_eq!(status, 2);
}

#[test]
fn each_record_of_a_json_array_on_one_line_is_a_ticket() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "export.json",
        br#"[{"body": "got error 7100"}, {"body": "error 7100 again"}, {"body": "error 7101"}]"#,
    );
    let (out, _, _) = scan(d, &["--summary", "export.json"]);
    assert!(out.starts_with("7100\t2\t2\t"), "{out}");
    assert!(out.contains("\n7XXX\t3\t3\tAccount\n"), "{out}");
}

/// (code, record's date) of each hit of a JSON Lines scan's output.
fn codes_and_times(jsonl: &str) -> Vec<(u64, String)> {
    jsonl
        .lines()
        .map(|line| {
            let hit: serde_json::Value = serde_json::from_str(line).unwrap();
            let time = hit["time"].as_str().unwrap_or("-").to_string();
            (hit["code"].as_u64().unwrap(), time)
        })
        .collect()
}

#[test]
fn each_record_of_a_json_array_on_one_line_takes_its_own_date() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "export.json",
        br#"[{"id":1,"created_at":"2016-09-01T00:00:00Z","body":"sees error 7100"},{"id":2,"created_at":"2016-12-24T00:00:00Z","body":"error 7103"},{"id":3,"body":"error 7104","created_at":"2016-12-25T00:00:00Z"}]"#,
    );
    let (out, _, _) = scan(d, &["--format", "jsonl", "export.json"]);
    assert_eq!(
        codes_and_times(&out),
        [
            (7100, "2016-09-01T00:00:00Z".into()),
            (7103, "2016-12-24T00:00:00Z".into()),
            (7104, "2016-12-25T00:00:00Z".into()),
        ]
    );
}

/// An export of one line longer than the window a scan reads at once (1
/// MiB), with a hit in records all along it: where two windows overlap,
/// at a window's end, and past it.
#[test]
fn each_record_of_a_long_one_line_export_is_a_ticket_with_its_date() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    const WINDOW: usize = 1 << 20;
    const OVERLAP: usize = 1024;
    let mut text = String::from("[");
    let mut expected = Vec::new();
    let mut places = vec![
        3_000,
        WINDOW - 600,
        WINDOW - 6,
        WINDOW + 40,
        2 * WINDOW - 900,
    ]
    .into_iter();
    let mut next = places.next();
    for i in 0.. {
        if text.len() > 2 * WINDOW + 5_000 {
            break;
        }
        let date = format!("2016-{:02}-{:02}T00:00:00Z", i % 12 + 1, i % 28 + 1);
        let mut body = "filler text ".repeat(6);
        if next.is_some_and(|at| text.len() + 200 > at) {
            body.push_str("error 7103 then");
            expected.push((7103, date.clone()));
            next = places.next();
        }
        text.push_str(&format!(
            r#"{{"id":{i},"created_at":"{date}","body":"{body}"}}, "#
        ));
    }
    text.push_str("{}]");
    write(d, "export.json", text.as_bytes());
    let (out, _, _) = scan(d, &["--format", "jsonl", "export.json"]);
    assert_eq!(codes_and_times(&out), expected);
    let (summary, _, _) = scan(d, &["--summary", "export.json"]);
    assert!(summary.starts_with("7103\t5\t5\t"), "{summary}");
    // A list of codes whose first stands before the overlap of two windows
    // and the rest in it: the next window cannot tell the rest are codes.
    let list = "Stormpath errors 7100, 7101, 7102, 7103";
    let filler = r#"{"body":"x"}, "#;
    let mut text = "[".to_string() + &filler.repeat((WINDOW - OVERLAP - 40) / filler.len());
    text.push_str(&format!(
        r#"{{"body":"{}{list} end"}}, "#,
        ".".repeat(WINDOW - OVERLAP - 30 - text.len())
    ));
    let list_at = text.find(list).unwrap();
    // 7100 ends where the overlap starts; 7101 starts in it.
    assert_eq!(list_at + "Stormpath errors 7100".len(), WINDOW - OVERLAP);
    text.push_str(&filler.repeat(WINDOW / filler.len()));
    text.push_str("{}]");
    write(d, "list.json", text.as_bytes());
    let (out, _, _) = scan(d, &["--format", "jsonl", "list.json"]);
    let codes: Vec<u64> = codes_and_times(&out)
        .into_iter()
        .map(|(code, _)| code)
        .collect();
    assert_eq!(codes, [7100, 7101, 7102, 7103]);
    // A record's date key, or its date, cut by the first window's end: the
    // next window reads it whole.
    for cut in [4, 15, 25] {
        let mut text = "[".to_string() + &filler.repeat((WINDOW - 200) / filler.len());
        let key = r#"{"body":"y", "created_at":"2016-10-18T09:12:44Z", "note":"error 7104"}, "#;
        let key_at = key.find("\"created_at").unwrap();
        text.push_str(&" ".repeat(WINDOW - cut - key_at - text.len()));
        text.push_str(key);
        text.push_str(&filler.repeat(2_000));
        text.push_str("{}]");
        write(d, "cut.json", text.as_bytes());
        let (out, _, _) = scan(d, &["--format", "jsonl", "cut.json"]);
        let expected = [(7104, "2016-10-18T09:12:44Z".to_string())];
        assert_eq!(
            codes_and_times(&out),
            expected,
            "a key {cut} bytes before the end"
        );
    }
}

#[test]
fn a_bad_glob_is_a_usage_error_before_anything_is_scanned() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "t/a.txt", b"Error 7100\n");
    let (out, err, status) = scan(dir.path(), &["-g", "[", "t"]);
    assert_eq!((out.as_str(), status), ("", 2));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("sperr: --glob \"[\": "), "{err}");
}

#[test]
fn quiet_answers_zero_on_a_hit_even_past_an_unreadable_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"Error 7100\n");
    for order in [["missing.txt", "a.txt"], ["a.txt", "missing.txt"]] {
        let (out, _, status) = scan(dir.path(), &["-q", order[0], order[1]]);
        assert_eq!((out.as_str(), status), ("", 0), "{order:?}");
    }
}

/// `yes 'error 7100' | sperr scan | head -1`: the scan ends when its
/// reader goes, though its input never does.
#[test]
fn a_closed_pipe_ends_a_scan_of_endless_input() {
    let mut child = scan_on_a_pipe();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let block = b"Error 7100\n".repeat(1000);
        // Ends when sperr stops reading.
        while stdin.write_all(&block).is_ok() {}
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "sperr kept reading after its reader went"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    feeder.join().unwrap();
    assert_eq!(status.code(), Some(0), "a closed pipe is a quiet success");
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(err, "");
}

/// A gzip stream that trickles in, a byte and then the rest, is still
/// read as gzip.
#[test]
fn a_compressed_stream_that_trickles_in_is_not_taken_for_text() {
    let mut child = scan_on_a_pipe();
    let mut stdin = child.stdin.take().unwrap();
    let data = gzip(b"Error 7100\n");
    stdin.write_all(&data[..1]).unwrap();
    stdin.flush().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    stdin.write_all(&data[1..]).unwrap();
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "-:1\t7100\tLogin attempt failed because the specified password is incorrect.\n"
    );
}

#[test]
fn an_e_mail_is_one_ticket_whatever_its_name_and_parts() {
    let dir = tempfile::tempdir().unwrap();
    let mail = common::data_bytes("decoded/reply.eml");
    write(dir.path(), "ticket-4711", &mail);
    // Two messages in an mbox: two tickets.
    let mbox = [
        &b"From a@b Tue Oct 18 09:30:00 2016\n"[..],
        &mail,
        b"\nFrom a@b Tue Oct 18 09:31:00 2016\n",
        &mail,
    ]
    .concat();
    write(dir.path(), "box.mbox", &mbox);
    let (out, _, code) = scan(dir.path(), &["--summary", "ticket-4711"]);
    assert_eq!(code, 0);
    assert!(out.contains("7103\t1\t2\t"), "{out}");
    let (out, _, _) = scan(dir.path(), &["--summary", "box.mbox"]);
    assert!(out.contains("7103\t2\t4\t"), "{out}");
    let (out, _, _) = scan(dir.path(), &["box.mbox"]);
    assert!(
        out.contains("box.mbox:message-2:login.log:1\t7100"),
        "{out}"
    );
    // stdin is read the same way.
    let out = stdin_run(&["scan"], mail).stdout;
    assert!(
        out.contains(":part-2:4\t7103") && out.contains(":login.log:1\t7100"),
        "{out}"
    );
}

/// The same text gives the same hits however it comes: from a file on one
/// thread or in slices on two, gzipped, or through a pipe in small pieces
/// as a network sends it. Where a block of the text ends, a table that
/// goes on is cut at the same line each way.
#[test]
fn a_text_gives_the_same_hits_however_it_is_read() {
    // Another program's table of faults and a log of Stormpath's codes,
    // over and over, past the size read in slices (two of 2 MB).
    let unit = [
        common::data_bytes("scan-blind16-dev/fault-codes.md"),
        common::data_bytes("scan-blind20-dev/pawpass-auth-2016-11-21.log"),
    ]
    .concat();
    let text = unit.repeat((5 << 20) / unit.len() + 1);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "all.md", &text);
    write(d, "all.md.gz", &gzip(&text));
    // Each hit's line and code, whatever the text was called.
    let hits = |stdout: &str| -> Vec<String> {
        let places = places(stdout);
        places
            .iter()
            .map(|p| p.rsplit_once(':').unwrap().1.to_string())
            .collect()
    };
    let (out, err, status) = scan(d, &["-j1", "all.md"]);
    assert_eq!((err.as_str(), status), ("", 0));
    let one_thread = hits(&out);
    assert!(one_thread.len() > 1000, "{}", one_thread.len());
    for args in [&["-j2", "all.md"][..], &["-j1", "all.md.gz"]] {
        let (out, _, _) = scan(d, args);
        assert!(hits(&out) == one_thread, "{args:?}");
    }
    let mut child = spawn(&["scan"]);
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        for piece in text.chunks(4096) {
            stdin.write_all(piece).unwrap();
            std::thread::sleep(Duration::from_micros(200));
        }
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let piped = hits(&String::from_utf8(output.stdout).unwrap());
    assert!(piped == one_thread, "through a pipe");
}

/// A table of Stormpath's codes that the end of a slice after the first
/// cuts (a large file is read in slices of 2 MB on two threads) keeps its
/// line numbers: its rows wait for the table's end, numbered as one
/// thread numbers them.
#[test]
fn a_table_across_a_later_slices_end_keeps_its_line_numbers() {
    let table = "| Code | Meaning |\n|---|---|\n| 7100 | wrong password |\n\
                 | 7103 | account locked |\n| 7104 | no such account |\n";
    let mut text = String::new();
    while text.len() < (4 << 20) - 40 {
        text.push_str("request served in 35 ms\n");
    }
    text.push_str(table);
    while text.len() < 7 << 20 {
        text.push_str("request served in 35 ms\n");
    }
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "big.md", text.as_bytes());
    let (one_thread, _, _) = scan(dir.path(), &["-j1", "big.md"]);
    let (two_threads, _, _) = scan(dir.path(), &["-j2", "big.md"]);
    assert_eq!(places(&one_thread).len(), 3, "{one_thread}");
    assert_eq!(two_threads, one_thread);
}
