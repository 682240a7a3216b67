//! Connection templates (where end users' data lands): `/integrations/templates/connections`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::api::Api;
use crate::common::{DataList, Deleted, TagFilter, require_id, tag_names};
use crate::http::url::segment;
use crate::open_enum::open_enum;
use crate::read_cache::Family;
use crate::retry::Replay;
use crate::{Error, Result};

open_enum! {
    /// What happens to a connection when the source's schema changes in a non-breaking way.
    pub enum NonBreakingChangesPreference {
        /// Keep syncing as before (the service's default).
        Ignore => "ignore",
        /// Disable the connection.
        Disable => "disable",
        /// Add new columns.
        PropagateColumns => "propagate_columns",
        /// Add new columns and streams.
        PropagateFully => "propagate_fully",
    }
}

open_enum! {
    /// Who hosts the destination.
    pub enum DataHostingType {
        /// The operator's own destination (`destination_config` given).
        UserHosted => "user_hosted",
        /// Airbyte-hosted storage.
        AirbyteHosted => "airbyte_hosted",
    }
}

/// A connection template: a destination applied to every new source whose tags select it.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct ConnectionTemplate {
    /// Template id.
    pub id: String,
    /// Owning organisation.
    #[serde(default)]
    pub organization_id: Option<String>,
    /// Destination display name.
    #[serde(default)]
    pub destination_name: Option<String>,
    /// Destination connector definition.
    #[serde(default)]
    pub destination_definition_id: Option<String>,
    /// Destination config (raw JSON; secrets come back masked).
    #[serde(default)]
    pub destination_config: Option<Map<String, Value>>,
    /// Icon URL.
    #[serde(default)]
    pub icon: Option<String>,
    /// Quartz cron schedule, possibly echoed with ` UTC` appended.
    #[serde(default)]
    pub cron_expression: Option<String>,
    /// Non-breaking schema change handling.
    #[serde(default)]
    pub non_breaking_changes_preference: Option<NonBreakingChangesPreference>,
    /// Whether a sync starts when a source is created.
    #[serde(default)]
    pub sync_on_create: Option<bool>,
    /// Who hosts the destination.
    #[serde(default)]
    pub data_hosting_type: Option<DataHostingType>,
    /// Tag names.
    #[serde(default, deserialize_with = "tag_names")]
    pub tags: Vec<String>,
    /// Creation time (ISO-8601).
    #[serde(default)]
    pub created_at: Option<String>,
    /// Last update time (ISO-8601).
    #[serde(default)]
    pub updated_at: Option<String>,
}

crate::redact::keys_only_debug!(ConnectionTemplate {
    id: shown,
    organization_id: shown,
    destination_name: shown,
    destination_definition_id: shown,
    destination_config: config_opt,
    icon: shown,
    cron_expression: shown,
    non_breaking_changes_preference: shown,
    sync_on_create: shown,
    data_hosting_type: shown,
    tags: shown,
    created_at: shown,
    updated_at: shown,
});
crate::redact::display_via_debug!(ConnectionTemplateCreate, ConnectionTemplateUpdate);

/// Body of `POST /integrations/templates/connections`; build it with
/// [`ConnectionTemplateCreate::user_hosted`] or [`ConnectionTemplateCreate::airbyte_hosted`].
/// `Debug` hides config values.
///
/// Its JSON form (the C ABI's): every field optional, unknown fields refused.
#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct ConnectionTemplateCreate {
    /// Destination display name (user-hosted).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub destination_name: Option<String>,
    /// Destination connector definition (user-hosted).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub destination_definition_id: Option<String>,
    /// Destination config, raw JSON (user-hosted).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub destination_config: Option<Map<String, Value>>,
    /// Quartz cron schedule (6 or 7 fields, seconds first), e.g. `0 0 12 * * ?`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cron_expression: Option<String>,
    /// Defaults to `ignore` on the service.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub non_breaking_changes_preference: Option<NonBreakingChangesPreference>,
    /// Defaults to `true` on the service.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub sync_on_create: Option<bool>,
    /// `airbyte_hosted` for Airbyte-hosted storage; omitted for user-hosted.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub data_hosting_type: Option<DataHostingType>,
}

