//! The names people give categories: the name, a unique prefix, the range
//! label, or a short name (`mfa`, `smtp`), from one table shared by
//! `--category`, completion and search.

use super::{CATEGORIES, Category};
use std::fmt;

/// The short names people use for the categories, and the category each
/// names, one `short<TAB>category` pair a line: read by `--category`,
/// offered by shell completion, and the one table search's category cues
/// are read from. A third field, `cue`, marks the names that, in a search
/// query, weigh toward their category: the names of what a category is
/// about (smtp, saml), not of the resources every category mentions
/// (account, app). One text rather than a slice of pairs, so it costs no
/// relocations at start-up.
const CATEGORY_SHORT_NAMES: &str = "\
communication\tCommunication
billing\tBilling / Payment\tcue
card\tBilling / Payment\tcue
validation\tGeneral Validation
custom-data\tCustom Data\tcue
tenant\tTenant
org\tOrganization
app\tApplication
dir\tDirectory
account\tAccount
agent\tAgent\tcue
ldap\tAgent\tcue
ad\tAgent\tcue
oauth\tOAuth Errors\tcue
saml\tSAML Errors\tcue
sso\tSAML Errors\tcue
idp\tSAML Errors\tcue
token\tToken Errors\tcue
idsite\tID Site JWT\tcue
jwt\tID Site JWT
smtp\tSMTP Server\tcue
mail\tSMTP Server\tcue
mfa\tMulti-Factor Authentication\tcue
2fa\tMulti-Factor Authentication\tcue
sms\tMulti-Factor Authentication\tcue
otp\tMulti-Factor Authentication\tcue";

/// The categories' short names, each with the name of its category.
pub fn category_short_names() -> impl Iterator<Item = (&'static str, &'static str)> {
    short_name_rows().map(|(short, name, _)| (short, name))
}

/// The short names that are search cues for their category, each with the
/// name of its category.
pub(crate) fn category_cues() -> impl Iterator<Item = (&'static str, &'static str)> {
    short_name_rows()
        .filter(|(_, _, cue)| *cue)
        .map(|(short, name, _)| (short, name))
}

fn short_name_rows() -> impl Iterator<Item = (&'static str, &'static str, bool)> {
    CATEGORY_SHORT_NAMES.lines().filter_map(|line| {
        let mut fields = line.split('\t');
        Some((fields.next()?, fields.next()?, fields.next() == Some("cue")))
    })
}

/// The category a short name names.
pub fn category_by_short_name(short: &str) -> Option<&'static Category> {
    let (_, name) = category_short_names().find(|(s, _)| s.eq_ignore_ascii_case(short))?;
    CATEGORIES.iter().find(|c| c.name == name)
}

/// Why a category argument named no category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CategoryError {
    Unknown(String),
    Ambiguous(String, Vec<&'static str>),
}

impl fmt::Display for CategoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CategoryError::Unknown(input) => write!(
                f,
                "no category {input:?}; see `sperr list --categories` for the 16 names and ranges"
            ),
            CategoryError::Ambiguous(input, names) => {
                write!(
                    f,
                    "category {input:?} could be {}; type more of it",
                    names.join(" or ")
                )
            }
        }
    }
}

/// Finds a category by name in any case, by its range label (`7XXX`,
/// `7xxx`), by a short name people use (`mfa`, `smtp`), or by a unique
/// prefix of its name or of one of its words.
pub fn find_category(input: &str) -> Result<&'static Category, CategoryError> {
    let wanted = input.trim().to_lowercase();
    if wanted.is_empty() {
        return Err(CategoryError::Unknown(input.to_string()));
    }
    if let Some(c) = CATEGORIES
        .iter()
        .find(|c| c.name.to_lowercase() == wanted || c.range.to_lowercase() == wanted)
    {
        return Ok(c);
    }
    if let Some(c) = category_by_short_name(&wanted) {
        return Ok(c);
    }
    let candidates = |matches: &dyn Fn(&str) -> bool| -> Vec<&'static Category> {
        CATEGORIES
            .iter()
            .filter(|c| matches(&c.name.to_lowercase()))
            .collect()
    };
    let mut found = candidates(&|name| name.starts_with(&wanted));
    if found.is_empty() {
        found = candidates(&|name| {
            name.split([' ', '-', '/'])
                .any(|word| word.starts_with(&wanted))
        });
    }
    match found.as_slice() {
        [one] => Ok(one),
        [] => Err(CategoryError::Unknown(input.to_string())),
        many => Err(CategoryError::Ambiguous(
            input.to_string(),
            many.iter().map(|c| c.name).collect(),
        )),
    }
}
