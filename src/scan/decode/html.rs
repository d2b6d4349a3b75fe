//! HTML and XML: named and numeric entities (`Error&nbsp;7104`,
//! `&quot;code&quot;:2001`), tags between words (`<strong>Error</strong>
//! 7101`), and tables read like text tables: each row a line of cells
//! between `|`, so that a header cell naming the code marks its column.

use super::View;

/// The line with entities undone and tags out, if it had any.
pub(crate) fn view(line: &[u8]) -> Option<View> {
    let view = to_text(line);
    (view.text != line).then_some(view)
}

/// Decodes HTML. Line breaks in the source are spaces, as a browser reads
/// them; block tags and table rows end lines.
pub(crate) fn to_text(html: &[u8]) -> View {
    let mut view = View::new("html");
    let mut at = 0;
    while at < html.len() {
        let next = memchr::memchr3(b'&', b'<', b'\n', &html[at..]).map_or(html.len(), |i| at + i);
        view.text.extend_from_slice(&html[at..next]);
        view.origin.extend(at..next);
        at = next;
        let Some(&b) = html.get(at) else { break };
        let used = match b {
            b'\n' => {
                view.push(b" ", at);
                1
            }
            b'&' => entity(&html[at..], at, &mut view),
            _ => tag(&html[at..], at, &mut view),
        };
        at += used;
    }
    while view.text.last().is_some_and(|b| b.is_ascii_whitespace()) {
        view.text.pop();
        view.origin.pop();
    }
    view
}

/// The longest entity read: `&#x10FFFF;` and the longest name known.
const MAX_ENTITY: usize = 12;

/// An entity at the start of `text`: decoded into `view` if it is one.
/// Returns the bytes it takes.
fn entity(text: &[u8], at: usize, view: &mut View) -> usize {
    let window = &text[..text.len().min(MAX_ENTITY)];
    let end = window.iter().position(|&b| b == b';');
    let name_ok = |e: usize| {
        window[1..e]
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'#')
    };
    let decoded = end
        .filter(|&e| e > 1 && name_ok(e))
        .and_then(|e| Some((decode_entity(&text[1..e])?, e + 1)));
    match decoded {
        Some((c, used)) => {
            // A no-break space reads as a space.
            let c = if c == '\u{a0}' { ' ' } else { c };
            view.push(c.encode_utf8(&mut [0; 4]).as_bytes(), at);
            used
        }
        None => {
            view.push(b"&", at);
            1
        }
    }
}

/// What the entity named between `&` and `;` stands for: a numeric one,
/// or one of the named ones that text in tickets uses. (The whole HTML5
/// table, as html-escape has it, is 2,000 pointers that every start of
/// sperr would relocate.)
fn decode_entity(name: &[u8]) -> Option<char> {
    if let Some(number) = name.strip_prefix(b"#") {
        let (digits, radix) = match number.first() {
            Some(b'x' | b'X') => (&number[1..], 16),
            _ => (number, 10),
        };
        let digits = std::str::from_utf8(digits).ok()?;
        return u32::from_str_radix(digits, radix)
            .ok()
            .and_then(char::from_u32);
    }
    Some(match name {
        b"amp" | b"AMP" => '&',
        b"lt" | b"LT" => '<',
        b"gt" | b"GT" => '>',
        b"quot" | b"QUOT" => '"',
        b"apos" => '\'',
        b"nbsp" => '\u{a0}',
        b"ensp" | b"emsp" | b"thinsp" => ' ',
        b"ndash" => '–',
        b"mdash" => '—',
        b"lsquo" => '‘',
        b"rsquo" => '’',
        b"sbquo" => '‚',
        b"ldquo" => '“',
        b"rdquo" => '”',
        b"bdquo" => '„',
        b"laquo" => '«',
        b"raquo" => '»',
        b"lsaquo" => '‹',
        b"rsaquo" => '›',
        b"hellip" => '…',
        b"middot" => '·',
        b"bull" => '•',
        b"colon" => ':',
        b"comma" => ',',
        b"period" => '.',
        b"num" => '#',
        b"sol" => '/',
        b"bsol" => '\\',
        b"equals" => '=',
        b"lpar" => '(',
        b"rpar" => ')',
        b"lsqb" | b"lbrack" => '[',
        b"rsqb" | b"rbrack" => ']',
        b"lcub" | b"lbrace" => '{',
        b"rcub" | b"rbrace" => '}',
        b"grave" => '`',
        b"copy" => '©',
        b"reg" => '®',
        b"trade" => '™',
        b"euro" => '€',
        b"pound" => '£',
        b"eacute" => 'é',
        b"egrave" => 'è',
        b"agrave" => 'à',
        b"auml" => 'ä',
        b"ouml" => 'ö',
        b"uuml" => 'ü',
        b"szlig" => 'ß',
        b"ccedil" => 'ç',
        _ => return None,
    })
}

