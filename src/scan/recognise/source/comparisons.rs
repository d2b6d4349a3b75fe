//! Comparisons and membership tests on an error's code: the side that is
//! not the code holds the codes.

use super::{CodeSet, Found, code_numbers, last_name, named_quantity, operand, speaks_of_a_code};
use std::sync::OnceLock;

/// The operators of a comparison or a membership test, longest first:
/// between two sides, or a call whose receiver or arguments hold the
/// other side.
const COMPARISONS: &[(&[u8], Operator)] = &[
    (b"===", Operator::Between),
    (b"!==", Operator::Between),
    (b"==", Operator::Between),
    (b"!=", Operator::Between),
    (b" in ", Operator::Between),
    (b" not in ", Operator::Between),
    (b" is ", Operator::Between),
    (b" -eq ", Operator::Between),
    (b" -in ", Operator::Between),
    (b".includes(", Operator::Call),
    (b".contains(", Operator::Call),
    (b".include?(", Operator::Call),
    (b".has(", Operator::Call),
    (b".indexof(", Operator::Call),
    (b".equals(", Operator::Call),
    // A lookup in a map of codes: `FRIENDLY[err.code]`, `.get(e.code)`.
    (b"[", Operator::Call),
    (b".get(", Operator::Call),
    (b"in_array(", Operator::Call),
    (b".tobe(", Operator::Call),
    (b".toequal(", Operator::Call),
    (b".isequalto(", Operator::Call),
    (b".to eq(", Operator::Call),
    (b".to.equal(", Operator::Call),
    (b".to.eql(", Operator::Call),
    (b"assertequals(", Operator::Arguments),
    (b"assertequal(", Operator::Arguments),
    (b"assertsame(", Operator::Arguments),
    (b"assert_equal(", Operator::Arguments),
    (b"assert_equal ", Operator::Arguments),
    (b"assert.equal(", Operator::Arguments),
    (b"assert.strictequal(", Operator::Arguments),
    (b"areequal(", Operator::Arguments),
    (b"parametrize(", Operator::Parameters),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Operator {
    Between,
    Call,
    /// A test's assertion that its arguments are equal:
    /// `assertEquals(7100, e.getCode())`, `assert_equal 7100, e.code`.
    Arguments,
    /// A test's parameters, their names first:
    /// `@pytest.mark.parametrize('code', [10011, 10015])`.
    Parameters,
}

/// Numbers compared with an error's code, or tested for membership with
/// it: `err.code === 7100`, `exc.code in (7100, 7101)`, `[2001,
/// 2014].includes(e.code)`, `in_array($e->getCode(), [2001, 2014])`.
/// The side that is not the code holds them.
pub(super) fn comparison(code: &[u8], sets: &[CodeSet], found: &mut Vec<Found>) {
    static OPERATORS: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let operators = OPERATORS.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(COMPARISONS.iter().map(|(op, _)| op))
            .expect("the operators build")
    });
    for m in operators.find_iter(code) {
        let (at, (op, kind)) = (m.start(), COMPARISONS[m.pattern().as_usize()]);
        let right_start = at + op.len();
        let right = right_start..operand_end(code, right_start, kind != Operator::Between);
        // The codes a side holds: its numbers, or the set a name was
        // given (`MFA_RETRYABLE.contains(code)`).
        let mut take = |range: std::ops::Range<usize>| {
            let side = code[range.clone()].trim_ascii();
            let name = last_name(side);
            let set = sets
                .iter()
                .find(|s| !name.is_empty() && name == side && s.name == name);
            if let Some(set) = set {
                let start = side.as_ptr() as usize - code.as_ptr() as usize;
                for &number in &set.codes {
                    found.push(Found {
                        start,
                        end: start + name.len(),
                        code: number,
                    });
                }
                return;
            }
            code_numbers(&code[..range.end], |start, end, number| {
                if start >= range.start && operand(code, start, end) && !named_quantity(code, start)
                {
                    found.push(Found {
                        start,
                        end,
                        code: number,
                    });
                }
            })
        };
        if kind == Operator::Parameters {
            // The values are codes where the parameter's name says code.
            let arguments = arguments(code, right);
            if let [names, values, ..] = arguments.as_slice()
                && speaks_of_a_code(&code[names.clone()])
            {
                take(values.clone());
            }
            continue;
        }
        if kind == Operator::Arguments {
            // The argument a code is compared with: the one before it
            // (`assertEquals(7100, e.getCode(), …)`), else the one after
            // (`assertEqual(e.code, 7100)`), when it is a number alone.
            let arguments = arguments(code, right);
            let Some(at) = arguments
                .iter()
                .position(|a| speaks_of_a_code(&code[a.clone()]))
            else {
                continue;
            };
            let other = match at {
                0 => arguments.get(1),
                _ => arguments.get(at - 1),
            };
            if let Some(argument) = other {
                let number = code[argument.clone()].trim_ascii();
                let start = number.as_ptr() as usize - code.as_ptr() as usize;
                code_numbers(number, |s, e, n| {
                    if (s, e) == (0, number.len()) {
                        found.push(Found {
                            start,
                            end: start + e,
                            code: n,
                        });
                    }
                });
            }
            continue;
        }
        // `exc.code == REPLAYED_JTI`: the side ends before the spaces.
        let left_end = code[..at].trim_ascii_end().len();
        let left = operand_start(code, left_end)..left_end;
        if speaks_of_a_code(&code[left.clone()]) {
            take(right.clone());
        } else if speaks_of_a_code(&code[right.clone()]) {
            take(left);
            if kind == Operator::Call {
                take(right.clone()); // `in_array($e->getCode(), [2001, 2014])`
            }
        }
    }
}

