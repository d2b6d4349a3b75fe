//! What a file is, decided by its content: gzip, bzip2, xz and zstd are
//! decompressed as they are read; zip and tar members are scanned one by
//! one, bundles inside bundles too; UTF-16 with a byte-order mark is
//! transcoded; binary data met while walking or inside a bundle is skipped.
//!
//! Sniffing looks at what one read gives and never waits for more, so a
//! line that arrives alone on a pipe is scanned at once.

mod mail;

use super::buffer::READ_ALIGN;
use super::lines::{self, Records};
use super::sink::Sink;
use super::slices;
use super::{Context, Hit, Ticket, escape};
use std::fs::File;
use std::io::{self, BufReader, Read, Seek};

/// How far a scan goes into what it opens.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The most bytes one text may decompress to (`--max-expand`).
    pub max_expand: u64,
    /// How many bundles and compressions deep a scan goes.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_expand: 4 << 30,
            max_depth: 3,
        }
    }
}

/// The buffer sniffing reads into, and the size of reads after it: enough
/// for a mail's headers and a binary file's first block (git looks at 8 KB),
/// and small, as every file of a tree zeroes and copies it once.
const SNIFF: usize = 16 << 10;
/// Enough bytes to see every kind's mark (a tar's is at 257..262).
const HEAD_FOR_ALL_KINDS: usize = 262;
/// How many compressions deep a stream is opened (a gzip quine ends).
const MAX_COMPRESSIONS: usize = 3;

/// The mark in the head of a report sperr writes (`--report`): scan leaves
/// such a page out, as a report left inside the tree it scans would count
/// every code it lists again.
pub(crate) const REPORT_MARK: &str = r#"<meta name="generator" content="sperr report">"#;

/// Whether a text is a report sperr wrote: an HTML page (an editor may
/// have saved it again with a byte-order mark or `<!doctype html>`) with
/// the mark in its head.
pub(super) fn is_report(head: &[u8]) -> bool {
    let page = super::without_bom(head).trim_ascii_start();
    let doctype = b"<!doctype html";
    page.get(..doctype.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(doctype))
        && memchr::memmem::find(&page[..page.len().min(512)], REPORT_MARK.as_bytes()).is_some()
}

/// Says that a report sperr wrote, met where tickets are, is left out.
pub(super) fn leave_out_report(shown: &str, ctx: &Context) {
    ctx.notes
        .note(&format!("{shown}: left out: a report sperr wrote"));
}

/// What the first bytes of a stream say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Gzip,
    Bzip2,
    Xz,
    Zstd,
    Zip,
    Tar,
    Utf16,
    Binary,
    Mail,
    /// A report sperr wrote.
    Report,
    Text,
}

fn sniff(head: &[u8]) -> Kind {
    const TAR_MAGIC: std::ops::Range<usize> = 257..262;
    if head.starts_with(&[0x1f, 0x8b]) {
        Kind::Gzip
    } else if head.starts_with(b"BZh") && head.get(3).is_some_and(|b| (b'1'..=b'9').contains(b)) {
        Kind::Bzip2
    } else if head.starts_with(&[0xfd, b'7', b'z', b'X', b'Z', 0]) {
        Kind::Xz
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Kind::Zstd
    } else if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        Kind::Zip
    } else if head.get(TAR_MAGIC) == Some(b"ustar") {
        Kind::Tar
    } else if head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff]) {
        Kind::Utf16
    } else if memchr::memchr(0, head).is_some() {
        Kind::Binary
    } else if mail::looks_like_mail(head) {
        Kind::Mail
    } else if is_report(head) {
        Kind::Report
    } else {
        Kind::Text
    }
}

