//! Percent-encoding inside URLs: `https%3A%2F%2Fdocs.stormpath.com%2Ferrors%2F7100`
//! or `errors.html%23error-7101`. Each run (a token without spaces or
//! quotes) that holds a `%HH` is decoded whole.

use super::View;

pub(crate) fn view(line: &[u8]) -> Option<View> {
    memchr::memchr(b'%', line)?;
    let mut view = View::new("percent");
    let mut changed = false;
    let mut at = 0;
    while at < line.len() {
        let end = at + line[at..].iter().take_while(|b| !is_border(**b)).count();
        let run = &line[at..end];
        if end > at && has_escape(run) {
            let decoded: Vec<u8> = percent_encoding::percent_decode(run).collect();
            view.push(&decoded, at);
            changed = true;
        } else {
            view.text.extend_from_slice(run);
            view.origin.extend(at..end);
        }
        if end < line.len() {
            view.push(&line[end..=end], end);
        }
        at = end + 1;
    }
    changed.then_some(view)
}

fn is_border(b: u8) -> bool {
    b.is_ascii_whitespace() || b"\"'<>`".contains(&b)
}

fn has_escape(run: &[u8]) -> bool {
    run.windows(3)
        .any(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_urls_are_decoded_run_by_run() {
        let line = b"see moreInfo=https%3A%2F%2Fdocs.stormpath.com%2Ferrors%2F7100 now";
        let v = view(line).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&v.text),
            "see moreInfo=https://docs.stormpath.com/errors/7100 now"
        );
        // The decoded run points where it starts.
        let at = v.text.iter().position(|&b| b == b'/').unwrap();
        assert_eq!(v.origin[at], 4);
        assert_eq!(v.origin[v.text.len() - 1], line.len() - 1);
    }

    #[test]
    fn a_percent_that_escapes_nothing_leaves_the_line_alone() {
        assert_eq!(view(b"CPU at 100% and %zz"), None);
        let broken = view(b"%e2%82 x").unwrap();
        assert_eq!(broken.text, b"\xe2\x82 x", "invalid UTF-8 is kept as bytes");
    }
}
