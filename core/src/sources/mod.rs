//! Sources and checks, for end users (`/embedded/sources`, scoped token) and for the operator
//! (`/integrations/sources`, operator token): the same routes under two prefixes.
//!
//! # Validated writes
//!
//! [`Sources::create`], [`Sources::update`], [`Sources::check_config`] and [`Sources::check`]
//! validate the config against the template's connector spec first (see
//! [`crate::validation`]) and return [`Error::InvalidConfig`] — every problem as
//! `{path, message, keyword}`, `path` a JSON pointer into the config — without sending
//! anything when it is invalid. [`WriteOptions::unvalidated`] skips that. What a create
//! validates is the template's `partial_default_config` with the user's config merged over it.
//! Each client keeps the templates it fetched for a minute, each with its spec compiled, so
//! validating many configs against one template costs one request and no look-up of the spec
//! per call; an update validates against the template the source names, from that cache when
//! it holds the same version (the same `updated_at`).
//!
//! # Updates are partial
//!
//! [`Sources::update`] (and [`Sources::check`] of an existing source) sends only the fields
//! you pass — the service keeps the rest (its `source_config` is a "partial config") — so
//! editing one field needs none of the secrets you never had. The SDK never merges in the
//! stored config and never sends it back. It validates what you pass as a partial config
//! ([`validate_partial_config`](crate::validation::validate_partial_config)): a field you leave out is never `required`, at any depth, but
//! every value you do pass is checked in full (type, `pattern`, `enum`, formats, bounds,
//! unknown keys). A `oneOf` object you pass is checked against the branch its discriminator
//! selects; to switch branches, pass the new branch's object whole. The mask `**********` at a
//! secret path is refused, nothing sent; with
//! [`ValidationOptions::for_fetched_config`] (you edited a fetched config) the masked secrets
//! are dropped from the update instead, so the stored ones stay.
//!
//! # Checks
//!
//! [`Sources::wait_for_check`] polls with backoff until the check finishes (`succeeded`,
//! `failed` or `cancelled`; a state this SDK does not know, such as `queued`, keeps it polling
//! until [`WaitOptions::timeout`]). `status: failed` is a normal answer carrying the messages,
//! not an error; its text is the body's `error_message`, or `message` when that is absent.
//!
//! ```no_run
//! use airbyte_embedded::sources::{SourceCreate, SourceUpdate};
//! use airbyte_embedded::{OperatorClient, WaitOptions, WriteOptions};
//! use serde_json::json;
//!
//! let operator = OperatorClient::from_env()?;
//! let end_user = operator.end_user_client("acme-corp")?;
//! let config = json!({"host": "db.example.com", "database": "app", "username": "u", "password": "p"});
//! let request = SourceCreate::new(end_user.workspace_id()?, "template-id", config.as_object().unwrap().clone())
//!     .name("app database");
//! let source = end_user.sources().create(&request)?;          // its secret comes back masked
//!
//! // Change one field; the stored password stays.
//! let port = json!({"port": 5433});
//! let update = SourceUpdate { source_config: Some(port.as_object().unwrap().clone()), ..Default::default() };
//! let job = end_user.sources().check(&source.id, &update, &WriteOptions::default())?;
//! let status = end_user.sources().wait_for_check(&job.id, &WaitOptions::default())?;
//! println!("{:?} {:?}", status.status, status.error_message);
//! end_user.sources().update(&source.id, &update)?;
//! # Ok::<(), airbyte_embedded::Error>(())
//! ```

mod models;
pub(crate) mod template_cache;

use std::time::{Duration, Instant};

use serde_json::{Map, Value};

use crate::api::Api;
use crate::common::{DataList, Deleted, require_id};
use crate::http::url::segment;
use crate::retry::Replay;
use crate::validation::ValidationOptions;
use crate::{Error, Result};
pub use models::{
    CheckJob, CheckState, CheckStatus, FailureReason, Source, SourceCreate, SourceSummary,
    SourceUpdate, StreamDescriptor,
};
use template_cache::{CachedTemplate, TemplateCache};

/// Which side of the API a [`Sources`] calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// `/embedded/...` with a scoped token.
    Embedded,
    /// `/integrations/...` with the operator token.
    Integrations,
}

