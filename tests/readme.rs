//! Every `console` example in the README runs as shown, output and exit
//! status included. `TRYCMD=overwrite cargo test --test readme` refreshes
//! the outputs after a deliberate change; review the diff.

mod common;

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
    let root = common::root();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    assert!(
        !readme.contains("../"),
        "the README points outside the repository"
    );
    let dirs = [
        "bench/",
        "tests/",
        "man/",
        "completions/",
        "src/",
        "fuzz/",
        ".ci/",
    ];
    let mut named = 0;
    for quoted in readme.split('`').skip(1).step_by(2) {
        let path = quoted.split_whitespace().next().unwrap_or("");
        let is_path = dirs.iter().any(|d| path.starts_with(d))
            || ["NOTICE", "LICENSE-MIT", "LICENSE-APACHE", "errors.toml"].contains(&path);
        // Globs and placeholders (TARGET) name no one file.
        if !is_path || path.contains(['*', '…']) || path.contains("TARGET") {
            continue;
        }
        named += 1;
        assert!(
            root.join(path).exists(),
            "the README names {path}, which is not in the repository"
        );
    }
    assert!(named > 5, "only {named} paths found");
}