/// A tag at the start of `text` (which starts with `<`): replaced by what
/// it means for the text around it. Returns the bytes it takes.
fn tag(text: &[u8], at: usize, view: &mut View) -> usize {
    let is_tag_start = text
        .get(1)
        .is_some_and(|b| b.is_ascii_alphabetic() || b"/!?".contains(b));
    let end = memchr::memchr(b'>', text);
    let Some(end) = end.filter(|_| is_tag_start) else {
        view.push(b"<", at);
        return 1;
    };
    let inner = &text[1..end];
    let closing = inner.first() == Some(&b'/');
    let name_start = usize::from(closing);
    let name_len = inner[name_start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = inner[name_start..name_start + name_len].to_ascii_lowercase();
    let replacement: &[u8] = match (name.as_slice(), closing) {
        (b"td" | b"th", false) => b"|",
        (b"td" | b"th", true) => b" ",
        (b"tr", true) => b"|\n",
        (b"tr" | b"thead" | b"tbody" | b"tfoot", _) => b"",
        (
            b"br" | b"p" | b"div" | b"li" | b"table" | b"ul" | b"ol" | b"h1" | b"h2" | b"h3"
            | b"h4" | b"h5" | b"h6" | b"pre" | b"blockquote" | b"hr",
            _,
        ) => b"\n",
        _ => b" ",
    };
    view.push(replacement, at);
    end + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(line: &str) -> Option<String> {
        crate::scan::decode::decoded_text(view, line)
    }

    #[test]
    fn entities_are_undone() {
        assert_eq!(decoded("Error&nbsp;7104").unwrap(), "Error 7104");
        assert_eq!(
            decoded("{&quot;code&quot;:2001}").unwrap(),
            r#"{"code":2001}"#
        );
        assert_eq!(decoded("&#69;rror &#x37;100").unwrap(), "Error 7100");
        assert_eq!(decoded("AT&T & co; &bogus; &").unwrap_or_default(), "");
    }

    #[test]
    fn tags_between_words_go() {
        assert_eq!(
            decoded("<p><strong>Error</strong> 7101</p>")
                .unwrap()
                .trim(),
            "Error  7101"
        );
        assert_eq!(decoded("a < b and c > d"), None);
    }

    #[test]
    fn table_rows_become_lines_of_cells() {
        let table = "<table><tr><th>Code</th><th>Count</th></tr>\n<tr><td>7100</td>\n<td>3</td></tr></table>";
        let text = String::from_utf8(to_text(table.as_bytes()).text).unwrap();
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        assert_eq!(lines, ["", "|Code |Count |", "|7100  |3 |"]);
    }

    #[test]
    fn decoded_bytes_point_at_their_entity_or_tag() {
        let v = view(b"x&lt;<b>y").unwrap();
        assert_eq!(v.text, b"x< y");
        assert_eq!(v.origin, [0, 1, 5, 8]);
    }
}