impl Scope {
    fn sources(self) -> &'static str {
        match self {
            Scope::Embedded => "embedded/sources",
            Scope::Integrations => "integrations/sources",
        }
    }

    fn templates(self) -> &'static str {
        match self {
            Scope::Embedded => "embedded/source-templates",
            Scope::Integrations => "integrations/templates/sources",
        }
    }
}

/// Options for a create, update or check that sends a source config.
///
/// Its JSON form (the C ABI's `options_json`): every field optional, unknown fields refused.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WriteOptions {
    /// Whether the config is validated against the template's spec before anything is sent.
    /// Defaults to `true`.
    #[cfg_attr(feature = "uniffi", uniffi(default = true))]
    pub validate: bool,
    /// How it is validated.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub validation: ValidationOptions,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            validate: true,
            validation: ValidationOptions::default(),
        }
    }
}

impl WriteOptions {
    /// Options that send the config without validating it first.
    pub fn unvalidated() -> Self {
        WriteOptions {
            validate: false,
            ..Default::default()
        }
    }
}

/// How [`Sources::wait_for_check`] polls.
///
/// Its JSON form (the C ABI's `wait_json`) is in milliseconds: `{"timeout_ms"?: 120000,
/// "initial_interval_ms"?: 250, "max_interval_ms"?: 5000}`, unknown fields refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WaitOptions {
    /// The most time spent waiting, all polls included. Defaults to 120 seconds.
    #[serde(rename = "timeout_ms", deserialize_with = "crate::common::millis")]
    pub timeout: Duration,
    /// The first pause between polls. Defaults to 250 milliseconds; each pause is 1.5 times
    /// the one before.
    #[serde(
        rename = "initial_interval_ms",
        deserialize_with = "crate::common::millis"
    )]
    pub initial_interval: Duration,
    /// The longest pause between polls. Defaults to 5 seconds.
    #[serde(rename = "max_interval_ms", deserialize_with = "crate::common::millis")]
    pub max_interval: Duration,
}

impl Default for WaitOptions {
    fn default() -> Self {
        WaitOptions {
            timeout: Duration::from_secs(120),
            initial_interval: Duration::from_millis(250),
            max_interval: Duration::from_secs(5),
        }
    }
}

/// Source and check operations. Get one from [`crate::EndUserClient::sources`] (end user) or
/// [`crate::OperatorClient::sources`] (operator).
pub struct Sources<'a> {
    pub(crate) api: &'a Api,
    pub(crate) scope: Scope,
    pub(crate) templates: &'a TemplateCache,
}

