//! The files the build script compiles as well as the crate: what the
//! generated tables and the code that reads them must agree on.
//!
//! Each file here is compiled twice, into the crate and by the build script
//! (build/main.rs) through `#[path]`, so nothing here may name `crate::`
//! items, or `super::` items outside this folder: in the build script they
//! are other things. `tests/layout.rs` checks it. `catalog_source.rs` is
//! compiled by the build script and by tests/catalog.rs only, not into the
//! crate.

pub mod fields;
pub mod fold;
pub mod markup;
pub mod quotable;
pub mod words;
