//! The source layout's rules, checked on the files under src/ (and the
//! build script's) read as text:
//!
//! - no cycle: among the direct children of any one module (the top-level
//!   modules; the files of src/scan/; ...), the edges "a file under A names
//!   something under B" form a DAG. A child naming its own ancestor's items
//!   is no edge between siblings. The names read are `use crate::…`,
//!   `use super::…`, `use self::…` and `use CHILD::…` trees, and `crate::…`,
//!   `super::…` and `self::…` paths in code, tests' code included; comments
//!   and the insides of string and character literals are skipped;
//! - nothing under src/scan/ names `crate::render` (render depends on scan,
//!   never the reverse), `crate::cli` or `crate::commands`;
//! - the files under src/standalone/, compiled into the crate and by the
//!   build script through `#[path]`, name no `crate::` path and no
//!   `super::` outside their folder, and every `#[path]` of the build
//!   script points into src/standalone/;
//! - no hand-written `.rs` file under src/ or build/ is over 700 lines (a
//!   file whose leading comments say `@generated` is not hand-written).
//!
//! The module tree is followed from src/lib.rs (and from the build script
//! Cargo.toml names) by its `mod` declarations, `#[path]` included;
//! src/main.rs is a crate of its own with no modules, and is read only for
//! its size. Each message names the file, the line and the rule.
//!
//! The checks of the tree are ignored until the redesign lands (`cargo test
//! --test layout -- --ignored` runs them); the checker's own tests, at the
//! end, always run.

mod common;

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Component, Path, PathBuf};

/// The most lines a hand-written source file may have.
const MAX_LINES: usize = 700;

// The source as tokens.

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    /// A string literal's contents, escapes as written.
    Str(String),
    /// `::`
    Path,
    Punct(char),
}

