//! The members of a block about errors, and the keys put into a map about
//! errors: where in such a line a number is a code.

use super::{Found, Words, code_numbers, last_name, named_quantity, operand};
use crate::catalog;

/// The members of a block about errors on a line: a key at its start
/// (`2002: 'Invalid value'`, `1902 => '…'`, `{ 7100, "…" }`), a value
/// given a name (`PASSWORD_INCORRECT = 7100`, `LOCKED(7103, …)`) and the
/// items that go on from it; on the line that names the block
/// (`anywhere`), every item (`frozenset({10011, 10013})`). Only codes the
/// catalog knows.
pub(super) fn members(code: &[u8], anywhere: bool, found: &mut Vec<Found>) {
    let content = code.len() - code.trim_ascii_start().len();
    let mut last_end = None;
    code_numbers(code, |start, end, number| {
        if catalog::lookup(number).is_none() || !operand(code, start, end) {
            return;
        }
        let lead = code[content..start]
            .iter()
            .all(|b| b" \t\"'[{(".contains(b));
        let item =
            last_end.is_some_and(|e: usize| code[e..start].iter().all(|b| b" \t\"',|".contains(b)));
        let named = !named_quantity(code, start) && names_a_value(code, start);
        if lead || item || named || anywhere && !named_quantity(code, start) {
            found.push(Found {
                start,
                end,
                code: number,
            });
            last_end = Some(end);
        }
    });
}

/// How many values a line gives names that have a code's digits and are
/// no code the catalog knows (`SelfUpdateNoWritePerm = 1102`): a block
/// that has them is another program's numbering, or partly.
pub(super) fn unknown_members(code: &[u8]) -> u32 {
    let mut unknown = 0;
    code_numbers(code, |start, end, number| {
        let digits = end - start;
        if (4..=5).contains(&digits)
            && catalog::lookup(number).is_none()
            && names_a_value(code, start)
            && !named_quantity(code, start)
        {
            unknown += 1;
        }
    });
    unknown
}

/// Codes put into a map about errors by key: `ERRORS.put(7100, …)`,
/// `errorMessages[7100] = …`, `StormpathErrors.Add(7100, …)`. Only codes
/// the catalog knows.
pub(super) fn indexed(code: &[u8], other_maps: &[Vec<u8>], found: &mut Vec<Found>) {
    code_numbers(code, |start, end, number| {
        if catalog::lookup(number).is_none() {
            return;
        }
        let before = code[..start].strip_suffix(b"\"").unwrap_or(&code[..start]);
        let before = before.strip_suffix(b"'").unwrap_or(before);
        let receiver = if let Some(rest) = before.strip_suffix(b"[") {
            rest
        } else if let Some(rest) = before.strip_suffix(b"(") {
            let method = rest.len()
                - rest
                    .iter()
                    .rev()
                    .take_while(|b| b.is_ascii_alphabetic())
                    .count();
            let name = &rest[method..];
            let puts = [
                &b"put"[..],
                b"set",
                b"add",
                b"store",
                b"register",
                b"putIfAbsent",
            ]
            .iter()
            .any(|m| m.eq_ignore_ascii_case(name));
            match rest[..method].strip_suffix(b".") {
                Some(receiver) if puts => receiver,
                _ => return,
            }
        } else {
            return;
        };
        let name = last_name(receiver);
        let others = other_maps.iter().any(|m| m == name);
        if !name.is_empty() && !others && Words::of(name).names_stormpaths_errors() {
            found.push(Found {
                start,
                end,
                code: number,
            });
        }
    });
}

/// Whether a number is the value given to a name: `NAME = 7100`, `NAME:
/// 7100`, `'NAME' => 7100`, `NAME(7100`.
fn names_a_value(text: &[u8], start: usize) -> bool {
    let before = text[..start].trim_ascii_end();
    let before = before
        .strip_suffix(b"\"")
        .unwrap_or(before)
        .trim_ascii_end();
    let Some(&operator) = before.last() else {
        return false;
    };
    let name = match operator {
        b'=' | b':' | b'>' => before[..before.len() - 1].trim_ascii_end(),
        // An enum member's arguments, `LOCKED(7103, …)`, not a call.
        b'(' if before[..before.len() - 1]
            .trim_ascii_start()
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'_') =>
        {
            &before[..before.len() - 1]
        }
        _ => return false,
    };
    let name = name.strip_suffix(b"=").unwrap_or(name).trim_ascii_end(); // `=>`
    let name = name
        .strip_suffix(b"\"")
        .or_else(|| name.strip_suffix(b"'"))
        .unwrap_or(name);
    name.last()
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
}
