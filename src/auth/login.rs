//! `auth login` and `auth logout`: a profile's API key and secret into the system keyring and
//! out of it. Nothing is sent to the API, and nothing is written anywhere else.

use crate::context::{Context, print_json_value, write_stdout};
use crate::credential_store::{self, Found, Pair};
use crate::error::{Error, Exit, Result};
use crate::interrupt;
use crate::local_read;
use crate::secret::{self, Secret};
use crate::settings::config_file::is_placeholder;
use crate::settings::{Place, Sourced};
use crate::text::shown;

/// The most standard input may hold: two short lines.
const MAX_STDIN_BYTES: u64 = 64 * 1024;
/// The longest profile name a keyring entry is made for.
const MAX_PROFILE_CHARS: usize = 100;

pub fn login(ctx: &Context<'_>) -> Result<()> {
    let profile = keyring_profile(ctx, "nothing was stored")?;
    let name = &profile.value;
    // Asked before anyone types a secret for a keyring that is not there.
    credential_store::check().map_err(|why| no_keyring(&why, "nothing was stored"))?;
    let pair = if ctx.stdin_is_terminal {
        prompt(&profile)?
    } else {
        from_stdin()?
    };
    secret::never_show(&pair.api_key);
    secret::never_show(&pair.api_secret);
    let replaced = matches!(credential_store::read(name), Ok(Found::Pair(_)));
    credential_store::write(name, &pair)
        .map_err(|refusal| refused(&refusal, "nothing was stored"))?;
    // Read back: a keyring that accepts a write and keeps nothing must not look like success.
    match credential_store::read(name) {
        Ok(Found::Pair(stored))
            if stored.api_key == pair.api_key && stored.api_secret == pair.api_secret => {}
        _ => {
            return Err(Error::config(format!(
                "{} took the credentials of profile `{}` but does not give them back",
                credential_store::STORE,
                shown(name)
            )));
        }
    }
    let (done, said) = if replaced {
        ("replaced", "Replaced")
    } else {
        ("stored", "Stored")
    };
    report(
        ctx,
        name,
        done,
        &format!(
            "{said} the API key and secret of profile `{}` in {}.\n",
            shown(name),
            credential_store::STORE
        ),
    )?;
    warn_shadowed(ctx, name, Shadow::AfterLogin)
}

pub fn logout(ctx: &Context<'_>) -> Result<()> {
    let profile = keyring_profile(ctx, "nothing was removed")?;
    let name = &profile.value;
    credential_store::check().map_err(|why| no_keyring(&why, "nothing was removed"))?;
    let removed =
        credential_store::remove(name).map_err(|why| refused(&why, "nothing was removed"))?;
    if removed {
        report(
            ctx,
            name,
            "removed",
            &format!(
                "Removed the API key and secret of profile `{}` from {}.\n",
                shown(name),
                credential_store::STORE
            ),
        )?;
    } else {
        report(
            ctx,
            name,
            "none",
            &format!(
                "The system keyring held no credentials of profile `{}`; nothing to remove.\n",
                shown(name)
            ),
        )?;
    }
    warn_shadowed(ctx, name, Shadow::AfterLogout)
}

/// What was done, as a sentence, or with `--json` as `{"profile", "keyring", "done"}`.
fn report(ctx: &Context<'_>, name: &str, done: &str, sentence: &str) -> Result<()> {
    if ctx.json() {
        let value = serde_json::json!({
            "profile": name,
            "keyring": credential_store::STORE,
            "done": done,
        });
        print_json_value(ctx, &value)
    } else {
        write_stdout(ctx, sentence)
    }
}

/// A keyring that answered a moment ago and now refuses: locked, most often.
fn refused(why: &str, outcome: &str) -> Error {
    Error::config(format!(
        "{} refused: {why}; {outcome}",
        credential_store::STORE
    ))
    .hint(format!(
        "a locked keyring asks for its password on the desktop: unlock it and try again; entries \
         made by another program can be removed with {}",
        credential_store::BY_HAND
    ))
}

/// The profile to work on, once the config file is read (its warning shown) and the keyring
/// is known to be in use in this run; else exit 3 with `outcome`.
fn keyring_profile(ctx: &Context<'_>, outcome: &str) -> Result<Sourced<String>> {
    let (profile, warning) = ctx.auth_profile()?;
    if let Some(warning) = warning {
        ctx.warn(&warning);
    }
    if let Some(why) = ctx.keyring_off() {
        return Err(Error::config(format!(
            "the system keyring is not used in this run ({why}); {outcome}"
        ))
        .hint("unset IDENFY_NO_KEYRING to use the keyring"));
    }
    let name = &profile.value;
    if name.chars().count() > MAX_PROFILE_CHARS || name.chars().any(crate::text::is_unsafe) {
        return Err(Error::usage(format!(
            "profile `{}` (from {}) cannot name a keyring entry: it has control or invisible characters, or over {MAX_PROFILE_CHARS} of them; {outcome}",
            crate::text::cut(&shown(name), 60),
            profile.source
        )));
    }
    Ok(profile)
}

/// Why nothing happened when the keyring could not be reached, and what to do instead.
fn no_keyring(why: &str, outcome: &str) -> Error {
    Error::config(format!(
        "no system keyring can be reached here ({why}); {outcome}"
    ))
    .hint(format!(
        "the keyring is {}; on a server without one, keep the secret in a password manager and name \
         the command that prints it with api_secret_command in the profile, or set IDENFY_API_KEY \
         and IDENFY_API_SECRET",
        credential_store::STORE
    ))
}