/// A text or bundle to open, and what is known of where it came from.
pub(super) struct Source<'a> {
    pub ticket: Ticket,
    /// The name the text goes by (compression suffixes taken off), to tell
    /// a JSON Lines export by.
    pub name: String,
    /// The file on disk, when the stream is that file unchanged: a zip is
    /// then read in place rather than spooled.
    pub file: Option<&'a File>,
    /// Named on the command line (or stdin), not met while walking or in a
    /// bundle: then even binary data is read.
    pub named: bool,
    /// How many bundles it is inside.
    pub depth: usize,
    /// How many compressions it is inside, since its bundle.
    pub compressions: usize,
    /// When its file was last written, where dates are read: the year of
    /// syslog's year-less dates.
    pub written: Option<jiff::Timestamp>,
    /// A part of the ticket its text before started (an e-mail's part),
    /// not a ticket of its own.
    pub continues_ticket: bool,
}

/// Scans one stream, whatever it holds. Problems with it (a corrupt
/// archive, a read error) are reported as failures of its name; the scan
/// goes on.
pub(super) fn scan(source: Source, reader: &mut dyn Read, sink: &mut dyn Sink, ctx: &Context) {
    let display = source.ticket.name();
    if let Err(e) = open(source, reader, sink, ctx) {
        ctx.notes.failure(&display, &super::io_reason(&e));
    }
}

fn open(
    source: Source,
    reader: &mut dyn Read,
    sink: &mut dyn Sink,
    ctx: &Context,
) -> io::Result<()> {
    let head = read_head(reader)?;
    let kind = sniff(&head);
    let records = Records::of(&source.name, &head);
    let head_len = head.len() as u64;
    let reader = BufReader::with_capacity(SNIFF, io::Cursor::new(head).chain(reader));
    let too_deep = match kind {
        Kind::Zip | Kind::Tar | Kind::Mail if source.depth >= ctx.limits.max_depth => Some(
            format!("bundles nested more than {} deep", ctx.limits.max_depth),
        ),
        Kind::Gzip | Kind::Bzip2 | Kind::Xz | Kind::Zstd
            if source.compressions >= MAX_COMPRESSIONS =>
        {
            Some(format!(
                "compressed more than {MAX_COMPRESSIONS} times over"
            ))
        }
        _ => None,
    };
    if let Some(why) = too_deep {
        // Text left unread: the scan cannot say it holds no code.
        let name = source.ticket.name();
        ctx.notes.failure(&name, &format!("not opened: {why}"));
        return Ok(());
    }
    match kind {
        Kind::Gzip => decompressed(
            source,
            flate2::bufread::MultiGzDecoder::new(reader),
            sink,
            ctx,
        ),
        Kind::Bzip2 => decompressed(
            source,
            bzip2::bufread::MultiBzDecoder::new(reader),
            sink,
            ctx,
        ),
        Kind::Xz => decompressed(
            source,
            liblzma::bufread::XzDecoder::new_multi_decoder(reader),
            sink,
            ctx,
        ),
        Kind::Zstd => decompressed(source, zstd::Decoder::with_buffer(reader)?, sink, ctx),
        Kind::Zip => zip(source, reader, sink, ctx),
        Kind::Tar => tar(source, reader, sink, ctx),
        Kind::Mail => {
            let mut reader = reader;
            mail::scan(&source, &mut reader, sink, ctx)
        }
        Kind::Binary if !source.named && !ctx.binary => Ok(()),
        Kind::Report => {
            leave_out_report(&source.ticket.name(), ctx);
            Ok(())
        }
        Kind::Utf16 => {
            let decoded = encoding_rs_io::DecodeReaderBytesBuilder::new().build(reader);
            texts(&source, records, decoded, None, sink, ctx)
        }
        Kind::Binary | Kind::Text => {
            let in_place = source.file.map(|file| (file, head_len));
            texts(&source, records, reader, in_place, sink, ctx)
        }
    }
}

