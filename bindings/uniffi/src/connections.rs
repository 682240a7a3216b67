//! Connection templates (where end users' data lands): `/integrations/templates/connections`.

use airbyte_embedded::integrations as ci;

use crate::Result;
use crate::common::{Deleted, TagFilter, conv, conv_vec, object_opt, object_text, open_enum};
use crate::lifecycle::OperatorSlot;
use crate::redact::masked_debug;

open_enum! {
    /// What happens to a connection when the source's schema changes in a non-breaking way.
    pub enum NonBreakingChangesPreference mirrors ci::NonBreakingChangesPreference {
        /// Keep syncing as before (`ignore`, the service's default).
        Ignore,
        /// Disable the connection (`disable`).
        Disable,
        /// Add new columns (`propagate_columns`).
        PropagateColumns,
        /// Add new columns and streams (`propagate_fully`).
        PropagateFully,
    }
}

open_enum! {
    /// Who hosts the destination.
    pub enum DataHostingType mirrors ci::DataHostingType {
        /// The operator's own destination, `destination_config` given (`user_hosted`).
        UserHosted,
        /// Airbyte-hosted storage (`airbyte_hosted`).
        AirbyteHosted,
    }
}

/// A connection template: a destination applied to every new source whose tags select it.
///
/// Printed (Python `str()`/`repr()`, Kotlin `toString()`, Swift `description`) with
/// `destination_config` as keys only: every value shows as `[REDACTED]`.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct ConnectionTemplate {
    /// Template id.
    pub id: String,
    /// Owning organisation.
    pub organization_id: Option<String>,
    /// Destination display name.
    pub destination_name: Option<String>,
    /// Destination connector definition.
    pub destination_definition_id: Option<String>,
    /// Destination config as JSON object text (secrets come back masked).
    pub destination_config: Option<String>,
    /// Icon URL.
    pub icon: Option<String>,
    /// Quartz cron schedule, possibly echoed with ` UTC` appended.
    pub cron_expression: Option<String>,
    /// Non-breaking schema change handling.
    pub non_breaking_changes_preference: Option<NonBreakingChangesPreference>,
    /// Whether a sync starts when a source is created.
    pub sync_on_create: Option<bool>,
    /// Who hosts the destination.
    pub data_hosting_type: Option<DataHostingType>,
    /// Tag names.
    pub tags: Vec<String>,
    /// Creation time (ISO-8601).
    pub created_at: Option<String>,
    /// Last update time (ISO-8601).
    pub updated_at: Option<String>,
}

masked_debug!(ConnectionTemplate {
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

impl From<ci::ConnectionTemplate> for ConnectionTemplate {
    fn from(t: ci::ConnectionTemplate) -> Self {
        ConnectionTemplate {
            id: t.id,
            organization_id: t.organization_id,
            destination_name: t.destination_name,
            destination_definition_id: t.destination_definition_id,
            destination_config: t.destination_config.as_ref().map(object_text),
            icon: t.icon,
            cron_expression: t.cron_expression,
            non_breaking_changes_preference: t.non_breaking_changes_preference.map(Into::into),
            sync_on_create: t.sync_on_create,
            data_hosting_type: t.data_hosting_type.map(Into::into),
            tags: t.tags,
            created_at: t.created_at,
            updated_at: t.updated_at,
        }
    }
}

/// Body of `POST /integrations/templates/connections`; only the fields set are sent.
///
/// User-hosted: set `destination_name`, `destination_definition_id` and
/// `destination_config`. Airbyte-hosted: set only `data_hosting_type = AirbyteHosted` (and
/// optionally `cron_expression`).
///
/// Printed (Python `str()`/`repr()`, Kotlin `toString()`, Swift `description`) with
/// `destination_config` as keys only: every value shows as `[REDACTED]`.
#[derive(Clone, Default, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct ConnectionTemplateCreate {
    /// Destination display name (user-hosted).
    #[uniffi(default)]
    pub destination_name: Option<String>,
    /// Destination connector definition (user-hosted).
    #[uniffi(default)]
    pub destination_definition_id: Option<String>,
    /// Destination config as JSON object text, sent as is (user-hosted).
    #[uniffi(default)]
    pub destination_config: Option<String>,
    /// Quartz cron schedule: 6 or 7 fields, seconds first (`0 0 12 * * ?` is daily at noon).
    #[uniffi(default)]
    pub cron_expression: Option<String>,
    /// Schema change handling; the service defaults to `Ignore`.
    #[uniffi(default)]
    pub non_breaking_changes_preference: Option<NonBreakingChangesPreference>,
    /// Whether a sync starts when a source is created; the service defaults to `true`.
    #[uniffi(default)]
    pub sync_on_create: Option<bool>,
    /// `AirbyteHosted` for Airbyte-hosted storage; `None` for user-hosted.
    #[uniffi(default)]
    pub data_hosting_type: Option<DataHostingType>,
}

masked_debug!(ConnectionTemplateCreate {
    destination_name: shown,
    destination_definition_id: shown,
    destination_config: config_opt,
    cron_expression: shown,
    non_breaking_changes_preference: shown,
    sync_on_create: shown,
    data_hosting_type: shown,
});

impl ConnectionTemplateCreate {
    fn into_core(self) -> Result<ci::ConnectionTemplateCreate> {
        Ok(ci::ConnectionTemplateCreate {
            destination_name: self.destination_name,
            destination_definition_id: self.destination_definition_id,
            destination_config: object_opt(
                "destination_config",
                self.destination_config.as_deref(),
            )?,
            cron_expression: self.cron_expression,
            non_breaking_changes_preference: self.non_breaking_changes_preference.map(Into::into),
            sync_on_create: self.sync_on_create,
            data_hosting_type: self.data_hosting_type.map(Into::into),
        })
    }
}

/// Body of `PATCH /integrations/templates/connections/{id}`: only the fields set are sent.
///
/// Printed (Python `str()`/`repr()`, Kotlin `toString()`, Swift `description`) with
/// `destination_config` as keys only: every value shows as `[REDACTED]`.
#[derive(Clone, Default, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct ConnectionTemplateUpdate {
    /// New destination display name.
    #[uniffi(default)]
    pub destination_name: Option<String>,
    /// New destination config, as JSON object text.
    #[uniffi(default)]
    pub destination_config: Option<String>,
    /// New Quartz cron schedule.
    #[uniffi(default)]
    pub cron_expression: Option<String>,
    /// New schema change handling.
    #[uniffi(default)]
    pub non_breaking_changes_preference: Option<NonBreakingChangesPreference>,
    /// New sync-on-create setting.
    #[uniffi(default)]
    pub sync_on_create: Option<bool>,
}

