//! `validate` and `form`: the SDK's offline validation and form model over files.

use airbyte_embedded::Error;
use airbyte_embedded::validation::{
    self, FieldKind, FormField, ValidationOptions, validate_partial_config, validate_source_config,
};
use serde_json::{Map, json};

use crate::args::{FormArgs, ValidateArgs};
use crate::failure::{FAILED, Failure, OK, Outcome, USAGE};
use crate::files;
use crate::output::Output;

/// `validate`: exit 0 when valid, 1 when not (every problem with its JSON pointer), 2 for a
/// usage or file error or a spec that does not load.
pub fn validate(args: &ValidateArgs, out: &Output) -> Outcome {
    let spec = files::read_value(&args.spec)?;
    let config = files::read_object(&args.config)?;
    let defaults = match &args.template_defaults {
        Some(path) => files::read_object(path)?,
        None => Map::new(),
    };
    let options = ValidationOptions {
        assert_date_time: !args.no_assert_date_time,
        coerce_scalars: args.coerce_scalars,
        skip_masked_secrets: args.skip_masked_secrets,
        inject_defaults: !args.no_inject_defaults,
    };
    let validated = if args.partial {
        validate_partial_config(&spec, &defaults, &config, &options)
    } else {
        validate_source_config(&spec, &defaults, &config, &options)
    };
    match validated {
        Ok(valid) => {
            let doc = json!({
                "valid": true,
                "errors": [],
                "defaults_applied": valid.defaults_applied,
                "coercions": valid.coercions,
                "skipped_masked_secrets": valid.skipped_masked_secrets,
            });
            out.emit(&doc, || {
                let mut text = String::from("valid\n");
                for path in &valid.defaults_applied {
                    text.push_str(&format!("  default applied at {path}\n"));
                }
                for c in &valid.coercions {
                    text.push_str(&format!("  converted {}: {} → {}\n", c.path, c.from, c.to));
                }
                for path in &valid.skipped_masked_secrets {
                    text.push_str(&format!("  masked secret skipped at {path}\n"));
                }
                text
            })?;
            Ok(OK)
        }
        Err(Error::InvalidConfig { errors, .. }) => {
            let doc = json!({"valid": false, "errors": errors});
            out.emit(&doc, || {
                let mut text = format!("invalid: {} problem(s)\n", errors.len());
                for e in &errors {
                    let at = if e.path.is_empty() { "/" } else { &e.path };
                    text.push_str(&format!("  {at}: {} [{}]\n", e.message, e.keyword));
                }
                text
            })?;
            Ok(FAILED)
        }
        Err(e @ Error::InvalidSpec { .. }) => Err(Failure {
            code: USAGE,
            message: format!("{}: {e}", args.spec.display()),
        }),
        Err(e) => Err(e.into()),
    }
}

/// `form`: the form model as JSON, or as an indented tree.
pub fn form(args: &FormArgs, out: &Output) -> Outcome {
    let spec = files::read_value(&args.spec)?;
    let defaults = match &args.template_defaults {
        Some(path) => files::read_object(path)?,
        None => Map::new(),
    };
    let form = validation::form_model(&spec, &defaults).map_err(|e| Failure {
        code: USAGE,
        message: format!("{}: {e}", args.spec.display()),
    })?;
    out.emit(&form, || {
        let mut text = form.title.clone().unwrap_or_default() + "\n";
        for field in &form.fields {
            tree(field, 1, &mut text);
        }
        text
    })?;
    Ok(OK)
}

fn tree(field: &FormField, depth: usize, text: &mut String) {
    let pad = "  ".repeat(depth);
    let mut traits = vec![kind(field.kind).to_owned()];
    for (on, name) in [
        (field.required, "required"),
        (field.secret, "secret"),
        (field.hidden, "hidden"),
    ] {
        if on {
            traits.push(name.to_owned());
        }
    }
    text.push_str(&format!(
        "{pad}{} ({}) {}\n",
        field.key,
        traits.join(", "),
        field.title
    ));
    for child in &field.fields {
        tree(child, depth + 1, text);
    }
    if let Some(items) = &field.items {
        tree(items, depth + 1, text);
    }
    for option in &field.options {
        text.push_str(&format!("{pad}  [{}]\n", option.title));
        for child in &option.fields {
            tree(child, depth + 2, text);
        }
    }
}

fn kind(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::String => "string",
        FieldKind::Integer => "integer",
        FieldKind::Number => "number",
        FieldKind::Boolean => "boolean",
        FieldKind::Object => "object",
        FieldKind::Array => "array",
        FieldKind::Choice => "choice",
        FieldKind::Unknown => "any",
    }
}