/// The first bytes, to tell what the stream is: what one read gives, and
/// more only while neither a whole line nor enough for every kind's mark
/// has come. A line that arrives alone on a pipe is judged at once; a
/// compressed stream that trickles in is not taken for text.
fn read_head(reader: &mut dyn Read) -> io::Result<Vec<u8>> {
    // Read into an aligned place (see READ_ALIGN), then move to the front.
    let mut head = vec![0; SNIFF + READ_ALIGN];
    let at = head.as_ptr().align_offset(READ_ALIGN);
    let room = &mut head[at..at + SNIFF];
    let mut len = 0;
    loop {
        let read = match reader.read(&mut room[len..]) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => other?,
        };
        len += read;
        if read == 0 || len >= HEAD_FOR_ALL_KINDS || room[..len].contains(&b'\n') {
            break;
        }
    }
    head.copy_within(at..at + len, 0);
    head.truncate(len);
    Ok(head)
}

/// Scans a text; `in_place` is the file it is, unchanged, and how many of
/// its bytes the reader has taken, when the file may be read in parts.
pub(super) fn texts(
    source: &Source,
    records: Records,
    mut reader: impl Read,
    in_place: Option<(&File, u64)>,
    sink: &mut dyn Sink,
    ctx: &Context,
) -> io::Result<()> {
    if source.continues_ticket {
        sink.begin_part(&source.ticket);
    } else {
        sink.begin(&source.ticket);
    }
    let mut filtered = Filtered {
        sink,
        ctx,
        last_record: None,
        hits: 0,
        tickets: 0,
    };
    let dates = match ctx.dates {
        true => lines::Dates::Read {
            written: source.written,
        },
        false => lines::Dates::Not,
    };
    let result = match in_place {
        Some((file, read)) => slices::scan_file(
            file,
            read,
            &mut reader,
            (records, dates),
            &source.ticket,
            &mut filtered,
            ctx,
        ),
        None => lines::scan_stream(&mut reader, records, dates, &source.ticket, &mut filtered),
    };
    filtered.count();
    sink_finish(filtered.sink, &source.ticket);
    result
}

fn sink_finish(sink: &mut dyn Sink, ticket: &Ticket) {
    let _ = sink.pause();
    sink.finish(ticket);
}

/// Keeps the hits of the codes asked for, and notes that one was found.
struct Filtered<'a, 'b> {
    sink: &'a mut dyn Sink,
    ctx: &'a Context<'b>,
    /// The record of the last hit kept, to count tickets with hits.
    last_record: Option<u64>,
    /// Hits and tickets not yet added to the scan's counters: they are
    /// added at each pause, not one by one, as the threads share them.
    hits: u64,
    tickets: u64,
}

impl Filtered<'_, '_> {
    fn count(&mut self) {
        self.ctx.found(self.hits, self.tickets);
        (self.hits, self.tickets) = (0, 0);
    }
}

impl Sink for Filtered<'_, '_> {
    fn matched(&mut self, ticket: &Ticket, hit: Hit) -> bool {
        if self.ctx.stopped() {
            return false;
        }
        if !self.ctx.filter.keeps(hit.code) {
            return true;
        }
        let new_ticket = self.last_record.replace(hit.record) != Some(hit.record);
        self.hits += 1;
        self.tickets += u64::from(new_ticket);
        self.sink.matched(ticket, hit)
    }

    fn pause(&mut self) -> bool {
        self.count();
        self.sink.pause() && !self.ctx.stopped()
    }
}

/// A compressed stream: the text inside goes by the same name.
fn decompressed(
    source: Source,
    decoder: impl Read,
    sink: &mut dyn Sink,
    ctx: &Context,
) -> io::Result<()> {
    let name = strip_compression_suffix(&source.name).to_string();
    let mut limited = Expansion::new(decoder, ctx, source.ticket.name());
    open(
        Source {
            name,
            file: None,
            compressions: source.compressions + 1,
            ..source
        },
        &mut limited,
        sink,
        ctx,
    )
}

fn strip_compression_suffix(name: &str) -> &str {
    for suffix in [".gz", ".tgz", ".bz2", ".xz", ".zst", ".zstd"] {
        let cut = name.len().saturating_sub(suffix.len());
        if name.is_char_boundary(cut) && name[cut..].eq_ignore_ascii_case(suffix) {
            return if suffix == ".tgz" { name } else { &name[..cut] };
        }
    }
    name
}

