//! Whose numbering a block of members is. A Stormpath error enum or map
//! names its members after what the codes mean (`InvalidPassword = 7100`,
//! `7103: 'Account locked'`); a program's own error enum that happens to
//! use numbers in Stormpath's ranges names them after its own errors
//! (`PatchServerUnreachable = 2002`), and gives some of them numbers the
//! catalog does not have (`SelfUpdateNoWritePerm = 1102`). A block whose
//! name, or a comment over or in it, does not name Stormpath, with such a
//! number and several named members, few of which share a word with their
//! code's catalog texts, is another numbering: its members are taken back
//! when it closes. (A block of catalog codes alone is Stormpath's,
//! whatever its names say: `BAD_CREDENTIALS(7100)`, `SUSPENDED(7101)`;
//! rows of a JSON array, `json_rows`, are judged without that number, by
//! sentences, not names.)

use super::glosses;

/// The fewest members with words in their names that a block must have to
/// be judged: fewer say too little to tell a numbering by.
const MIN_JUDGED: u32 = 3;

/// What the members of the open block said so far.
#[derive(Debug, Default, Clone)]
pub(in crate::scan::recognise) struct Tally {
    /// The line the block's first member stands on.
    pub(in crate::scan::recognise) first_line: usize,
    /// Members whose line has words to judge them by.
    judged: u32,
    /// Of those, the members whose line shares a word with one of their
    /// code's texts.
    agreeing: u32,
    /// Members whose numbers have a code's digits and are no code.
    pub(super) unknown: u32,
}

impl Tally {
    pub(in crate::scan::recognise) fn new(first_line: usize) -> Tally {
        Tally {
            first_line,
            judged: 0,
            agreeing: 0,
            unknown: 0,
        }
    }

    /// Counts a member line (`code`, its comment cut) that holds `codes`.
    pub(in crate::scan::recognise) fn add(
        &mut self,
        code: &[u8],
        mut codes: impl Iterator<Item = u32>,
    ) {
        if !glosses::says_something(code) {
            return; // `7100,` or `E7100 = 7100`: nothing to judge by
        }
        self.judged += 1;
        self.agreeing += u32::from(codes.any(|c| glosses::agrees(c, code)));
    }

    /// Whether the block's members are another numbering: a number that
    /// is no code, enough members to judge, and fewer than one in four
    /// agreeing with the catalog.
    pub(super) fn is_another_numbering(&self) -> bool {
        self.unknown > 0 && self.disagrees()
    }

    /// Whether enough members were judged, and fewer than one in four of
    /// them agree with the catalog.
    pub(in crate::scan::recognise) fn disagrees(&self) -> bool {
        self.judged >= MIN_JUDGED && self.agreeing * 4 < self.judged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(lines: &[(&str, u32)]) -> Tally {
        let mut tally = Tally::new(1);
        for (line, code) in lines {
            tally.add(line.as_bytes(), std::iter::once(*code));
        }
        tally
    }

    #[test]
    fn members_named_after_their_meaning_are_stormpaths() {
        let stormpath = tally(&[
            ("PropertyRequired = 2000,", 2000),
            ("PropertyExists = 2001,", 2001),
            ("InvalidPassword = 7100,", 7100),
            ("AccountLocked = 7103,", 7103),
        ]);
        assert!(!stormpath.is_another_numbering());
        // Synonyms, some of them: still one in four.
        let synonyms = tally(&[
            ("BAD_CREDENTIALS = 7100", 7100),
            ("LOCKED_OUT = 7103", 7103),
            ("BANNED = 7101", 7101),
            ("NOT_ACTIVATED = 7102", 7102),
        ]);
        assert!(!synonyms.is_another_numbering());
    }

    #[test]
    fn members_named_after_another_programs_errors_are_its() {
        let mut launcher = tally(&[
            ("SelfUpdateDownloadFailed  = 1100,", 1100),
            ("PatchServerUnreachable    = 2002,", 2002),
            ("PatchDiskFull             = 2013,", 2013),
            ("TideGuardNotRunning       = 5100,", 5100),
        ]);
        // Catalog codes alone may be Stormpath's under other names.
        assert!(!launcher.is_another_numbering());
        launcher.unknown += 1; // `SelfUpdateNoWritePerm = 1102`
        assert!(launcher.is_another_numbering());
    }

    #[test]
    fn bare_numbers_and_too_few_members_are_not_judged() {
        let mut bare = tally(&[("7100,", 7100), ("7101,", 7101), ("7103,", 7103)]);
        bare.unknown += 1;
        assert!(!bare.is_another_numbering());
        let mut few = tally(&[("PatchDiskFull = 2013", 2013), ("Crash = 9001", 9001)]);
        few.unknown += 1;
        assert!(!few.is_another_numbering());
    }
}
