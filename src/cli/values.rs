//! The values shell completion offers for an argument: codes with their
//! messages, category names with their ranges.

use crate::catalog;
use crate::standalone::markup;
use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use std::ffi::OsStr;

/// The longest description a completion shows beside a code.
pub(super) const COMPLETION_DESCRIPTION: usize = 60;

/// An argument of any text (the commands read it leniently), with values
/// offered to shell completion: codes with their messages, or category
/// names with their ranges.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Suggested(pub(super) fn() -> Vec<PossibleValue>);

impl TypedValueParser for Suggested {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new((self.0)().into_iter()))
    }
}

/// Every code, with its message cut short.
pub(super) fn code_values() -> Vec<PossibleValue> {
    catalog::entries()
        .iter()
        .map(|e| {
            PossibleValue::new(leak(e.code.to_string()))
                .help(shorten(&markup::one_line(&markup::plain(e.message()))))
        })
        .collect()
}

/// The categories' short names, each with its category's name and range.
pub(super) fn category_values() -> Vec<PossibleValue> {
    catalog::category_short_names()
        .filter_map(|(short, _)| {
            let c = catalog::category_by_short_name(short)?;
            Some(PossibleValue::new(short).help(format!("{} ({})", c.name, c.range)))
        })
        .collect()
}

/// A name for a possible value. clap takes owned names only with a feature
/// that slows every start; these are made only to complete or to document,
/// once, just before the process ends.
pub(super) fn leak(name: String) -> &'static str {
    Box::leak(name.into_boxed_str())
}

/// A description cut to fit beside a completion, at a word.
pub(super) fn shorten(text: &str) -> String {
    if text.chars().count() <= COMPLETION_DESCRIPTION {
        return text.to_string();
    }
    let cut: String = text.chars().take(COMPLETION_DESCRIPTION).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completions_offer_every_code_with_its_message() {
        let values: Vec<PossibleValue> = code_values();
        assert_eq!(values.len(), catalog::entries().len());
        let first = &values[0];
        assert_eq!(first.get_name(), "1100");
        assert_eq!(
            first.get_help().unwrap().to_string(),
            "The specified HTTP request method is not supported."
        );
        assert!(values.iter().all(
            |v| v.get_help().unwrap().to_string().chars().count() <= COMPLETION_DESCRIPTION + 1
        ));
    }

    #[test]
    fn every_category_has_a_short_name_and_every_short_name_a_category() {
        assert_eq!(catalog::category_short_names().count(), 26);
        for (short, name) in catalog::category_short_names() {
            let category = catalog::category_by_short_name(short);
            assert_eq!(category.map(|c| c.name), Some(name), "{short}");
        }
        for category in catalog::categories() {
            assert!(
                catalog::category_short_names().any(|(_, name)| name == category.name),
                "{} has no short name",
                category.name
            );
        }
    }

    #[test]
    fn every_category_short_name_finds_its_category() {
        for value in category_values() {
            let category =
                catalog::find_category(value.get_name()).expect("a short name finds its category");
            assert!(
                value
                    .get_help()
                    .unwrap()
                    .to_string()
                    .starts_with(category.name)
            );
        }
    }

    #[test]
    fn long_descriptions_are_cut_at_a_word() {
        let long = "Login attempt failed because there is no Account in the Application's associated Account Stores";
        assert_eq!(
            shorten(long),
            "Login attempt failed because there is no Account in the…"
        );
        assert_eq!(shorten("Short."), "Short.");
    }
}
