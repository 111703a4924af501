//! `auth status`: for each profile, where its API key and secret come from, in the order they
//! are tried; never their values. Exit 3 when the profile in force lacks one of them.

use serde_json::{Value, json};

use crate::context::{Context, present, print_json_value, write_stdout};
use crate::credential_store::STORE;
use crate::error::{Error, Result};
use crate::render::{Doc, Text, Tone};
use crate::settings::{CredentialOverview, Place, ProfileCredentials};
use crate::text::shown;

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
    for profile in &overview.profiles {
        if let Some(problem) = &profile.keyring_problem {
            ctx.warn(problem);
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
    doc.line(vec![Text::plain(format!(
        "In force: `{}` (from {}). Each comes from the first of: environment, keyring ({STORE}), \
         api_secret_command, config file. A profile kept in the keyring alone, without a table \
         in the config file, shows when named: auth status -p NAME.",
        shown(&overview.in_force.value),
        overview.in_force.source
    ))]);
    doc
}

/// Where a credential comes from, and what it comes before.
fn cell(places: &[Place]) -> Text {
    match places {
        [] => Text::new("nowhere", Tone::Bad),
        [first] => Text::plain(first.name()),
        [first, rest @ ..] => Text::plain(format!(
            "{} (before {})",
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
            "keyring_problem": profile.keyring_problem,
        })).collect::<Vec<_>>(),
    })
}

/// Exit 3, naming what is missing, when the profile in force cannot make an API call.
fn in_force_complete(overview: &CredentialOverview) -> Result<()> {
    let Some(profile) = overview.profiles.iter().find(|p| p.in_force) else {
        return Ok(());
    };
    let missing = missing(profile);
    if missing.is_empty() {
        return Ok(());
    }
    let login = match overview.in_force.source {
        crate::settings::SettingSource::Default => "idenfy-cli auth login".to_string(),
        _ => format!(
            "idenfy-cli auth login --profile {}",
            shown(&profile.profile)
        ),
    };
    Err(Error::config(format!(
        "profile `{}` has no {}: API calls with it fail",
        shown(&profile.profile),
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
