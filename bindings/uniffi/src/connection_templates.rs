//! Connection templates (where end users' data lands): `/integrations/templates/connections`.

use airbyte_embedded::uniffi_types::JsonObject;

use crate::Result;
use crate::lifecycle::OperatorSlot;
use crate::models::{
    ConnectionTemplate, ConnectionTemplateCreate, ConnectionTemplateUpdate, CronDescription,
    Deleted, TagFilter,
};
use crate::twin::twin;

/// Connection-template operations for the operator (`OperatorClient.connection_templates()`).
/// Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
/// client is closed.
#[derive(uniffi::Object)]
pub struct ConnectionTemplates {
    pub(crate) client: OperatorSlot,
}

twin! {
    /// The async twin of `ConnectionTemplates` (`AsyncOperatorClient.connection_templates()`):
    /// the same methods, awaited.
    pub struct AsyncConnectionTemplates for ConnectionTemplates;
}

twin! {
    impl ConnectionTemplates => AsyncConnectionTemplates {
        awaited {
            /// Lists connection templates, narrowed by `filter` (default: all).
            /// `GET /integrations/templates/connections?tags=…&tags_mode=…`.
            ///
            /// # Errors
            /// `AirbyteError.Unauthorized`, `AirbyteError.Forbidden`, transport errors.
            #[uniffi::method(default(filter = None))]
            pub fn list(&self, filter: Option<TagFilter>) -> Result<Vec<ConnectionTemplate>> {
                let filter = filter.unwrap_or_default();
                self.client.get()?.connection_templates().list(&filter)
            }

            /// Reads one connection template. `GET /integrations/templates/connections/{id}`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound`.
            pub fn get(&self, id: String) -> Result<ConnectionTemplate> {
                self.client.get()?.connection_templates().get(&id)
            }

            /// Creates a connection template. `POST /integrations/templates/connections`.
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` for a cron expression that is not 6 or 7 fields, or a
            /// config that is not a JSON object (nothing sent); `AirbyteError.Validation` when the
            /// service refuses the config or schedule.
            pub fn create(&self, template: ConnectionTemplateCreate) -> Result<ConnectionTemplate> {
                let template = template;
                self.client.get()?.connection_templates().create(&template)
            }

            /// Creates a copy of a connection template, its destination named `destination_name`
            /// (default: the original's); tags are not copied. The service has no clone route: this
            /// reads the template and creates a new one from every field it returned. Its
            /// destination secrets come back masked, so `secrets` (JSON object text, a partial
            /// `destination_config` such as `{"secret_access_key": "…"}`) gives them, merged over the
            /// config read. `GET` then `POST /integrations/templates/connections`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound` for the original; `AirbyteError.InvalidConfig` naming each
            /// path still holding the mask, or `AirbyteError.InvalidArgument` for `secrets` that is
            /// not a JSON object (nothing created); as `create`.
            #[uniffi::method(default(destination_name = None, secrets = None))]
            pub fn clone_template(
                &self,
                id: String,
                destination_name: Option<String>,
                secrets: Option<JsonObject>,
            ) -> Result<ConnectionTemplate> {
                let secrets = secrets.unwrap_or_default();
                airbyte_embedded::unparsed::refuse("secrets", &secrets)?;
                self.client.get()?.connection_templates().clone_template(
                    &id,
                    destination_name.as_deref(),
                    &secrets,
                )
            }

            /// Updates the fields set in `update`. `PATCH /integrations/templates/connections/{id}`.
            /// A value equal to the mask `**********` anywhere in `destination_config` (what
            /// `get` shows in place of each secret) is refused before anything is sent: give the
            /// secrets' real values, or leave `destination_config` out to keep it.
            ///
            /// # Errors
            /// As `create`, plus `AirbyteError.NotFound`, and `AirbyteError.InvalidConfig`
            /// naming the path of every mask in `destination_config`, with nothing sent.
            pub fn update(
                &self,
                id: String,
                update: ConnectionTemplateUpdate,
            ) -> Result<ConnectionTemplate> {
                let update = update;

                self.client
                    .get()?
                    .connection_templates()
                    .update(&id, &update)
            }

            /// Deletes a connection template. `DELETE /integrations/templates/connections/{id}`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound`.
            pub fn delete(&self, id: String) -> Result<Deleted> {
                self.client.get()?.connection_templates().delete(&id)
            }

            /// Adds an existing tag. `POST /integrations/templates/connections/{id}/tags`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound` when the template or tag does not exist.
            pub fn add_tag(&self, id: String, tag: String) -> Result<ConnectionTemplate> {
                self.client.get()?.connection_templates().add_tag(&id, &tag)
            }

            /// Removes a tag. `DELETE /integrations/templates/connections/{id}/tags/{tag_name}`.
            ///
            /// # Errors
            /// `AirbyteError.NotFound` when the template or tag does not exist.
            pub fn remove_tag(&self, id: String, tag: String) -> Result<Deleted> {
                self.client
                    .get()?
                    .connection_templates()
                    .remove_tag(&id, &tag)
            }

            /// Asks the service whether a cron expression is valid and what it means; any text is
            /// sent as is. `POST /integrations/templates/connections/cron/describe`.
            ///
            /// # Errors
            /// Transport and auth errors only.
            pub fn describe_cron(&self, cron_expression: String) -> Result<CronDescription> {
                self.client
                    .get()?
                    .connection_templates()
                    .describe_cron(&cron_expression)
            }
        }
    }
}