/// The source for a member of a bundle (or a part of an e-mail).
pub(super) fn member<'a>(bundle: &Source, raw_name: &[u8]) -> Source<'a> {
    let shown = escape(raw_name);
    let member = match &bundle.ticket.member {
        Some(outer) => format!("{outer}:{shown}"),
        None => shown.clone(),
    };
    Source {
        ticket: Ticket {
            file: bundle.ticket.file.clone(),
            member: Some(member),
            raw_file: bundle.ticket.raw_file.clone(),
        },
        name: shown,
        file: None,
        named: false,
        depth: bundle.depth + 1,
        compressions: 0,
        continues_ticket: false,
        written: bundle.written,
    }
}

/// A tar archive, read as a stream: members in the archive's order.
fn tar(source: Source, reader: impl Read, sink: &mut dyn Sink, ctx: &Context) -> io::Result<()> {
    let mut archive = tar::Archive::new(reader);
    for entry in archive.entries().map_err(damaged)? {
        if ctx.stopped() {
            break;
        }
        let entry = entry.map_err(damaged)?;
        if !entry.header().entry_type().is_file() {
            continue;
        }
        let mut inner = member(&source, &entry.path_bytes());
        // A member's own time, where the archive keeps one: a syslog's
        // dates take their year from it, not from the archive's file.
        let mtime = entry.header().mtime().ok().filter(|&t| t > 0);
        let written = mtime.and_then(|t| jiff::Timestamp::from_second(t as i64).ok());
        inner.written = written.or(inner.written);
        let mut limited = Expansion::new(entry, ctx, inner.ticket.name());
        scan(inner, &mut limited, sink, ctx);
    }
    Ok(())
}

/// A zip archive: read in place when it is a file on disk, else spooled to
/// a temporary file (removed when done), since a zip is read from its end.
fn zip(
    source: Source,
    mut reader: impl Read,
    sink: &mut dyn Sink,
    ctx: &Context,
) -> io::Result<()> {
    match source.file {
        Some(file) => {
            let mut file = file;
            file.rewind()?;
            zip_members(&source, file, sink, ctx)
        }
        None => {
            let mut spool = tempfile::tempfile()?;
            let mut limited = Expansion::new(&mut reader, ctx, source.ticket.name());
            io::copy(&mut limited, &mut spool)?;
            spool.rewind()?;
            zip_members(&source, spool, sink, ctx)
        }
    }
}

fn zip_members(
    source: &Source,
    archive: impl Read + Seek,
    sink: &mut dyn Sink,
    ctx: &Context,
) -> io::Result<()> {
    let mut archive = zip::ZipArchive::new(archive).map_err(|e| damaged(zip_error(e)))?;
    for index in 0..archive.len() {
        if ctx.stopped() {
            break;
        }
        let name = match archive.name_for_index(index) {
            Some(Ok(name)) => name.as_bytes().to_vec(),
            _ => b"?".to_vec(),
        };
        let entry = match archive.by_index(index) {
            Ok(entry) => entry,
            Err(e) => {
                let shown = member(source, &name).ticket.name();
                ctx.notes.failure(&shown, &zip_error(e).to_string());
                continue;
            }
        };
        if entry.is_dir() {
            continue;
        }
        let mut inner = member(source, entry.name_raw());
        inner.written = entry.last_modified().and_then(zip_time).or(inner.written);
        let display = inner.ticket.name();
        let mut limited = Expansion::new(entry, ctx, display);
        scan(inner, &mut limited, sink, ctx);
    }
    Ok(())
}

/// A zip member's time (its local time, taken as UTC: only the day bears
/// on dates).
fn zip_time(time: zip::DateTime) -> Option<jiff::Timestamp> {
    let date = jiff::civil::date(time.year() as i16, time.month() as i8, time.day() as i8);
    let at = date.at(
        time.hour() as i8,
        time.minute() as i8,
        time.second() as i8,
        0,
    );
    at.to_zoned(jiff::tz::TimeZone::UTC)
        .ok()
        .map(|z| z.timestamp())
}

