//! The checked-in completion scripts, run by the real shells: `sperr show
//! 71<TAB>` must offer 7100 to 7107. Each test skips, saying so, where its
//! shell is not installed (`.ci/run` installs bash, zsh and fish).

mod common;

use std::process::Command;

fn shell(name: &str) -> Option<Command> {
    let found = Command::new(name)
        .arg("-c")
        .arg("true")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("skipped: {name} is not installed");
        return None;
    }
    let mut command = Command::new(name);
    command.current_dir(common::root());
    Some(command)
}

fn stdout(mut command: Command) -> String {
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

const LOGIN_CODES: [&str; 8] = [
    "7100", "7101", "7102", "7103", "7104", "7105", "7106", "7107",
];

/// What fish offers for a command line: `value<TAB>description` lines;
/// None where fish is not installed.
fn fish_complete(line: &str) -> Option<String> {
    let mut fish = shell("fish")?;
    fish.args([
        "--no-config",
        "-c",
        &format!("source completions/sperr.fish; complete -C '{line}'"),
    ]);
    Some(stdout(fish))
}

fn values(completions: &str) -> Vec<&str> {
    completions
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect()
}

#[test]
fn fish_completes_codes_with_their_messages() {
    let Some(lines) = fish_complete("sperr show 710") else {
        return;
    };
    assert_eq!(values(&lines), LOGIN_CODES);
    assert!(lines.contains("7103\tLogin attempt failed because the Account is locked."));
    let thirteen = fish_complete("sperr explain 1310").unwrap();
    assert_eq!(thirteen.lines().count(), 10, "13100 to 13109");
    let first_word = fish_complete("sperr 710").unwrap();
    assert_eq!(
        values(&first_word),
        LOGIN_CODES,
        "sperr CODE is sperr show CODE"
    );
}

#[test]
fn bash_completes_codes_and_categories() {
    let Some(mut bash) = shell("bash") else {
        return;
    };
    let script = r#"
        source completions/sperr.bash
        complete_words() {
            COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
            _sperr sperr "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\n' "${COMPREPLY[@]}"
        }
        complete_words sperr show 71
        echo --
        complete_words sperr list --category mf
        echo --
        complete_words sperr search --category mf
        echo --
        complete_words sperr 710
    "#;
    bash.args(["--norc", "-c", script]);
    let out = stdout(bash);
    let parts: Vec<&str> = out.split("--\n").collect();
    assert_eq!(parts[0].lines().collect::<Vec<_>>(), LOGIN_CODES);
    assert_eq!(parts[1].trim(), "mfa");
    assert_eq!(
        parts[2].trim(),
        "mfa",
        "search --category completes categories"
    );
    assert_eq!(
        parts[3].lines().collect::<Vec<_>>(),
        LOGIN_CODES,
        "sperr CODE is sperr show CODE"
    );
}

#[test]
fn zsh_loads_the_script_and_it_offers_codes_with_messages() {
    let Some(mut zsh) = shell("zsh") else { return };
    // compinit rewrites its dump file: give it one of its own.
    let dump = std::env::temp_dir().join(format!("sperr-zcompdump-{}", std::process::id()));
    let script = format!(
        "autoload -U compinit && compinit -u -d '{}' && source completions/_sperr && print loaded",
        dump.display()
    );
    zsh.args(["-f", "-c", &script]);
    assert_eq!(stdout(zsh).trim(), "loaded");
    let _ = std::fs::remove_file(dump);
    let Some(mut zsh) = shell("zsh") else { return };
    zsh.args(["-n", "completions/_sperr"]);
    stdout(zsh);
    let script = std::fs::read_to_string(common::root().join("completions/_sperr")).unwrap();
    assert!(script.contains(r#"7103\:"Login attempt failed because the Account is locked.""#));
    assert!(script.contains(r#"mfa\:"Multi-Factor Authentication (13XXX)""#));
    // A first word may be a code: `sperr 7103` is `sperr show 7103`.
    assert!(script.contains("'7103:Login attempt failed because the Account is locked.' \\\n"));
}
