//! The checked-in completion scripts and man page must be what the binary
//! and its CLI definition generate. To regenerate them after changing the
//! CLI or the catalog: `SPERR_BLESS=1 cargo test --test generated`.

mod common;

use clap::CommandFactory;
use std::path::Path;

fn check(path: &str, generated: &[u8]) {
    let path = common::root().join(path);
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
        let output = common::sperr()
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(output.status.success(), "sperr completions {shell} failed");
        assert!(!output.stdout.is_empty());
        check(file, &output.stdout);
    }
}

/// The sections of a help text's epilogue (`after_help`): a title line
/// ending in `:` (`Exit status (as grep's):` is EXIT STATUS), then
/// `  TERM  DESCRIPTION` lines, a description being optional.
fn sections(text: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut sections: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for line in text.lines() {
        if let Some(item) = line.strip_prefix("  ") {
            let (term, description) = item.split_once("  ").unwrap_or((item, ""));
            let section = sections.last_mut().expect("an item under a title");
            section
                .1
                .push((term.trim().to_string(), description.trim().to_string()));
        } else if let Some(title) = line.strip_suffix(':') {
            let title = title.split(" (").next().unwrap().to_uppercase();
            sections.push((title, Vec::new()));
        }
    }
    sections
}

/// Each item as a tagged paragraph, with or without a description, so that
/// the items of a section are laid out alike.
fn render_sections(out: &mut Vec<u8>, sections: &[(String, Vec<(String, String)>)]) {
    use clap_mangen::roff::{Roff, bold, roman};
    for (title, items) in sections {
        let mut roff = Roff::new();
        roff.control("SH", [title.as_str()]);
        for (term, text) in items {
            roff.control("TP", []);
            roff.text([bold(term.as_str())]);
            if !text.is_empty() {
                roff.text([roman(text.as_str())]);
            }
        }
        roff.to_writer(out).unwrap();
    }
}

/// Whether an option is given a value (`--code SELECTOR`), not a flag.
fn takes_a_value(arg: &clap::Arg) -> bool {
    arg.get_num_args().is_some_and(|n| n.takes_values())
        && !matches!(
            arg.get_action(),
            clap::ArgAction::SetTrue | clap::ArgAction::Count
        )
}

/// The SYNOPSIS, with each option's value name (clap_mangen's leaves them
/// out: `[--code]`): `sperr scan [--code SELECTOR]... [PATH]...`.
fn render_synopsis(out: &mut Vec<u8>, command: &clap::Command, name: &str) {
    use clap_mangen::roff::{Roff, bold, italic, roman};
    let mut command = command.clone();
    command.build(); // fills in the value names of global options
    let mut line = vec![bold(name.replace('-', " "))];
    // Options first, then the positional arguments, as usage lines go.
    let mut args: Vec<&clap::Arg> = command
        .get_arguments()
        .filter(|a| !a.is_hide_set())
        .collect();
    args.sort_by_key(|a| a.is_positional());
    for arg in args {
        let values: Vec<String> = arg
            .get_value_names()
            .map(|names| names.iter().map(|n| n.to_string()).collect())
            .unwrap_or_default();
        let takes_value = takes_a_value(arg);
        let repeats = matches!(
            arg.get_action(),
            clap::ArgAction::Append | clap::ArgAction::Count
        );
        let required = arg.is_required_set();
        line.push(roman(if required { " " } else { " [" }));
        if arg.is_positional() {
            line.push(italic(
                values
                    .first()
                    .cloned()
                    .unwrap_or_else(|| arg.get_id().to_string()),
            ));
        } else {
            let mut names = Vec::new();
            if let Some(short) = arg.get_short() {
                names.push(format!("-{short}"));
            }
            if let Some(long) = arg.get_long() {
                names.push(format!("--{long}"));
            }
            line.push(bold(names.join("|")));
            if takes_value {
                let value = values.first().cloned().unwrap_or_else(|| "VALUE".into());
                line.push(roman(" "));
                line.push(italic(value));
            }
        }
        if !required {
            line.push(roman("]"));
        }
        if repeats
            || (arg.is_positional() && arg.get_num_args().is_some_and(|n| n.max_values() > 1))
        {
            line.push(roman("..."));
        }
    }
    if command.has_subcommands() {
        line.push(roman(" "));
        line.push(italic("<COMMAND>"));
    }
    let mut roff = Roff::new();
    roff.control("SH", ["SYNOPSIS"]);
    roff.text(line);
    roff.to_writer(out).unwrap();
}

/// A man page: clap's sections, then the EXAMPLES of the command's help
/// epilogue, and the EXIT STATUS and ENVIRONMENT of sperr's; all from
/// what `--help` shows.
fn man_page(command: &clap::Command, name: &str) -> Vec<u8> {
    let man = clap_mangen::Man::new(command.clone().name(leak(name))).date("2026-11-24");
    let epilogue = |c: &clap::Command| {
        c.get_after_help()
            .map(|h| h.to_string())
            .unwrap_or_default()
    };
    let main_sections = sections(&epilogue(&sperr::cli::Cli::command()));
    // The command's own examples and exit status (completions has one of
    // its own), then sperr's exit status and environment.
    let mut wanted = sections(&epilogue(command));
    wanted.retain(|(title, _)| title == "EXAMPLES" || title == "EXIT STATUS");
    let own_status = wanted.iter().any(|(title, _)| title == "EXIT STATUS");
    wanted.extend(
        main_sections
            .into_iter()
            .filter(|(title, _)| (title == "EXIT STATUS" && !own_status) || title == "ENVIRONMENT"),
    );
    let mut out = Vec::new();
    man.render_title(&mut out).unwrap();
    man.render_name_section(&mut out).unwrap();
    render_synopsis(&mut out, command, name);
    man.render_description_section(&mut out).unwrap();
    man.render_options_section(&mut out).unwrap();
    if command.has_subcommands() {
        man.render_subcommands_section(&mut out).unwrap();
    }
    render_sections(&mut out, &wanted);
    if name != "sperr" {
        use clap_mangen::roff::{Roff, bold, roman};
        let mut roff = Roff::new();
        roff.control("SH", ["SEE ALSO"]);
        roff.text([bold("sperr"), roman("(1)")]);
        roff.to_writer(&mut out).unwrap();
    }
    if command.get_version().is_some() {
        man.render_version_section(&mut out).unwrap();
    }
    out
}

