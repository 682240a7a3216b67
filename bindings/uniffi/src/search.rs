//! Source search (operator token): `POST /integrations/sources/{id}/search/{stream_name}`.

use crate::Result;
use crate::lifecycle::OperatorSlot;
use crate::models::{SearchRequest, SearchResponse};
use crate::twin::twin;

/// Search over a source's synced records (`OperatorClient.source_search()`). Shares its
/// client's `close()`: every method raises `AirbyteError.ClientClosed` once the client is
/// closed.
#[derive(uniffi::Object)]
pub struct SourceSearch {
    pub(crate) client: OperatorSlot,
}

twin! {
    /// The async twin of `SourceSearch` (`AsyncOperatorClient.source_search()`): the same
    /// method, awaited.
    pub struct AsyncSourceSearch for SourceSearch;
}

twin! {
    impl SourceSearch => AsyncSourceSearch {
        awaited {
            /// The records of stream `stream_name` of source `source_id` matching `request.condition`
            /// (JSON object text: one operator, `{"eq": {"plan": "pro"}}`, `{"and": [...]}`, ...).
            /// `POST /integrations/sources/{id}/search/{stream_name}`. Retried as a GET is: a search
            /// changes nothing.
            ///
            /// # Errors
            /// `AirbyteError.InvalidArgument` naming `source_id`, `stream_name` or `condition` (not a
            /// single-key object, or a known operator with an operand of the wrong shape; the detail
            /// says where), nothing sent; `AirbyteError.NotFound` for a source or stream that does
            /// not exist; `AirbyteError.Validation` for a condition the service refuses.
            pub fn search(
                &self,
                source_id: String,
                stream_name: String,
                request: SearchRequest,
            ) -> Result<SearchResponse> {
                self.client
                    .get()?
                    .source_search()
                    .search(&source_id, &stream_name, &request)
            }
        }
    }
}
