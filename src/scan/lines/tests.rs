use super::*;
use crate::scan::buffer::READ_ALIGN;
use crate::scan::scan_text;
use crate::scan::sink::Collect;

fn scan_with(records: Records, text: &[u8], chunk: usize) -> Vec<(usize, usize, u32, u64)> {
    let mut hits = Vec::new();
    let ticket = Ticket::file("t".into());
    let mut reader = Chunked(text, chunk);
    scan_stream(
        &mut reader,
        records,
        Dates::Not,
        &ticket,
        &mut Collect(&mut hits),
    )
    .unwrap();
    hits.iter()
        .map(|h| (h.line, h.column, h.code, h.record))
        .collect()
}

/// Each hit's line, code and time, read `chunk` bytes at a time.
fn times_with(records: Records, text: &str, chunk: usize) -> Vec<(usize, u32, String)> {
    let mut hits = Vec::new();
    let ticket = Ticket::file("t".into());
    let mut reader = Chunked(text.as_bytes(), chunk);
    let dates = Dates::Read { written: None };
    scan_stream(
        &mut reader,
        records,
        dates,
        &ticket,
        &mut Collect(&mut hits),
    )
    .unwrap();
    let time = |h: &Hit| h.time.map_or("-".into(), |t| t.to_string());
    hits.iter().map(|h| (h.line, h.code, time(h))).collect()
}

/// The same, whatever the reads.
fn times(records: Records, text: &str) -> Vec<(usize, u32, String)> {
    let whole = times_with(records, text, text.len());
    for chunk in [1, 7, 64] {
        assert_eq!(
            times_with(records, text, chunk),
            whole,
            "reads of {chunk} bytes"
        );
    }
    whole
}

fn at(line: usize, code: u32, time: &str) -> (usize, u32, String) {
    (line, code, time.to_string())
}

#[test]
fn a_hit_takes_the_time_of_the_last_line_that_shows_one() {
    let log = "Starting with Stormpath error 7104 in the config\n\
        2016-10-18 09:12:44,301 ERROR [main] Stormpath 7100\n\
        com.stormpath.sdk.resource.ResourceException: HTTP 400, Stormpath 7101\n\
        \tat com.acme.Login.run(Login.java:12)\n\
        {\n  \"status\": 400,\n  \"code\": 7102\n}\n\
        2016-10-19T10:00:00+02:00 WARN Stormpath error 7103\n";
    assert_eq!(
        times(Records::Whole, log),
        [
            at(1, 7104, "-"),
            at(2, 7100, "2016-10-18T09:12:44.301Z"),
            at(3, 7101, "2016-10-18T09:12:44.301Z"),
            at(7, 7102, "2016-10-18T09:12:44.301Z"),
            at(9, 7103, "2016-10-19T08:00:00Z"),
        ]
    );
}

#[test]
fn syslog_years_follow_every_line_not_only_those_with_hits() {
    // November, then March (no hit): December is the year after.
    let log = "2015-11-01T00:00:00Z app: Stormpath error 7100\n\
        Mar  1 00:00:00 host app: ok\n\
        Dec  5 00:00:00 host app: Stormpath error 7101\n";
    assert_eq!(
        times(Records::Whole, log),
        [
            at(1, 7100, "2015-11-01T00:00:00Z"),
            at(3, 7101, "2016-12-05T00:00:00Z")
        ]
    );
}

#[test]
fn a_json_log_line_takes_its_own_time_field_only() {
    let log = "{\"unit\":\"time\",\"ts\":1476781964,\"msg\":\"Stormpath error 7100\"}\n\
        {\"msg\":\"Stormpath error 7101\",\"user\":{\"created_at\":\"2010-01-01T00:00:00Z\"}}\n";
    assert_eq!(
        times(Records::Whole, log),
        [
            at(1, 7100, "2016-10-18T09:12:44Z"),
            at(2, 7101, "2016-10-18T09:12:44Z")
        ]
    );
}

#[test]
fn a_long_line_takes_its_own_time_in_every_window() {
    let line = format!(
        "2016-10-18T09:12:44Z x{} Stormpath error 7100\nStormpath error 7101\n",
        " pad".repeat(WINDOW / 2)
    );
    let hits = times(Records::Whole, &line);
    assert_eq!(
        hits,
        [
            at(1, 7100, "2016-10-18T09:12:44Z"),
            at(2, 7101, "2016-10-18T09:12:44Z")
        ]
    );
}