fn leak(name: &str) -> &'static str {
    Box::leak(name.to_string().into_boxed_str())
}

#[test]
fn man_page_matches_the_cli_definition() {
    let page = man_page(&sperr::cli::Cli::command(), "sperr");
    let text = String::from_utf8_lossy(&page);
    for section in [
        ".SH SYNOPSIS",
        ".SH DESCRIPTION",
        ".SH SUBCOMMANDS",
        ".SH EXAMPLES",
        ".SH \"EXIT STATUS\"",
        ".SH ENVIRONMENT",
    ] {
        assert!(text.contains(section), "no {section} section");
    }
    assert!(!text.contains(".SH EXTRA"));
    check("man/sperr.1", &page);
}

#[test]
fn each_subcommand_has_its_man_page() {
    let mut command = sperr::cli::Cli::command();
    command.build(); // gives each subcommand the global options
    // `sperr help` is clap's, and has no page: its SEE ALSO would name
    // pages that do not exist.
    assert!(
        !Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("man/sperr-help.1")
            .exists()
    );
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("sperr-{}", sub.get_name());
        let page = man_page(sub, &name);
        let text = String::from_utf8_lossy(&page);
        assert!(text.contains(&name));
        {
            for section in [
                ".SH DESCRIPTION",
                ".SH EXAMPLES",
                ".SH \"EXIT STATUS\"",
                ".SH ENVIRONMENT",
            ] {
                assert!(text.contains(section), "{name}: no {section} section");
            }
            let about = sub.get_about().unwrap().to_string();
            let description = text.split(".SH DESCRIPTION").nth(1).unwrap();
            assert!(
                description.len() > about.len() * 2,
                "{name}: the DESCRIPTION says more than the summary"
            );
        }
        assert!(!text.contains(".SH EXTRA"), "{name}");
        // Every example laid out alike; options with their value names.
        let examples = text.split(".SH EXAMPLES").nth(1).unwrap();
        let examples = examples.split(".SH").next().unwrap();
        assert!(
            !examples.contains(".IP"),
            "{name}: an example laid out apart"
        );
        for arg in sub
            .get_arguments()
            .filter(|a| !a.is_positional() && !a.is_hide_set() && takes_a_value(a))
        {
            if let (Some(long), Some(value)) = (arg.get_long(), arg.get_value_names()) {
                let shown = format!(
                    "\\-\\-{}\\fR \\fI{}\\fR",
                    long.replace('-', "\\-"),
                    value[0]
                );
                assert!(text.contains(&shown), "{name}: no {shown} in the SYNOPSIS");
            }
        }
        if sub.get_name() == "completions" {
            assert!(
                text.contains("the script was written"),
                "{name}: its own exit status"
            );
            assert!(!text.contains("something was found"), "{name}");
        }
        check(&format!("man/{name}.1"), &page);
    }
}

#[test]
fn the_readmes_man_command_renders_the_page() {
    let output = std::process::Command::new("man")
        .args(["-l", "man/sperr.1"])
        .current_dir(common::root())
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

/// The package's one-line summary fits one line: cargo-deb wraps a longer
/// one, and its tail became the first line of the long description.
#[test]
fn the_package_summary_fits_one_line() {
    let summary = env!("CARGO_PKG_DESCRIPTION");
    assert!(summary.len() < 80 && !summary.contains('\n'), "{summary}");
}

/// The catalog's embeddings (src/search/embeddings.bin) must be those of
/// today's catalog texts and phrasings under today's model: the
/// fingerprint says which texts and model made them, and each stored
/// vector must be what the model gives its text now.
#[cfg(feature = "semantic")]
#[test]
fn the_catalogs_embeddings_match_its_texts_and_the_model() {
    use sperr::search::semantic;
    let texts = semantic::catalog_texts();
    let embedder = semantic::embedder().expect("the model loads");
    let path = common::root().join("src/search/embeddings.bin");
    if std::env::var_os("SPERR_BLESS").is_some() {
        let strings: Vec<&str> = texts.iter().map(|(_, _, text)| text.as_str()).collect();
        let vectors = embedder.embed_many(&strings);
        std::fs::write(&path, semantic::encode(&texts, &vectors)).unwrap();
        return;
    }
    let (fingerprint, stored) = semantic::stored().expect("embeddings.bin is a store");
    assert!(
        fingerprint == semantic::fingerprint(&texts),
        "{} is out of date (errors.toml, phrasings.toml or the model changed): \
         run `SPERR_BLESS=1 cargo test --test generated`",
        path.display()
    );
    assert_eq!(stored.len(), texts.len());
    for ((code, phrasing, text), record) in texts.iter().zip(&stored) {
        assert_eq!((record.code, record.phrasing), (*code, *phrasing));
        let fresh = embedder.embed(text);
        let similarity: f32 = fresh.iter().zip(record.vector()).map(|(a, b)| a * b).sum();
        assert!(similarity > 0.995, "{code}: {text:?}: {similarity}");
    }
}
