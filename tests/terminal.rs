//! The binary on a real terminal, in tmux: what a person sees when stdin or
//! stdout is a terminal. Skipped where tmux is not installed.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

/// A word quoted for the shell.
fn quoted(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}

/// `env` arguments for the common environment, but for what a terminal
/// gives: TERM is tmux's, and COLUMNS is removed, so that the window's
/// width counts.
fn environment() -> String {
    let (removed, set): (Vec<_>, Vec<_>) = common::ENVIRONMENT
        .iter()
        .filter(|(name, _)| *name != "TERM")
        .partition(|(name, value)| value.is_none() || *name == "COLUMNS");
    // env reads its options before the first assignment.
    let removed = removed.iter().map(|(name, _)| format!("-u {name}"));
    let set = set
        .iter()
        .map(|(name, value)| format!("{name}={}", quoted(value.unwrap())));
    removed.chain(set).collect::<Vec<_>>().join(" ")
}

/// One tmux server of its own, with one window running a command.
struct Terminal {
    socket: String,
}

impl Terminal {
    /// Runs `command` (a shell command line) in a `width` x `height`
    /// window; its exit status is printed after it ends.
    fn start(name: &str, width: u16, height: u16, command: &str) -> Option<Terminal> {
        let socket = format!("sperr-test-{}-{name}", std::process::id());
        let line = format!(
            "env {} SPERR={} sh -c '{command}; echo \"[exit $?]\"; sleep 60'",
            environment(),
            quoted(&common::bin().to_string_lossy()),
        );
        let started = Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d"])
            .args(["-x", &width.to_string(), "-y", &height.to_string(), &line])
            .status();
        match started {
            Ok(s) if s.success() => Some(Terminal { socket }),
            _ => {
                eprintln!("skipped: tmux cannot start here");
                None
            }
        }
    }

    fn tmux(&self, args: &[&str]) -> String {
        let output = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn send(&self, keys: &[&str]) {
        self.tmux(&[&["send-keys", "-t", "0"][..], keys].concat());
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "0"])
    }

    /// The screen once it shows `text`; panics after ten seconds.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {text:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

#[test]
fn explain_dash_reads_a_ticket_pasted_on_the_terminal() {
    let Some(term) = Terminal::start("explain", 100, 50, "$SPERR explain - --no-pager") else {
        return;
    };
    term.wait_for("press Ctrl-D");
    term.send(&["login failed with error 7103", "Enter"]);
    term.send(&["C-d"]);
    let screen = term.wait_for("[exit ");
    assert!(
        screen.starts_with(
            "sperr: reading stdin: paste a ticket or log, then press Ctrl-D on a new line\n"
        ),
        "{screen}"
    );
    assert!(screen.contains("Error 7103 · Account (7XXX)"), "{screen}");
    assert!(screen.contains("[exit 0]"), "{screen}");
}

#[test]
fn explain_with_no_argument_on_a_terminal_says_how_to_use_it() {
    let Some(term) = Terminal::start("explain-none", 200, 10, "$SPERR explain") else {
        return;
    };
    let screen = term.wait_for("[exit ");
    assert!(
        screen.contains("use `sperr explain -` to paste one"),
        "{screen}"
    );
    assert!(screen.contains("[exit 2]"), "{screen}");
}

#[test]
fn tables_fit_a_40_column_terminal_without_cutting_words() {
    let Some(term) = Terminal::start("narrow", 40, 40, "$SPERR list --categories") else {
        return;
    };
    let screen = term.wait_for("[exit ");
    assert!(screen.contains("┆ Communication "), "{screen}");
    assert!(screen.contains("┆ Authentication "), "{screen}");
    assert!(screen.lines().all(|l| l.chars().count() <= 40), "{screen}");
    assert!(screen.contains("[exit 0]"), "{screen}");
}

#[test]
fn less_as_the_pager_shows_colours_not_escape_codes() {
    let command = "printf \"#!/bin/sh\\\\necho LESS=\\$LESS\\\\n\" > pager; chmod +x pager; \
                   PAGER=./pager $SPERR list";
    let dir = std::env::temp_dir().join(format!("sperr-less-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let Some(term) = Terminal::start(
        "less",
        80,
        10,
        &format!("cd {} && {command}", dir.display()),
    ) else {
        return;
    };
    let screen = term.wait_for("[exit ");
    assert!(screen.contains("LESS=FRX"), "{screen}");
    std::fs::remove_dir_all(dir).unwrap();
}

/// Ctrl-C while `less` pages the output is the pager's alone: sperr waits
/// for it, so the shell does not read the keyboard beside it; quitting the
/// pager ends sperr as usual.
#[test]
fn ctrl_c_while_paged_reaches_the_pager_alone() {
    if Command::new("less").arg("--version").output().is_err() {
        eprintln!("skipped: less is not installed");
        return;
    }
    // The shell's trap keeps it alive through Ctrl-C, to print the status.
    let command = "trap \"echo [interrupt]\" INT; PAGER=less $SPERR list";
    let Some(term) = Terminal::start("pager-interrupt", 80, 10, command) else {
        return;
    };
    term.wait_for("Communication");
    term.send(&["C-c"]);
    std::thread::sleep(Duration::from_millis(500));
    let screen = term.screen();
    assert!(
        !screen.contains("[exit "),
        "sperr ended under its pager:\n{screen}"
    );
    term.send(&["q"]);
    let screen = term.wait_for("[exit ");
    assert!(screen.contains("[exit 0]"), "{screen}");
}

/// Ctrl-C during a scan that draws the progress line clears the line and
/// ends with status 130.
#[test]
fn ctrl_c_during_a_scan_clears_the_progress_line() {
    let command = "trap \"echo [interrupt]\" INT; sleep 30 | $SPERR scan --summary";
    let Some(term) = Terminal::start("progress-interrupt", 80, 10, command) else {
        return;
    };
    term.wait_for("files done");
    term.send(&["C-c"]);
    let screen = term.wait_for("[exit ");
    assert!(screen.contains("[exit 130]"), "{screen}");
    assert!(!screen.contains("files done"), "the line stayed:\n{screen}");
}

#[test]
fn a_files_hits_line_up_under_its_name() {
    // Lines of one and two digits, codes of four and five.
    let log = common::data_path("scan-blind21-dev/08_rewards-api_2016-10-04.log");
    let command = format!("$SPERR scan {}", log.display());
    let Some(term) = Terminal::start("grouped", 120, 20, &command) else {
        return;
    };
    let screen = term.wait_for("[exit ");
    let is_hit = |l: &&str| l.trim_start().starts_with(|c: char| c.is_ascii_digit());
    let hits: Vec<&str> = screen.lines().filter(is_hit).collect();
    assert!(hits.len() >= 4, "{screen}");
    assert!(hits.iter().any(|h| h.contains(":10011 ")), "{screen}");
    let message_column = |hit: &&str| hit.find(|c: char| c.is_ascii_alphabetic());
    let first = message_column(&hits[0]);
    assert!(first.is_some(), "{screen}");
    assert!(hits.iter().all(|h| message_column(h) == first), "{screen}");
}
