//! Open enums: every enum the service sends may grow new values, so each one parses an unknown
//! value into `Unknown(String)` and writes it back unchanged.

/// Declares an open string enum with serde support and an `Unknown(String)` variant.
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $wire:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this SDK version does not know yet, kept as the service sent it.
            Unknown(String),
        }

        impl $name {
            /// The value as the service spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )+
                    $name::Unknown(raw) => raw,
                }
            }
        }

        // `as_str` for the foreign languages, which cannot borrow.
        #[cfg(feature = "uniffi")]
        #[uniffi::export]
        impl $name {
            /// The value as the service spells it (the raw text of an unknown value).
            pub fn wire_value(&self) -> String {
                self.as_str().to_owned()
            }
        }

        impl From<&str> for $name {
            fn from(raw: &str) -> Self {
                match raw {
                    $( $wire => $name::$variant, )+
                    other => $name::Unknown(other.to_owned()),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                Ok($name::from(raw.as_ref()))
            }
        }
    };
}

pub(crate) use open_enum;

#[cfg(test)]
mod tests {
    open_enum! {
        /// A test enum.
        pub enum Color {
            /// Red.
            Red => "red",
            /// Dark blue.
            DarkBlue => "dark_blue",
        }
    }

    #[test]
    fn known_values_round_trip() {
        let c: Color = serde_json::from_str("\"dark_blue\"").unwrap();
        assert_eq!(c, Color::DarkBlue);
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"dark_blue\"");
    }

    #[test]
    fn unknown_values_keep_their_string() {
        let c: Color = serde_json::from_str("\"ultraviolet\"").unwrap();
        assert_eq!(c, Color::Unknown("ultraviolet".into()));
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"ultraviolet\"");
        assert_eq!(c.to_string(), "ultraviolet");
        #[cfg(feature = "uniffi")]
        assert_eq!(c.wire_value(), "ultraviolet");
    }

    #[test]
    fn escaped_strings_parse() {
        let c: Color = serde_json::from_str("\"r\\u0065d\"").unwrap();
        assert_eq!(c, Color::Red);
    }
}
