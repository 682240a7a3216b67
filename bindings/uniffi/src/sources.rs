//! Sources, for end users (`/embedded/sources`, scoped token) and for the operator
//! (`/integrations/sources`, operator token): the same routes under two prefixes. Checks are
//! in [`crate::checks`].

use airbyte_embedded as core;
use airbyte_embedded::sources as cs;

use crate::Result;
use crate::common::{Deleted, TagsMode, conv, conv_vec, object, object_opt, object_text};
use crate::lifecycle::{EndUserSlot, OperatorSlot};
use crate::redact::masked_debug;
use crate::templates::{SourceTemplate, SourceTemplateSummary};
use crate::validation::ValidationOptions;

/// An end user's source. `source_config` comes back with every `airbyte_secret` masked as
/// `**********`.
///
/// Printed (Python `str()`/`repr()`, Kotlin `toString()`, Swift `description`) with
/// `source_config` as keys only: every value shows as `[REDACTED]`.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct Source {
    /// Source id.
    pub id: String,
    /// Display name.
    pub name: Option<String>,
    /// The template it was made from.
    pub source_template: Option<SourceTemplate>,
    /// The merged config (template defaults + user config) as JSON object text, secrets
    /// masked.
    pub source_config: String,
    /// Creation time (ISO-8601).
    pub created_at: Option<String>,
    /// Last update time (ISO-8601).
    pub updated_at: Option<String>,
}

masked_debug!(Source {
    id: shown,
    name: shown,
    source_template: shown,
    source_config: config,
    created_at: shown,
    updated_at: shown,
});

impl From<cs::Source> for Source {
    fn from(s: cs::Source) -> Self {
        Source {
            id: s.id,
            name: s.name,
            source_template: s.source_template.map(Into::into),
            source_config: object_text(&s.source_config),
            created_at: s.created_at,
            updated_at: s.updated_at,
        }
    }
}

/// A source in a list.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SourceSummary {
    /// Source id.
    pub id: String,
    /// Display name.
    pub name: Option<String>,
    /// The template it was made from.
    pub summarized_source_template: Option<SourceTemplateSummary>,
    /// Creation time (ISO-8601).
    pub created_at: Option<String>,
    /// Last update time (ISO-8601).
    pub updated_at: Option<String>,
}

impl From<cs::SourceSummary> for SourceSummary {
    fn from(s: cs::SourceSummary) -> Self {
        SourceSummary {
            id: s.id,
            name: s.name,
            summarized_source_template: s.summarized_source_template.map(Into::into),
            created_at: s.created_at,
            updated_at: s.updated_at,
        }
    }
}

/// Body of `POST …/sources` and `POST …/sources/check`.
///
/// Printed (Python `str()`/`repr()`, Kotlin `toString()`, Swift `description`) with
/// `source_config` as keys only: every value shows as `[REDACTED]`.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct SourceCreate {
    /// The end user's workspace.
    pub workspace_id: String,
    /// The source template to use.
    pub source_template_id: String,
    /// Only what the template does not default, as JSON object text (sent byte for byte: date
    /// strings are never reformatted); the service merges it over the template's
    /// `partial_default_config`.
    pub source_config: String,
    /// Display name.
    #[uniffi(default)]
    pub name: Option<String>,
    /// Tags choosing which connection templates apply (empty, the default: all of them).
    #[uniffi(default)]
    pub selected_connection_template_tags: Vec<String>,
    /// How those tags combine; `None` (the default) sends `any`.
    #[uniffi(default)]
    pub selected_connection_template_tags_mode: Option<TagsMode>,
}

masked_debug!(SourceCreate {
    workspace_id: shown,
    source_template_id: shown,
    source_config: config,
    name: shown,
    selected_connection_template_tags: shown,
    selected_connection_template_tags_mode: shown,
});

impl SourceCreate {
    pub(crate) fn into_core(self) -> Result<cs::SourceCreate> {
        let mut out = cs::SourceCreate::new(
            self.workspace_id,
            self.source_template_id,
            object("source_config", &self.source_config)?,
        );
        out.name = self.name;
        out.selected_connection_template_tags = self.selected_connection_template_tags;
        if let Some(mode) = self.selected_connection_template_tags_mode {
            out.selected_connection_template_tags_mode = mode.into();
        }
        Ok(out)
    }
}

/// Body of `PUT …/sources/{id}` and `POST …/sources/{id}/check`: only the fields set are
/// sent.
///
/// Printed (Python `str()`/`repr()`, Kotlin `toString()`, Swift `description`) with
/// `source_config` as keys only: every value shows as `[REDACTED]`.
#[derive(Clone, Default, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct SourceUpdate {
    /// New display name.
    #[uniffi(default)]
    pub name: Option<String>,
    /// The new user config (what the template does not default), as JSON object text.
    #[uniffi(default)]
    pub source_config: Option<String>,
}

