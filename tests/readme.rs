//! Every `console` example in the README runs as shown, output and exit
//! status included. `TRYCMD=overwrite cargo test --test readme` refreshes
//! the outputs after a deliberate change; review the diff.

#[test]
fn readme_examples() {
    trycmd::TestCases::new()
        .register_bin("sperr", trycmd::cargo::cargo_bin("sperr"))
        .env("COLUMNS", "80")
        // Empty is unset, for these.
        .env("NO_COLOR", "")
        .env("CLICOLOR_FORCE", "")
        .case("README.md");
}
