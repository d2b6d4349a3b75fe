//! The catalog: entries and categories, compiled in from errors.toml by
//! build.rs, and the ways users name them (codes, ranges, patterns,
//! category names).

use std::fmt;

/// A section of the reference, such as `7XXX: Account`.
#[derive(Debug, PartialEq, Eq)]
pub struct Category {
    pub name: &'static str,
    /// The reference's range label, such as `7XXX`.
    pub range: &'static str,
    pub low: u32,
    pub high: u32,
}

/// Where a text stands in the catalog's one text table; an empty span is
/// no text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: u32,
    end: u32,
}

impl Span {
    const EMPTY: Span = Span { start: 0, end: 0 };

    fn text(self) -> &'static str {
        &TEXT[self.start as usize..self.end as usize]
    }

    fn optional(self) -> Option<&'static str> {
        (self != Span::EMPTY).then(|| self.text())
    }
}

/// One error code and what the reference says of it. The table holds spans
/// of one text rather than string pointers, which would each cost a
/// relocation at every start.
#[derive(Debug, PartialEq, Eq)]
pub struct Entry {
    pub code: u32,
    category: u8,
    message: Span,
    user_message: Span,
    further: Span,
    origin: Span,
    server: std::ops::Range<usize>,
    /// The message describes what a source shows; no source shows the
    /// server's words.
    description: bool,
    /// The HTTP status a source shows with the code; 0 where none does.
    status: u16,
    /// Where an observed entry comes from: URLs in `SOURCES`.
    sources: std::ops::Range<usize>,
    /// Its other wordings in `VARIANTS`, oldest first.
    variants: std::ops::Range<usize>,
}

/// Where an entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The published reference.
    Reference,
    /// The server's message file (`api-errors.properties`).
    Server,
    /// Public Stormpath material: SDK tests, issues, the old documentation.
    Observed,
}

impl Origin {
    /// Its name on the command line (`list --source`).
    pub fn name(self) -> &'static str {
        match self {
            Origin::Reference => "reference",
            Origin::Server => "server",
            Origin::Observed => "observed",
        }
    }
}

/// What a message is: the server's words, or a description of what a source
/// shows where none shows the words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    Server,
    Description,
}

impl MessageKind {
    pub fn name(self) -> &'static str {
        match self {
            MessageKind::Server => "server",
            MessageKind::Description => "description",
        }
    }
}

/// What another wording of a code is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VariantKind {
    /// The server's wording before it changed.
    OlderServer,
    /// The server's template, filled in for one request.
    RequestFill,
    /// The old documentation's (or an SDK's docs') wording.
    Documentation,
    /// A mock server's response: shown, never evidence of a status.
    Mock,
}

impl VariantKind {
    /// Its name in errors.toml and JSON.
    pub fn name(self) -> &'static str {
        match self {
            VariantKind::OlderServer => "older-server",
            VariantKind::RequestFill => "request-fill",
            VariantKind::Documentation => "documentation",
            VariantKind::Mock => "mock",
        }
    }

    /// What it is, for people.
    pub fn label(self) -> &'static str {
        match self {
            VariantKind::OlderServer => "older server wording",
            VariantKind::RequestFill => "filled in for one request",
            VariantKind::Documentation => "old documentation",
            VariantKind::Mock => "mock response, not a live capture",
        }
    }
}

/// Another wording of a code, seen in public Stormpath material.
#[derive(Debug, PartialEq, Eq)]
pub struct Variant {
    pub kind: VariantKind,
    text: Span,
    /// The HTTP status its source shows; 0 where none.
    status: u16,
    date: Span,
    until: Span,
    source: Span,
    /// It gave the code another meaning than today's.
    pub old_meaning: bool,
    /// The code that has this old meaning today; 0 where none.
    meaning_now: u32,
}

