//! sperr: the Stormpath error-code reference, compiled in.
//!
//! The binary (`main.rs`) is a thin shell over this library: `cli` defines
//! the command line, `settings` turns it and the environment into every
//! decision about output, `commands` runs a command, and `output` writes
//! the result (through a pager where one is wanted). Beneath them:
//!
//! - `catalog`: the entries, compiled in from `errors.toml`, and the ways
//!   people name them (codes, ranges, patterns, category names);
//! - `search`: ranked search over the catalog;
//! - `quotes`: recognising a catalog message, or a server template filled
//!   in, quoted in a line (used by search and scan);
//! - `scan`: finding codes in tickets, logs and archives, pushing each hit
//!   into a `Sink`;
//! - `render`: tables, plain text, JSON, explain's long form, and the
//!   streaming printers that are scan's sinks;
//! - `body`: Stormpath JSON error bodies quoted in a text; `related`: an
//!   entry's nearest codes; `completions`: the completion scripts;
//!   `interrupt`: Ctrl-C while a pager or the progress line runs; `merge`:
//!   shard summaries read back and added up;
//! - `standalone`: the files the build script compiles too (`build/`),
//!   which name nothing else of the crate.
//!
//! Dependencies run one way: no module imports one that imports it
//! (`tests/layout.rs` checks it), and nothing under `scan` names `render`.
//!
//! What is `pub` here is what the binary, the tests, the fuzz targets and
//! the benches use; everything else is `pub(crate)` or narrower.

pub mod body;
pub mod catalog;
pub mod cli;
pub mod commands;
mod completions;
mod interrupt;
mod merge;
pub mod output;
pub mod quotes;
pub mod related;
pub mod render;
pub mod scan;
pub mod search;
pub mod settings;
pub mod standalone;
