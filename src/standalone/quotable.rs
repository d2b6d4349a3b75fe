//! How much of a text a ticket must quote for the quote to name a code:
//! the build script keeps only the texts that say this much, and the quote
//! finder looks for nothing shorter. Compiled twice (see `standalone`): it
//! names nothing of the crate.

/// A catalog message shorter than this, folded, says too little to name a
/// code: the quotes table keeps no shorter one.
pub const MIN_QUOTED_MESSAGE: usize = 24;
/// A server template with less literal text than this, folded, says too
/// little to match: the quotes table keeps no such template.
pub const MIN_TEMPLATE_LITERAL: usize = 16;
