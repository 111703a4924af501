//! The webhook signing key of a run, as `sign`, `send`, `verify` and `listen` use it.

use crate::context::Context;
use crate::error::{Error, Result};
use crate::secret::Secret;

/// The webhook signing key, and the API secret when it is at hand (for hints); the config
/// file's warning is shown.
pub(crate) fn keys(settings: &Context<'_>) -> Result<(Option<Secret>, Option<Secret>)> {
    let (key, api_secret, warning) = settings.webhook_keys()?;
    if let Some(warning) = warning {
        settings.warn(&warning);
    }
    Ok((key, api_secret))
}

/// The webhook signing key; exit 3 without one.
pub(crate) fn signing_key(settings: &Context<'_>) -> Result<(Secret, Option<Secret>)> {
    match keys(settings)? {
        (Some(key), api_secret) => Ok((key, api_secret)),
        (None, _) => Err(Error::config("no webhook signing key: IDENFY_WEBHOOK_KEY is unset and the profile has no webhook_signing_key")
            .hint("set IDENFY_WEBHOOK_KEY, or add webhook_signing_key to the profile")),
    }
}
