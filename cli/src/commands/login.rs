//! `login` and `profiles`: saving credentials in the profile file, listing what is saved.

use std::io::{BufRead, IsTerminal};

use airbyte_embedded::config::{ENV_CLIENT_ID, ENV_CLIENT_SECRET, ENV_ORGANIZATION_ID};
use airbyte_embedded::{ClientOptions, Credentials, OperatorClient};
use serde_json::json;

use crate::args::{Global, LoginArgs};
use crate::failure::{Failure, OK, Outcome};
use crate::output::{Column, Output};
use crate::profile::{self, DEFAULT_PROFILE, Profile};

const PROFILE_COLUMNS: &[Column] = &[
    ("PROFILE", "/name"),
    ("CLIENT ID", "/client_id"),
    ("API URL", "/api_url"),
    ("ORGANIZATION", "/organization_id"),
];

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// `login`: checks the credentials (unless `--no-verify`) and saves them in the profile.
pub fn login(global: &Global, args: &LoginArgs, out: &Output) -> Outcome {
    let name = global.profile.as_deref().unwrap_or(DEFAULT_PROFILE);
    let client_id = args
        .client_id
        .clone()
        .or_else(|| env(ENV_CLIENT_ID))
        .ok_or_else(|| Failure::usage(format!("give --client-id or set {ENV_CLIENT_ID}")))?;
    let client_secret = match env(ENV_CLIENT_SECRET) {
        Some(secret) => secret,
        None => read_secret()?,
    };
    let profile = Profile {
        client_id,
        client_secret,
        api_url: global.api_url.clone(),
        organization_id: args
            .organization_id
            .clone()
            .or_else(|| env(ENV_ORGANIZATION_ID)),
    };
    let config = ClientOptions {
        base_url: profile.api_url.clone(),
        organization_id: profile.organization_id.clone(),
        ..ClientOptions::default()
    }
    .build()?;
    let operator = OperatorClient::new(
        config,
        Credentials::new(profile.client_id.clone(), profile.client_secret.clone()),
    )?;
    if !args.no_verify {
        // Any operator call mints the operator token: the cheapest proof the pair works.
        operator.tags().list()?;
    }
    let mut file = profile::load()?;
    file.profiles.insert(name.to_owned(), profile.clone());
    let path = profile::save(&file)?;
    let doc = json!({
        "profile": name,
        "client_id": profile.client_id,
        "api_url": operator.config().base_url(),
        "path": path.display().to_string(),
        "verified": !args.no_verify,
    });
    out.emit(&doc, || {
        format!("saved profile `{name}` in {}", path.display())
    })?;
    Ok(OK)
}

/// Turns the terminal's echo off or on again (`stty`, when there is one).
fn echo(on: bool) {
    let _ = std::process::Command::new("stty")
        .arg(if on { "echo" } else { "-echo" })
        .stdin(std::process::Stdio::inherit())
        .status();
}

/// The client secret: one line of standard input (prompted for, and not echoed, on a
/// terminal).
fn read_secret() -> Result<String, Failure> {
    let stdin = std::io::stdin();
    let terminal = stdin.is_terminal();
    if terminal {
        eprint!("Client secret: ");
        echo(false);
    }
    let mut line = String::new();
    let read = stdin.lock().read_line(&mut line);
    if terminal {
        echo(true);
        eprintln!();
    }
    read.map_err(|e| Failure::usage(format!("could not read the client secret: {e}")))?;
    let secret = line.trim().to_owned();
    if secret.is_empty() {
        return Err(Failure::usage(format!(
            "no client secret: set {ENV_CLIENT_SECRET} or give it on standard input"
        )));
    }
    Ok(secret)
}

/// `profiles`: every saved profile's name, client id, base URL and organisation.
pub fn profiles(out: &Output) -> Outcome {
    let file = profile::load()?;
    let rows: Vec<_> = file
        .profiles
        .iter()
        .map(|(name, p)| {
            json!({
                "name": name,
                "client_id": p.client_id,
                "api_url": p.api_url,
                "organization_id": p.organization_id,
            })
        })
        .collect();
    out.list(&rows, PROFILE_COLUMNS)?;
    Ok(OK)
}