impl Variant {
    pub fn text(&self) -> &'static str {
        self.text.text()
    }

    pub fn status(&self) -> Option<u16> {
        (self.status != 0).then_some(self.status)
    }

    /// When its source shows it: `2016`, `2016-02` or `2016-02-01`.
    pub fn date(&self) -> Option<&'static str> {
        self.date.optional()
    }

    /// When the server stopped saying it, where a source tells.
    pub fn until(&self) -> Option<&'static str> {
        self.until.optional()
    }

    /// The URL it comes from.
    pub fn source(&self) -> &'static str {
        self.source.text()
    }

    /// The code that has this old meaning today.
    pub fn meaning_now(&self) -> Option<u32> {
        (self.meaning_now != 0).then_some(self.meaning_now)
    }
}

/// One of the server's message templates, with `{0}`-style placeholders.
#[derive(Debug, PartialEq, Eq)]
pub struct ServerMessage {
    key: Span,
    text: Span,
}

impl ServerMessage {
    /// Its key in the server's message file, such as `status.2014.unknown`.
    pub fn key(&self) -> &'static str {
        self.key.text()
    }

    pub fn text(&self) -> &'static str {
        self.text.text()
    }

    /// The variant a key names beyond the code: `unknown` in
    /// `status.2014.unknown.dev`; None for the code's main message.
    pub fn variant(&self) -> Option<&'static str> {
        let rest = self.key().strip_prefix("status.")?;
        let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        let rest = rest.strip_suffix(".dev").unwrap_or(rest);
        rest.strip_prefix('.').filter(|v| !v.is_empty())
    }

    /// Who the message was for: `.dev` keys went to developers.
    pub fn audience(&self) -> &'static str {
        if self.key().ends_with(".dev") {
            "developer"
        } else {
            "user"
        }
    }
}

impl Entry {
    pub fn category(&self) -> &'static Category {
        &CATEGORIES[usize::from(self.category)]
    }

    /// The text, with the reference's inline markup (see `markup`).
    pub fn message(&self) -> &'static str {
        self.message.text()
    }

    /// What the end user sees, where it differs from `message`.
    pub fn user_message(&self) -> Option<&'static str> {
        self.user_message.optional()
    }

    pub fn further(&self) -> Option<&'static str> {
        self.further.optional()
    }

    /// Where an entry that the published reference never listed comes from.
    pub fn source(&self) -> Option<&'static str> {
        self.origin.optional()
    }

    /// The server's own message templates for this code.
    pub fn server(&self) -> &'static [ServerMessage] {
        &SERVER_MESSAGES[self.server.clone()]
    }

    /// What the end user sees: the user message, or the message itself.
    pub fn user_text(&self) -> &'static str {
        self.user_message().unwrap_or(self.message())
    }

    /// Whether the published reference lists this code.
    pub fn documented(&self) -> bool {
        self.source().is_none()
    }

    pub fn origin(&self) -> Origin {
        match self.source() {
            None => Origin::Reference,
            Some(OBSERVED) => Origin::Observed,
            Some(_) => Origin::Server,
        }
    }

    pub fn message_kind(&self) -> MessageKind {
        if self.description {
            MessageKind::Description
        } else {
            MessageKind::Server
        }
    }

    /// The HTTP status a source shows with the code; never guessed.
    pub fn status(&self) -> Option<u16> {
        (self.status != 0).then_some(self.status)
    }

    /// The URLs an observed entry comes from.
    pub fn sources(&self) -> impl Iterator<Item = &'static str> {
        SOURCES[self.sources.clone()].iter().map(|s| s.text())
    }

    /// Its other wordings, oldest first (undated last).
    pub fn variants(&self) -> &'static [Variant] {
        &VARIANTS[self.variants.clone()]
    }

    /// The meanings the old documentation gave this code, unlike today's.
    pub fn old_meanings(&self) -> impl Iterator<Item = &'static Variant> {
        self.variants().iter().filter(|v| v.old_meaning)
    }

    /// The old meanings of other codes that are this code's meaning today,
    /// with the code that had each: (2018, its 2013 meaning) for 2107.
    pub fn former_meanings(&self) -> impl Iterator<Item = (u32, &'static Variant)> + '_ {
        ENTRIES.iter().flat_map(move |e| {
            e.old_meanings()
                .filter(move |v| v.meaning_now() == Some(self.code))
                .map(move |v| (e.code, v))
        })
    }

    /// The other entries of its family: codes that share all but the last
    /// two digits (7100-7107 are all login failures).
    pub fn neighbours(&self) -> impl Iterator<Item = &'static Entry> + '_ {
        family(self.code)
            .iter()
            .filter(move |e| e.code != self.code)
    }
}

