//! The searchable fields of an entry, in the search index's order: the
//! build script files each word of an entry under one of them, and the
//! search weighs a match by its field. Compiled twice (see `standalone`):
//! it names nothing of the crate.

/// The entry's message.
pub const MESSAGE: usize = 0;
/// The message a user is shown.
pub const USER_MESSAGE: usize = 1;
/// Further information, and the message's sentences about when the error
/// occurs.
pub const FURTHER: usize = 2;
/// The category's name.
pub const CATEGORY: usize = 3;
/// The server's templates, without their placeholders.
pub const SERVER: usize = 4;
/// Another entry's text that points at this code.
pub const CROSS_REFERENCE: usize = 5;
/// What the old documentation said the code (or the code that had its
/// meaning) meant.
pub const HISTORY: usize = 6;
/// The words a server message was seen to fill its placeholders with.
pub const FILLED: usize = 7;
/// How people describe the entry's situation (phrasings.toml).
pub const PHRASING: usize = 8;
/// How many fields there are.
pub const FIELDS: usize = 9;
