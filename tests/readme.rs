//! Every `console` example in the README runs as shown, output and exit
//! status included. `TRYCMD=overwrite cargo test --test readme` refreshes
//! the outputs after a deliberate change; review the diff.

mod common;

/// The README shows the default build, with the model.
#[cfg(feature = "semantic")]
#[test]
fn readme_examples() {
    let cases = trycmd::TestCases::new();
    cases.register_bin("sperr", common::bin());
    // The common environment. A Markdown case can only set variables, so a
    // removed one is set empty: sperr and its directory walker read each
    // of these empty as unset, but for the pager's, which count only on a
    // terminal, and trycmd gives none.
    for (name, value) in common::ENVIRONMENT {
        cases.env(*name, value.unwrap_or(""));
    }
    cases.case("README.md");
}

/// Everything the README names is in the repository: no path outside it,
/// and every file or folder it names in backticks exists.
#[test]
fn the_readme_names_nothing_outside_the_repository() {
    let named = names_only_what_is_here("README.md");
    assert!(named > 5, "only {named} paths found");
}

/// The same of CONTRIBUTING.md, which says where each test and fixture
/// lives.
#[test]
fn contributing_names_nothing_outside_the_repository() {
    let named = names_only_what_is_here("CONTRIBUTING.md");
    assert!(named > 20, "only {named} paths found");
}

/// Asserts that `file` points nowhere outside the repository and that every
/// path it names in backticks exists; returns how many it names.
fn names_only_what_is_here(file: &str) -> usize {
    let root = common::root();
    let text = std::fs::read_to_string(root.join(file)).unwrap();
    assert!(
        !text.contains("../"),
        "{file} points outside the repository"
    );
    let dirs = [
        "bench/",
        "tests/",
        "man/",
        "completions/",
        "src/",
        "fuzz/",
        ".ci/",
        "examples/",
    ];
    let mut named = 0;
    for quoted in text.split('`').skip(1).step_by(2) {
        let path = quoted.split_whitespace().next().unwrap_or("");
        let is_path = dirs.iter().any(|d| path.starts_with(d))
            || ["NOTICE", "LICENSE-MIT", "LICENSE-APACHE", "errors.toml"].contains(&path);
        // Globs and placeholders (TARGET, NAME) name no one file.
        if !is_path || path.contains(['*', '…']) || path.contains("TARGET") || path.contains("NAME")
        {
            continue;
        }
        named += 1;
        assert!(
            root.join(path).exists(),
            "{file} names {path}, which is not in the repository"
        );
    }
    named
}

/// The install command keeps to Cargo.lock: without --locked, cargo
/// install builds with newer crates than the tests ran with.
#[test]
fn the_readme_installs_with_the_locked_crates() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    assert!(readme.contains("cargo install --locked --path ."));
    assert!(!readme.contains("cargo install --path ."));
}