impl ConnectionTemplateCreate {
    /// A template writing to the operator's own destination.
    pub fn user_hosted(
        destination_name: impl Into<String>,
        destination_definition_id: impl Into<String>,
        destination_config: Map<String, Value>,
    ) -> Self {
        ConnectionTemplateCreate {
            destination_name: Some(destination_name.into()),
            destination_definition_id: Some(destination_definition_id.into()),
            destination_config: Some(destination_config),
            ..Default::default()
        }
    }

    /// A template writing to Airbyte-hosted storage.
    pub fn airbyte_hosted() -> Self {
        ConnectionTemplateCreate {
            data_hosting_type: Some(DataHostingType::AirbyteHosted),
            ..Default::default()
        }
    }

    /// Sets the Quartz cron schedule.
    pub fn cron_expression(mut self, cron: impl Into<String>) -> Self {
        self.cron_expression = Some(cron.into());
        self
    }
}

impl std::fmt::Debug for ConnectionTemplateCreate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnectionTemplateCreate")
            .field("destination_name", &self.destination_name)
            .field("destination_definition_id", &self.destination_definition_id)
            .field(
                "destination_config",
                &self
                    .destination_config
                    .as_ref()
                    .map(crate::redact::KeysOnly),
            )
            .field("cron_expression", &self.cron_expression)
            .field(
                "non_breaking_changes_preference",
                &self.non_breaking_changes_preference,
            )
            .field("sync_on_create", &self.sync_on_create)
            .field("data_hosting_type", &self.data_hosting_type)
            .finish()
    }
}

/// Body of `PATCH /integrations/templates/connections/{id}`: only the fields set are sent.
/// `Debug` hides config values.
///
/// Its JSON form (the C ABI's): every field optional, unknown fields refused.
#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug, Display))]
pub struct ConnectionTemplateUpdate {
    /// New destination display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub destination_name: Option<String>,
    /// New destination config (raw JSON).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub destination_config: Option<Map<String, Value>>,
    /// New Quartz cron schedule.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cron_expression: Option<String>,
    /// New schema change handling.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub non_breaking_changes_preference: Option<NonBreakingChangesPreference>,
    /// New sync-on-create setting.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub sync_on_create: Option<bool>,
}

impl std::fmt::Debug for ConnectionTemplateUpdate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnectionTemplateUpdate")
            .field("destination_name", &self.destination_name)
            .field(
                "destination_config",
                &self
                    .destination_config
                    .as_ref()
                    .map(crate::redact::KeysOnly),
            )
            .field("cron_expression", &self.cron_expression)
            .field(
                "non_breaking_changes_preference",
                &self.non_breaking_changes_preference,
            )
            .field("sync_on_create", &self.sync_on_create)
            .finish()
    }
}

/// What the service says of a cron expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CronDescription {
    /// A readable description (`"At 12:00:00, every day"`), when valid.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether the expression is a valid Quartz cron.
    pub is_valid: bool,
}

#[derive(Serialize)]
struct CronBody<'a> {
    cron_expression: &'a str,
}

#[derive(Serialize)]
struct TagBody<'a> {
    tag: &'a str,
}

/// Refuses a cron expression that cannot be Quartz: Quartz has 6 or 7 fields, seconds first
/// (a trailing time zone such as `UTC` is allowed).
pub(crate) fn check_cron_shape(cron: &str) -> Result<()> {
    let mut fields: Vec<&str> = cron.split_whitespace().collect();
    if fields
        .last()
        .is_some_and(|f| f.chars().all(|c| c.is_ascii_uppercase()))
        && fields.len() > 6
    {
        fields.pop();
    }
    if (6..=7).contains(&fields.len()) {
        Ok(())
    } else {
        Err(Error::invalid_argument(
            "cron_expression",
            format!(
                "{} has {} fields; a Quartz cron has 6 or 7, seconds first (e.g. `0 0 12 * * ?`)",
                crate::redact::quote(cron),
                fields.len()
            ),
        ))
    }
}

const BASE: &str = "integrations/templates/connections";

/// Connection-template operations for the operator. Get one from
/// [`crate::OperatorClient::connection_templates`].
pub struct ConnectionTemplates<'a> {
    pub(crate) api: &'a Api,
}

