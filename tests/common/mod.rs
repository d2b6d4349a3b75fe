//! The one environment every test binary runs `sperr` in, the paths of the
//! repository and its test data, and the helpers more than one binary
//! needs. Each file of tests/ says `mod common;` (cargo makes no test
//! binary of a folder's `mod.rs`), as ripgrep's tests/util.rs and fd's
//! tests/testenv/ do it.
//!
//! A test that needs another environment (a width, colour forced, a
//! terminal) sets it on top of this one, where it runs, and says why.

// Each binary uses a part of this module.
#![allow(dead_code)]

pub mod sets;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{self, Stdio};
use std::time::Duration;

/// A folder that does not exist, for the variables that would otherwise
/// lead sperr to the developer's files (see [`ENVIRONMENT`]).
pub const NOWHERE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/common/nowhere");

/// The environment of every `sperr` a test starts: `Some(value)` is set,
/// `None` removed. Whatever the shell that ran `cargo test` had, sperr sees
/// the same.
pub const ENVIRONMENT: &[(&str, Option<&str>)] = &[
    // The width tables fit: 80 columns, not those of the terminal `cargo
    // test` was started in. Width tests set their own.
    ("COLUMNS", Some("80")),
    // sperr reads no LINES (a terminal's height comes from the terminal);
    // removed so that none reaches it should it ever read one.
    ("LINES", None),
    // No terminal type and no colour variables: colour follows the flags
    // and stdout, which is a pipe. Colour tests set NO_COLOR and
    // CLICOLOR_FORCE themselves.
    ("TERM", None),
    ("NO_COLOR", None),
    ("CLICOLOR_FORCE", None),
    // No pager, and none of the pager's own settings: sperr pages only on
    // a terminal, and what it passes to the pager (LESS=FRX, LV=-c when
    // unset) is tested on one, in tests/terminal.rs.
    ("PAGER", None),
    ("SPERR_PAGER", None),
    ("LESS", None),
    ("LV", None),
    // One locale on every machine. sperr reads none today and writes
    // English in UTF-8; nothing it could start inherits the developer's
    // language.
    ("LC_ALL", Some("C.UTF-8")),
    ("LANGUAGE", None),
    // `sperr scan DIR` walks with the ignore crate, which reads git's
    // global and system configuration for `core.excludesFile`, else
    // ~/.config/git/ignore: a developer's `*.log` there made scans of
    // tests/data skip files. Every place it looks is nowhere.
    ("HOME", Some(NOWHERE)),
    ("XDG_CONFIG_HOME", Some(NOWHERE)),
    ("GIT_CONFIG_GLOBAL", None),
    ("GIT_CONFIG_SYSTEM", Some(NOWHERE)),
];

/// How long a `sperr` started by [`sperr`] may run before the test fails
/// rather than hangs.
pub const TIMEOUT: Duration = Duration::from_secs(120);

/// The repository's root, the folder every `sperr` runs in.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A file or folder under tests/data, by its path there.
pub fn data_path(path: &str) -> PathBuf {
    root().join("tests/data").join(path)
}

/// The text of a file under tests/data.
pub fn data(path: &str) -> String {
    let path = data_path(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The bytes of a file under tests/data.
pub fn data_bytes(path: &str) -> Vec<u8> {
    let path = data_path(path);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The built `sperr` binary.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_sperr"))
}

/// `sperr` as a std Command: in [`ENVIRONMENT`], in the repository's root,
/// without arguments. For a test that needs the child itself (pipes it
/// closes, stdout on /dev/full).
pub fn sperr_process() -> process::Command {
    assert!(
        !Path::new(NOWHERE).exists(),
        "{NOWHERE} must not exist: the tests' environment points there"
    );
    let mut command = process::Command::new(bin());
    command.current_dir(root());
    for (name, value) in ENVIRONMENT {
        match value {
            Some(value) => command.env(name, value),
            None => command.env_remove(name),
        };
    }
    command
}

/// `sperr` as an assert_cmd Command, in the same environment, failing
/// after [`TIMEOUT`].
pub fn sperr() -> assert_cmd::Command {
    let mut command = assert_cmd::Command::from_std(sperr_process());
    command.timeout(TIMEOUT);
    command
}

/// `sperr ARGS` with stdin, stdout and stderr piped, running.
pub fn spawn<S: AsRef<OsStr>>(args: &[S]) -> process::Child {
    sperr_process()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// A finished `sperr`: its exit status (-1 when a signal ended it), and
/// its stdout and stderr, which must be UTF-8.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `command` to its end.
pub fn run_with(command: &mut assert_cmd::Command) -> Run {
    let output = command.output().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs `sperr ARGS`, stdin empty.
pub fn run<S: AsRef<OsStr>>(args: &[S]) -> Run {
    run_with(sperr().args(args))
}

/// Runs `sperr ARGS` with `input` on stdin.
pub fn stdin_run<S: AsRef<OsStr>>(args: &[S], input: impl Into<Vec<u8>>) -> Run {
    run_with(sperr().args(args).write_stdin(input))
}

/// /dev/full opened for writing, where the system has one: stdout for a
/// `sperr` whose every write fails.
pub fn full_device() -> Option<std::fs::File> {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .ok()
}