/// The `source` of an observed entry in errors.toml.
const OBSERVED: &str = "observed";

include!(concat!(env!("OUT_DIR"), "/catalog_data.rs"));

/// Every entry, sorted by code.
pub fn entries() -> &'static [Entry] {
    &ENTRIES
}

/// The categories, in the reference's order.
pub fn categories() -> &'static [Category] {
    &CATEGORIES
}

/// The entries listed under a category, in code order.
pub fn in_category(category: &'static Category) -> impl Iterator<Item = &'static Entry> {
    ENTRIES
        .iter()
        .filter(move |e| std::ptr::eq(e.category(), category))
}

/// The entry for a code.
///
/// ```
/// let entry = sperr::catalog::lookup(7100).unwrap();
/// assert_eq!(entry.category().name, "Account");
/// assert!(sperr::catalog::lookup(7199).is_none());
/// ```
pub fn lookup(code: u32) -> Option<&'static Entry> {
    position(code).map(|i| &ENTRIES[i])
}

/// Where `code` stands in `entries()`.
pub fn position(code: u32) -> Option<usize> {
    ENTRIES.binary_search_by_key(&code, |e| e.code).ok()
}

/// The entries from `low` to `high`, both included.
pub fn in_range(low: u32, high: u32) -> &'static [Entry] {
    let start = ENTRIES.partition_point(|e| e.code < low);
    let end = ENTRIES.partition_point(|e| e.code <= high);
    &ENTRIES[start..end.max(start)]
}

/// The entries that share all but the last two digits of `code`.
pub fn family(code: u32) -> &'static [Entry] {
    let base = code / 100 * 100;
    in_range(base, base + 99)
}

/// The most specific category whose range holds `code`: 4001 is in
/// `400X: Tenant`, not `4XXX: Organization`.
pub fn category_of(code: u32) -> Option<&'static Category> {
    CATEGORIES
        .iter()
        .filter(|c| (c.low..=c.high).contains(&code))
        .min_by_key(|c| c.high - c.low)
}

/// The entries near a code that is not in the catalog, for an error message:
/// its family if it has one, else the entries just below and above it.
pub fn nearest(code: u32) -> Vec<&'static Entry> {
    let family = family(code);
    if !family.is_empty() {
        return vec![&family[0], &family[family.len() - 1]];
    }
    let above = ENTRIES.partition_point(|e| e.code < code);
    let mut near = Vec::new();
    if above > 0 {
        near.push(&ENTRIES[above - 1]);
    }
    if above < ENTRIES.len() {
        near.push(&ENTRIES[above]);
    }
    near
}

/// A way of naming codes on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    Code(u32),
    /// `7100-7107`, both ends included.
    Range(u32, u32),
    /// `71xx` (exactly four digits) or `71*` (any length).
    Pattern {
        prefix: String,
        width: Option<usize>,
    },
}

impl fmt::Display for Selector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Selector::Code(code) => write!(f, "{code}"),
            Selector::Range(low, high) => write!(f, "{low}-{high}"),
            Selector::Pattern {
                prefix,
                width: Some(width),
            } => write!(f, "{prefix}{}", "x".repeat(width - prefix.len())),
            Selector::Pattern {
                prefix,
                width: None,
            } => write!(f, "{prefix}*"),
        }
    }
}