masked_debug!(ConnectionTemplateUpdate {
    destination_name: shown,
    destination_config: config_opt,
    cron_expression: shown,
    non_breaking_changes_preference: shown,
    sync_on_create: shown,
});

impl ConnectionTemplateUpdate {
    fn into_core(self) -> Result<ci::ConnectionTemplateUpdate> {
        Ok(ci::ConnectionTemplateUpdate {
            destination_name: self.destination_name,
            destination_config: object_opt(
                "destination_config",
                self.destination_config.as_deref(),
            )?,
            cron_expression: self.cron_expression,
            non_breaking_changes_preference: self.non_breaking_changes_preference.map(Into::into),
            sync_on_create: self.sync_on_create,
        })
    }
}

/// What the service says of a cron expression.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CronDescription {
    /// A readable description (`"At 12:00:00, every day"`), when valid.
    pub description: Option<String>,
    /// Whether the expression is a valid Quartz cron.
    pub is_valid: bool,
}

impl From<ci::CronDescription> for CronDescription {
    fn from(c: ci::CronDescription) -> Self {
        CronDescription {
            description: c.description,
            is_valid: c.is_valid,
        }
    }
}

/// Connection-template operations for the operator (`OperatorClient.connection_templates()`).
/// Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
/// client is closed.
#[derive(uniffi::Object)]
pub struct ConnectionTemplates {
    pub(crate) client: OperatorSlot,
}

#[uniffi::export]
impl ConnectionTemplates {
    /// Lists connection templates, narrowed by `filter` (default: all).
    /// `GET /integrations/templates/connections?tags=…&tags_mode=…`.
    ///
    /// # Errors
    /// `AirbyteError.Unauthorized`, `AirbyteError.Forbidden`, transport errors.
    #[uniffi::method(default(filter = None))]
    pub fn list(&self, filter: Option<TagFilter>) -> Result<Vec<ConnectionTemplate>> {
        let filter = filter.unwrap_or_default().into();
        conv_vec(self.client.get()?.connection_templates().list(&filter))
    }

    /// Reads one connection template. `GET /integrations/templates/connections/{id}`.
    ///
    /// # Errors
    /// `AirbyteError.NotFound`.
    pub fn get(&self, id: String) -> Result<ConnectionTemplate> {
        conv(self.client.get()?.connection_templates().get(&id))
    }

    /// Creates a connection template. `POST /integrations/templates/connections`.
    ///
    /// # Errors
    /// `AirbyteError.InvalidArgument` for a cron expression that is not 6 or 7 fields, or a
    /// config that is not a JSON object (nothing sent); `AirbyteError.Validation` when the
    /// service refuses the config or schedule.
    pub fn create(&self, template: ConnectionTemplateCreate) -> Result<ConnectionTemplate> {
        let template = template.into_core()?;
        conv(self.client.get()?.connection_templates().create(&template))
    }

    /// Updates the fields set in `update`. `PATCH /integrations/templates/connections/{id}`.
    ///
    /// # Errors
    /// As `create`, plus `AirbyteError.NotFound`.
    pub fn update(
        &self,
        id: String,
        update: ConnectionTemplateUpdate,
    ) -> Result<ConnectionTemplate> {
        let update = update.into_core()?;
        conv(
            self.client
                .get()?
                .connection_templates()
                .update(&id, &update),
        )
    }

    /// Deletes a connection template. `DELETE /integrations/templates/connections/{id}`.
    ///
    /// # Errors
    /// `AirbyteError.NotFound`.
    pub fn delete(&self, id: String) -> Result<Deleted> {
        conv(self.client.get()?.connection_templates().delete(&id))
    }

    /// Adds an existing tag. `POST /integrations/templates/connections/{id}/tags`.
    ///
    /// # Errors
    /// `AirbyteError.NotFound` when the template or tag does not exist.
    pub fn add_tag(&self, id: String, tag: String) -> Result<ConnectionTemplate> {
        conv(self.client.get()?.connection_templates().add_tag(&id, &tag))
    }

    /// Removes a tag. `DELETE /integrations/templates/connections/{id}/tags/{tag_name}`.
    ///
    /// # Errors
    /// `AirbyteError.NotFound` when the template or tag does not exist.
    pub fn remove_tag(&self, id: String, tag: String) -> Result<Deleted> {
        conv(
            self.client
                .get()?
                .connection_templates()
                .remove_tag(&id, &tag),
        )
    }

    /// Asks the service whether a cron expression is valid and what it means; any text is
    /// sent as is. `POST /integrations/templates/connections/cron/describe`.
    ///
    /// # Errors
    /// Transport and auth errors only.
    pub fn describe_cron(&self, cron_expression: String) -> Result<CronDescription> {
        conv(
            self.client
                .get()?
                .connection_templates()
                .describe_cron(&cron_expression),
        )
    }
}
