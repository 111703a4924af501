//! `--jq EXPR`: a jq filter run inside the tool, with jaq (a Rust implementation of jq), on
//! the JSON a command would print. Strings print raw, as `jq -r` and gh's `--jq` print them;
//! other values print as JSON, two spaces a level, as jq prints them.

use std::io::{self, Write};

use jaq_core::load::{Arena, File, Loader};
use jaq_core::{Compiler, Ctx, Vars, data, unwrap_valr};
use jaq_json::Val;

use crate::json::Pretty;

/// Why a filter cannot run, in words: jaq's lexer, parser and compiler errors, each with
/// what was expected and where.
pub fn check(code: &str) -> Result<(), String> {
    compiled(code, |_| ())
}

/// Runs `code` on the JSON text `json`, writing each output to `out` on its own line. The
/// outer `Err` is the writer's; the inner one says why the filter failed.
pub fn apply(
    code: &str,
    json: &[u8],
    pretty: Pretty,
    raw_strings_shown: impl Fn(&str) -> String,
    out: &mut dyn Write,
) -> io::Result<Result<(), String>> {
    let input = match jaq_json::read::parse_single(json) {
        Ok(input) => input,
        Err(err) => return Ok(Err(format!("the output is not JSON jq can read: {err}"))),
    };
    let mut written: io::Result<Result<(), String>> = Ok(Ok(()));
    let ran = compiled(code, |filter| {
        let ctx = Ctx::<data::JustLut<Val>>::new(&filter.lut, Vars::new([]));
        for value in filter.id.run((ctx, input.clone())).map(unwrap_valr) {
            let value = match value {
                Ok(value) => value,
                Err(err) => {
                    written = Ok(Err(format!("the filter failed: {err}")));
                    return;
                }
            };
            let line = match &value {
                Val::TStr(text) => {
                    let text = String::from_utf8_lossy(text);
                    out.write_all(raw_strings_shown(&text).as_bytes())
                }
                other => {
                    let compact = other.to_string();
                    crate::json::write(compact.as_bytes(), out, pretty).map(|_| ())
                }
            }
            .and_then(|()| out.write_all(b"\n"));
            if let Err(err) = line {
                written = Err(err);
                return;
            }
        }
    });
    match ran {
        Ok(()) => written,
        Err(why) => Ok(Err(why)),
    }
}

/// How a raw string is shown: at a terminal, cleaned of control characters like every other
/// text; in a pipe, as it is, as `jq -r` leaves it.
pub fn raw_strings(at_terminal: bool) -> impl Fn(&str) -> String {
    move |raw| {
        if at_terminal {
            crate::text::clean(raw).into_owned()
        } else {
            raw.to_string()
        }
    }
}

/// Compiles `code` with jq's standard filters and hands the result to `run`.
fn compiled(
    code: &str,
    run: impl FnOnce(&jaq_core::compile::Filter<jaq_core::Native<data::JustLut<Val>>>),
) -> Result<(), String> {
    let defs = jaq_core::defs()
        .chain(jaq_std::defs())
        .chain(jaq_json::defs());
    let funs = jaq_core::funs()
        .chain(jaq_std::funs())
        .chain(jaq_json::funs());
    let loader = Loader::new(defs);
    let arena = Arena::default();
    let modules = loader
        .load(&arena, File { code, path: () })
        .map_err(|errors| load_errors(&errors))?;
    let filter = Compiler::default()
        .with_funs(funs)
        .compile(modules)
        .map_err(|errors| {
            let names: Vec<String> = errors
                .into_iter()
                .flat_map(|(_, undefined)| undefined)
                .map(|(name, kind)| match kind {
                    jaq_core::compile::Undefined::Filter(arity) => {
                        format!("undefined filter `{name}/{arity}`")
                    }
                    jaq_core::compile::Undefined::Var => format!("undefined variable `{name}`"),
                    _ => format!("undefined `{name}`"),
                })
                .collect();
            names.join("; ")
        })?;
    run(&filter);
    Ok(())
}

fn load_errors(errors: &jaq_core::load::Errors<&str, ()>) -> String {
    let near = |found: &str| {
        let found: String = found.chars().take(20).collect();
        if found.is_empty() {
            "at the end".to_string()
        } else {
            format!("at `{}`", crate::text::shown(&found))
        }
    };
    let mut messages = Vec::new();
    for (_, error) in errors {
        match error {
            jaq_core::load::Error::Lex(list) => {
                for (expected, found) in list {
                    let what = match expected {
                        jaq_core::load::lex::Expect::Delim(d)
                            if !["(", "[", "{", "\""].contains(d) =>
                        {
                            "a closing delimiter"
                        }
                        other => other.as_str(),
                    };
                    messages.push(format!("expected {what} {}", near(found)));
                }
            }
            jaq_core::load::Error::Parse(list) => {
                for (expected, found) in list {
                    messages.push(format!("expected {} {}", expected.as_str(), near(found)));
                }
            }
            jaq_core::load::Error::Io(list) => {
                for (_, why) in list {
                    messages.push(why.clone());
                }
            }
        }
    }
    messages.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(code: &str, json: &str) -> Result<String, String> {
        let mut out = Vec::new();
        apply(
            code,
            json.as_bytes(),
            Pretty::default(),
            str::to_string,
            &mut out,
        )
        .unwrap()
        .map(|()| String::from_utf8(out).unwrap())
    }

    #[test]
    fn strings_print_raw_and_other_values_as_jq_prints_them() {
        let body =
            r#"{"status":"APPROVED","fileUrls":{"FRONT":"f","FACE":"x"},"n":[1,{"a":null}]}"#;
        assert_eq!(run(".status", body).unwrap(), "APPROVED\n");
        assert_eq!(run(".fileUrls | keys[]", body).unwrap(), "FACE\nFRONT\n");
        assert_eq!(
            run(".n", body).unwrap(),
            "[\n  1,\n  {\n    \"a\": null\n  }\n]\n"
        );
        assert_eq!(run(".missing", body).unwrap(), "null\n");
    }

    #[test]
    fn a_bad_filter_says_why() {
        assert_eq!(check(".status"), Ok(()));
        assert!(
            check(".[").unwrap_err().starts_with("expected"),
            "{:?}",
            check(".[")
        );
        assert_eq!(
            check("nope(1)"),
            Err("undefined filter `nope/1`".to_string())
        );
        let failed = run(".status | keys", r#"{"status":"s"}"#).unwrap_err();
        assert!(failed.starts_with("the filter failed: "), "{failed}");
    }
}