impl Selector {
    /// Whether `code` is one of the codes this names.
    pub fn contains(&self, code: u32) -> bool {
        match self {
            Selector::Code(c) => *c == code,
            Selector::Range(low, high) => (*low..=*high).contains(&code),
            Selector::Pattern { prefix, width } => {
                let digits = code.to_string();
                digits.starts_with(prefix.as_str()) && width.is_none_or(|w| digits.len() == w)
            }
        }
    }

    /// The catalog entries it names, in code order.
    pub fn entries(&self) -> Vec<&'static Entry> {
        match self {
            Selector::Code(code) => lookup(*code).into_iter().collect(),
            Selector::Range(low, high) => in_range(*low, *high).iter().collect(),
            Selector::Pattern { .. } => ENTRIES.iter().filter(|e| self.contains(e.code)).collect(),
        }
    }
}

/// "no error 7199 in the reference; nearest: 7100-7107 (Account)"
pub fn not_found(selector: &Selector) -> String {
    match selector {
        Selector::Code(code) => {
            let near = nearest(*code);
            let named: Vec<String> = match near.as_slice() {
                [a, b] if a.code != b.code && a.code / 100 == code / 100 => {
                    vec![format!("{}-{} ({})", a.code, b.code, a.category().name)]
                }
                [a, b] if a.code == b.code => vec![format!("{} ({})", a.code, a.category().name)],
                _ => near
                    .iter()
                    .map(|e| format!("{} ({})", e.code, e.category().name))
                    .collect(),
            };
            format!(
                "no error {code} in the reference; nearest: {}",
                named.join(" or ")
            )
        }
        other => format!(
            "no error in the reference matches {other}; codes run from {} to {}",
            entries()[0].code,
            entries()[entries().len() - 1].code
        ),
    }
}

/// What a code argument may look like, for error messages.
pub const CODE_FORMS: &str = "7100, 'Error 7100', error-7100, #error-7100, a moreInfo URL, \
                              7100-7107, 71xx or 71*";

/// Why a code argument could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SelectorError {
    Empty,
    Malformed,
    TooLong,
    Reversed(u32, u32),
}

impl fmt::Display for SelectorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SelectorError::Empty => write!(f, "empty code; use {CODE_FORMS}"),
            SelectorError::Malformed => write!(f, "not an error code; use {CODE_FORMS}"),
            SelectorError::TooLong => {
                write!(f, "too many digits for an error code (they have 4 or 5)")
            }
            SelectorError::Reversed(low, high) => {
                write!(f, "range runs backwards; did you mean {high}-{low}?")
            }
        }
    }
}

/// The longest run of digits a code may have; more is surely not a code.
const MAX_DIGITS: usize = 6;

/// Reads a code argument in any of its lenient forms.
///
/// ```
/// use sperr::catalog::{Selector, parse_selector};
/// assert_eq!(parse_selector("Error 7100"), Ok(Selector::Code(7100)));
/// assert_eq!(parse_selector("7100-7107"), Ok(Selector::Range(7100, 7107)));
/// assert_eq!(parse_selector("71xx").unwrap().entries().len(), 8);
/// ```
pub fn parse_selector(input: &str) -> Result<Selector, SelectorError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(SelectorError::Empty);
    }
    if let Some(code) = code_in_url(text) {
        return Ok(Selector::Code(code));
    }
    let lower = text.to_ascii_lowercase();
    let mut rest = lower.trim_start_matches('#');
    for prefix in ["error", "err"] {
        if let Some(after) = rest.strip_prefix(prefix) {
            rest = after.trim_start_matches([' ', '-', '_', ':', '#']);
            break;
        }
    }
    if let Some((low, high)) = rest.split_once('-') {
        let (low, high) = (number(low.trim())?, number(high.trim())?);
        return if low <= high {
            Ok(Selector::Range(low, high))
        } else {
            Err(SelectorError::Reversed(low, high))
        };
    }
    if let Some(prefix) = rest.strip_suffix('*') {
        if prefix.is_empty() {
            return Ok(Selector::Pattern {
                prefix: String::new(),
                width: None,
            });
        }
        number(prefix)?;
        return Ok(Selector::Pattern {
            prefix: prefix.to_string(),
            width: None,
        });
    }
    let wild = rest.len() - rest.trim_end_matches('x').len();
    if wild > 0 {
        let prefix = &rest[..rest.len() - wild];
        if !prefix.is_empty() {
            number(prefix)?;
        }
        if rest.len() > MAX_DIGITS {
            return Err(SelectorError::TooLong);
        }
        return Ok(Selector::Pattern {
            prefix: prefix.to_string(),
            width: Some(rest.len()),
        });
    }
    Ok(Selector::Code(number(rest)?))
}