#[test]
fn records_take_their_own_dates() {
    let csv = "id,error_code,Created,notes\n1,7100,2016-10-18,x\n2,7101,,y\n3,7102,2016-11-03 10:00:00,z\n";
    assert_eq!(
        times(Records::Csv, csv),
        [
            at(2, 7100, "2016-10-18T00:00:00Z"),
            at(3, 7101, "-"),
            at(4, 7102, "2016-11-03T10:00:00Z")
        ]
    );
    let export = "[\n  {\n    \"body\": \"Stormpath error 7100\",\n    \"created_at\": \"2016-10-18T09:12:44Z\"\n  },\n  {\"body\": \"Stormpath error 7101\"}\n]\n";
    assert_eq!(
        times(Records::JsonArray, export),
        [at(3, 7100, "2016-10-18T09:12:44Z"), at(6, 7101, "-")]
    );
    // A Date: line in a body (a forwarded message) is no header.
    let mbox = "From a Mon\nDate: Tue, 18 Oct 2016 09:12:44 +0000\n\nStormpath error 7100\n\nFrom b Tue\nSubject: x\n\nDate: Mon, 01 Jan 2001 00:00:00 +0000\nStormpath error 7101\n";
    assert_eq!(
        times(Records::Mbox, mbox),
        [at(4, 7100, "2016-10-18T09:12:44Z"), at(10, 7101, "-")]
    );
}

/// A reader that gives at most `.1` bytes a read, as a pipe may.
struct Chunked<'a>(&'a [u8], usize);

impl Read for Chunked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.0.len().min(self.1).min(buf.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

/// A reader that fills each read whole, and notes where each landed.
struct Noting<'a> {
    text: &'a [u8],
    misaligned: usize,
    reads: usize,
}

impl Read for Noting<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.reads += 1;
        let n = self.text.len().min(buf.len());
        // A read that copies nothing (at the end) may land anywhere.
        if n > 0 && !(buf.as_ptr() as usize).is_multiple_of(READ_ALIGN) {
            self.misaligned += 1;
        }
        buf[..n].copy_from_slice(&self.text[..n]);
        self.text = &self.text[n..];
        Ok(n)
    }
}

#[test]
fn reads_land_aligned_as_lines_are_carried_over() {
    // Lines of odd lengths: every block ends inside a line, whose start
    // is moved to the front before the next read.
    let text = "error 7100 in a line of some odd length\n".repeat(3 * BLOCK / 40);
    for _ in 0..2 {
        // The second time round the thread's storage is reused.
        let mut reader = Noting {
            text: text.as_bytes(),
            misaligned: 0,
            reads: 0,
        };
        let ticket = Ticket::stdin();
        let mut hits = Vec::new();
        scan_stream(
            &mut reader,
            Records::Whole,
            Dates::Not,
            &ticket,
            &mut Collect(&mut hits),
        )
        .unwrap();
        assert_eq!(hits.len(), 3 * BLOCK / 40);
        assert!(reader.reads > 3);
        assert_eq!(reader.misaligned, 0);
    }
}

#[test]
fn input_read_in_small_pieces_scans_the_same() {
    let mut text = vec![b'.'; WINDOW * 3];
    text[WINDOW..WINDOW + 10].copy_from_slice(b"error 7100");
    text.extend_from_slice(b"\nerror 7101\n");
    let whole = scan_with(Records::Whole, &text, usize::MAX);
    assert_eq!(whole, [(1, WINDOW + 1, 7100, 0), (2, 1, 7101, 0)]);
    assert_eq!(scan_with(Records::Whole, &text, 4096), whole);
    assert_eq!(scan_with(Records::Whole, &text, 7), whole[..]);
}

/// A text of `blocks` blocks of log lines, with another program's
/// table (its codes are not Stormpath's, as the whole table shows) in
/// the first block's middle and one whose first line each block's end
/// cuts, and a last line, without a newline, that names a Stormpath
/// code.
pub(in crate::scan) fn tables_across_block_ends(blocks: usize) -> Vec<u8> {
    let theirs = THEIRS;
    let mut text = String::new();
    fill_to(&mut text, BLOCK / 2);
    text.push_str(theirs);
    for block in 1..=blocks {
        fill_to(&mut text, block * BLOCK - 10);
        text.push_str(theirs);
    }
    text.push_str("login failed: Stormpath error 7100");
    text.into_bytes()
}