/// The tokens of Rust source, each with its line; comments, lifetimes,
/// numbers and character literals leave none, and a string literal is one.
fn tokens(source: &str) -> Vec<(Tok, usize)> {
    let c: Vec<char> = source.chars().collect();
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    // Counts the newlines of c[from..to].
    let lines = |from: usize, to: usize| {
        c[from..to.min(c.len())]
            .iter()
            .filter(|&&x| x == '\n')
            .count()
    };
    while i < c.len() {
        let ch = c[i];
        let start = i;
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && at(i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            line += lines(start, i);
        } else if let Some(hashes) = raw_string_at(&c, i) {
            // r"…", r#"…"#, br"…", cr#"…"#: up to the quote and as many #.
            let open = c[i..].iter().position(|&x| x == '"').unwrap() + i;
            let mut j = open + 1;
            while j < c.len() && !(c[j] == '"' && (1..=hashes).all(|k| at(j + k) == '#')) {
                j += 1;
            }
            out.push((Tok::Str(c[open + 1..j.min(c.len())].iter().collect()), line));
            i = j + 1 + hashes;
            line += lines(start, i);
        } else if ch == '"' || ((ch == 'b' || ch == 'c') && at(i + 1) == '"') {
            let open = if ch == '"' { i } else { i + 1 };
            let mut j = open + 1;
            while j < c.len() && c[j] != '"' {
                j += if c[j] == '\\' { 2 } else { 1 };
            }
            out.push((Tok::Str(c[open + 1..j.min(c.len())].iter().collect()), line));
            i = j + 1;
            line += lines(start, i);
        } else if ch == '\'' || (ch == 'b' && at(i + 1) == '\'') {
            let quote = if ch == '\'' { i } else { i + 1 };
            if at(quote + 1) == '\\' {
                // '\n', '\'', '\u{…}'
                let mut j = quote + 3;
                while j < c.len() && c[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
            } else if at(quote + 2) == '\'' {
                i = quote + 3;
            } else {
                // A lifetime or a label.
                i = quote + 1;
                while is_ident(at(i)) {
                    i += 1;
                }
            }
        } else if ch == 'r' && at(i + 1) == '#' && is_ident_start(at(i + 2)) {
            // A raw identifier, r#type.
            i += 2;
            let from = i;
            while is_ident(at(i)) {
                i += 1;
            }
            out.push((Tok::Ident(c[from..i].iter().collect()), line));
        } else if is_ident_start(ch) {
            while is_ident(at(i)) {
                i += 1;
            }
            out.push((Tok::Ident(c[start..i].iter().collect()), line));
        } else if ch.is_ascii_digit() {
            while is_ident(at(i)) || (at(i) == '.' && at(i + 1).is_ascii_digit()) {
                i += 1;
            }
        } else if ch == ':' && at(i + 1) == ':' {
            out.push((Tok::Path, line));
            i += 2;
        } else {
            out.push((Tok::Punct(ch), line));
            i += 1;
        }
    }
    out
}

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// The number of `#` of the raw string literal starting at `i`, if one does.
fn raw_string_at(c: &[char], i: usize) -> Option<usize> {
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    let before = |i: usize| i > 0 && is_ident(c[i - 1]);
    let mut j = match (at(i), at(i + 1)) {
        ('r', _) => i + 1,
        ('b' | 'c', 'r') => i + 2,
        _ => return None,
    };
    if before(i) {
        return None;
    }
    let mut hashes = 0;
    while at(j) == '#' {
        hashes += 1;
        j += 1;
    }
    (at(j) == '"').then_some(hashes)
}

// What a file names.

/// A path a file names, as written (`super::text::Records`), the module it
/// is named in (a file's module and the inline modules around the name),
/// and its line.
#[derive(Clone, Debug, PartialEq)]
struct Named {
    segments: Vec<String>,
    within: Vec<String>,
    line: usize,
    /// From a `use` tree: a first segment may name a child module.
    in_use: bool,
}

/// A `mod NAME;` declaration: its name, the inline modules around it, and
/// its `#[path]` if it has one.
#[derive(Debug, PartialEq)]
struct ModDecl {
    name: String,
    inline: Vec<String>,
    path: Option<String>,
}

/// What a file says about modules: the paths it names, the file modules it
/// declares, the inline modules it holds (as paths below its own), and
/// every `#[path = "…"]` with its line.
#[derive(Debug, Default)]
struct Parsed {
    named: Vec<Named>,
    mods: Vec<ModDecl>,
    inline: Vec<Vec<String>>,
    path_attrs: Vec<(String, usize)>,
}

impl Parsed {
    fn name(&mut self, segments: Vec<String>, within: Vec<String>, line: usize, in_use: bool) {
        self.named.push(Named {
            segments,
            within,
            line,
            in_use,
        });
    }
}

fn ident(t: Option<&(Tok, usize)>) -> Option<&str> {
    match t {
        Some((Tok::Ident(s), _)) => Some(s),
        _ => None,
    }
}

fn is(t: Option<&(Tok, usize)>, want: &Tok) -> bool {
    t.is_some_and(|(t, _)| t == want)
}

/// Reads a file whose module is `module`.
fn parse(source: &str, module: &[String]) -> Parsed {
    let toks = tokens(source);
    let mut parsed = Parsed::default();
    // Inline modules open around the current token, with the depth of
    // braces their `{` opened at.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut pending_path: Option<String> = None;
    let within = |inline: &[(String, usize)]| -> Vec<String> {
        module
            .iter()
            .cloned()
            .chain(inline.iter().map(|(n, _)| n.clone()))
            .collect()
    };
    let mut i = 0;
    while i < toks.len() {
        let (tok, line) = &toks[i];
        match tok {
            Tok::Punct('{') => depth += 1,
            Tok::Punct('}') => {
                depth -= 1;
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
            }
            Tok::Punct('#')
                if is(toks.get(i + 1), &Tok::Punct('['))
                    && ident(toks.get(i + 2)) == Some("path")
                    && is(toks.get(i + 3), &Tok::Punct('=')) =>
            {
                if let Some((Tok::Str(p), _)) = toks.get(i + 4) {
                    parsed.path_attrs.push((p.clone(), *line));
                    pending_path = Some(p.clone());
                }
            }
            Tok::Ident(word) if word == "mod" => {
                if let Some(name) = ident(toks.get(i + 1)) {
                    if is(toks.get(i + 2), &Tok::Punct('{')) {
                        let names: Vec<String> = inline.iter().map(|(n, _)| n.clone()).collect();
                        parsed
                            .inline
                            .push(names.into_iter().chain([name.to_string()]).collect());
                        inline.push((name.to_string(), depth));
                        depth += 1;
                        i += 3;
                        pending_path = None;
                        continue;
                    }
                    if is(toks.get(i + 2), &Tok::Punct(';')) {
                        parsed.mods.push(ModDecl {
                            name: name.to_string(),
                            inline: inline.iter().map(|(n, _)| n.clone()).collect(),
                            path: pending_path.take(),
                        });
                    }
                }
            }
            Tok::Ident(word) if word == "use" => {
                let mut j = i + 1;
                for segments in use_tree(&toks, &mut j, Vec::new()) {
                    parsed.name(segments, within(&inline), *line, true);
                }
                i = j;
                continue;
            }
            Tok::Ident(word)
                if matches!(word.as_str(), "crate" | "super" | "self")
                    && is(toks.get(i + 1), &Tok::Path)
                    && !(i > 0 && is(toks.get(i - 1), &Tok::Punct('$')))
                    && !(i > 0 && is(toks.get(i - 1), &Tok::Path)) =>
            {
                let mut segments = vec![word.clone()];
                let mut j = i + 1;
                while is(toks.get(j), &Tok::Path) {
                    match ident(toks.get(j + 1)) {
                        Some(next) => segments.push(next.to_string()),
                        None => break,
                    }
                    j += 2;
                }
                parsed.name(segments, within(&inline), *line, false);
                i = j;
                continue;
            }
            Tok::Punct(';') => pending_path = None,
            _ => {}
        }
        i += 1;
    }
    parsed
}

/// The paths a use tree names, from `toks[*i]`, each after `prefix`; `*i`
/// ends past the tree.
fn use_tree(toks: &[(Tok, usize)], i: &mut usize, prefix: Vec<String>) -> Vec<Vec<String>> {
    let mut segments = prefix;
    // A leading `::` names another crate.
    if segments.is_empty() && is(toks.get(*i), &Tok::Path) {
        segments.push("::".into());
        *i += 1;
    }
    loop {
        match toks.get(*i) {
            Some((Tok::Ident(name), _)) => {
                segments.push(name.clone());
                *i += 1;
                if is(toks.get(*i), &Tok::Path) {
                    *i += 1;
                    continue;
                }
                if ident(toks.get(*i)) == Some("as") {
                    *i += 2;
                }
                return vec![segments];
            }
            Some((Tok::Punct('*'), _)) => {
                *i += 1;
                segments.push("*".into());
                return vec![segments];
            }
            Some((Tok::Punct('{'), _)) => {
                *i += 1;
                let mut all = Vec::new();
                while toks.get(*i).is_some() && !is(toks.get(*i), &Tok::Punct('}')) {
                    all.extend(use_tree(toks, i, segments.clone()));
                    // Past the comma, or past what is no tree.
                    if !is(toks.get(*i), &Tok::Punct('}')) {
                        *i += 1;
                    }
                }
                *i += 1;
                return all;
            }
            _ => return vec![segments],
        }
    }
}

/// The absolute path (below `crate`) that `named` stands for, or None for
/// another crate's or a name in scope. `is_module` says whether a path
/// names a module.
fn resolve(named: &Named, is_module: &dyn Fn(&[String]) -> bool) -> Option<Vec<String>> {
    let mut segments = named.segments.iter().map(String::as_str).peekable();
    let mut base: Vec<String> = match *segments.peek()? {
        "crate" => {
            segments.next();
            Vec::new()
        }
        "self" => {
            segments.next();
            named.within.clone()
        }
        "super" => {
            let mut base = named.within.clone();
            while segments.peek() == Some(&"super") {
                segments.next();
                base.pop()?;
            }
            base
        }
        first if named.in_use => {
            let mut child = named.within.clone();
            child.push(first.to_string());
            if !is_module(&child) {
                return None;
            }
            named.within.clone()
        }
        _ => return None,
    };
    // `self` in a tree, `{self, …}`, names the module before it.
    base.extend(segments.filter(|s| *s != "self").map(str::to_string));
    Some(base)
}

/// A path as written, but for a `self` that only closes a use tree
/// (`super::fit::{self, …}` names `super::fit`).
fn written(segments: &[String]) -> String {
    let kept: Vec<&str> = segments
        .iter()
        .enumerate()
        .filter(|(i, s)| *i == 0 || *s != "self")
        .map(|(_, s)| s.as_str())
        .collect();
    kept.join("::")
}

// The crates: modules and their files.

/// A source file of a crate.
struct File {
    /// From the repository's root, with `/`.
    path: String,
    module: Vec<String>,
    parsed: Parsed,
}

/// A crate's files from its root file, following `mod` declarations.
struct Crate {
    files: Vec<File>,
    /// Every module, file or inline; the root is `[]`.
    modules: BTreeSet<Vec<String>>,
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A path from the repository's root, with `/`.
fn shown(path: &Path) -> String {
    let path = path.strip_prefix(common::root()).unwrap_or(path);
    path.to_string_lossy().replace('\\', "/")
}

/// `path` with `.` and `..` taken out.
fn normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

impl Crate {
    fn load(root_file: &Path) -> Crate {
        let mut krate = Crate {
            files: Vec::new(),
            modules: BTreeSet::from([Vec::new()]),
        };
        // (file, its module, whether its children's files sit in its own
        // folder: lib.rs, main.rs, mod.rs and #[path] files)
        let mut queue = VecDeque::from([(root_file.to_path_buf(), Vec::new(), true)]);
        while let Some((path, module, mod_rs)) = queue.pop_front() {
            let parsed = parse(&read(&path), &module);
            let dir = path.parent().unwrap().to_path_buf();
            let own = if mod_rs {
                dir.clone()
            } else {
                dir.join(path.file_stem().unwrap())
            };
            for inline in &parsed.inline {
                krate
                    .modules
                    .insert(module.iter().chain(inline).cloned().collect());
            }
            for decl in &parsed.mods {
                let child: Vec<String> = module
                    .iter()
                    .chain(&decl.inline)
                    .chain([&decl.name])
                    .cloned()
                    .collect();
                let folder = decl.inline.iter().fold(own.clone(), |d, n| d.join(n));
                let (file, mod_rs) = match &decl.path {
                    Some(p) if decl.inline.is_empty() => (normal(&dir.join(p)), true),
                    Some(p) => (normal(&folder.join(p)), true),
                    None => {
                        let flat = folder.join(format!("{}.rs", decl.name));
                        if flat.is_file() {
                            (flat, false)
                        } else {
                            (folder.join(&decl.name).join("mod.rs"), true)
                        }
                    }
                };
                krate.modules.insert(child.clone());
                queue.push_back((file, child, mod_rs));
            }
            krate.files.push(File {
                path: shown(&path),
                module,
                parsed,
            });
        }
        krate
    }

    fn is_module(&self, path: &[String]) -> bool {
        self.modules.contains(path)
    }
}

/// The build script's root file, as Cargo.toml names it, if there is one.
fn build_script() -> Option<PathBuf> {
    let manifest: toml::Table = read(&common::root().join("Cargo.toml")).parse().unwrap();
    let named = manifest
        .get("package")
        .and_then(|p| p.get("build"))
        .and_then(|b| b.as_str());
    let path = common::root().join(named.unwrap_or("build.rs"));
    path.is_file().then_some(path)
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return files;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

// Rule: no cycle among siblings.

/// Where an edge was seen: a file, a line and the path it names, as
/// written.
type Seen = (String, usize, String);

/// The edges among siblings, by their parent module: a file under child A
/// naming something under child B, with the first place that does.
fn sibling_edges(krate: &Crate) -> BTreeMap<Vec<String>, BTreeMap<(String, String), Seen>> {
    let mut edges: BTreeMap<Vec<String>, BTreeMap<(String, String), Seen>> = BTreeMap::new();
    for file in &krate.files {
        for named in &file.parsed.named {
            let Some(target) = resolve(named, &|p| krate.is_module(p)) else {
                continue;
            };
            if let Some((parent, from, to)) =
                sibling_edge(&file.module, &target, &|p| krate.is_module(p))
            {
                edges
                    .entry(parent)
                    .or_default()
                    .entry((from, to))
                    .or_insert_with(|| (file.path.clone(), named.line, written(&named.segments)));
            }
        }
    }
    edges
}

/// The edge between siblings that a file of module `from` naming `target`
/// makes: (their parent, the child `from` is under, the child `target` is
/// under), or None where it names its own module, its own children or an
/// ancestor's items.
fn sibling_edge(
    from: &[String],
    target: &[String],
    is_module: &dyn Fn(&[String]) -> bool,
) -> Option<(Vec<String>, String, String)> {
    let common = from.iter().zip(target).take_while(|(a, b)| a == b).count();
    if common == from.len() || common == target.len() {
        return None;
    }
    let parent = from[..common].to_vec();
    let to = &target[..=common];
    is_module(to).then(|| (parent, from[common].clone(), target[common].clone()))
}

/// One shortest cycle in each strongly connected part of a directed graph
/// that has one (a node's edge to itself is a cycle), first node the
/// smallest where cycles tie; each cycle ends with its first node.
fn cycles(edges: &BTreeSet<(String, String)>) -> Vec<Vec<String>> {
    tangles(edges).into_iter().map(|(_, cycle)| cycle).collect()
}

/// Each strongly connected part of a directed graph that has a cycle: its
/// nodes, and one shortest cycle in it, as [`cycles`] gives it.
fn tangles(edges: &BTreeSet<(String, String)>) -> Vec<(BTreeSet<String>, Vec<String>)> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b) in edges {
        next.entry(a).or_default().push(b);
        next.entry(b).or_default();
    }
    let reach = |from: &str| -> BTreeSet<&str> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from];
        while let Some(n) = stack.pop() {
            for &m in &next[n] {
                if seen.insert(m) {
                    stack.push(m);
                }
            }
        }
        seen
    };
    let reachable: BTreeMap<&str, BTreeSet<&str>> = next.keys().map(|&n| (n, reach(n))).collect();
    let mut done: BTreeSet<&str> = BTreeSet::new();
    let mut found = Vec::new();
    for &node in next.keys() {
        if done.contains(node) || !reachable[node].contains(node) {
            continue;
        }
        let part: BTreeSet<&str> = reachable[node]
            .iter()
            .copied()
            .filter(|m| reachable[m].contains(node))
            .collect();
        done.extend(&part);
        // The shortest way back to itself from each node of the part.
        let best = part
            .iter()
            .filter_map(|&start| shortest_back(start, &next, &part))
            .min_by_key(|cycle| cycle.len())
            .unwrap();
        found.push((
            part.iter().map(|n| n.to_string()).collect(),
            best.into_iter().map(str::to_string).collect(),
        ));
    }
    found
}

