//! A stable C ABI for the `airbyte-embedded` SDK (`include/airbyte_embedded.h`).
//!
//! This crate only converts: C strings and JSON in, core SDK calls, JSON and status codes out.
//! Every rule a C caller relies on is stated in the header's preamble (`ffi/cbindgen.toml`)
//! and in `ffi/README.md`:
//!
//! - Every symbol and type starts with `airbyte_`. Clients are opaque handles made by
//!   `*_new(…, &out)` and released by `*_free` (`*_free(NULL)` is a no-op).
//! - Every fallible function returns an [`status::airbyte_status`] and writes its result
//!   through out-pointers, which it sets to NULL first. Request bodies go in and response
//!   models come out as UTF-8 JSON; every returned `char *` is the caller's, freed with
//!   `airbyte_string_free`.
//! - A failure's details are in the calling thread's last error ([`last_error`]), cleared at
//!   the start of every status-returning call.
//! - Every `extern "C"` function runs inside one panic guard ([`panic::guard`]).
//! - Client handles may be shared across threads; a pages handle may not.

#![allow(non_camel_case_types)]
// Every `unsafe` block says why it is sound (a `// SAFETY:` comment).
#![warn(clippy::undocumented_unsafe_blocks)]

// The module order is the header's order: cbindgen emits items in the order it parses them.
// Blank lines keep rustfmt from sorting the declarations.

// Conventions: status codes, the last error, strings and JSON in and out.
pub mod status;

pub mod last_error;

pub mod strings;

pub mod json;

// The operator client and its areas.
pub mod operator;

pub mod tokens;

pub mod source_templates;

pub mod connection_templates;

pub mod tags;

pub mod definitions;

pub mod catalogs;

pub mod destinations;

pub mod files;

pub mod proxy;

pub mod search;

pub mod workspaces;

pub mod connectors;

pub mod oauth_credentials;

// The end-user client, then the sources and checks both clients share.
pub mod end_user;

pub mod sources;

// Offline validation, and compiled specs.
pub mod spec;
pub mod validation;

// Internals: no C symbols.
pub mod config;
pub mod error;
pub mod handle;
pub mod out;
pub mod panic;
pub mod views;

#[cfg(feature = "test-panic")]
pub mod test_hooks;

#[cfg(test)]
mod tests {
    /// The version and constant macros live in `ffi/cbindgen.toml` (`after_includes`): cbindgen
    /// cannot emit string constants. This keeps them equal to the package and the core.
    #[test]
    fn header_macros_match_the_package_and_the_core() {
        let header = include_str!("../../include/airbyte_embedded.h");
        let define = |name: &str| {
            header
                .lines()
                .find_map(|l| l.strip_prefix(&format!("#define {name} ")))
                .unwrap_or_else(|| panic!("{name} is not defined in the header"))
                .trim()
                .to_owned()
        };
        let quoted = |v: &str| format!("\"{v}\"");
        assert_eq!(
            define("AIRBYTE_EMBEDDED_VERSION_MAJOR"),
            env!("CARGO_PKG_VERSION_MAJOR")
        );
        assert_eq!(
            define("AIRBYTE_EMBEDDED_VERSION_MINOR"),
            env!("CARGO_PKG_VERSION_MINOR")
        );
        assert_eq!(
            define("AIRBYTE_EMBEDDED_VERSION_PATCH"),
            env!("CARGO_PKG_VERSION_PATCH")
        );
        assert_eq!(
            define("AIRBYTE_EMBEDDED_VERSION"),
            quoted(env!("CARGO_PKG_VERSION"))
        );
        assert_eq!(
            define("AIRBYTE_SECRET_MASK"),
            quoted(airbyte_embedded::validation::SECRET_MASK)
        );
        assert_eq!(
            define("AIRBYTE_REGION_US"),
            quoted(airbyte_embedded::REGION_US)
        );
        assert_eq!(
            define("AIRBYTE_REGION_EU"),
            quoted(airbyte_embedded::REGION_EU)
        );
    }
}
