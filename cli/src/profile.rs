//! Where the credentials come from: the environment (as `OperatorClient::from_env` reads it)
//! or a profile in `$XDG_CONFIG_HOME/airbyte-embedded/config.toml` (default
//! `~/.config/airbyte-embedded/config.toml`), written with mode 0600.
//!
//! `--profile NAME` picks a profile. Without it, `AIRBYTE_CLIENT_ID` and
//! `AIRBYTE_CLIENT_SECRET` are used when both are set, else the profile `default`. The base URL
//! is `--api-url`, else the profile's `api_url` (with a profile), else `AIRBYTE_API_URL`, else
//! production; the organisation id is the profile's, else `AIRBYTE_ORGANIZATION_ID`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use airbyte_embedded::config::{ENV_CLIENT_ID, ENV_CLIENT_SECRET};
use airbyte_embedded::{ClientOptions, Credentials, OperatorClient};
use serde::{Deserialize, Serialize};

use crate::args::Global;
use crate::failure::Failure;

/// The profile used when neither `--profile` nor the environment's credentials are given.
pub const DEFAULT_PROFILE: &str = "default";

/// The profile file: `[profiles.NAME]` tables.
#[derive(Default, Serialize, Deserialize)]
pub struct ProfileFile {
    /// Profiles by name.
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

/// One saved set of credentials. No `Debug`: it holds the client secret.
#[derive(Clone, Serialize, Deserialize)]
pub struct Profile {
    /// The client id.
    pub client_id: String,
    /// The client secret.
    pub client_secret: String,
    /// The base URL, when not production.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_url: Option<String>,
    /// The organisation id sent as `X-Organization-Id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
}

/// `$XDG_CONFIG_HOME/airbyte-embedded/config.toml`, or `$HOME/.config/…`.
pub fn path() -> Result<PathBuf, Failure> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
        .ok_or_else(|| Failure::usage("neither XDG_CONFIG_HOME nor HOME is set"))?;
    Ok(base.join("airbyte-embedded").join("config.toml"))
}

/// The profile file, empty when there is none.
pub fn load() -> Result<ProfileFile, Failure> {
    let path = path()?;
    match std::fs::read_to_string(&path) {
        Ok(text) => toml::from_str(&text).map_err(|e| {
            Failure::usage(format!(
                "{} is not a valid profile file: {}",
                path.display(),
                e.message()
            ))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ProfileFile::default()),
        Err(e) => Err(Failure::usage(format!(
            "could not read {}: {e}",
            path.display()
        ))),
    }
}

/// Writes the profile file, readable by its owner only (0600; its folder 0700).
pub fn save(file: &ProfileFile) -> Result<PathBuf, Failure> {
    let path = path()?;
    let text = toml::to_string(file)
        .map_err(|e| Failure::failed(format!("could not write the profile file: {e}")))?;
    let io = |e: std::io::Error| Failure::usage(format!("could not write {}: {e}", path.display()));
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
        restrict(dir, 0o700).map_err(io)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut out = options.open(&path).map_err(io)?;
    // An older file keeps its mode on open: narrow it before writing the secret.
    restrict(&path, 0o600).map_err(io)?;
    std::io::Write::write_all(&mut out, text.as_bytes()).map_err(io)?;
    Ok(path)
}

#[cfg(unix)]
fn restrict(path: &std::path::Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn restrict(_path: &std::path::Path, _mode: u32) -> std::io::Result<()> {
    Ok(())
}

/// The operator client the global flags, the environment and the profile file describe.
///
/// # Errors
/// Exit code 3 when no credentials are found or the profile is unknown; 2 for a setting the
/// SDK refuses (a base URL that is not absolute, an organisation id that is not a UUID).
pub fn operator(global: &Global) -> Result<OperatorClient, Failure> {
    let env_credentials = Credentials::from_env();
    let (credentials, mut options) = match (&global.profile, env_credentials) {
        (None, Some(credentials)) => (credentials, ClientOptions::default()),
        (name, _) => {
            let name = name.as_deref().unwrap_or(DEFAULT_PROFILE);
            let file = load()?;
            let profile = file.profiles.get(name).ok_or_else(|| {
                if global.profile.is_some() {
                    Failure::auth(format!(
                        "no profile `{name}` in {}; run `airbyte-embedded login --profile {name}`",
                        path().map(|p| p.display().to_string()).unwrap_or_default()
                    ))
                } else {
                    Failure::auth(format!(
                        "no credentials: set {ENV_CLIENT_ID} and {ENV_CLIENT_SECRET}, or run `airbyte-embedded login`"
                    ))
                }
            })?;
            (
                Credentials::new(profile.client_id.clone(), profile.client_secret.clone()),
                ClientOptions {
                    base_url: profile.api_url.clone(),
                    organization_id: profile.organization_id.clone(),
                    ..ClientOptions::default()
                },
            )
        }
    };
    if let Some(url) = &global.api_url {
        options.base_url = Some(url.clone());
    }
    options.user_agent_suffix = Some(format!(
        "airbyte-embedded-cli/{}",
        env!("CARGO_PKG_VERSION")
    ));
    let config = options.build_with_env()?;
    Ok(OperatorClient::new(config, credentials)?)
}
