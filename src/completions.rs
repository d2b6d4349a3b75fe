//! Shell completion scripts, generated from the clap definition.
//!
//! The codes complete with their messages through the code argument's
//! possible values (`cli::Suggested`). clap_complete's fish generator leaves
//! positional values out, so fish gets lines of its own, made from the
//! same possible values.

use crate::cli::Cli;
use clap::CommandFactory;
use clap_complete::Shell;
use std::io::{self, Write};

/// Writes the completion script for `shell`.
pub(crate) fn write(shell: Shell, out: &mut dyn Write) -> io::Result<()> {
    let mut command = Cli::command();
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut command, "sperr", &mut buffer);
    let script = String::from_utf8_lossy(&buffer);
    // `sperr 7100` is `sperr show 7100`: a first word completes codes too.
    let codes = command
        .find_subcommand("show")
        .and_then(|show| show.get_positionals().next())
        .map(|arg| arg.get_possible_values())
        .unwrap_or_default();
    let script = without_unused_options(shell, &script);
    out.write_all(with_codes_first(shell, &script, &codes).as_bytes())?;
    if shell == Shell::Fish {
        write_fish_positionals(&command, out)?;
    }
    Ok(())
}

/// The output options `completions` takes only to refuse them
/// (`cli::UnusedOutputArgs`): clap_complete offers them there all the same,
/// with no description; the lines that offer them are left out.
const UNUSED: [&str; 4] = ["color", "format", "json", "no-pager"];

fn without_unused_options(shell: Shell, script: &str) -> String {
    if shell == Shell::Bash {
        return script.replacen(
            "opts=\"-h --color --format --json --no-pager --help bash",
            "opts=\"-h --help bash",
            1,
        );
    }
    let offers_unused = |line: &str| {
        let line = line.trim();
        UNUSED.iter().any(|o| match shell {
            Shell::Zsh => line.starts_with(&format!("'()--{o}[]'")) || line.starts_with(&format!("'()--{o}=[]:")),
            Shell::Fish => line.starts_with(&format!(
                "complete -c sperr -n \"__fish_sperr_using_subcommand completions\" -l {o}"
            )),
            Shell::Elvish => line == format!("cand --{o} '{o}'"),
            Shell::PowerShell => line.starts_with(&format!("[CompletionResult]::new('--{o}', '--{o}', [CompletionResultType]::ParameterName, '{o}')")),
            _ => false,
        })
    };
    // A skipped entry may run over several lines, to its closing quote:
    // zsh's and fish's lists of values.
    let mut out = String::with_capacity(script.len());
    let mut open_quote: Option<char> = None;
    for line in script.split_inclusive('\n') {
        if let Some(quote) = open_quote {
            if line.contains(quote) {
                open_quote = None;
            }
            continue;
        }
        if offers_unused(line) {
            let quote = if shell == Shell::Zsh { '\'' } else { '"' };
            if line.matches(quote).count() % 2 == 1 {
                open_quote = Some(quote);
            }
            continue;
        }
        out.push_str(line);
    }
    out
}

/// The script with the codes offered where a subcommand may stand, as
/// each shell's generated script lists the subcommands there: bash's
/// top-level words, zsh's described commands, fish's lines under
/// `__fish_sperr_needs_command`. elvish and PowerShell are left as clap
/// writes them.
fn with_codes_first(shell: Shell, script: &str, codes: &[clap::builder::PossibleValue]) -> String {
    let help =
        |v: &clap::builder::PossibleValue| v.get_help().map(|h| h.to_string()).unwrap_or_default();
    match shell {
        Shell::Bash => {
            let names: Vec<&str> = codes.iter().map(|v| v.get_name()).collect();
            let top = "completions help\"";
            script.replacen(top, &format!("completions help {}\"", names.join(" ")), 1)
        }
        Shell::Zsh => {
            let anchor = "'help:Print this message or the help of the given subcommand(s)' \\\n";
            let entries: String = codes
                .iter()
                .map(|v| {
                    let text = help(v)
                        .replace('\\', "\\\\")
                        .replace(':', "\\:")
                        .replace('\'', "'\\''");
                    format!("'{}:{text}' \\\n", v.get_name())
                })
                .collect();
            script.replacen(anchor, &format!("{anchor}{entries}"), 1)
        }
        Shell::Fish => {
            let mut script = script.to_string();
            script.push_str("\n# sperr CODE is sperr show CODE: the first word may be a code\n");
            for v in codes {
                script.push_str(&format!(
                    "complete -c sperr -n \"__fish_sperr_needs_command\" -f -a {} -d {}\n",
                    fish_quote(v.get_name()),
                    fish_quote(&help(v))
                ));
            }
            script
        }
        _ => script.to_string(),
    }
}

/// `complete` lines for each subcommand's positional values.
fn write_fish_positionals(command: &clap::Command, out: &mut dyn Write) -> io::Result<()> {
    for sub in command.get_subcommands() {
        for arg in sub.get_positionals() {
            let values = arg.get_possible_values();
            if values.is_empty() {
                continue;
            }
            writeln!(
                out,
                "\n# {} {}: its values, with what they mean",
                sub.get_name(),
                arg.get_id()
            )?;
            for value in values {
                let help = value.get_help().map(|h| h.to_string()).unwrap_or_default();
                writeln!(
                    out,
                    "complete -c sperr -n \"__fish_sperr_using_subcommand {}\" -f -a {} -d {}",
                    sub.get_name(),
                    fish_quote(value.get_name()),
                    fish_quote(&help)
                )?;
            }
        }
    }
    Ok(())
}

/// A fish single-quoted string: `\` and `'` escaped.
fn fish_quote(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fish_gets_the_codes_of_show_and_explain() {
        let mut out = Vec::new();
        write(Shell::Fish, &mut out).unwrap();
        let script = String::from_utf8(out).unwrap();
        assert!(script.contains(
            "complete -c sperr -n \"__fish_sperr_using_subcommand show\" -f -a '7100' -d 'Login attempt failed because the specified password is…'"
        ));
        assert!(script.contains("__fish_sperr_using_subcommand explain\" -f -a '7100'"));
        assert!(!script.contains("__fish_sperr_using_subcommand search\" -f -a"));
    }

    /// `sperr completions <TAB>` offers no option that does nothing there.
    #[test]
    fn completions_offers_no_output_options() {
        for shell in [
            Shell::Bash,
            Shell::Zsh,
            Shell::Fish,
            Shell::Elvish,
            Shell::PowerShell,
        ] {
            let mut out = Vec::new();
            write(shell, &mut out).unwrap();
            let script = String::from_utf8(out).unwrap();
            let block: Vec<&str> = script
                .lines()
                .filter(|l| {
                    l.contains("using_subcommand completions\" -l")
                        || l.trim_start().starts_with("'()--")
                        || l.contains("ParameterName, 'color')")
                        || l.trim() == "cand --json 'json'"
                        || l.contains("opts=\"-h --color --format --json --no-pager --help bash")
                })
                .collect();
            assert!(block.is_empty(), "{shell}: {block:?}");
            // The other subcommands keep them.
            assert!(script.contains("no-pager"), "{shell}");
        }
    }

    #[test]
    fn fish_quoting_escapes_quotes_and_backslashes() {
        assert_eq!(fish_quote(r"it's a \ b"), r"'it\'s a \\ b'");
    }
}
