//! The string forms of records that hold connector configs (`source_config`,
//! `partial_default_config`, `destination_config`, a validated `merged` config).
//!
//! A record does not know its connector spec, so it cannot tell which values the spec marks
//! `airbyte_secret`: its `Debug` and `Display` show every key of such a config and no value
//! (`{"host": [REDACTED], "tunnel": {"ssh_key": [REDACTED]}, "hosts": [[REDACTED]]}`), with
//! the core's `redact::ValueKeysOnly`, as the core's request bodies print. Text that is not a JSON object or array is `[REDACTED]` whole.
//! Both traits are exported to the foreign languages (`#[uniffi::export(Debug, Display)]`),
//! so Python `str()`/`repr()`, Kotlin `toString()` and Swift `description`/`debugDescription`
//! (`String(describing:)`, `String(reflecting:)`, string interpolation) print the same text.
//! The fields themselves keep their values.
//!
//! The core's models print the same way (`redact::keys_only_debug!` there); what is left here is
//! the facade's own `ValidatedConfig`, whose configs are JSON text. No record holds a token:
//! tokens are objects (`ScopedToken`, `WidgetToken`) whose text only `expose()`/`expose_raw()`
//! return.

use std::fmt;

use serde_json::Value;

/// What a hidden value prints as.
pub(crate) const REDACTED: &str = airbyte_embedded::redact::REDACTED;

/// JSON text printed with its keys and without its values.
pub(crate) struct MaskedJson<'a>(pub(crate) &'a str);

impl fmt::Debug for MaskedJson<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match serde_json::from_str::<Value>(self.0) {
            Ok(value @ (Value::Object(_) | Value::Array(_))) => {
                airbyte_embedded::redact::ValueKeysOnly(&value).fmt(f)
            }
            // A scalar, or not JSON at all: nothing is safe to show.
            _ => f.write_str(REDACTED),
        }
    }
}

/// A field printed as is.
pub(crate) fn shown<T: fmt::Debug>(value: &T) -> &T {
    value
}

/// A config field (JSON object text), keys only.
pub(crate) fn config(value: &str) -> MaskedJson<'_> {
    MaskedJson(value)
}

/// Implements `Debug` (and `Display`, the same text) for a record, each field printed by one
/// of [`shown`], [`config`] or [`config_opt`]. Every field must be listed: the record is
/// destructured, so a field added later fails to compile until it is listed here too.
macro_rules! masked_debug {
    ($ty:ident { $($field:ident: $how:ident),+ $(,)? }) => {
        impl ::std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                let $ty { $($field),+ } = self;
                f.debug_struct(stringify!($ty))
                    $(.field(stringify!($field), &$crate::redact::$how($field)))+
                    .finish()
            }
        }

        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Debug::fmt(self, f)
            }
        }
    };
}
pub(crate) use masked_debug;

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "hunter2";
    const CONFIG: &str = r#"{"host":"db","password":"hunter2","tunnel":{"ssh_key":"hunter2","port":22},"hosts":[{"token":"hunter2"},"hunter2"]}"#;

    #[test]
    fn keys_stay_and_values_go_at_every_depth() {
        assert_eq!(
            format!("{:?}", MaskedJson(CONFIG)),
            r#"{"host": [REDACTED], "password": [REDACTED], "tunnel": {"ssh_key": [REDACTED], "port": [REDACTED]}, "hosts": [{"token": [REDACTED]}, [REDACTED]]}"#
        );
        for not_an_object in [
            "hunter2",
            "\"hunter2\"",
            "{\"password\": \"hunter2\"",
            "12",
            "",
        ] {
            assert_eq!(format!("{:?}", MaskedJson(not_an_object)), REDACTED);
        }
    }

    #[test]
    fn validated_configs_print_keys_only() {
        let validated = crate::validation::ValidatedConfig {
            merged: CONFIG.into(),
            source_config: CONFIG.into(),
            coercions: vec![],
            defaults_applied: vec!["/port".into()],
            skipped_masked_secrets: vec![],
        };
        for text in [format!("{validated:?}"), format!("{validated}")] {
            assert!(!text.contains(SECRET) && !text.contains("\"db\""), "{text}");
            assert!(text.contains("\"ssh_key\": [REDACTED]"), "{text}");
            assert!(text.contains("defaults_applied: [\"/port\"]"), "{text}");
        }
    }
}
