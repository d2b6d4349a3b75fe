//! The schema of `errors.toml` and the checks it must pass.
//!
//! Shared by the build script (which compiles the catalog into the binary)
//! and the catalog tests (which feed it broken catalogs), both through
//! `#[path]`; the crate itself does not compile it. So it depends on nothing
//! in the crate: only serde and the standard library.

use serde::Deserialize;
use std::collections::BTreeSet;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[serde(default)]
    pub category: Vec<CategorySource>,
    #[serde(default)]
    pub error: Vec<ErrorSource>,
    #[serde(default)]
    pub variant: Vec<VariantSource>,
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
    /// Where an entry the published reference never listed comes from:
    /// `api-errors.properties`, or `observed` (see `OBSERVED`).
    pub source: Option<String>,
    /// `description` where no source shows the server's message and the
    /// message describes what the source shows instead.
    pub message_kind: Option<String>,
    /// The HTTP status an observed code came with, as its source shows it.
    pub status: Option<u16>,
    /// The URLs an observed entry comes from.
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub server: Vec<ServerSource>,
}

/// The `source` of a code seen in public Stormpath material (SDK tests,
/// issues, the old documentation) that no reference lists.
pub const OBSERVED: &str = "observed";
/// The `source` of a code that only the server's message file has.
pub const SERVER_FILE: &str = "api-errors.properties";
/// The one `message_kind` besides the default, the server's message.
pub const DESCRIPTION: &str = "description";

/// Another wording of a catalog code, seen in public Stormpath material.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VariantSource {
    pub code: u32,
    /// One of `VARIANT_KINDS`.
    pub kind: String,
    pub text: String,
    /// The HTTP status the source shows with it (a mock's is no evidence).
    pub status: Option<u16>,
    /// When the source shows it: `2016`, `2016-02` or `2016-02-01`.
    pub date: Option<String>,
    /// When the server stopped saying it, where a source tells.
    pub until: Option<String>,
    #[serde(default)]
    pub source: String,
    /// The text gave the code another meaning than today's.
    #[serde(default)]
    pub old_meaning: bool,
    /// The code that has this old meaning today.
    pub meaning_now: Option<u32>,
}

/// What a variant is: an older server wording, the server's template filled
/// for one request, the old documentation's wording, a mock's response.
pub const VARIANT_KINDS: [&str; 4] = ["older-server", "request-fill", "documentation", "mock"];

/// A variant's mock kind: shown, but never evidence of a status.
pub const MOCK: &str = "mock";

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

/// The HTTP status the sources show for a code: the observed entry's own,
/// and every variant's but a mock's. None where no source shows one.
pub fn status_of(source: &Source, error: &ErrorSource) -> Result<Option<u16>, String> {
    let shown: BTreeSet<u16> = error
        .status
        .into_iter()
        .chain(
            source
                .variant
                .iter()
                .filter(|v| v.code == error.code && v.kind != MOCK)
                .filter_map(|v| v.status),
        )
        .collect();
    match shown.len() {
        0 => Ok(None),
        1 => Ok(shown.first().copied()),
        _ => Err(format!(
            "errors.toml: error {}: sources show different HTTP statuses {shown:?}",
            error.code
        )),
    }
}

fn is_url(text: &str) -> bool {
    text.starts_with("https://") && !text.contains(char::is_whitespace)
}

fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let widths_ok = matches!(parts.as_slice(), [y] | [y, _] | [y, _, _] if y.len() == 4)
        && parts[1..].iter().all(|p| p.len() == 2);
    widths_ok && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
}

/// The checks on an observed entry: it has its URLs, and neither the
/// reference nor the server's file has the code.
fn check_observed(error: &ErrorSource) -> Result<(), String> {
    let code = error.code;
    let observed = error.source.as_deref() == Some(OBSERVED);
    if !observed {
        if !error.sources.is_empty() || error.status.is_some() {
            return Err(format!(
                "errors.toml: error {code}: sources and status belong to observed entries; \
                 other entries take a status from their variants"
            ));
        }
        return Ok(());
    }
    if !error.server.is_empty() {
        return Err(format!(
            "errors.toml: error {code}: observed, but the server's file already has it"
        ));
    }
    if error.sources.is_empty() {
        return Err(format!(
            "errors.toml: error {code}: observed without a source URL"
        ));
    }
    if let Some(bad) = error.sources.iter().find(|u| !is_url(u)) {
        return Err(format!(
            "errors.toml: error {code}: source {bad:?} is not an https:// URL"
        ));
    }
    Ok(())
}

fn check_variant(variant: &VariantSource, codes: &BTreeSet<u32>) -> Result<(), String> {
    let code = variant.code;
    let what = format!("errors.toml: variant of {code}");
    if !codes.contains(&code) {
        return Err(format!("{what}: code not in the catalog"));
    }
    if variant.source.trim().is_empty() {
        return Err(format!("{what}: no source URL"));
    }
    if !is_url(&variant.source) {
        return Err(format!(
            "{what}: source {:?} is not an https:// URL",
            variant.source
        ));
    }
    if !VARIANT_KINDS.contains(&variant.kind.as_str()) {
        return Err(format!(
            "{what}: kind {:?} is not one of {}",
            variant.kind,
            VARIANT_KINDS.join(", ")
        ));
    }
    if variant.text.trim().is_empty() {
        return Err(format!("{what}: empty text"));
    }
    for date in [&variant.date, &variant.until].into_iter().flatten() {
        if !is_date(date) {
            return Err(format!("{what}: {date:?} is not a date such as 2016-06-24"));
        }
    }
    if let Some(now) = variant.meaning_now {
        if !variant.old_meaning {
            return Err(format!("{what}: meaning_now without old_meaning"));
        }
        if !codes.contains(&now) {
            return Err(format!("{what}: meaning_now {now} is not in the catalog"));
        }
    }
    Ok(())
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
            let observed_twice = source
                .error
                .iter()
                .any(|e| e.code == code && e.source.as_deref() == Some(OBSERVED));
            return Err(if observed_twice {
                format!(
                    "errors.toml: error {code}: observed, but the reference or the server's file already has it"
                )
            } else {
                format!("errors.toml: error {code}: duplicate code")
            });
        }
        check_observed(error)?;
        if let Some(kind) = error.message_kind.as_deref()
            && kind != DESCRIPTION
        {
            return Err(format!(
                "errors.toml: error {code}: message_kind {kind:?} is not {DESCRIPTION:?} (leave it out for the server's message)"
            ));
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
    for variant in &source.variant {
        check_variant(variant, &codes)?;
    }
    for error in &source.error {
        status_of(source, error)?;
    }
    Ok(())
}
