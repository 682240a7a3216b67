//! `tokens scoped|widget|inspect`.

use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use airbyte_embedded::auth::jwt::{Claims, decode_claims};
use airbyte_embedded::{ScopedTokenRequest, WidgetToken, WidgetTokenRequest};
use serde_json::{Value, json};

use crate::args::{Global, TokensCommand};
use crate::failure::{Failure, OK, Outcome};
use crate::files;
use crate::output::{Output, fields};
use crate::profile;

/// Runs a `tokens` command.
pub fn run(global: &Global, command: TokensCommand, out: &Output) -> Outcome {
    match command {
        TokensCommand::Scoped {
            workspace_name,
            region,
        } => {
            let mut request = ScopedTokenRequest::new(workspace_name);
            request.region_id = region;
            let token = profile::operator(global)?.mint_scoped_token(&request)?;
            if out.json {
                let mut doc = json!({"token": token.expose()});
                if let Value::Object(m) = &mut doc {
                    m.extend(
                        claims_json(token.claims())
                            .as_object()
                            .cloned()
                            .unwrap_or_default(),
                    );
                }
                out.print_json(&doc)?;
            } else {
                println!("{}", token.expose());
            }
            Ok(OK)
        }
        TokensCommand::Widget {
            workspace_name,
            origin,
            source_tags,
            region,
            decode,
        } => {
            let mut request = WidgetTokenRequest::new(workspace_name, origin);
            request.selected_source_template_tags = source_tags;
            request.region_id = region;
            let widget = profile::operator(global)?.mint_widget_token(&request)?;
            if decode {
                let doc = widget_json(&widget);
                out.emit(&doc, || fields(&doc))?;
            } else if out.json {
                out.print_json(&json!({"token": widget.expose_raw()}))?;
            } else {
                println!("{}", widget.expose_raw());
            }
            Ok(OK)
        }
        TokensCommand::Inspect { token } => inspect(&token, out),
    }
}

/// `tokens inspect`: a widget token's URL and claims, or a JWT's claims; never the token.
fn inspect(token: &str, out: &Output) -> Outcome {
    let text = if token == "-" {
        files::read_text(Path::new("-"))?
    } else {
        token.to_owned()
    };
    let text = text.trim();
    let doc = if let Ok(widget) = WidgetToken::decode(text) {
        widget_json(&widget)
    } else if let Some(claims) = decode_claims(text) {
        let mut doc = json!({"kind": "jwt"});
        if let (Value::Object(m), Value::Object(c)) = (&mut doc, claims_json(&claims)) {
            m.extend(c);
        }
        doc
    } else {
        return Err(Failure::failed(
            "not a token: neither a JWT (three base64url parts with a JSON payload) nor a widget \
             token (base64 of {\"token\", \"widgetUrl\"})",
        ));
    };
    out.emit(&doc, || fields(&doc))?;
    Ok(OK)
}

/// A decoded widget token: its URL and its scoped token's claims.
fn widget_json(widget: &WidgetToken) -> Value {
    let mut doc = json!({"kind": "widget", "widget_url": widget.widget_url()});
    let claims = decode_claims(widget.expose_scoped_token()).unwrap_or_default();
    if let (Value::Object(m), Value::Object(c)) = (&mut doc, claims_json(&claims)) {
        m.extend(c);
    }
    doc
}

/// The claims the SDK reads, with the time left before `exp`.
fn claims_json(claims: &Claims) -> Value {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut doc = json!({
        "workspace_id": claims.workspace_id,
        "typ": claims.typ,
        "roles": claims.roles,
        "expires_at_unix": claims.exp,
    });
    if let (Some(exp), Value::Object(m)) = (claims.exp, &mut doc) {
        let left = i128::from(exp) - i128::from(now);
        m.insert("expires_in_seconds".into(), json!(left));
        m.insert("expired".into(), json!(left <= 0));
    }
    doc
}
