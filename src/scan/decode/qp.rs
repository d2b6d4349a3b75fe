//! Quoted-printable pasted out of an e-mail (`Error =3D7100`, a no-break
//! space as `=C2=A0`): each `=XX` of upper-case hex is the byte it names.
//! Soft line breaks join lines, which a view of one line cannot do; an
//! e-mail itself is read part by part (see `mail`), its parts decoded
//! whole.

use super::View;
use mail_parser::decoders::quoted_printable::quoted_printable_decode_char;

pub(crate) fn view(line: &[u8]) -> Option<View> {
    memchr::memchr(b'=', line)?;
    let mut view = View::new("quoted-printable");
    let mut changed = false;
    let mut at = 0;
    while at < line.len() {
        let byte = match line.get(at..at + 3) {
            Some([b'=', high, low]) if is_upper_hex(*high) && is_upper_hex(*low) => {
                quoted_printable_decode_char(*high, *low)
            }
            _ => None,
        };
        match byte {
            Some(byte) => {
                view.push(&[byte], at);
                changed = true;
                at += 3;
            }
            None => {
                view.push(&line[at..=at], at);
                at += 1;
            }
        }
    }
    changed.then_some(view)
}

fn is_upper_hex(b: u8) -> bool {
    b.is_ascii_digit() || (b'A'..=b'F').contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_bytes_are_undone() {
        let v = view(b"Stormpath error =3D7100 and Error=C2=A07101").unwrap();
        assert_eq!(
            v.text,
            "Stormpath error =7100 and Error\u{a0}7101".as_bytes()
        );
        assert_eq!(v.origin[16], 16, "the byte points at its escape");
        assert_eq!(view(b"a=b, x=3d, y=ZZ, end="), None);
    }
}