/// Reads a code argument that may hold a pasted list: codes in any form,
/// separated by spaces, commas or semicolons, with punctuation around them
/// ignored (`"7100, 7101."`, `7100;7103`). Every piece must be a code.
///
/// ```
/// use sperr::catalog::{Selector, parse_selectors};
/// assert_eq!(
///     parse_selectors("7100, Error 7101;7102-7103."),
///     Ok(vec![Selector::Code(7100), Selector::Code(7101), Selector::Range(7102, 7103)])
/// );
/// ```
pub fn parse_selectors(input: &str) -> Result<Vec<Selector>, SelectorError> {
    let whole = parse_selector(input);
    if whole.is_ok() || input.trim().is_empty() {
        return whole.map(|s| vec![s]);
    }
    let pieces: Vec<&str> = input
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .map(|p| {
            p.trim_start_matches(['(', '[', '"', '\''])
                .trim_end_matches(['.', ':', '!', '?', ')', ']', '"', '\''])
        })
        .filter(|p| !p.is_empty())
        .collect();
    let mut selectors = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        // `Error 7100` and `7100 - 7107` are one code each.
        let joined = match (pieces.get(i + 1), pieces.get(i + 2)) {
            (Some(&"-"), Some(high)) => Some((format!("{}-{high}", pieces[i]), 3)),
            (Some(next), _) if is_error_word(pieces[i]) => {
                Some((format!("{} {next}", pieces[i]), 2))
            }
            _ => None,
        };
        let (text, used) = joined.unwrap_or_else(|| (pieces[i].to_string(), 1));
        selectors.push(parse_selector(&text)?);
        i += used;
    }
    if selectors.is_empty() {
        return Err(SelectorError::Empty);
    }
    Ok(selectors)
}

fn is_error_word(word: &str) -> bool {
    let word = word.trim_start_matches('#').to_ascii_lowercase();
    word == "error" || word == "err"
}

fn number(digits: &str) -> Result<u32, SelectorError> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(SelectorError::Malformed);
    }
    if digits.len() > MAX_DIGITS {
        return Err(SelectorError::TooLong);
    }
    digits.parse().map_err(|_| SelectorError::Malformed)
}

/// The code in a moreInfo URL, in any of its three historic forms:
/// `…stormpath.com/docs/errors/NNNN`, `…docs.stormpath.com/errors/NNNN` and
/// `…/errors.html#error-NNNN`. The reference's page gave 4614, whose heading
/// lacks the word "Error", the anchor `#id1`.
pub fn code_in_url(text: &str) -> Option<u32> {
    let lower = text.to_ascii_lowercase();
    if !lower.contains("stormpath.com") {
        return None;
    }
    if lower.ends_with("errors.html#id1") {
        return Some(4614);
    }
    let digits_at = lower
        .rfind("/errors/")
        .map(|i| i + "/errors/".len())
        .or_else(|| lower.rfind("#error-").map(|i| i + "#error-".len()))?;
    let digits: String = lower[digits_at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    if digits.is_empty() || digits.len() > MAX_DIGITS {
        return None;
    }
    digits.parse().ok()
}

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
pub fn category_cues() -> impl Iterator<Item = (&'static str, &'static str)> {
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