/// Both values, asked for at the terminal without echo.
fn prompt(profile: &Sourced<String>) -> Result<Pair> {
    let name = shown(&profile.value);
    let api_key = ask(&format!("API key of profile `{name}` (not shown): "))?;
    let api_key = checked("API key", api_key)?;
    let api_secret = ask(&format!("API secret of profile `{name}` (not shown): "))?;
    let api_secret = checked("API secret", api_secret)?;
    Ok(Pair {
        api_key,
        api_secret,
    })
}

/// One hidden line from the terminal. Ctrl-C while it is asked puts the terminal back first
/// (the prompt does, as it returns), then ends the run with 130.
fn ask(prompt: &str) -> Result<String> {
    let guard = interrupt::hold();
    let answer = rpassword::prompt_password(prompt);
    let pressed = guard.pressed();
    drop(guard);
    match answer {
        Ok(_) | Err(_) if pressed => Err(Error::new(Exit::Interrupted, "interrupted")),
        Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {
            Err(Error::new(Exit::Interrupted, "interrupted"))
        }
        Err(err) if err.kind() == std::io::ErrorKind::UnexpectedEof => {
            // The prompt's line is still open: the error starts on a line of its own.
            crate::context::end_line_on_stderr();
            Err(Error::usage(
                "the input ended (Ctrl-D) before the line was ended; nothing was stored",
            ))
        }
        Err(err) => Err(Error::config(format!(
            "the terminal cannot be read without echo: {}; nothing was stored",
            crate::error::io_reason(&err)
        ))
        .hint("give the key and the secret on standard input instead, one per line")),
        Ok(line) => Ok(line),
    }
}

/// Both values from standard input: the key on the first line, the secret on the second.
fn from_stdin() -> Result<Pair> {
    let bytes = local_read::read_stdin(MAX_STDIN_BYTES).map_err(|err| {
        Error::usage(format!(
            "standard input cannot be read: {}; nothing was stored",
            match err {
                local_read::ReadError::TooLarge => "it is over 64 KiB".to_string(),
                other => other.to_string(),
            }
        ))
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::usage("standard input is not UTF-8 text; nothing was stored").hint(STDIN_SHAPE)
    })?;
    let mut lines = text
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line).trim());
    let key = lines.next().unwrap_or_default().to_string();
    let secret = lines.next().unwrap_or_default().to_string();
    let more = lines.any(|line| !line.is_empty());
    match (key.is_empty(), secret.is_empty(), more) {
        (true, _, _) => Err(
            Error::usage("standard input gave no API key; nothing was stored").hint(STDIN_SHAPE),
        ),
        (false, true, _) => Err(Error::usage(
            "standard input gave an API key but no secret on the second line; nothing was stored",
        )
        .hint(STDIN_SHAPE)),
        (false, false, true) => Err(Error::usage(
            "standard input has more than two lines; nothing was stored",
        )
        .hint(STDIN_SHAPE)),
        (false, false, false) => Ok(Pair {
            api_key: checked("API key", key)?,
            api_secret: checked("API secret", secret)?,
        }),
    }
}

const STDIN_SHAPE: &str =
    "give the API key on the first line and the API secret on the second, and nothing else";

/// A value as typed, checked without ever showing it: what HTTP Basic authentication can carry
/// (the same rule the keyring's entries are read with), and not the config template's
/// placeholder.
fn checked(what: &str, value: String) -> Result<Secret> {
    let value = value.trim().to_string();
    let problem = credential_store::problem(&value, what == "API key")
        .or_else(|| is_placeholder(&value).then_some("is the config template's placeholder"));
    match problem {
        Some(problem) => Err(Error::usage(format!(
            "the {what} {problem}; nothing was stored"
        ))),
        None => Ok(Secret::new(value)),
    }
}

enum Shadow {
    AfterLogin,
    AfterLogout,
}

/// What still comes before the keyring, or instead of it, for this profile: a person who just
/// logged in should know that the environment wins, and one who logged out that the config
/// file still holds a key.
fn warn_shadowed(ctx: &Context<'_>, name: &str, when: Shadow) -> Result<()> {
    let overview = ctx.credential_overview()?;
    let Some(profile) = overview.profiles.iter().find(|p| p.profile == name) else {
        return Ok(());
    };
    let places = profile.api_key.iter().chain(&profile.api_secret);
    let mut env: Vec<&str> = places
        .clone()
        .filter_map(|place| match place {
            Place::Env(var) => Some(*var),
            _ => None,
        })
        .collect();
    env.dedup();
    if !env.is_empty() {
        ctx.warn(&match env.as_slice() {
            [one] => format!("{one} is set: it comes before the keyring for every profile"),
            _ => format!(
                "{} are set: they come before the keyring for every profile",
                env.join(" and ")
            ),
        });
    }
    let in_file = places.clone().any(|place| *place == Place::ConfigFile);
    let command = profile.api_secret.contains(&Place::SecretCommand);
    let path = ctx
        .config_path
        .value
        .as_ref()
        .map(|path| path.display().to_string())
        .unwrap_or_default();
    match when {
        Shadow::AfterLogin if in_file => ctx.warn(&format!(
            "profile `{}` in {path} still holds an api_key or api_secret in clear; the keyring \
             comes first now, so remove them from the file",
            shown(name)
        )),
        Shadow::AfterLogin if command => ctx.warn(&format!(
            "profile `{}` also has an api_secret_command; the keyring comes first now",
            shown(name)
        )),
        Shadow::AfterLogout if in_file || command => ctx.warn(&format!(
            "profile `{}` in {path} still gives credentials (api_key, api_secret or \
             api_secret_command); they are used now",
            shown(name)
        )),
        _ => {}
    }
    Ok(())
}
