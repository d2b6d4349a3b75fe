//! Replays the inputs kept under tests/data/fuzz/TARGET/ (hostile inputs,
//! and every crash the fuzzers have found) through the fuzz targets' own
//! checks.

#[path = "../fuzz/checks.rs"]
mod checks;
mod common;

fn replay(target: &str, check: fn(&[u8])) {
    let dir = common::data_path("fuzz").join(target);
    let mut inputs = 0;
    for file in std::fs::read_dir(&dir).unwrap() {
        let path = file.unwrap().path();
        check(&std::fs::read(&path).unwrap());
        inputs += 1;
    }
    assert!(inputs > 0, "no inputs kept in {}", dir.display());
}

#[test]
fn codes() {
    replay("codes", checks::codes);
}

#[test]
fn search() {
    replay("search", checks::search);
}

#[test]
fn scan() {
    replay("scan", checks::scan);
}

#[test]
fn templates() {
    replay("templates", checks::templates);
}

#[test]
fn archive() {
    replay("archive", checks::archive);
}

#[test]
fn decoders() {
    replay("decoders", checks::decoders);
}
