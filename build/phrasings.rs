//! phrasings.toml: how people describe each entry's situation, for the
//! search to rank against beside the catalog's own texts. Checked here like
//! the catalog: one table per catalog code, in code order; every audience
//! has two to four phrasings of 4-20 words; none names a code. Written to
//! OUT_DIR as the texts end to end, the end of each, and its code.

use crate::catalog_source::Source;
use crate::tables::{array, string_table};

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    phrasing: Vec<Phrasing>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Phrasing {
    code: u32,
    user: Vec<String>,
    support: Vec<String>,
    developer: Vec<String>,
}

/// Each catalog entry's phrasings, in the catalog's order, or what is
/// wrong with the file.
pub fn parse(text: &str, source: &Source) -> Result<Vec<Vec<String>>, String> {
    let file: File = toml::from_str(text).map_err(|e| format!("phrasings.toml: {e}"))?;
    let codes: Vec<u32> = file.phrasing.iter().map(|p| p.code).collect();
    let catalog: Vec<u32> = source.error.iter().map(|e| e.code).collect();
    if let Some(i) = (0..codes.len().max(catalog.len())).find(|&i| codes.get(i) != catalog.get(i)) {
        return Err(format!(
            "phrasings.toml: expected a [[phrasing]] for code {} at position {} (in the catalog's order), found {}",
            catalog.get(i).map_or("none".into(), u32::to_string),
            i + 1,
            codes.get(i).map_or("none".into(), u32::to_string),
        ));
    }
    let mut per_entry = Vec::new();
    for p in &file.phrasing {
        let mut texts = Vec::new();
        for (audience, phrasings, most) in [
            ("user", &p.user, 4),
            ("support", &p.support, 3),
            ("developer", &p.developer, 3),
        ] {
            if !(2..=most).contains(&phrasings.len()) {
                return Err(format!(
                    "phrasings.toml: code {}: {} {audience} phrasings, expected 2 to {most}",
                    p.code,
                    phrasings.len()
                ));
            }
            for phrasing in phrasings {
                let words = phrasing.split_whitespace().count();
                if !(4..=20).contains(&words) {
                    return Err(format!(
                        "phrasings.toml: code {}: {phrasing:?} has {words} words, expected 4 to 20",
                        p.code
                    ));
                }
                if let Some(named) = phrasing
                    .split(|c: char| !c.is_ascii_digit())
                    .filter_map(|n| n.parse::<u32>().ok())
                    .find(|n| catalog.contains(n))
                {
                    return Err(format!(
                        "phrasings.toml: code {}: {phrasing:?} names code {named}; say the situation instead",
                        p.code
                    ));
                }
                texts.push(phrasing.clone());
            }
        }
        per_entry.push(texts);
    }
    Ok(per_entry)
}

/// The table of every phrasing and the code it describes.
pub fn table(source: &Source, per_entry: &[Vec<String>]) -> String {
    let mut out = String::new();
    string_table(
        &mut out,
        "PHRASING_TEXT",
        "PHRASING_ENDS",
        per_entry.iter().flatten().map(String::as_str),
    );
    let codes: Vec<u32> = source
        .error
        .iter()
        .zip(per_entry)
        .flat_map(|(entry, texts)| texts.iter().map(|_| entry.code))
        .collect();
    array(&mut out, "PHRASING_CODES", "u32", &codes);
    out
}
