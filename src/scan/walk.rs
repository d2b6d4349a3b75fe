//! Which files the paths name, as ripgrep walks them (the `ignore` crate):
//! named paths in the order given; inside a directory, entries sorted by
//! name, hidden files and what `.gitignore`, `.ignore` and `.rgignore`
//! exclude skipped unless asked; links followed only with `-L`. The files
//! are scanned by worker threads, and their output comes out in the order
//! of the walk.

use super::live;
use super::sink::{Sink, SinkFactory};
use super::unpack::{self, Source};
use super::{Context, Options, Ticket, escape};
use ignore::WalkBuilder;
use ignore::overrides::OverrideBuilder;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// How directories are walked.
#[derive(Debug, Default, Clone)]
pub struct WalkOptions {
    /// Walk hidden files and directories too.
    pub hidden: bool,
    /// Ignore files (`.gitignore`, `.ignore`, `.rgignore`) are not read.
    pub no_ignore: bool,
    /// Globs a file must match (`!` to exclude), as ripgrep's `-g`.
    pub globs: Vec<String>,
    pub max_depth: Option<usize>,
    /// Follow symbolic links.
    pub follow: bool,
}

/// One thing to scan, with its place in the output order.
enum Job {
    Stdin,
    /// A file: named on the command line, or met while walking.
    File {
        path: PathBuf,
        named: bool,
    },
}

/// How many paths the walk may have found ahead of the workers.
const QUEUED_PATHS: usize = 4096;

/// Walks the paths and scans what they name on `options.threads` workers.
pub(super) fn scan_paths(options: &Options, sinks: &dyn SinkFactory, ctx: &Context) {
    let threads = options.threads.max(1);
    // The walk may run far ahead: a path queued costs little, and a walker
    // that waits on full queue wakes and sleeps once a file.
    let (jobs, queue) = crossbeam_channel::bounded::<(usize, Job)>(QUEUED_PATHS);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let queue = queue.clone();
            let mut sink = sinks.make();
            scope.spawn(move || {
                for (seq, job) in queue {
                    sink.job(seq);
                    if !ctx.stopped() {
                        ctx.working(true);
                        scan_job(&job, sink.as_mut(), ctx);
                        ctx.working(false);
                    }
                    sink.job_done(seq);
                    ctx.file_done();
                }
                sink.end();
            });
        }
        drop(queue);
        let mut seq = 0;
        let mut send = |job: Job| {
            let sent = jobs.send((seq, job)).is_ok();
            seq += 1;
            sent && !ctx.stopped()
        };
        walk(options, ctx, &mut send);
        drop(jobs);
    });
}

/// Turns the paths into jobs, in order, until `send` says stop.
fn walk(options: &Options, ctx: &Context, send: &mut dyn FnMut(Job) -> bool) {
    let stdin = [PathBuf::from("-")];
    let paths = if options.paths.is_empty() {
        &stdin[..]
    } else {
        &options.paths[..]
    };
    for path in paths {
        if path == Path::new("-") {
            if !send(Job::Stdin) {
                return;
            }
            continue;
        }
        let is_dir = std::fs::metadata(path).is_ok_and(|m| m.is_dir());
        if !is_dir {
            // A file, a FIFO or a device named explicitly is read; one that
            // cannot be opened is reported when its turn comes.
            if !send(Job::File {
                path: path.clone(),
                named: true,
            }) {
                return;
            }
            continue;
        }
        let walker = match walker(path, &options.walk) {
            Ok(walker) => walker,
            Err(e) => {
                ctx.notes.failure(&display(path), &e);
                continue;
            }
        };
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    walk_error(&e, ctx);
                    continue;
                }
            };
            // Only regular files: links not followed, FIFOs, sockets and
            // devices met while walking are left alone (a walk never blocks).
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            if !send(Job::File {
                path: entry.into_path(),
                named: false,
            }) {
                return;
            }
        }
    }
}

fn walker(root: &Path, options: &WalkOptions) -> Result<ignore::Walk, String> {
    let mut builder = WalkBuilder::new(root);
    builder
        .hidden(!options.hidden)
        .ignore(!options.no_ignore)
        .git_ignore(!options.no_ignore)
        .git_global(!options.no_ignore)
        .git_exclude(!options.no_ignore)
        .parents(!options.no_ignore)
        // A support archive is seldom a git repository; its .gitignore
        // still says what is not worth reading.
        .require_git(false)
        .add_custom_ignore_filename(".rgignore")
        .follow_links(options.follow)
        .max_depth(options.max_depth)
        .sort_by_file_name(|a, b| a.cmp(b));
    if !options.globs.is_empty() {
        let mut overrides = OverrideBuilder::new(root);
        for glob in &options.globs {
            overrides.add(glob).map_err(|e| {
                // The parser's message quotes the glob as it came.
                let why = escape(e.to_string().as_bytes());
                format!("bad glob \"{}\": {why}", escape(glob.as_bytes()))
            })?;
        }
        builder.overrides(overrides.build().map_err(|e| e.to_string())?);
    }
    Ok(builder.build())
}

