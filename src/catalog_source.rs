//! The schema of `errors.toml` and the checks it must pass.
//!
//! Shared by `build.rs` (which compiles the catalog into the binary) and the
//! catalog tests (which feed it broken catalogs), so it depends on nothing in
//! the crate: only serde and the standard library.

use serde::Deserialize;
use std::collections::BTreeSet;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[serde(default)]
    pub category: Vec<CategorySource>,
    #[serde(default)]
    pub error: Vec<ErrorSource>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategorySource {
    /// The reference's range label, such as `7XXX` or `400X`.
    pub range: String,
    pub name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorSource {
    pub code: u32,
    pub category: String,
    #[serde(default)]
    pub message: String,
    pub user_message: Option<String>,
    pub further: Option<String>,
    /// Where an entry the published reference never listed comes from.
    pub source: Option<String>,
    #[serde(default)]
    pub server: Vec<ServerSource>,
}

/// One of the server's message templates for a code.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerSource {
    /// The key in the server's message file, such as `status.2014.unknown`.
    pub key: String,
    /// The template, with `{0}`-style placeholders.
    pub text: String,
}

/// The lowest and highest code a range label covers: `7XXX` is 7000-7999.
pub fn label_bounds(label: &str) -> Option<(u32, u32)> {
    if label.is_empty() || !label.bytes().all(|b| b.is_ascii_digit() || b == b'X') {
        return None;
    }
    let low = label.replace('X', "0").parse().ok()?;
    let high = label.replace('X', "9").parse().ok()?;
    Some((low, high))
}

/// Parses and checks a catalog; the error names the entry and the problem.
pub fn parse(text: &str) -> Result<Source, String> {
    let source: Source = toml::from_str(text).map_err(|e| format!("errors.toml: {e}"))?;
    check(&source)?;
    Ok(source)
}

fn check(source: &Source) -> Result<(), String> {
    let mut names = BTreeSet::new();
    for category in &source.category {
        if label_bounds(&category.range).is_none() {
            return Err(format!(
                "errors.toml: category {:?}: range {:?} is not a label such as 7XXX",
                category.name, category.range
            ));
        }
        if !names.insert(category.name.as_str()) {
            return Err(format!(
                "errors.toml: category {:?} is defined twice",
                category.name
            ));
        }
    }
    let mut codes = BTreeSet::new();
    for error in &source.error {
        let code = error.code;
        if !codes.insert(code) {
            return Err(format!("errors.toml: error {code}: duplicate code"));
        }
        if error.message.trim().is_empty() {
            return Err(format!(
                "errors.toml: error {code}: missing or empty message"
            ));
        }
        for (field, text) in [
            ("user_message", &error.user_message),
            ("further", &error.further),
        ] {
            if text.as_deref().is_some_and(|t| t.trim().is_empty()) {
                return Err(format!("errors.toml: error {code}: empty {field}"));
            }
        }
        let Some(category) = source.category.iter().find(|c| c.name == error.category) else {
            return Err(format!(
                "errors.toml: error {code}: unknown category {:?}",
                error.category
            ));
        };
        let (low, high) = label_bounds(&category.range).unwrap_or((0, 0));
        if !(low..=high).contains(&code) {
            return Err(format!(
                "errors.toml: error {code}: outside its category {:?} ({})",
                category.name, category.range
            ));
        }
        for server in &error.server {
            if server.text.trim().is_empty() {
                return Err(format!(
                    "errors.toml: error {code}: empty server message {:?}",
                    server.key
                ));
            }
        }
    }
    Ok(())
}
