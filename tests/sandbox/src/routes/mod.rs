//! The HTTP routes, one module per API area.

use axum::Router;
use axum::middleware::from_fn_with_state;
use axum::routing::post;

use crate::auth::{self, EndUser, Operator};
use crate::cors::cors;
use crate::errors;
use crate::pipeline::{API_PREFIX, pipeline};
use crate::state::AppState;

pub(crate) mod admin;
pub(crate) mod catalogs;
pub(crate) mod connection_templates;
pub(crate) mod connectors;
pub(crate) mod definitions;
pub(crate) mod destinations;
pub(crate) mod embedded;
pub(crate) mod files;
pub(crate) mod oauth_credentials;
pub(crate) mod proxy;
pub(crate) mod search;
pub(crate) mod source_templates;
pub(crate) mod sources;
pub(crate) mod tags;
pub(crate) mod widget;
pub(crate) mod workspaces;

/// The whole application: the contract under `/api/v1`, admin routes under `/_sandbox/`, a
/// JSON 404/405 for everything else, and the [`pipeline`] middleware around all of it; beside
/// them, outside the pipeline, the [`widget`] page; and [`cors`] around everything.
pub(crate) fn app(state: AppState) -> Router {
    let api = Router::new()
        .route(
            "/account/applications/token",
            post(auth::mint_operator_token),
        )
        .merge(embedded::routes())
        .merge(workspaces::routes())
        .merge(definitions::routes())
        .merge(destinations::routes())
        .merge(tags::routes())
        .merge(source_templates::routes())
        .merge(connection_templates::routes())
        .merge(catalogs::routes())
        .merge(files::routes())
        .merge(proxy::routes())
        .merge(search::routes())
        .merge(sources::routes::<EndUser>("/embedded/sources"))
        .merge(sources::routes::<Operator>("/integrations/sources"))
        .merge(connectors::routes())
        .merge(oauth_credentials::routes());
    Router::new()
        .nest(API_PREFIX, api)
        .merge(admin::routes())
        .fallback(errors::not_found)
        .method_not_allowed_fallback(errors::method_not_allowed)
        .layer(from_fn_with_state(state.clone(), pipeline))
        .merge(widget::routes())
        .layer(from_fn_with_state(state.clone(), cors))
        .with_state(state)
}
