//! Writing the finished output: to stdout, through a pager when a terminal
//! needs one (whether it may is decided in `settings`).
//!
//! Commands render into a buffer first, so a failure part-way never leaves
//! half an answer on stdout; the buffer is then written in one go.

use crate::settings::Environment;
use std::io::{self, Write};
use std::process::{Command, Stdio};

/// The pager used when neither SPERR_PAGER nor PAGER names one.
pub(crate) const DEFAULT_PAGER: &str = "less -FRX";

/// The pager command, split as a shell would split it; None for no pager.
pub(crate) fn pager_command(env: &Environment) -> Option<Vec<String>> {
    let value = (env.var)("SPERR_PAGER")
        .or_else(|| (env.var)("PAGER"))
        .unwrap_or_else(|| DEFAULT_PAGER.to_string());
    let words = shell_words::split(&value).ok()?;
    (!words.is_empty()).then_some(words)
}

/// What the pager is started with beside the inherited environment, as git
/// does it: `LESS=FRX` (quit when the output fits, pass colours through,
/// keep the screen) and `LV=-c` when the user has not set them, so that
/// `PAGER=less` shows colours rather than escape codes.
pub(crate) fn pager_env(env: &Environment) -> Vec<(&'static str, &'static str)> {
    [("LESS", "FRX"), ("LV", "-c")]
        .into_iter()
        .filter(|(name, _)| (env.var)(name).is_none())
        .collect()
}

/// Writes the finished output: through the pager when stdout is a terminal
/// and the output is taller than it, else straight to a locked stdout.
pub fn emit(buffer: &[u8], no_pager: bool, env: &Environment) -> io::Result<()> {
    emit_to(buffer, no_pager, env, &mut io::stdout().lock())
}

/// The same, with `direct` standing for stdout.
pub(crate) fn emit_to(
    buffer: &[u8],
    no_pager: bool,
    env: &Environment,
    direct: &mut dyn Write,
) -> io::Result<()> {
    let tall = env
        .terminal_size
        .is_some_and(|(_, rows)| bytecount_lines(buffer) >= rows);
    if env.terminals.stdout
        && !no_pager
        && tall
        && let Some(command) = pager_command(env)
        && page(&command, &pager_env(env), buffer).is_ok()
    {
        return Ok(());
    }
    direct.write_all(buffer)?;
    direct.flush()
}

fn bytecount_lines(buffer: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', buffer).count()
}

/// Runs the pager on the output. A pager that cannot start is an error, so
/// the caller writes directly instead; one the user quits early is not.
fn page(command: &[String], vars: &[(&str, &str)], buffer: &[u8]) -> io::Result<()> {
    let mut child = Command::new(&command[0])
        .args(&command[1..])
        .envs(vars.iter().copied())
        .stdin(Stdio::piped())
        .spawn()?;
    let _interrupts = crate::interrupt::ignore();
    if let Some(mut stdin) = child.stdin.take() {
        match stdin.write_all(buffer) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                let _ = child.wait();
                return Err(e);
            }
            _ => {}
        }
    }
    child.wait()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pager_is_split_as_a_shell_splits_it() {
        let pager = |vars| pager_command(&Environment::fixed(true, vars));
        assert_eq!(
            pager(&[]),
            Some(vec!["less".to_string(), "-FRX".to_string()])
        );
        assert_eq!(pager(&[("PAGER", "more -d")]).unwrap(), ["more", "-d"]);
        assert_eq!(
            pager(&[("PAGER", "more"), ("SPERR_PAGER", "less -S 'a b'")]).unwrap(),
            ["less", "-S", "a b"]
        );
        assert_eq!(
            pager(&[("PAGER", "")]),
            None,
            "an empty PAGER means no pager"
        );
    }

    const TALL: &[u8] = b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";

    #[test]
    fn tall_output_on_a_terminal_goes_through_the_pager() {
        let file = std::env::temp_dir().join(format!("sperr-pager-{}", std::process::id()));
        let command = format!("sh -c 'cat > {}'", file.display());
        let vars: &'static [(&str, &str)] = Box::leak(
            vec![("SPERR_PAGER", &*Box::leak(command.into_boxed_str()))].into_boxed_slice(),
        );
        let mut direct = Vec::new();
        emit_to(TALL, false, &Environment::fixed(true, vars), &mut direct).unwrap();
        assert!(direct.is_empty());
        assert_eq!(std::fs::read(&file).unwrap(), TALL);
        std::fs::remove_file(file).unwrap();
    }

    #[test]
    fn the_pager_gets_less_and_lv_set_when_the_user_has_not() {
        let file = std::env::temp_dir().join(format!("sperr-pager-env-{}", std::process::id()));
        let command = format!(
            "sh -c 'printf \"%s|%s\" \"$LESS\" \"$LV\" > {0}; cat >> {0}'",
            file.display()
        );
        let command: &'static str = Box::leak(command.into_boxed_str());
        let seen = |vars: Vec<(&'static str, &'static str)>| {
            let vars: &'static [(&str, &str)] = Box::leak(vars.into_boxed_slice());
            emit_to(
                TALL,
                false,
                &Environment::fixed(true, vars),
                &mut Vec::new(),
            )
            .unwrap();
            let text = std::fs::read_to_string(&file).unwrap();
            text[..text.len() - TALL.len()].to_string()
        };
        assert_eq!(seen(vec![("SPERR_PAGER", command)]), "FRX|-c");
        assert_eq!(
            pager_env(&Environment::fixed(true, &[("LESS", "-S"), ("LV", "")])),
            [],
            "a LESS or LV the user set, even empty, is kept"
        );
        std::fs::remove_file(file).unwrap();
    }

    #[test]
    fn the_pager_is_bypassed_when_it_should_be() {
        let pager: &'static [(&str, &str)] = &[("SPERR_PAGER", "sh -c 'exit 3'")];
        for (terminal, no_pager, buffer) in [
            (false, false, TALL),
            (true, true, TALL),
            (true, false, &b"short\n"[..]),
        ] {
            let mut direct = Vec::new();
            emit_to(
                buffer,
                no_pager,
                &Environment::fixed(terminal, pager),
                &mut direct,
            )
            .unwrap();
            assert_eq!(direct, buffer);
        }
    }

    #[test]
    fn a_pager_that_cannot_start_falls_back_to_direct_output() {
        let mut direct = Vec::new();
        emit_to(
            TALL,
            false,
            &Environment::fixed(true, &[("PAGER", "/nonexistent/pager -x")]),
            &mut direct,
        )
        .unwrap();
        assert_eq!(direct, TALL);
    }
}
