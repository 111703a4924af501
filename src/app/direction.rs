//! The direction of the imports, read from the `crate::` paths of `src/`: the base imports
//! no feature and not the command line, and no two top-level modules import each other,
//! however far round.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The features: one folder each, over the base. The command line (`cli`, `app`, `main`)
/// sits on top of them.
const FEATURES: [&str; 10] = [
    "auth", "case", "cases", "config", "download", "help", "lookup", "pdf", "samples", "webhook",
];
const TOP: [&str; 3] = ["app", "cli", "main"];

/// Each top-level module with the top-level modules its files name.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut folders = vec![src.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(&src).unwrap();
            let first = relative.components().next().unwrap().as_os_str();
            let module = first.to_string_lossy().trim_end_matches(".rs").to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            let named = graph.entry(module.clone()).or_default();
            for name in named_modules(&text) {
                if name != module {
                    named.insert(name);
                }
            }
        }
    }
    graph
}

/// The top-level modules a file names: `crate::x` and `use crate::{x, y}`.
fn named_modules(text: &str) -> BTreeSet<String> {
    let word = |rest: &str| -> String {
        rest.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut names = BTreeSet::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        match rest.strip_prefix('{') {
            Some(group) => {
                let group = &group[..group.find('}').unwrap_or(group.len())];
                names.extend(group.split(',').map(|item| word(item.trim())));
            }
            None => {
                names.insert(word(rest));
            }
        }
    }
    names.retain(|name| !name.is_empty());
    names
}

#[test]
fn the_base_imports_no_feature_and_not_the_command_line() {
    let mut wrong = Vec::new();
    for (module, named) in graph() {
        if FEATURES.contains(&module.as_str()) || TOP.contains(&module.as_str()) {
            continue;
        }
        for name in named {
            if FEATURES.contains(&name.as_str()) || TOP.contains(&name.as_str()) {
                wrong.push(format!("{module} (base) imports {name}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "the base must not import a feature or the command line:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_top_level_modules_import_each_other_round_a_circle() {
    let graph = graph();
    // Depth-first from each module; a module met again on the current path closes a circle.
    fn visit(
        module: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|m| m == module) {
            let mut circle = path[at..].to_vec();
            circle.push(module.to_string());
            return Some(circle);
        }
        if !done.insert(module.to_string()) {
            return None;
        }
        path.push(module.to_string());
        for next in graph.get(module).into_iter().flatten() {
            if let Some(circle) = visit(next, graph, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for module in graph.keys() {
        if let Some(circle) = visit(module, &graph, &mut Vec::new(), &mut done) {
            panic!("an import circle: {}", circle.join(" -> "));
        }
    }
}

#[test]
fn the_reader_sees_grouped_and_single_paths() {
    let names =
        named_modules("use crate::{api, model::Document};\nlet x = crate::vocab::lookup(c);");
    assert_eq!(
        names.into_iter().collect::<Vec<_>>(),
        ["api", "model", "vocab"]
    );
}