/// Another program's table: its codes are not Stormpath's, as the
/// whole table shows.
pub(in crate::scan) const THEIRS: &str = "| errorCode | errorText | HTTP |\n|---|---|---|\n\
                      | 2001 | Flight sold out | 409 |\n\
                      | 2002 | Fare class closed | 409 |\n\
                      | 2003 | Date outside schedule | 400 |\n\
                      | 2006 | Passenger count above 9 | 400 |\n";

/// Log lines up to `len` bytes of text.
pub(in crate::scan) fn fill_to(text: &mut String, len: usize) {
    while text.len() < len {
        text.push_str("request served in 35 ms\n");
    }
}

#[test]
fn long_lines_and_whole_blocks_read_the_same_in_any_pieces() {
    let last = "login failed: Stormpath error 7100\n";
    // A line past a window that ends inside a block, then a table
    // across a block's end.
    let mut past_a_window = "x".repeat(WINDOW + BLOCK / 4) + "\n";
    fill_to(&mut past_a_window, 6 * BLOCK - 10);
    past_a_window += THEIRS;
    past_a_window += last;
    // A line of most of a window from just before a block's end.
    let mut most_of_a_window = String::new();
    fill_to(&mut most_of_a_window, BLOCK - 100);
    most_of_a_window += &("y".repeat(900_000) + "\n");
    fill_to(&mut most_of_a_window, 5 * BLOCK - 10);
    most_of_a_window += THEIRS;
    most_of_a_window += last;
    // Two whole blocks, the table last: the text's end judges it.
    let mut whole_blocks = String::new();
    fill_to(&mut whole_blocks, 2 * BLOCK - THEIRS.len() - 30);
    whole_blocks += &"z".repeat(2 * BLOCK - THEIRS.len() - whole_blocks.len() - 1);
    whole_blocks += "\n";
    whole_blocks += THEIRS;
    assert_eq!(whole_blocks.len(), 2 * BLOCK);
    for text in [past_a_window, most_of_a_window, whole_blocks] {
        let whole = scan_with(Records::Whole, text.as_bytes(), usize::MAX);
        let codes: Vec<u32> = whole.iter().map(|h| h.2).collect();
        let expected: &[u32] = if text.ends_with(last) { &[7100] } else { &[] };
        assert_eq!(codes, expected, "each table read whole");
        for chunk in [4096, 700] {
            assert_eq!(
                scan_with(Records::Whole, text.as_bytes(), chunk),
                whole,
                "{chunk}"
            );
        }
    }
}

#[test]
fn a_text_reads_the_same_in_any_pieces() {
    let text = tables_across_block_ends(2);
    let whole = scan_with(Records::Whole, &text, usize::MAX);
    let lines = text.split(|&b| b == b'\n').count();
    // Each table is in one block, judged whole; the last line is in
    // the last block, though no newline ends it.
    assert_eq!(whole, [(lines, 25, 7100, 0)]);
    for chunk in [65536, 4096, 700, 7] {
        assert_eq!(scan_with(Records::Whole, &text, chunk), whole, "{chunk}");
    }
}

#[test]
fn a_line_longer_than_the_window_is_scanned_whole() {
    let mut text = vec![b'.'; WINDOW * 2 + 100];
    let at = WINDOW - 5; // straddles the first window's end
    text[at..at + 10].copy_from_slice(b"error 7100");
    text.extend_from_slice(b" code 2001\nerror 7101");
    let found: Vec<_> = scan_text(&text)
        .iter()
        .map(|h| (h.line, h.column, h.code))
        .collect();
    assert_eq!(
        found,
        [(1, at + 1, 7100), (1, WINDOW * 2 + 102, 2001), (2, 1, 7101)]
    );
}