/// The arguments of a call, by the commas outside brackets.
fn arguments(text: &[u8], within: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let (mut depth, mut start) = (0usize, within.start);
    for at in within.clone() {
        match text[at] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            b',' if depth == 0 => {
                found.push(start..at);
                start = at + 1;
            }
            _ => {}
        }
    }
    found.push(start..within.end);
    found
}

/// Where the side of a comparison that ends at `end` starts: one term,
/// `e.getCode()`, `[2001, 2014]`, `$e->getCode()`.
fn operand_start(text: &[u8], end: usize) -> usize {
    let mut depth = 0usize;
    let mut at = end;
    while at > 0 {
        let b = text[at - 1];
        match b {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' if depth == 0 => break,
            b'(' | b'[' | b'{' => depth -= 1,
            b' ' | b'\t' | b'!' | b'=' | b'&' | b'|' | b',' if depth == 0 => break,
            _ => {}
        }
        at -= 1;
    }
    at
}

/// Where the side of a comparison that starts at `start` ends: at the
/// condition's end (`&&`, `||`, `?`, `;`, `:`, `{`, ` and `, ` then`), or
/// at a bracket it did not open, or (unless it is a call's arguments) a
/// comma.
fn operand_end(text: &[u8], start: usize, call: bool) -> usize {
    let mut depth = 0usize;
    let mut at = start;
    while at < text.len() {
        let b = text[at];
        let rest = &text[at..];
        match b {
            b'(' | b'[' | b'{' if !(b == b'{' && depth == 0 && at > start) => depth += 1,
            b')' | b']' | b'}' if depth == 0 => break,
            b')' | b']' | b'}' => depth -= 1,
            b',' if depth == 0 && !call => break,
            b'&' | b'|' | b'?' | b';' | b':' | b'{' if depth == 0 => break,
            b' ' if depth == 0
                && [&b" and "[..], b" or ", b" then", b" &&", b" ||"]
                    .iter()
                    .any(|w| rest.starts_with(w)) =>
            {
                break;
            }
            _ => {}
        }
        at += 1;
    }
    at
}