/// A problem met while walking: a loop is a note (nothing is left
/// unread); a directory or file that cannot be read is a failure.
fn walk_error(error: &ignore::Error, ctx: &Context) {
    let mut error = error;
    let mut path = None;
    loop {
        match error {
            ignore::Error::WithPath { path: p, err } => {
                path = Some(p.clone());
                error = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                error = err;
            }
            ignore::Error::Loop { child, .. } => {
                ctx.notes.note(&format!(
                    "{}: a link loop; not followed again",
                    display(child)
                ));
                return;
            }
            ignore::Error::Io(e) => {
                let name = path.as_deref().map_or_else(|| "?".to_string(), display);
                ctx.notes.failure(&name, &os_reason(e));
                return;
            }
            other => {
                ctx.notes.failure(
                    &path.as_deref().map_or_else(|| "?".to_string(), display),
                    &other.to_string(),
                );
                return;
            }
        }
    }
}

/// A path as it is shown: control characters and bytes that are not
/// UTF-8 escaped.
pub(super) fn display(path: &Path) -> String {
    escape(path.as_os_str().as_encoded_bytes())
}

fn scan_job(job: &Job, sink: &mut dyn Sink, ctx: &Context) {
    match job {
        Job::Stdin => {
            let (inner, _watch) = live::stdin();
            let mut counted = Counted { inner, ctx };
            unpack::scan(
                source(Ticket::stdin(), "-".into(), None, true),
                &mut counted,
                sink,
                ctx,
            );
        }
        Job::File { path, named } => {
            let name = display(path);
            let file = match File::open(path) {
                Ok(file) => file,
                Err(e) => {
                    ctx.notes.failure(&name, &super::io_reason(&e));
                    return;
                }
            };
            let bytes = path.as_os_str().as_encoded_bytes();
            let ticket = Ticket {
                raw_file: (name.as_bytes() != bytes).then(|| bytes.into()),
                ..Ticket::file(name.clone())
            };
            let _watch = live::Watch::of(&file);
            let mut counted = Counted { inner: &file, ctx };
            let mut source = source(ticket, name, Some(&file), *named);
            if ctx.dates {
                source.written = file
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| jiff::Timestamp::try_from(t).ok());
            }
            unpack::scan(source, &mut counted, sink, ctx);
        }
    }
}

fn source(ticket: Ticket, name: String, file: Option<&File>, named: bool) -> Source<'_> {
    Source {
        ticket,
        name,
        file,
        named,
        depth: 0,
        compressions: 0,
        continues_ticket: false,
        written: None,
    }
}

/// Counts the bytes read from disk or stdin, for progress and `--stats`.
struct Counted<'a, 'b, R> {
    inner: R,
    ctx: &'a Context<'b>,
}

impl<R: Read> Read for Counted<'_, '_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.ctx.bytes_read(read);
        Ok(read)
    }
}

/// The OS's own reason for a walker's error: its text repeats the path
/// ("IO error for operation on d: Permission denied"), and the path is
/// said once, before it.
fn os_reason(error: &io::Error) -> String {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = error.get_ref().map(|e| e as _);
    let mut raw = error.raw_os_error();
    while let (None, Some(e)) = (raw, cause) {
        raw = e
            .downcast_ref::<io::Error>()
            .and_then(io::Error::raw_os_error);
        cause = e.source();
    }
    match raw {
        Some(code) => super::io_reason(&io::Error::from_raw_os_error(code)),
        None => super::io_reason(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// As the walker wraps an OS error: its text names the path again.
    #[derive(Debug)]
    struct Wrapped(io::Error);

    impl std::fmt::Display for Wrapped {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "IO error for operation on d: {}", self.0)
        }
    }

    impl std::error::Error for Wrapped {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.0)
        }
    }

    #[test]
    fn a_walk_error_says_the_os_reason_without_the_path_again() {
        let denied = io::Error::from_raw_os_error(13);
        let wrapped = io::Error::new(io::ErrorKind::PermissionDenied, Wrapped(denied));
        assert_eq!(os_reason(&wrapped), "Permission denied");
        assert_eq!(
            os_reason(&io::Error::from_raw_os_error(2)),
            "No such file or directory"
        );
    }
}