#[test]
fn records_of_exports() {
    let lines = b"{\"code\": 7100}\n{\"code\": 7100}\n";
    assert_eq!(
        scan_with(Records::Lines, lines, 5),
        [(1, 2, 7100, 1), (2, 2, 7100, 2)]
    );
    let mbox = b"From a@b Mon\nSubject: x\n\nerror 7100\n\nFrom c@d Tue\n\nerror 7100\nFrom here on, error 7100\n";
    let records: Vec<u64> = scan_with(Records::Mbox, mbox, 9)
        .iter()
        .map(|h| h.3)
        .collect();
    assert_eq!(records, [1, 2, 2], "a From line after text starts nothing");
    let array = br#"[{"a": "{[", "code": 7100}, {"code": 7100, "b": [{"code": 7101}]}]"#;
    let records: Vec<(u32, u64)> = scan_with(Records::JsonArray, array, 3)
        .iter()
        .map(|h| (h.2, h.3))
        .collect();
    assert_eq!(
        records,
        [(7100, 1), (7100, 2), (7101, 2)],
        "one hit per code and record"
    );
    let pretty = b"[\n  {\n    \"code\": 7100\n  },\n  {\n    \"code\": 7100\n  }\n]\n";
    let records: Vec<u64> = scan_with(Records::JsonArray, pretty, 4)
        .iter()
        .map(|h| h.3)
        .collect();
    assert_eq!(records, [1, 2]);
}

#[test]
fn a_csv_code_column_adds_codes_and_each_row_is_a_record() {
    let csv =
        b"id,Stormpath Error,note\n1,7104,\"see error 7104\"\n2,2001,\"two\nlines, error 7100\"\n";
    assert_eq!(
        scan_with(Records::Csv, csv, 7),
        [(2, 3, 7104, 1), (3, 3, 2001, 2), (4, 8, 7100, 2)]
    );
}

#[test]
fn how_a_text_divides_is_read_from_its_name_and_start() {
    assert_eq!(Records::of("x.JSONL", b"{}"), Records::Lines);
    assert_eq!(Records::of("a.ndjson", b""), Records::Lines);
    assert_eq!(Records::of("mail", b"From x@y"), Records::Mbox);
    assert_eq!(
        Records::of("e.json", b" [\n {\"a\":1}]"),
        Records::JsonArray
    );
    assert_eq!(Records::of("e.json", b"[1, 2]"), Records::Whole);
    assert_eq!(Records::of("app.log", b"{\"a\":1}"), Records::Whole);
    assert_eq!(Records::of("export.csv", b"a,b\n"), Records::Csv);
}

#[test]
fn a_table_a_blocks_end_cuts_is_judged_whole() {
    // Another's table and another's JSON rows, each cut by a block's end
    // after its second row; Stormpath's own table cut the same way; a
    // code in a line between them.
    let ours = "| Code | Meaning |\n|---|---|\n\
                | 7100 | wrong password |\n| 7102 | email not verified |\n\
                | 7103 | account locked |\n| 7104 | no such account |\n";
    let their_rows = [
        "[",
        "  { \"code\": 2001, \"message\": \"The flight is sold out\" },",
        "  { \"code\": 2002, \"message\": \"The fare class is closed\" },",
        "  { \"code\": 2003, \"message\": \"The date is outside the schedule\" },",
        "  { \"code\": 2006, \"message\": \"Too many passengers in one booking\" }",
        "]\n",
    ]
    .join("\n");
    let mut text = String::new();
    let cut_after_two_rows = |text: &mut String, block: usize, table: &str| {
        let two_rows = table.match_indices('\n').nth(3).unwrap().0;
        fill_to(text, block * BLOCK - two_rows - 1);
        text.push_str(table);
    };
    cut_after_two_rows(&mut text, 1, THEIRS);
    text.push_str("\nlogin failed: Stormpath error 7101\n");
    cut_after_two_rows(&mut text, 2, &their_rows);
    cut_after_two_rows(&mut text, 3, ours);
    text.push_str("\nlogin failed: Stormpath error 7105\n");
    let whole = scan_with(Records::Whole, text.as_bytes(), usize::MAX);
    let codes: Vec<u32> = whole.iter().map(|h| h.2).collect();
    assert_eq!(codes, [7101, 7100, 7102, 7103, 7104, 7105]);
    for chunk in [4096, 700] {
        assert_eq!(
            scan_with(Records::Whole, text.as_bytes(), chunk),
            whole,
            "{chunk}"
        );
    }
}
