//! Checks on values that become request headers, made when a value enters the SDK, so that
//! no request is ever built with a header value the HTTP library refuses (or panics on).

use crate::{Error, Result};

/// What a header value may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Allowed {
    /// Printable ASCII and inner spaces (a `User-Agent`).
    Text,
    /// Printable ASCII with no space (a token, an id).
    Word,
}

/// The first byte of `value` a header of kind `allowed` cannot carry, with its offset.
pub(crate) fn first_invalid(value: &str, allowed: Allowed) -> Option<(usize, u8)> {
    value.bytes().enumerate().find(|&(_, b)| match allowed {
        Allowed::Text => !(b == b' ' || b.is_ascii_graphic()),
        Allowed::Word => !b.is_ascii_graphic(),
    })
}

/// Checks that `value`, named `argument` in errors, can be sent as a header value.
///
/// # Errors
/// [`Error::InvalidArgument`] naming `argument`, the offending byte and its offset (never
/// the value itself, which may be a token).
pub(crate) fn check(argument: &str, value: &str, allowed: Allowed) -> Result<()> {
    match first_invalid(value, allowed) {
        None => Ok(()),
        Some((at, byte)) => Err(Error::invalid_argument(
            argument,
            describe(at, byte, allowed),
        )),
    }
}

/// Why a value with `byte` at `at` cannot be a header value.
pub(crate) fn describe(at: usize, byte: u8, allowed: Allowed) -> String {
    let what = match byte {
        b'\r' => "a carriage return",
        b'\n' => "a line feed",
        0 => "a NUL byte",
        0x7f => "a DEL byte",
        b' ' => "a space",
        b if b < 0x20 => "a control character",
        _ => "a non-ASCII byte",
    };
    let rule = match allowed {
        Allowed::Text => "printable ASCII and spaces",
        Allowed::Word => "printable ASCII without spaces",
    };
    format!(
        "holds {what} (byte 0x{byte:02x} at offset {at}); it is sent as an HTTP header, which allows only {rule}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_control_byte_is_refused_by_name() {
        for b in (0u8..0x20).chain([0x7f]) {
            let value = format!("my-app{}1.0", b as char);
            for allowed in [Allowed::Text, Allowed::Word] {
                let err = check("user_agent_suffix", &value, allowed).unwrap_err();
                assert!(
                    matches!(&err, Error::InvalidArgument { argument, detail }
                        if argument == "user_agent_suffix" && detail.contains("offset 6")),
                    "{b:#x}: {err}"
                );
            }
        }
        assert!(check("t", "café", Allowed::Text).is_err());
        assert!(check("t", "a b", Allowed::Word).is_err());
        check("t", "my-app/1.0 (build 7)", Allowed::Text).unwrap();
        check("t", "eyJ.a-b_c~+/=", Allowed::Word).unwrap();
    }
}