/// Writes `overlay` over `base`: objects merge key by key, anything else replaces.
fn merge_into(base: &mut Map<String, Value>, overlay: &Map<String, Value>) {
    for (key, value) in overlay {
        match (base.get_mut(key), value) {
            (Some(Value::Object(inner)), Value::Object(over)) => merge_into(inner, over),
            _ => {
                base.insert(key.clone(), value.clone());
            }
        }
    }
}

impl ConnectionTemplates<'_> {
    /// Lists connection templates, optionally narrowed by tags.
    /// `GET /integrations/templates/connections?tags=…&tags_mode=…`.
    ///
    /// Answered from the template cache when it is on
    /// ([`crate::ClientConfigBuilder::template_cache_ttl`]).
    ///
    /// # Errors
    /// [`Error::Unauthorized`], [`Error::Forbidden`], transport errors.
    pub fn list(&self, filter: &TagFilter) -> Result<Vec<ConnectionTemplate>> {
        Ok(self
            .api
            .get_cached::<DataList<_>>(Family::ConnectionTemplates, BASE, &filter.query())?
            .data)
    }

    /// Reads one connection template. `GET /integrations/templates/connections/{id}`.
    ///
    /// Answered from the template cache when it is on
    /// ([`crate::ClientConfigBuilder::template_cache_ttl`]).
    ///
    /// # Errors
    /// [`Error::NotFound`].
    pub fn get(&self, id: &str) -> Result<ConnectionTemplate> {
        let id = require_id("id", id)?;
        self.api.get_cached(
            Family::ConnectionTemplates,
            &format!("{BASE}/{}", segment(id)),
            &[],
        )
    }

    /// Creates a connection template. `POST /integrations/templates/connections`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a cron expression that is not 6 or 7 fields (nothing
    /// sent); [`Error::Validation`] when the service refuses the config or schedule.
    pub fn create(&self, template: &ConnectionTemplateCreate) -> Result<ConnectionTemplate> {
        if let Some(cron) = &template.cron_expression {
            check_cron_shape(cron)?;
        }
        let result = self.api.post(
            BASE,
            template,
            Replay::Unsafe {
                advice: "list connection templates before retrying",
            },
        );
        self.api.wrote(Family::ConnectionTemplates, result)
    }

    /// Creates a copy of a connection template, its destination named `destination_name`
    /// (default: the original's). The service has no clone route: this reads the template
    /// (`GET /integrations/templates/connections/{id}`) and creates a new one from every field
    /// it returned (`POST /integrations/templates/connections`); tags are not copied.
    ///
    /// The service masks the destination's secrets in what it returns, so `secrets` gives
    /// them: a partial `destination_config` (e.g. `{"secret_access_key": "…"}`) merged over
    /// the one read, objects key by key. A mask left anywhere refuses the copy before it is
    /// sent.
    ///
    /// # Errors
    /// [`Error::NotFound`] for the original; [`Error::InvalidConfig`] naming each path of the
    /// destination config still holding the mask (nothing created); as
    /// [`ConnectionTemplates::create`].
    pub fn clone_template(
        &self,
        id: &str,
        destination_name: Option<&str>,
        secrets: &Map<String, Value>,
    ) -> Result<ConnectionTemplate> {
        let original = self.get(id)?;
        let destination_config = original.destination_config.map(|mut config| {
            merge_into(&mut config, secrets);
            config
        });
        if let Some(config) = &destination_config {
            crate::validation::refuse_any_mask(config)?;
        }
        self.create(&ConnectionTemplateCreate {
            destination_name: destination_name
                .map(str::to_owned)
                .or(original.destination_name),
            destination_definition_id: original.destination_definition_id,
            destination_config,
            cron_expression: original.cron_expression,
            non_breaking_changes_preference: original.non_breaking_changes_preference,
            sync_on_create: original.sync_on_create,
            data_hosting_type: original.data_hosting_type,
        })
    }

    /// Updates the fields set in `update`. `PATCH /integrations/templates/connections/{id}`.
    ///
    /// A value equal to the mask `**********` anywhere in `destination_config` is refused
    /// before anything is sent: it is what [`ConnectionTemplates::get`] shows in place of each
    /// destination secret, and sending it back would make the mask the stored secret. Send
    /// the real values of the secrets with the config (or leave `destination_config` out to
    /// keep it).
    ///
    /// # Errors
    /// As [`ConnectionTemplates::create`], plus [`Error::NotFound`], and
    /// [`Error::InvalidConfig`] naming the path of every mask in `destination_config` (keyword
    /// `"airbyte_secret"`, a JSON pointer into it), with nothing sent.
    pub fn update(
        &self,
        id: &str,
        update: &ConnectionTemplateUpdate,
    ) -> Result<ConnectionTemplate> {
        let id = require_id("id", id)?;
        if let Some(cron) = &update.cron_expression {
            check_cron_shape(cron)?;
        }
        if let Some(config) = &update.destination_config {
            crate::validation::refuse_any_mask(config)?;
        }
        let result = self.api.patch(
            &format!("{BASE}/{}", segment(id)),
            update,
            Replay::Unsafe {
                advice: "read the connection template before retrying",
            },
        );
        self.api.wrote(Family::ConnectionTemplates, result)
    }

    /// Deletes a connection template. `DELETE /integrations/templates/connections/{id}`.
    ///
    /// # Errors
    /// [`Error::NotFound`].
    pub fn delete(&self, id: &str) -> Result<Deleted> {
        let id = require_id("id", id)?;
        let result = self.api.delete(&format!("{BASE}/{}", segment(id)));
        self.api.wrote(Family::ConnectionTemplates, result)
    }

    /// Adds an existing tag. `POST /integrations/templates/connections/{id}/tags`.
    ///
    /// # Errors
    /// [`Error::NotFound`] when the template or tag does not exist.
    pub fn add_tag(&self, id: &str, tag: &str) -> Result<ConnectionTemplate> {
        let id = require_id("id", id)?;
        let tag = require_id("tag", tag)?;
        let result = self.api.post(
            &format!("{BASE}/{}/tags", segment(id)),
            &TagBody { tag },
            Replay::Unsafe {
                advice: "read the connection template's tags before retrying",
            },
        );
        self.api.wrote(Family::ConnectionTemplates, result)
    }

    /// Removes a tag. `DELETE /integrations/templates/connections/{id}/tags/{tag_name}`.
    ///
    /// # Errors
    /// [`Error::NotFound`] when the template or tag does not exist.
    pub fn remove_tag(&self, id: &str, tag: &str) -> Result<Deleted> {
        let id = require_id("id", id)?;
        let tag = require_id("tag", tag)?;
        let result = self
            .api
            .delete(&format!("{BASE}/{}/tags/{}", segment(id), segment(tag)));
        self.api.wrote(Family::ConnectionTemplates, result)
    }

    /// Asks the service whether a cron expression is valid and what it means. Any text is
    /// sent as is: the answer's `is_valid` says whether it is Quartz.
    /// `POST /integrations/templates/connections/cron/describe`.
    ///
    /// # Errors
    /// Transport and auth errors only.
    pub fn describe_cron(&self, cron_expression: &str) -> Result<CronDescription> {
        self.api.post(
            &format!("{BASE}/cron/describe"),
            &CronBody { cron_expression },
            // Read-only: a second description changes nothing.
            Replay::Safe,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cron_shapes() {
        for ok in [
            "0 0 12 * * ?",
            "0 0 12 * * ? 2030",
            "0 0 12 * * ? UTC",
            "0 0 12 * * ? 2030 UTC",
        ] {
            check_cron_shape(ok).unwrap_or_else(|e| panic!("{ok}: {e}"));
        }
        for bad in ["0 12 * * *", "", "0 0 12 * * ? 2030 1 2"] {
            assert!(check_cron_shape(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn airbyte_hosted_body_is_minimal() {
        let body = serde_json::to_value(ConnectionTemplateCreate::airbyte_hosted()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"data_hosting_type": "airbyte_hosted"})
        );
    }

    #[test]
    fn unknown_preference_is_kept() {
        let t: ConnectionTemplate = serde_json::from_str(
            r#"{"id": "c", "non_breaking_changes_preference": "propagate_magic", "data_hosting_type": null}"#,
        )
        .unwrap();
        assert_eq!(
            t.non_breaking_changes_preference,
            Some(NonBreakingChangesPreference::Unknown(
                "propagate_magic".into()
            ))
        );
    }
}
