//! The checked-in completion scripts and man page must be what the binary
//! and its CLI definition generate. To regenerate them after changing the
//! CLI or the catalog: `SPERR_BLESS=1 cargo test --test generated`.

use assert_cmd::Command;
use clap::CommandFactory;
use std::path::Path;

fn check(path: &str, generated: &[u8]) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::env::var_os("SPERR_BLESS").is_some() {
        std::fs::write(&path, generated).unwrap();
        return;
    }
    let checked_in = std::fs::read(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "{} is out of date: run `SPERR_BLESS=1 cargo test --test generated`",
        path.display()
    );
}

#[test]
fn completion_scripts_match_the_binary() {
    for (shell, file) in [
        ("bash", "completions/sperr.bash"),
        ("zsh", "completions/_sperr"),
        ("fish", "completions/sperr.fish"),
        ("elvish", "completions/sperr.elv"),
        ("powershell", "completions/_sperr.ps1"),
    ] {
        let output = Command::cargo_bin("sperr")
            .unwrap()
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(output.status.success(), "sperr completions {shell} failed");
        assert!(!output.stdout.is_empty());
        check(file, &output.stdout);
    }
}

const EXAMPLES: &[(&str, &str)] = &[
    ("sperr show 7100", "One error as a card."),
    (
        "sperr show 7100-7107 13xxx",
        "Ranges and patterns, one row per error.",
    ),
    (
        "sperr explain 7100",
        "The long form, with the codes of its family.",
    ),
    (
        "pbpaste | sperr explain",
        "Explain every error in a pasted ticket or log.",
    ),
    (
        "sperr search account locked",
        "Find an error by its words; typos are forgiven.",
    ),
    (
        "sperr list --category account",
        "Every error of one category.",
    ),
    (
        "sperr scan tickets/*.txt --summary",
        "Count the errors in a folder of tickets.",
    ),
    ("sperr show 7100 --json | jq .", "JSON for scripts."),
];

const EXIT_STATUS: &[(&str, &str)] = &[
    (
        "0",
        "Something was found; each argument that named nothing gets a line on stderr.",
    ),
    (
        "1",
        "Nothing was found: an unknown code, no search hit, no code in the scanned text.",
    ),
    (
        "2",
        "A usage or I/O error; for scan, also when some file could not be read.",
    ),
];

fn man_page() -> Vec<u8> {
    use clap_mangen::roff::{Roff, bold, roman};
    let command = sperr::cli::Cli::command();
    let man = clap_mangen::Man::new(command.clone()).date("2026-11-24");
    let mut out = Vec::new();
    man.render_title(&mut out).unwrap();
    man.render_name_section(&mut out).unwrap();
    man.render_synopsis_section(&mut out).unwrap();
    man.render_description_section(&mut out).unwrap();
    man.render_options_section(&mut out).unwrap();
    man.render_subcommands_section(&mut out).unwrap();
    for (title, items) in [("EXAMPLES", EXAMPLES), ("EXIT STATUS", EXIT_STATUS)] {
        let mut roff = Roff::new();
        roff.control("SH", [title]);
        for (term, text) in items {
            roff.control("TP", []);
            roff.text([bold(*term)]);
            roff.text([roman(*text)]);
        }
        roff.to_writer(&mut out).unwrap();
    }
    man.render_version_section(&mut out).unwrap();
    out
}

#[test]
fn man_page_matches_the_cli_definition() {
    let page = man_page();
    let text = String::from_utf8_lossy(&page);
    for section in [
        ".SH SYNOPSIS",
        ".SH SUBCOMMANDS",
        ".SH EXAMPLES",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(text.contains(section), "no {section} section");
    }
    check("man/sperr.1", &page);
}

#[test]
fn each_subcommand_has_its_man_page() {
    let mut command = sperr::cli::Cli::command();
    command.build(); // gives each subcommand the global options
    for sub in command.get_subcommands() {
        let name = format!("sperr-{}", sub.get_name());
        let mut page = Vec::new();
        clap_mangen::Man::new(sub.clone().name(&*Box::leak(name.clone().into_boxed_str())))
            .date("2026-11-24")
            .render(&mut page)
            .unwrap();
        assert!(String::from_utf8_lossy(&page).contains(&name));
        check(&format!("man/{name}.1"), &page);
    }
}

#[test]
fn the_readmes_man_command_renders_the_page() {
    let output = std::process::Command::new("man")
        .args(["-l", "man/sperr.1"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .output();
    let Ok(output) = output else {
        eprintln!("skipped: man is not installed");
        return;
    };
    let page = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        page.contains("EXIT STATUS") && page.contains("sperr-show(1)"),
        "{page}"
    );
}
