//! `auth status`: for each profile, where its API key and secret come from, in the order they
//! are tried; never their values. Exit 3 when the profile in force lacks one of them.

use serde_json::{Value, json};

use crate::context::{Context, present, print_json_value, write_stdout};
use crate::credential_store::STORE;
use crate::error::{Error, Result};
use crate::render::{Doc, Text, Tone};
use crate::settings::{CredentialOverview, Place, ProfileCredentials, SettingSource};
use crate::text::{shell_word, shown};

pub fn run(ctx: &Context<'_>) -> Result<()> {
    let overview = ctx.credential_overview()?;
    if let Some(warning) = &overview.warning {
        ctx.warn(warning);
    }
    if let Some(why) = &overview.keyring_unavailable {
        ctx.warn(&format!(
            "the system keyring could not be read ({why}): what it holds is not shown"
        ));
    }
    for profile in overview.profiles.iter().filter(|p| !p.in_force) {
        for problem in &profile.problems {
            ctx.warn(&format!("profile `{}`: {problem}", shown(&profile.profile)));
        }
    }
    if ctx.json() {
        print_json_value(ctx, &json_of(&overview))?;
    } else {
        write_stdout(ctx, &present(ctx, &render(&overview)))?;
    }
    in_force_complete(&overview)
}

/// The table: one row per profile, the one in force marked.
fn render(overview: &CredentialOverview) -> Doc {
    let rows = overview
        .profiles
        .iter()
        .map(|profile| {
            let mut name = shown(&profile.profile);
            if profile.in_force {
                name.push_str(" (in force)");
            }
            vec![
                Text::plain(name),
                cell(&profile.api_key),
                cell(&profile.api_secret),
            ]
        })
        .collect();
    let mut doc = Doc::new();
    doc.table(&["Profile", "API key from", "API secret from"], rows);
    doc.gap();
    let chosen = match &overview.in_force.source {
        SettingSource::Default => "no other is chosen".to_string(),
        source => format!("from {source}"),
    };
    doc.line(vec![Text::plain(format!(
        "In force: `{}` ({chosen}). Each comes from the first of: environment, keyring ({STORE}), \
         api_secret_command, config file. A profile in the keyring alone shows with -p NAME.",
        shown(&overview.in_force.value),
    ))]);
    doc
}

/// Where a credential comes from, and what it comes before.
fn cell(places: &[Place]) -> Text {
    match places {
        [] => Text::new("nowhere", Tone::Bad),
        [first] => Text::plain(first.name()),
        [first, rest @ ..] => Text::plain(format!(
            "{} (also in: {})",
            first.name(),
            rest.iter().map(|p| p.name()).collect::<Vec<_>>().join(", ")
        )),
    }
}

fn json_of(overview: &CredentialOverview) -> Value {
    let places = |places: &[Place]| {
        json!({
            "from": places.first().map(|p| p.name()),
            "also": places.iter().skip(1).map(|p| p.name()).collect::<Vec<_>>(),
        })
    };
    json!({
        "in_force": {
            "profile": overview.in_force.value,
            "from": overview.in_force.source.to_string(),
        },
        "keyring": {
            "store": STORE,
            "unavailable": overview.keyring_unavailable,
        },
        "profiles": overview.profiles.iter().map(|profile| json!({
            "profile": profile.profile,
            "in_force": profile.in_force,
            "in_config_file": profile.in_file,
            "api_key": places(&profile.api_key),
            "api_secret": places(&profile.api_secret),
            "problems": profile.problems,
        })).collect::<Vec<_>>(),
    })
}

/// Exit 3, naming what is missing or wrong, when the profile in force cannot make an API call.
fn in_force_complete(overview: &CredentialOverview) -> Result<()> {
    let Some(profile) = overview.profiles.iter().find(|p| p.in_force) else {
        return Ok(());
    };
    let name = shown(&profile.profile);
    let login = match overview.in_force.source {
        SettingSource::Default => "idenfy-cli auth login".to_string(),
        _ => format!("idenfy-cli auth login -p {}", shell_word(&name)),
    };
    let named = overview.in_force.source != SettingSource::Default;
    let nowhere = !profile.in_file
        && !profile.api_key.contains(&Place::Keyring)
        && profile.problems.is_empty();
    if named && nowhere && overview.keyring_unavailable.is_none() {
        let known: Vec<&str> = overview
            .profiles
            .iter()
            .filter(|p| p.in_file)
            .map(|p| p.profile.as_str())
            .collect();
        let known = match known.as_slice() {
            [] => "the config file defines no profiles".to_string(),
            _ => format!("the config file defines {}", known.join(", ")),
        };
        return Err(Error::config(format!(
            "profile `{name}` (from {}) is neither in the config file nor in the system keyring",
            overview.in_force.source
        ))
        .hint(format!("{known}; `{login}` makes it in the keyring")));
    }
    if let Some(problem) = profile.problems.first() {
        return Err(Error::config(format!(
            "profile `{name}`: {problem}: API calls with it fail"
        )));
    }
    let missing = missing(profile);
    if missing.is_empty() {
        return Ok(());
    }
    Err(Error::config(format!(
        "profile `{name}` has no {}: API calls with it fail",
        missing.join(" and no ")
    ))
    .hint(format!("`{login}` keeps both in the system keyring")))
}

fn missing(profile: &ProfileCredentials) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if profile.api_key.is_empty() {
        missing.push("API key");
    }
    if profile.api_secret.is_empty() {
        missing.push("API secret");
    }
    missing
}
