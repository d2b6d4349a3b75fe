//! The implied `show`: `sperr 7100` is `sperr show 7100`.

use crate::catalog;

/// The command line with `show` put before a first argument that reads as
/// a code, range, pattern or moreInfo URL rather than a subcommand, as
/// `errno 2` works: `sperr 7100` is `sperr show 7100`.
pub fn with_implied_show(
    command: &clap::Command,
    mut args: Vec<std::ffi::OsString>,
) -> Vec<std::ffi::OsString> {
    let mut i = 1;
    while let Some(arg) = args.get(i).and_then(|a| a.to_str()) {
        match arg {
            "--" => return args,
            // Global options that take their value as the next argument.
            "--color" | "--format" => i += 2,
            _ if arg.starts_with('-') && arg.len() > 1 => i += 1,
            _ => {
                let is_subcommand = command.find_subcommand(arg).is_some() || arg == "help";
                // `71OO` too, so that show says it means 7100.
                let code = || match catalog::parse_selectors(arg) {
                    Ok(_) => true,
                    // A digit too: `sperr oo` is no code.
                    Err(e) => {
                        matches!(e, catalog::SelectorError::LetterO(_))
                            && arg.bytes().any(|b| b.is_ascii_digit())
                    }
                };
                if !is_subcommand && code() {
                    args.insert(i, "show".into());
                }
                return args;
            }
        }
    }
    args
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::CommandFactory;

    #[test]
    fn a_code_first_runs_show() {
        let command = Cli::command();
        let with = |args: &[&str]| -> Vec<String> {
            let args = args.iter().map(std::ffi::OsString::from).collect();
            with_implied_show(&command, args)
                .into_iter()
                .map(|a| a.into_string().unwrap())
                .collect()
        };
        assert_eq!(with(&["sperr", "7100"]), ["sperr", "show", "7100"]);
        assert_eq!(with(&["sperr", "71OO"]), ["sperr", "show", "71OO"]);
        assert_eq!(
            with(&["sperr", "--color", "never", "--json", "71xx", "2001"]),
            [
                "sperr", "--color", "never", "--json", "show", "71xx", "2001"
            ]
        );
        for unchanged in [
            &["sperr", "list"][..],
            &["sperr", "help", "show"],
            &["sperr", "--format", "json", "search", "7100"],
            &["sperr", "lsit"],
            &["sperr", "oo"],
            &["sperr", "--", "7100"],
            &["sperr"],
        ] {
            assert_eq!(with(unchanged), unchanged);
        }
    }
}