/// A bundle that cannot be read on: its reason, said as what it means.
fn damaged(e: io::Error) -> io::Error {
    io::Error::new(
        e.kind(),
        format!("a damaged or truncated archive ({})", super::io_reason(&e)),
    )
}

fn zip_error(e: zip::result::ZipError) -> io::Error {
    match e {
        zip::result::ZipError::Io(e) => e,
        other => io::Error::new(io::ErrorKind::InvalidData, other.to_string()),
    }
}

/// Ends a decompressed stream after `--max-expand` bytes, with a note, so
/// a bomb costs time, not memory, and not forever.
struct Expansion<'a, 'b, R> {
    inner: R,
    left: u64,
    ctx: &'a Context<'b>,
    name: String,
}

impl<'a, 'b, R: Read> Expansion<'a, 'b, R> {
    fn new(inner: R, ctx: &'a Context<'b>, name: String) -> Self {
        Expansion {
            inner,
            left: ctx.limits.max_expand,
            ctx,
            name,
        }
    }
}

impl<R: Read> Read for Expansion<'_, '_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.left == 0 {
            return Ok(0);
        }
        let want = buf
            .len()
            .min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let read = self.inner.read(&mut buf[..want])?;
        self.left -= read as u64;
        if self.left == 0 {
            self.ctx.notes.note(&format!(
                "{}: stopped after {} decompressed (--max-expand)",
                self.name,
                flag_size(self.ctx.limits.max_expand)
            ));
        }
        Ok(read)
    }
}

/// A size as `--max-expand` takes it: `4G`, `100M`, `64K`, or bytes.
fn flag_size(bytes: u64) -> String {
    match bytes {
        0 => "0 bytes".to_string(),
        _ if bytes.is_multiple_of(1 << 30) => format!("{}G", bytes >> 30),
        _ if bytes.is_multiple_of(1 << 20) => format!("{}M", bytes >> 20),
        _ if bytes.is_multiple_of(1 << 10) => format!("{}K", bytes >> 10),
        _ => format!("{bytes} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_told_by_content() {
        assert_eq!(sniff(b"\x1f\x8b\x08rest"), Kind::Gzip);
        assert_eq!(sniff(b"BZh91AY&SY"), Kind::Bzip2);
        assert_eq!(sniff(b"BZh is a word"), Kind::Text);
        assert_eq!(sniff(b"\xfd7zXZ\x00\x00"), Kind::Xz);
        assert_eq!(sniff(b"\x28\xb5\x2f\xfd\x00"), Kind::Zstd);
        assert_eq!(sniff(b"PK\x03\x04...."), Kind::Zip);
        let mut tar = vec![b'a'; 512];
        tar[257..262].copy_from_slice(b"ustar");
        assert_eq!(sniff(&tar), Kind::Tar);
        assert_eq!(sniff(b"\xff\xfee\x00r\x00"), Kind::Utf16);
        assert_eq!(sniff(b"ELF\x00\x00"), Kind::Binary);
        assert_eq!(sniff(b"error 7100\n"), Kind::Text);
        assert_eq!(sniff(b"From: a@b\nSubject: x\n\nerror 7100\n"), Kind::Mail);
        assert_eq!(sniff(b""), Kind::Text);
    }

    #[test]
    fn sizes_are_said_as_the_flag_takes_them() {
        assert_eq!(flag_size(4 << 30), "4G");
        assert_eq!(flag_size(100 << 20), "100M");
        assert_eq!(flag_size(1024), "1K");
        assert_eq!(flag_size(1000), "1000 bytes");
    }

    #[test]
    fn compression_suffixes_come_off_the_name() {
        assert_eq!(strip_compression_suffix("export.jsonl.gz"), "export.jsonl");
        assert_eq!(strip_compression_suffix("a.NDJSON.ZST"), "a.NDJSON");
        assert_eq!(strip_compression_suffix("logs.tgz"), "logs.tgz");
        assert_eq!(strip_compression_suffix("é.gz"), "é");
        assert_eq!(strip_compression_suffix("gz"), "gz");
    }
}