/// The shortest cycle from `start` back to it, inside `part`.
fn shortest_back<'a>(
    start: &'a str,
    next: &BTreeMap<&'a str, Vec<&'a str>>,
    part: &BTreeSet<&'a str>,
) -> Option<Vec<&'a str>> {
    let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(n) = queue.pop_front() {
        for &m in &next[n] {
            if !part.contains(m) {
                continue;
            }
            if m == start {
                // The way here, n back to start, turned round.
                let mut cycle = vec![n];
                let mut at = n;
                while at != start {
                    at = came_from[at];
                    cycle.push(at);
                }
                cycle.reverse();
                cycle.push(start);
                return Some(cycle);
            }
            if !came_from.contains_key(m) {
                came_from.insert(m, n);
                queue.push_back(m);
            }
        }
    }
    None
}

/// The cycles among siblings of a crate, as messages.
fn cycle_problems(krate: &Crate, name: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for (parent, edges) in sibling_edges(krate) {
        let graph: BTreeSet<(String, String)> = edges.keys().cloned().collect();
        for (members, cycle) in tangles(&graph) {
            let module = if parent.is_empty() {
                "crate".to_string()
            } else {
                format!("crate::{}", parent.join("::"))
            };
            let mut message = format!(
                "no cycle: the children of {module} in {name} name each other in a cycle, {}",
                cycle.join(" -> ")
            );
            if members.len() + 1 > cycle.len() {
                let all: Vec<&str> = members.iter().map(String::as_str).collect();
                message.push_str(&format!(" (all of {} stand on cycles)", all.join(", ")));
            }
            message.push_str("; the edges among them:");
            for ((a, b), (file, line, path)) in &edges {
                if members.contains(a) && members.contains(b) {
                    message.push_str(&format!("\n    {a} -> {b}: {file}:{line} names {path}"));
                }
            }
            problems.push(message);
        }
    }
    problems
}

