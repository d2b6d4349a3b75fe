//! The catalog: entries and categories, compiled in from errors.toml by
//! the build script, and lookups over them; the ways users name them are
//! `selectors` (codes, ranges, patterns, URLs) and `categories` (category
//! names and short names).

mod categories;
mod selectors;

pub use categories::*;
pub use selectors::*;

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
