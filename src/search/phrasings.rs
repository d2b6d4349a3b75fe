//! How people describe each entry's situation: `phrasings.toml`, checked
//! and compiled in by the build script (`build/phrasings.rs`).

mod table {
    include!(concat!(env!("OUT_DIR"), "/phrasings.rs"));
}

/// Every phrasing with the code it describes, in the catalog's order.
pub fn phrasings() -> impl Iterator<Item = (u32, &'static str)> {
    let starts = std::iter::once(0).chain(table::PHRASING_ENDS.iter().map(|&e| e as usize));
    starts
        .zip(table::PHRASING_ENDS.iter())
        .zip(table::PHRASING_CODES.iter())
        .map(|((start, &end), &code)| (code, &table::PHRASING_TEXT[start..end as usize]))
}