impl Sources<'_> {
    fn path(&self, rest: &str) -> String {
        format!("{}/{rest}", self.scope.sources())
    }

    /// Lists a workspace's sources. `GET …/sources?workspace_id=…`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for an empty id; [`Error::Forbidden`] for another
    /// workspace.
    pub fn list(&self, workspace_id: &str) -> Result<Vec<SourceSummary>> {
        let workspace_id = require_id("workspace_id", workspace_id)?;
        let query = [("workspace_id", workspace_id.to_owned())];
        Ok(self
            .api
            .get::<DataList<_>>(self.scope.sources(), &query)?
            .data)
    }

    /// Reads one source (secrets masked). `GET …/sources/{id}`.
    ///
    /// # Errors
    /// [`Error::NotFound`].
    pub fn get(&self, id: &str) -> Result<Source> {
        let id = require_id("id", id)?;
        self.api.get(&self.path(&segment(id)), &[])
    }

    /// Creates a source after validating `merge(template defaults, source_config)` against the
    /// template's spec (one `GET` of the template, cached for a minute).
    /// `POST …/sources`.
    ///
    /// # Errors
    /// [`Error::InvalidConfig`] listing every problem, with nothing sent;
    /// [`Error::Validation`] when the service refuses it; [`Error::NotFound`] for an unknown
    /// template.
    pub fn create(&self, source: &SourceCreate) -> Result<Source> {
        self.create_with(source, &WriteOptions::default())
    }

    /// [`Sources::create`] with explicit [`WriteOptions`] (for example without validation).
    ///
    /// # Errors
    /// As [`Sources::create`].
    pub fn create_with(&self, source: &SourceCreate, options: &WriteOptions) -> Result<Source> {
        let body = self.prepare_create(source, options)?;
        self.api.post(
            self.scope.sources(),
            &body,
            Replay::Unsafe {
                advice: "list sources by name before retrying",
            },
        )
    }

    /// Changes a source's name and/or some of its user config. `PUT …/sources/{id}` with
    /// `{name?, source_config?}` (validation first reads the source with
    /// `GET …/sources/{id}` to find its template).
    ///
    /// **`source_config` is partial**: carry only the fields to change; the service keeps the
    /// others (the request's `source_config` is the service's "partial config"). So editing
    /// one field needs none of the secrets the caller never had. The SDK sends exactly the
    /// fields given (changed only by opt-in coercion) — never the stored config, never a
    /// merge of it — and validates them as a partial config
    /// ([`crate::validation::validate_partial_config`]) over the template's defaults:
    /// - no `required` error for a field the update does not carry, at any depth (a nested
    ///   object it carries may be partial too);
    /// - every value it carries is checked in full (type, `pattern`, `enum`, formats, …) and
    ///   refused with [`Error::InvalidConfig`] naming its path;
    /// - a carried `oneOf` object is checked against the branch its discriminator selects,
    ///   when it carries one. To switch branches, send the new branch's object whole: whether
    ///   the service merges nested objects is not documented.
    /// - the mask `**********` at a secret path is refused (nothing sent); with
    ///   [`ValidationOptions::skip_masked_secrets`] (an edited copy of a fetched config) the
    ///   masked secrets are left out of the update instead, so the stored ones are kept. A
    ///   mask is never sent, except with [`WriteOptions::unvalidated`], which sends the update
    ///   as given.
    ///
    /// # Errors
    /// As [`Sources::create`].
    pub fn update(&self, id: &str, update: &SourceUpdate) -> Result<Source> {
        self.update_with(id, update, &WriteOptions::default())
    }

    /// [`Sources::update`] with explicit [`WriteOptions`].
    ///
    /// # Errors
    /// As [`Sources::create`].
    pub fn update_with(
        &self,
        id: &str,
        update: &SourceUpdate,
        options: &WriteOptions,
    ) -> Result<Source> {
        let id = require_id("id", id)?;
        let body = self.prepare_update(id, update, options)?;
        self.api.put(&self.path(&segment(id)), &body)
    }

    /// Deletes a source. `DELETE …/sources/{id}` → `{id, deleted_at}`.
    ///
    /// # Errors
    /// [`Error::NotFound`].
    pub fn delete(&self, id: &str) -> Result<Deleted> {
        let id = require_id("id", id)?;
        self.api.delete(&self.path(&segment(id)))
    }

    /// Starts a check of a config before any source exists (validated first, as
    /// [`Sources::create`]). `POST …/sources/check` → a [`CheckJob`].
    ///
    /// # Errors
    /// As [`Sources::create`].
    pub fn check_config(&self, source: &SourceCreate, options: &WriteOptions) -> Result<CheckJob> {
        let body = self.prepare_create(source, options)?;
        // A replay starts a second check job; nothing the caller keeps is duplicated.
        self.api.post(&self.path("check"), &body, Replay::Safe)
    }

    /// Starts a check of an existing source, optionally with a changed config: partial and
    /// validated first, as for [`Sources::update`]. `POST …/sources/{id}/check` → a
    /// [`CheckJob`].
    ///
    /// # Errors
    /// As [`Sources::update`].
    pub fn check(
        &self,
        id: &str,
        update: &SourceUpdate,
        options: &WriteOptions,
    ) -> Result<CheckJob> {
        let id = require_id("id", id)?;
        let body = self.prepare_update(id, update, options)?;
        // A replay starts a second check job; nothing the caller keeps is duplicated.
        self.api.post(
            &self.path(&format!("{}/check", segment(id))),
            &body,
            Replay::Safe,
        )
    }

    /// Reads a check job's status. `GET …/sources/check/{id}/status`.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown job.
    pub fn check_status(&self, check_id: &str) -> Result<CheckStatus> {
        let check_id = require_id("check_id", check_id)?;
        self.api.get(
            &self.path(&format!("check/{}/status", segment(check_id))),
            &[],
        )
    }

    /// Polls a check job until it finishes, pausing `initial_interval`, then 1.5 times longer
    /// each time up to `max_interval`. A finished job (`succeeded`, `failed` or `cancelled`,
    /// see [`CheckState::is_terminal`]) is returned as is, `failed` included; any other state,
    /// one this SDK does not know (`queued`, …) included, keeps it polling.
    ///
    /// `options.timeout` is an overall deadline: each status request (its retries and its
    /// whole-request timeout included) is cut short so that the wait never runs past it.
    ///
    /// # Errors
    /// [`Error::Timeout`] when the job has not finished within `options.timeout` (naming the
    /// last state seen); the errors of [`Sources::check_status`].
    pub fn wait_for_check(&self, check_id: &str, options: &WaitOptions) -> Result<CheckStatus> {
        let check_id = require_id("check_id", check_id)?;
        let deadline = Instant::now() + options.timeout;
        let path = self.path(&format!("check/{}/status", segment(check_id)));
        let timed_out = |state: &str| Error::Timeout {
            detail: format!(
                "check {check_id} is still {state} after {:.1} s",
                options.timeout.as_secs_f64()
            ),
        };
        let mut pause = options.initial_interval;
        let mut last_state = String::from("pending");
        loop {
            let status: CheckStatus = match self.api.get_until(&path, &[], deadline) {
                Ok(s) => s,
                Err(Error::Timeout { .. }) if Instant::now() >= deadline => {
                    return Err(timed_out(&last_state));
                }
                Err(e) => return Err(e),
            };
            if status.status.is_terminal() {
                return Ok(status);
            }
            last_state = status.status.to_string();
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(timed_out(&last_state));
            }
            std::thread::sleep(pause.min(left));
            pause = pause.mul_f64(1.5).min(options.max_interval);
        }
    }

    fn template(&self, id: &str) -> Result<std::sync::Arc<CachedTemplate>> {
        self.templates.get_or_fetch(id, || {
            self.api
                .get(&format!("{}/{}", self.scope.templates(), segment(id)), &[])
        })
    }

    /// Checks ids and validates a create's config; returns the body to send.
    fn prepare_create(
        &self,
        source: &SourceCreate,
        options: &WriteOptions,
    ) -> Result<SourceCreate> {
        require_id("workspace_id", &source.workspace_id)?;
        require_id("source_template_id", &source.source_template_id)?;
        crate::unparsed::refuse("source_config", &source.source_config)?;
        if !options.validate {
            return Ok(source.clone());
        }
        let template = self.template(&source.source_template_id)?;
        let config = validate_against(&template, &source.source_config, options)?;
        Ok(SourceCreate {
            source_config: config,
            ..source.clone()
        })
    }

    /// Validates an update's config (if any) as a partial config against the source's
    /// template (see [`Sources::update`]); returns the body to send.
    fn prepare_update(
        &self,
        id: &str,
        update: &SourceUpdate,
        options: &WriteOptions,
    ) -> Result<SourceUpdate> {
        if let Some(config) = &update.source_config {
            crate::unparsed::refuse("source_config", config)?;
        }
        let Some(config) = update.source_config.as_ref().filter(|_| options.validate) else {
            return Ok(update.clone());
        };
        let source = self.get(id)?;
        let template = match source.source_template {
            Some(t) if t.user_config_spec.is_some() => self.templates.get_or_adopt(t),
            Some(t) => self.template(&t.id)?,
            None => return Ok(update.clone()),
        };
        let config = match &template.spec {
            Some(spec) => {
                spec.as_ref()
                    .map_err(Clone::clone)?
                    .validate_partial(
                        &template.template.partial_default_config,
                        config,
                        &options.validation,
                    )?
                    .source_config
            }
            None => config.clone(),
        };
        Ok(SourceUpdate {
            source_config: Some(config),
            ..update.clone()
        })
    }
}

/// Validates `config` over the template's defaults against its compiled `user_config_spec`;
/// returns the config to send (changed only by opt-in coercion). A template without a spec is
/// not validated.
fn validate_against(
    template: &CachedTemplate,
    config: &Map<String, Value>,
    options: &WriteOptions,
) -> Result<Map<String, Value>> {
    match &template.spec {
        Some(spec) => Ok(spec
            .as_ref()
            .map_err(Clone::clone)?
            .validate(
                &template.template.partial_default_config,
                config,
                &options.validation,
            )?
            .source_config),
        None => Ok(config.clone()),
    }
}
