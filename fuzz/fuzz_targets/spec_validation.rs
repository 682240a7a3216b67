//! Connector specs from the service (any JSON) loaded, compiled and used to validate a
//! config. Input: the spec JSON, a NUL byte, the user's config JSON, a NUL byte, the
//! template's defaults JSON (the last two optional).
#![no_main]

use airbyte_embedded::validation::{
    ValidationOptions, mask_secrets, secret_paths, validate_source_config,
};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

fn object(bytes: Option<&&[u8]>) -> Map<String, Value> {
    match bytes.and_then(|b| serde_json::from_slice::<Value>(b).ok()) {
        Some(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

fuzz_target!(|data: &[u8]| {
    let parts: Vec<&[u8]> = data.splitn(3, |b| *b == 0).collect();
    let Ok(spec) = serde_json::from_slice::<Value>(parts[0]) else {
        return;
    };
    let config = object(parts.get(1));
    let defaults = object(parts.get(2));
    let _ = secret_paths(&spec);
    let _ = mask_secrets(&spec, &Value::Object(config.clone()));
    for options in [
        ValidationOptions::default(),
        ValidationOptions {
            coerce_scalars: true,
            skip_masked_secrets: true,
            ..ValidationOptions::default()
        },
    ] {
        match validate_source_config(&spec, &defaults, &config, &options) {
            Ok(validated) => {
                let _ = format!("{validated:?}");
            }
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
});
