//! sperr: the Stormpath error-code reference, compiled in.
//!
//! The binary is a thin shell over this library: `cli` parses, `commands`
//! dispatches, and everything a command does is reachable from tests.

pub mod body;
pub mod catalog;
pub mod cli;
pub mod commands;
mod completions;
pub mod fold;
pub mod markup;
pub mod output;
pub mod related;
pub mod render;
pub mod scan;
pub mod search;
pub mod settings;
pub mod templates;
