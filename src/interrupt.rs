//! Ctrl-C where sperr has something to tidy first. While a pager runs,
//! Ctrl-C is the pager's alone and sperr waits for it to end, as git does;
//! otherwise the shell and the pager would read the keyboard together.
//! While the progress line is on the screen, Ctrl-C clears it and ends
//! sperr with status 130, as shells expect. Each is installed only then,
//! so start-up pays nothing.

/// While alive, SIGINT is ignored. Made after the pager has started: a
/// child inherits an ignored signal, and the pager must get its Ctrl-C.
pub(crate) struct Ignored(());

/// While alive, Ctrl-C clears the line stderr's cursor is on, then ends
/// sperr with status 130.
pub(crate) struct ClearsLine(());

/// Ignores Ctrl-C until the value is dropped.
pub(crate) fn ignore() -> Ignored {
    set(Handler::Ignore);
    Ignored(())
}

/// Clears the line and exits with 130 on Ctrl-C until the value is dropped.
pub(crate) fn clear_line_and_exit() -> ClearsLine {
    set(Handler::ClearLine);
    ClearsLine(())
}

impl Drop for Ignored {
    fn drop(&mut self) {
        set(Handler::Default);
    }
}

impl Drop for ClearsLine {
    fn drop(&mut self) {
        set(Handler::Default);
    }
}

enum Handler {
    Default,
    Ignore,
    ClearLine,
}

#[cfg(unix)]
fn set(handler: Handler) {
    let action = match handler {
        Handler::Default => libc::SIG_DFL,
        Handler::Ignore => libc::SIG_IGN,
        Handler::ClearLine => on_interrupt as extern "C" fn(libc::c_int) as libc::sighandler_t,
    };
    // SAFETY: signal(2) with SIG_DFL, SIG_IGN or a handler that makes only
    // async-signal-safe calls.
    unsafe {
        libc::signal(libc::SIGINT, action);
    }
}

/// Clears the progress line and ends the process: only write(2) and
/// _exit(2), which are safe in a signal handler.
#[cfg(unix)]
extern "C" fn on_interrupt(_: libc::c_int) {
    const CLEAR: &[u8] = b"\r\x1b[K";
    // SAFETY: both are async-signal-safe; the buffer is static.
    unsafe {
        libc::write(2, CLEAR.as_ptr().cast(), CLEAR.len());
        libc::_exit(130);
    }
}

/// Elsewhere Ctrl-C keeps its default.
#[cfg(not(unix))]
fn set(_: Handler) {}
