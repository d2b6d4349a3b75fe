//! sperr: the Stormpath error-code reference, compiled in.
//!
//! The binary is a thin shell over this library: `cli` parses, `commands`
//! dispatches, and everything a command does is reachable from tests.

pub mod body;
pub mod catalog;
pub mod cli;
pub mod commands;
pub mod completions;
pub mod output;
pub mod quotes;
pub mod related;
pub mod render;
pub mod scan;
pub mod search;
pub mod standalone;

// redesign: old path
pub use quotes as templates;
pub use standalone::{fold, markup};
