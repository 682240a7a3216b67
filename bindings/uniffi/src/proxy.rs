//! The API proxy (operator token): `POST /sonar/apis/{source_id}/request`.

use crate::Result;
use crate::lifecycle::OperatorSlot;
use crate::models::{ProxyRequest, ProxyResponse};
use crate::twin::twin;

/// Requests to an end user's API with a source's stored credentials
/// (`OperatorClient.proxy()`). Shares its client's `close()`: every method raises
/// `AirbyteError.ClientClosed` once the client is closed.
#[derive(uniffi::Object)]
pub struct ApiProxy {
    pub(crate) client: OperatorSlot,
}

twin! {
    /// The async twin of `ApiProxy` (`AsyncOperatorClient.proxy()`): the same method, awaited.
    pub struct AsyncApiProxy for ApiProxy;
}

twin! {
    impl ApiProxy => AsyncApiProxy {
        awaited {
            /// Sends `request` upstream through source `source_id`'s stored credentials.
            /// `POST /sonar/apis/{source_id}/request`. The upstream's own error (a 404, a 500) comes
            /// back as `response_status_code` in the answer, not as an error. The request's headers
            /// and body are never logged, nor shown by its string form. Sent again after a failure
            /// only for a proxied `GET` (or `HEAD`); a `POST`, `PUT` or `DELETE` that may have reached
            /// the upstream raises `AirbyteError.OutcomeUnknown`.
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` naming `source_id`, `url` or `method` when empty
            /// (nothing sent); `AirbyteError.NotFound` for a source of another organisation;
            /// `AirbyteError.Validation` for a request the service refuses;
            /// `AirbyteError.OutcomeUnknown`; auth and transport errors.
            pub fn request(&self, source_id: String, request: ProxyRequest) -> Result<ProxyResponse> {
                self.client.get()?.proxy().request(&source_id, &request)
            }
        }
    }
}
