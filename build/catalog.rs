//! The catalog table, `catalog_data.rs`: every entry, its server
//! messages, sources and variants as static tables, their texts in one
//! string.

use crate::catalog_source::{self, Source, VariantSource, label_bounds};
use std::fmt::Write as _;

/// All the catalog's texts end to end, and the span of each in it: the
/// tables hold numbers, not pointers, so nothing is relocated at start-up.
#[derive(Default)]
struct TextTable {
    text: String,
}

impl TextTable {
    fn span(&mut self, text: &str) -> String {
        let start = self.text.len();
        self.text.push_str(text);
        format!("Span {{ start: {start}, end: {} }}", self.text.len())
    }

    fn optional(&mut self, text: &Option<String>) -> String {
        match text {
            Some(t) => self.span(t),
            None => "Span::EMPTY".to_string(),
        }
    }
}

pub fn catalog_table(source: &Source) -> String {
    let mut out = String::new();
    let mut texts = TextTable::default();
    let categories = &source.category;
    writeln!(
        out,
        "pub static CATEGORIES: [Category; {}] = [",
        categories.len()
    )
    .unwrap();
    for c in categories {
        let (low, high) = label_bounds(&c.range).unwrap_or((0, 0));
        writeln!(
            out,
            "    Category {{ name: {:?}, range: {:?}, low: {low}, high: {high} }},",
            c.name, c.range
        )
        .unwrap();
    }
    out.push_str("];\n\n");
    let mut server = String::new();
    let mut server_count = 0;
    let (mut sources, mut source_count) = (String::new(), 0);
    let (mut variants, mut variant_count) = (String::new(), 0);
    writeln!(out, "static ENTRIES: [Entry; {}] = [", source.error.len()).unwrap();
    for e in &source.error {
        let category = categories
            .iter()
            .position(|c| c.name == e.category)
            .unwrap_or(0);
        let first_server = server_count;
        for s in &e.server {
            let (key, text) = (texts.span(&s.key), texts.span(&s.text));
            writeln!(server, "    ServerMessage {{ key: {key}, text: {text} }},").unwrap();
            server_count += 1;
        }
        let first_source = source_count;
        for url in &e.sources {
            writeln!(sources, "    {},", texts.span(url)).unwrap();
            source_count += 1;
        }
        let first_variant = variant_count;
        for v in source.variant.iter().filter(|v| v.code == e.code) {
            writeln!(variants, "    {},", variant(v, &mut texts)).unwrap();
            variant_count += 1;
        }
        let status = catalog_source::status_of(source, e)
            .ok()
            .flatten()
            .unwrap_or(0);
        let description = e.message_kind.is_some();
        let (message, user_message, further, origin) = (
            texts.span(&e.message),
            texts.optional(&e.user_message),
            texts.optional(&e.further),
            texts.optional(&e.source),
        );
        writeln!(
            out,
            "    Entry {{ code: {}, category: {category}, message: {message}, \
             user_message: {user_message}, further: {further}, origin: {origin}, \
             server: {first_server}..{server_count}, description: {description}, \
             status: {status}, sources: {first_source}..{source_count}, \
             variants: {first_variant}..{variant_count} }},",
            e.code,
        )
        .unwrap();
    }
    out.push_str("];\n\n");
    writeln!(
        out,
        "static SERVER_MESSAGES: [ServerMessage; {server_count}] = [\n{server}];\n"
    )
    .unwrap();
    writeln!(
        out,
        "static SOURCES: [Span; {source_count}] = [\n{sources}];\n"
    )
    .unwrap();
    writeln!(
        out,
        "static VARIANTS: [Variant; {variant_count}] = [\n{variants}];\n"
    )
    .unwrap();
    writeln!(out, "static TEXT: &str = {:?};", texts.text).unwrap();
    out
}

/// One `Variant` of the static table.
fn variant(v: &VariantSource, texts: &mut TextTable) -> String {
    let kind = match v.kind.as_str() {
        "older-server" => "OlderServer",
        "request-fill" => "RequestFill",
        "documentation" => "Documentation",
        _ => "Mock",
    };
    format!(
        "Variant {{ kind: VariantKind::{kind}, text: {}, status: {}, date: {}, until: {}, \
         source: {}, old_meaning: {}, meaning_now: {} }}",
        texts.span(&v.text),
        v.status.unwrap_or(0),
        texts.optional(&v.date),
        texts.optional(&v.until),
        texts.span(&v.source),
        v.old_meaning,
        v.meaning_now.unwrap_or(0),
    )
}