fn src_crate() -> Crate {
    Crate::load(&common::root().join("src/lib.rs"))
}

#[test]
fn no_cycle_among_sibling_modules() {
    let mut problems = cycle_problems(&src_crate(), "src/");
    if let Some(build) = build_script() {
        problems.extend(cycle_problems(&Crate::load(&build), "the build script"));
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

// Rule: scan names neither render nor the command line.

/// What src/scan/ names that it must not, as messages: one a line.
fn scan_problems(krate: &Crate) -> Vec<String> {
    let mut problems = Vec::new();
    for file in krate
        .files
        .iter()
        .filter(|f| f.path.starts_with("src/scan/"))
    {
        let mut lines = BTreeSet::new();
        for named in &file.parsed.named {
            let Some(target) = resolve(named, &|p| krate.is_module(p)) else {
                continue;
            };
            let Some(first) = target.first() else {
                continue;
            };
            if ["render", "cli", "commands"].contains(&first.as_str()) && lines.insert(named.line) {
                let (as_written, absolute) = (
                    written(&named.segments),
                    format!("crate::{}", target.join("::")),
                );
                let names = if as_written == absolute {
                    absolute
                } else {
                    format!("{as_written} ({absolute})")
                };
                problems.push(format!(
                    "{}:{}: names {names}: nothing under src/scan/ names crate::render, \
                     crate::cli or crate::commands, which depend on scan, never the reverse",
                    file.path, named.line,
                ));
            }
        }
    }
    problems
}

#[test]
fn scan_names_neither_render_nor_cli_nor_commands() {
    let problems = scan_problems(&src_crate());
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

// Rule: the build script's folder stands alone.

/// What a file under src/standalone/ names outside its folder, as
/// messages. `module` is its place in the folder (`["standalone",
/// "fold"]`), `exists` says whether a module path of the folder is one of
/// its files.
fn standalone_problems(
    path: &str,
    source: &str,
    module: &[String],
    exists: &dyn Fn(&[String]) -> bool,
) -> Vec<String> {
    let mut problems = Vec::new();
    for named in parse(source, module).named {
        let as_written = written(&named.segments);
        match named.segments[0].as_str() {
            "crate" => problems.push(format!(
                "{path}:{}: names {as_written}: a file of src/standalone/ is compiled by the \
                 build script too, where crate:: is another crate; it names no crate:: path",
                named.line
            )),
            "super" => {
                let ups = named.segments.iter().take_while(|s| *s == "super").count();
                let own_inline = named.within.len() - module.len();
                if ups <= own_inline {
                    continue; // inside the file: a test module naming its file
                }
                let target = resolve(&named, &|_| false);
                let inside = target.as_ref().is_some_and(|t| {
                    t.first().is_some_and(|s| s == "standalone")
                        && (2..=t.len()).any(|n| exists(&t[..n]))
                });
                if !inside {
                    problems.push(format!(
                        "{path}:{}: names {as_written}: a file of src/standalone/ names \
                         nothing outside its folder through super::",
                        named.line
                    ));
                }
            }
            _ => {}
        }
    }
    problems
}

/// Where the build script's `#[path]`s point, if not into `standalone`
/// (src/standalone/), as messages.
fn build_path_problems(build_files: &[PathBuf], standalone: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for file in build_files {
        let parsed = parse(&read(file), &[]);
        for (target, line) in parsed.path_attrs {
            let resolved = normal(&file.parent().unwrap().join(&target));
            if !resolved.starts_with(standalone) {
                problems.push(format!(
                    "{}:{line}: #[path = \"{target}\"] points outside src/standalone/: \
                     the build script compiles only the files of src/standalone/",
                    shown(file)
                ));
            }
        }
    }
    problems
}

#[test]
fn the_build_scripts_folder_stands_alone() {
    let root = common::root();
    let folder = root.join("src/standalone");
    if !folder.is_dir() {
        eprintln!("skipped: src/standalone/ does not exist yet; nothing to check");
        return;
    }
    let mut problems = Vec::new();
    let exists = |module: &[String]| {
        let rel: PathBuf = module[1..].iter().collect();
        let dir = folder.join(&rel);
        dir.with_extension("rs").is_file() || dir.join("mod.rs").is_file()
    };
    for file in rust_files(&folder) {
        let rel = file
            .strip_prefix(root.join("src"))
            .unwrap()
            .with_extension("");
        let mut module: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if module.last().is_some_and(|m| m == "mod") {
            module.pop();
        }
        problems.extend(standalone_problems(
            &shown(&file),
            &read(&file),
            &module,
            &exists,
        ));
    }
    let mut build_files = rust_files(&root.join("build"));
    build_files.extend(build_script());
    build_files.sort();
    build_files.dedup();
    problems.extend(build_path_problems(&build_files, &folder));
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

// Rule: size.

/// Whether a file starts with an `@generated` marker: in the comments
/// before its first line of code.
fn generated(source: &str) -> bool {
    source
        .lines()
        .map(str::trim)
        .take_while(|l| {
            l.is_empty() || l.starts_with("//") || l.starts_with("/*") || l.starts_with('*')
        })
        .any(|l| l.contains("@generated"))
}

/// The hand-written files over MAX_LINES under src/ and build/, as messages.
fn size_problems() -> Vec<String> {
    let root = common::root();
    let mut files = rust_files(&root.join("src"));
    files.extend(rust_files(&root.join("build")));
    let mut problems = Vec::new();
    for file in files {
        let source = read(&file);
        let lines = source.lines().count();
        if lines > MAX_LINES && !generated(&source) {
            problems.push(format!(
                "{}: {lines} lines: a hand-written file has {MAX_LINES} at most",
                shown(&file)
            ));
        }
    }
    problems
}

#[test]
fn no_hand_written_file_over_700_lines() {
    let problems = size_problems();
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

// The checker's own tests.

fn strings(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

fn graph(edges: &[(&str, &str)]) -> BTreeSet<(String, String)> {
    edges
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn a_graph_without_a_cycle_has_none() {
    let dag = graph(&[("a", "b"), ("b", "c"), ("a", "c"), ("d", "c")]);
    assert_eq!(cycles(&dag), Vec::<Vec<String>>::new());
    assert!(cycles(&BTreeSet::new()).is_empty());
}

#[test]
fn a_cycle_is_found_in_order() {
    let looped = graph(&[("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]);
    assert_eq!(cycles(&looped), [strings(&["a", "b", "c", "a"])]);
    let back = graph(&[("render", "scan"), ("scan", "render"), ("cli", "scan")]);
    assert_eq!(cycles(&back), [strings(&["render", "scan", "render"])]);
    assert_eq!(cycles(&graph(&[("a", "a")])), [strings(&["a", "a"])]);
}

#[test]
fn each_tangle_gives_its_shortest_cycle() {
    // One part with a long and a short way round, and a part of its own.
    let tangled = graph(&[
        ("a", "b"),
        ("b", "c"),
        ("c", "d"),
        ("d", "a"),
        ("c", "b"),
        ("x", "y"),
        ("y", "x"),
        ("d", "x"),
    ]);
    assert_eq!(
        cycles(&tangled),
        [strings(&["b", "c", "b"]), strings(&["x", "y", "x"])]
    );
}

#[test]
fn comments_strings_and_characters_name_nothing() {
    let source = r####"
        // use crate::render;
        /* crate::cli::x /* nested crate::commands */ crate::render */
        /// [`crate::render::Style`]
        const A: &str = "crate::render::Style";
        const B: &str = r#"use crate::render; "quoted""#;
        const C: char = '"';
        const D: char = '\'';
        fn f<'a>(x: &'a str) -> &'a str { x }
        macro_rules! m { () => { $crate::x() }; }
        use crate::catalog::Entry;
    "####;
    let named = parse(source, &strings(&["scan", "text"])).named;
    let written: Vec<String> = named.iter().map(|n| n.segments.join("::")).collect();
    assert_eq!(written, ["crate::catalog::Entry"]);
    assert_eq!(named[0].line, 11);
}

#[test]
fn use_trees_are_read_whole() {
    let source = "use crate::{a, b::{c, d::e as f}, g::*};\n\
                  pub(crate) use super::{self, order::Ordered};\n\
                  use std::io;\n\
                  use ::serde::Serialize;\n\
                  fn x() { crate::h::i(); super::super::j::K::new(); }\n";
    let named = parse(source, &strings(&["scan", "sink"])).named;
    let written: Vec<String> = named.iter().map(|n| n.segments.join("::")).collect();
    assert_eq!(
        written,
        [
            "crate::a",
            "crate::b::c",
            "crate::b::d::e",
            "crate::g::*",
            "super::self",
            "super::order::Ordered",
            "std::io",
            "::::serde::Serialize",
            "crate::h::i",
            "super::super::j::K::new",
        ]
    );
}

#[test]
fn paths_resolve_from_the_module_they_are_named_in() {
    let source = "use super::rules::Scanner;\n\
                  mod inner { use super::Thing; fn f() { super::super::sink::x(); } }\n\
                  #[cfg(test)]\nmod tests {\n    use super::*;\n    use crate::render::Style;\n}\n\
                  use decode::View;\n\
                  use std::io;\n";
    let modules: BTreeSet<Vec<String>> = [
        strings(&["scan"]),
        strings(&["scan", "text"]),
        strings(&["scan", "text", "decode"]),
    ]
    .into();
    let is_module = |p: &[String]| modules.contains(p);
    let parsed = parse(source, &strings(&["scan", "text"]));
    let resolved: Vec<Option<String>> = parsed
        .named
        .iter()
        .map(|n| resolve(n, &is_module).map(|p| p.join("::")))
        .collect();
    let expect = |s: &str| Some(s.to_string());
    assert_eq!(
        resolved,
        [
            expect("scan::rules::Scanner"),
            expect("scan::text::Thing"),
            expect("scan::sink::x"),
            expect("scan::text::*"),
            expect("render::Style"),
            expect("scan::text::decode::View"),
            None,
        ]
    );
    assert_eq!(parsed.inline, [strings(&["inner"]), strings(&["tests"])]);
}

#[test]
fn an_edge_joins_siblings_and_never_a_child_to_its_ancestor() {
    let modules: BTreeSet<Vec<String>> = [
        strings(&["scan"]),
        strings(&["scan", "rules"]),
        strings(&["scan", "sentences"]),
        strings(&["render"]),
    ]
    .into();
    let is_module = |p: &[String]| modules.contains(p);
    let edge = |from: &[&str], to: &[&str]| sibling_edge(&strings(from), &strings(to), &is_module);
    assert_eq!(
        edge(&["scan", "rules"], &["scan", "sentences", "Read"]),
        Some((strings(&["scan"]), "rules".into(), "sentences".into()))
    );
    assert_eq!(
        edge(&["scan", "rules"], &["render", "Style"]),
        Some((vec![], "scan".into(), "render".into()))
    );
    // A child naming its parent's items, a parent naming its child.
    assert_eq!(edge(&["scan", "rules"], &["scan", "Hit"]), None);
    assert_eq!(edge(&["scan"], &["scan", "rules", "Scanner"]), None);
    assert_eq!(edge(&["scan", "rules"], &["scan", "rules", "X"]), None);
}

#[test]
fn mod_declarations_and_their_paths_are_read() {
    let source = "pub mod a;\n#[path = \"standalone/fold.rs\"]\n#[allow(dead_code)]\npub mod fold;\n\
                  mod data { include!(\"x.rs\"); mod deep; }\n#[cfg(test)]\nmod tests;\n";
    let parsed = parse(source, &[]);
    let decls: Vec<(&str, Vec<String>, Option<&str>)> = parsed
        .mods
        .iter()
        .map(|m| (m.name.as_str(), m.inline.clone(), m.path.as_deref()))
        .collect();
    assert_eq!(
        decls,
        [
            ("a", vec![], None),
            ("fold", vec![], Some("standalone/fold.rs")),
            ("deep", strings(&["data"]), None),
            ("tests", vec![], None),
        ]
    );
    assert_eq!(parsed.path_attrs, [("standalone/fold.rs".to_string(), 2)]);
}

#[test]
fn a_standalone_file_names_nothing_outside_its_folder() {
    let exists = |m: &[String]| m == strings(&["standalone", "fold"]).as_slice();
    let check = |source: &str| {
        standalone_problems(
            "src/standalone/text.rs",
            source,
            &strings(&["standalone", "text"]),
            &exists,
        )
    };
    let clean =
        "use super::fold::fold;\nfn f() {}\n#[cfg(test)]\nmod tests {\n    use super::*;\n}\n";
    assert_eq!(check(clean), Vec::<String>::new());
    let crate_path = check("use crate::fold::fold;\n");
    assert_eq!(crate_path.len(), 1);
    assert!(
        crate_path[0].starts_with("src/standalone/text.rs:1: names crate::fold::fold"),
        "{crate_path:?}"
    );
    let outside = check("fn f() { super::catalog::entries(); }\n");
    assert_eq!(outside.len(), 1, "{outside:?}");
    assert!(
        outside[0].contains("super::catalog::entries"),
        "{outside:?}"
    );
    assert_eq!(check("use super::super::x;\n").len(), 1);
}

#[test]
fn a_generated_file_says_so_on_top() {
    assert!(generated("// @generated by build/main.rs\nfn x() {}\n"));
    assert!(generated(
        "\n//! The tables.\n//! @generated: do not edit\nfn x() {}\n"
    ));
    assert!(!generated("fn x() {}\n// @generated\n"));
    assert!(!generated("const S: &str = \"@generated\";\n"));
}

/// Writes `files` (path, text) under a new temporary folder.
fn toy(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn a_toy_crate_shows_its_cycle_with_the_lines_that_make_it() {
    let dir = toy(&[
        ("src/lib.rs", "pub mod a;\npub mod b;\n"),
        ("src/a.rs", "use crate::b::X;\n"),
        ("src/b/mod.rs", "mod c;\nmod d;\npub struct X;\n"),
        // c names a: b's child names b's sibling, an edge from b to a.
        (
            "src/b/c.rs",
            "use super::d::Y;\n\nfn f() { crate::a::g(); }\n",
        ),
        // d names its parent's item: no edge.
        ("src/b/d.rs", "pub struct Y;\nuse super::X;\n"),
    ]);
    let krate = Crate::load(&dir.path().join("src/lib.rs"));
    let modules: Vec<String> = krate.modules.iter().map(|m| m.join("::")).collect();
    assert_eq!(modules, ["", "a", "b", "b::c", "b::d"]);
    let edges: Vec<(Vec<String>, (String, String))> = sibling_edges(&krate)
        .into_iter()
        .flat_map(|(parent, edges)| edges.into_keys().map(move |e| (parent.clone(), e)))
        .collect();
    let edge =
        |parent: &[&str], a: &str, b: &str| (strings(parent), (a.to_string(), b.to_string()));
    assert_eq!(
        edges,
        [
            edge(&[], "a", "b"),
            edge(&[], "b", "a"),
            edge(&["b"], "c", "d")
        ]
    );
    let problems = cycle_problems(&krate, "the toy");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(
            "no cycle: the children of crate in the toy name each other in a cycle, a -> b -> a;"
        ),
        "{}",
        problems[0]
    );
    assert!(
        problems[0].contains("src/b/c.rs:3 names crate::a::g"),
        "{}",
        problems[0]
    );
    assert!(
        problems[0].contains("src/a.rs:1 names crate::b::X"),
        "{}",
        problems[0]
    );
}

#[test]
fn a_build_scripts_path_points_into_the_standalone_folder() {
    let dir = toy(&[
        ("src/standalone/fold.rs", ""),
        (
            "build/main.rs",
            "#[path = \"../src/standalone/fold.rs\"]\nmod fold;\n#[path = \"../src/markup.rs\"]\nmod markup;\n",
        ),
    ]);
    let problems = build_path_problems(
        &[dir.path().join("build/main.rs")],
        &dir.path().join("src/standalone"),
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].ends_with("build/main.rs:3: #[path = \"../src/markup.rs\"] points outside src/standalone/: the build script compiles only the files of src/standalone/"),
        "{problems:?}"
    );
}