masked_debug!(SourceUpdate {
    name: shown,
    source_config: config_opt,
});

impl SourceUpdate {
    pub(crate) fn into_core(self) -> Result<cs::SourceUpdate> {
        Ok(cs::SourceUpdate {
            name: self.name,
            source_config: object_opt("source_config", self.source_config.as_deref())?,
        })
    }
}

/// Options for a create, update or check that sends a source config.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WriteOptions {
    /// Whether the config is validated against the template's spec before anything is sent
    /// (one `GET` of the template, cached for a minute). Defaults to `true`.
    #[uniffi(default = true)]
    pub validate: bool,
    /// How it is validated; `None` (the default) is the strict `ValidationOptions()`.
    #[uniffi(default)]
    pub validation: Option<ValidationOptions>,
}

/// The core's write options: `o`, or the defaults.
pub(crate) fn write_options(o: Option<WriteOptions>) -> cs::WriteOptions {
    {
        match o {
            None => cs::WriteOptions::default(),
            Some(o) => cs::WriteOptions {
                validate: o.validate,
                validation: o.validation.map(Into::into).unwrap_or_default(),
            },
        }
    }
}

/// Who a [`Sources`] acts as.
enum Owner {
    Operator(OperatorSlot),
    EndUser(EndUserSlot),
}

/// Source and check operations, from `OperatorClient.sources()` (any workspace,
/// `/integrations/sources`) or `EndUserClient.sources()` (the end user's,
/// `/embedded/sources`). Shares its client's `close()`: every method raises
/// `AirbyteError.ClientClosed` once the client is closed.
#[derive(uniffi::Object)]
pub struct Sources {
    owner: Owner,
}

impl Sources {
    pub(crate) fn operator(client: OperatorSlot) -> Self {
        Sources {
            owner: Owner::Operator(client),
        }
    }

    pub(crate) fn end_user(client: EndUserSlot) -> Self {
        Sources {
            owner: Owner::EndUser(client),
        }
    }

    /// Runs `f` with the core's sources handle of the owning client.
    ///
    /// # Errors
    /// `AirbyteError::ClientClosed` once the client is closed; `f`'s errors.
    pub(crate) fn with<R>(&self, f: impl FnOnce(core::Sources<'_>) -> Result<R>) -> Result<R> {
        match &self.owner {
            Owner::Operator(c) => f(c.get()?.sources()),
            Owner::EndUser(c) => f(c.get()?.sources()),
        }
    }
}

#[uniffi::export]
impl Sources {
    /// Lists a workspace's sources. `GET …/sources?workspace_id=…`.
    ///
    /// # Errors
    /// `AirbyteError.InvalidArgument` for an empty id; `AirbyteError.Forbidden` for another
    /// workspace.
    pub fn list(&self, workspace_id: String) -> Result<Vec<SourceSummary>> {
        self.with(|s| conv_vec(s.list(&workspace_id)))
    }

    /// Reads one source (secrets masked). `GET …/sources/{id}`.
    ///
    /// # Errors
    /// `AirbyteError.NotFound`.
    pub fn get(&self, id: String) -> Result<Source> {
        self.with(|s| conv(s.get(&id)))
    }

    /// Creates a source, after validating `merge(template defaults, source_config)` against
    /// the template's spec unless `options.validate` is false. `POST …/sources`.
    ///
    /// # Errors
    /// `AirbyteError.InvalidConfig` listing every problem with its JSON pointer (nothing
    /// sent); `AirbyteError.InvalidArgument` for a config that is not a JSON object;
    /// `AirbyteError.Validation` when the service refuses it; `AirbyteError.NotFound` for an
    /// unknown template.
    #[uniffi::method(default(options = None))]
    pub fn create(&self, source: SourceCreate, options: Option<WriteOptions>) -> Result<Source> {
        let source = source.into_core()?;
        let options = write_options(options);
        self.with(|s| conv(s.create_with(&source, &options)))
    }

    /// Replaces a source's name and/or user config, validating a new config first (which
    /// reads the source: `GET …/sources/{id}`). `PUT …/sources/{id}`.
    ///
    /// # Errors
    /// As `create`.
    #[uniffi::method(default(options = None))]
    pub fn update(
        &self,
        id: String,
        update: SourceUpdate,
        options: Option<WriteOptions>,
    ) -> Result<Source> {
        let update = update.into_core()?;
        let options = write_options(options);
        self.with(|s| conv(s.update_with(&id, &update, &options)))
    }

    /// Deletes a source. `DELETE …/sources/{id}` → `{id, deleted_at}`.
    ///
    /// # Errors
    /// `AirbyteError.NotFound`.
    pub fn delete(&self, id: String) -> Result<Deleted> {
        self.with(|s| conv(s.delete(&id)))
    }
}
