//! Stream mappers: `{"type": kind, "mapper_configuration": {...}}` objects applied to a stream's
//! records (SERVICE-FACTS §7.2): hashing, field renaming, field filtering, row filtering and
//! encryption. A mapper of another kind, or one whose configuration does not have the shape
//! the published documents give, is kept whole as [`StreamMapper::Unknown`], so nothing the
//! service sent is lost or changed on a round trip.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::open_enum::open_enum;

open_enum! {
    /// A hashing mapper's algorithm.
    pub enum HashingMethod {
        /// SHA-256.
        Sha256 => "SHA256",
        /// SHA-512.
        Sha512 => "SHA512",
        /// MD5.
        Md5 => "MD5",
    }
}

/// Replaces a field with its hash (`HashingMapperConfig`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HashingConfig {
    /// The field to hash.
    pub target_field: String,
    /// The algorithm.
    pub method: HashingMethod,
    /// Suffix of the hashed field's name (the service's default when `None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub field_name_suffix: Option<String>,
    /// Every other field, as sent.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// Renames a field (`FieldRenamingMapperConfig`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FieldRenamingConfig {
    /// The field's name in the source.
    pub original_field_name: String,
    /// Its name in the destination.
    pub new_field_name: String,
    /// Every other field, as sent.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// Drops a field (`FieldFilteringMapperConfig`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FieldFilteringConfig {
    /// The field to drop.
    pub target_field: String,
    /// Every other field, as sent.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// The condition a row must meet to be kept (`RowFilterCondition`; the documents give one
/// kind, `equal`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RowFilterCondition {
    /// The condition's kind (`equal`), the wire's `type`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The field compared.
    pub field_name: String,
    /// The value it must equal.
    pub comparison_value: String,
    /// Every other field, as sent.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// Keeps only the rows meeting a condition (`RowFilteringMapperConfig`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RowFilteringConfig {
    /// The condition.
    pub conditions: RowFilterCondition,
    /// Every other field, as sent.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// Encrypts a field with an RSA public key (`EncryptionMapperConfig`). The documents fix
/// `algorithm` to `RSA`, `padding` to `RSA-OAEP` and `oaep_hash` to `SHA256`; `None` leaves
/// each to the service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EncryptionConfig {
    /// The field to encrypt.
    pub target_field: String,
    /// The RSA public key (PEM).
    pub public_key: String,
    /// `RSA`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub algorithm: Option<String>,
    /// `RSA-OAEP`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub padding: Option<String>,
    /// `SHA256`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub oaep_hash: Option<String>,
    /// Suffix of the encrypted field's name (the service's default: `_encrypted`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub field_name_suffix: Option<String>,
    /// `base64` (the service's default) or `hex`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub output_encoding: Option<String>,
    /// Every other field, as sent.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// One mapper of a stream. Each known kind has its typed configuration and keeps the mapper's
/// other top-level fields (beside `type` and `mapper_configuration`) in `other`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum StreamMapper {
    /// `hashing`.
    Hashing {
        /// The configuration.
        config: HashingConfig,
        /// The mapper's other fields, as sent.
        other: Map<String, Value>,
    },
    /// `field-renaming`.
    FieldRenaming {
        /// The configuration.
        config: FieldRenamingConfig,
        /// The mapper's other fields, as sent.
        other: Map<String, Value>,
    },
    /// `field-filtering`.
    FieldFiltering {
        /// The configuration.
        config: FieldFilteringConfig,
        /// The mapper's other fields, as sent.
        other: Map<String, Value>,
    },
    /// `row-filtering`.
    RowFiltering {
        /// The configuration.
        config: RowFilteringConfig,
        /// The mapper's other fields, as sent.
        other: Map<String, Value>,
    },
    /// `encryption`.
    Encryption {
        /// The configuration.
        config: EncryptionConfig,
        /// The mapper's other fields, as sent.
        other: Map<String, Value>,
    },
    /// A mapper this SDK cannot read as one of the kinds above (another `type`, or a
    /// configuration of another shape): the whole object, sent back as it came.
    Unknown {
        /// The mapper object, raw JSON.
        mapper: Map<String, Value>,
    },
}

const HASHING: &str = "hashing";
const FIELD_RENAMING: &str = "field-renaming";
const FIELD_FILTERING: &str = "field-filtering";
const ROW_FILTERING: &str = "row-filtering";
const ENCRYPTION: &str = "encryption";

impl StreamMapper {
    /// A hashing mapper with the service's defaults.
    pub fn hashing(target_field: impl Into<String>, method: HashingMethod) -> Self {
        StreamMapper::Hashing {
            config: HashingConfig {
                target_field: target_field.into(),
                method,
                field_name_suffix: None,
                other: Map::new(),
            },
            other: Map::new(),
        }
    }

    /// A field-renaming mapper.
    pub fn rename(original: impl Into<String>, new_name: impl Into<String>) -> Self {
        StreamMapper::FieldRenaming {
            config: FieldRenamingConfig {
                original_field_name: original.into(),
                new_field_name: new_name.into(),
                other: Map::new(),
            },
            other: Map::new(),
        }
    }

    /// A field-filtering mapper (drops `target_field`).
    pub fn drop_field(target_field: impl Into<String>) -> Self {
        StreamMapper::FieldFiltering {
            config: FieldFilteringConfig {
                target_field: target_field.into(),
                other: Map::new(),
            },
            other: Map::new(),
        }
    }

    /// A row-filtering mapper keeping rows whose `field_name` equals `value`.
    pub fn keep_rows_where(field_name: impl Into<String>, value: impl Into<String>) -> Self {
        StreamMapper::RowFiltering {
            config: RowFilteringConfig {
                conditions: RowFilterCondition {
                    kind: "equal".to_owned(),
                    field_name: field_name.into(),
                    comparison_value: value.into(),
                    other: Map::new(),
                },
                other: Map::new(),
            },
            other: Map::new(),
        }
    }

    /// An encryption mapper with the service's defaults (RSA-OAEP, SHA-256, base64).
    pub fn encrypt(target_field: impl Into<String>, public_key: impl Into<String>) -> Self {
        StreamMapper::Encryption {
            config: EncryptionConfig {
                target_field: target_field.into(),
                public_key: public_key.into(),
                algorithm: None,
                padding: None,
                oaep_hash: None,
                field_name_suffix: None,
                output_encoding: None,
                other: Map::new(),
            },
            other: Map::new(),
        }
    }

    /// The mapper's kind as the service spells it (`type`; `None` for an unknown mapper
    /// without one).
    pub fn kind(&self) -> Option<&str> {
        match self {
            StreamMapper::Hashing { .. } => Some(HASHING),
            StreamMapper::FieldRenaming { .. } => Some(FIELD_RENAMING),
            StreamMapper::FieldFiltering { .. } => Some(FIELD_FILTERING),
            StreamMapper::RowFiltering { .. } => Some(ROW_FILTERING),
            StreamMapper::Encryption { .. } => Some(ENCRYPTION),
            StreamMapper::Unknown { mapper } => mapper.get("type").and_then(Value::as_str),
        }
    }

    /// Why the service would refuse this mapper (an empty field name or key: the documents
    /// require at least one character), if it would.
    pub(crate) fn problem(&self) -> Option<String> {
        let required: Vec<(&str, &str)> = match self {
            StreamMapper::Hashing { config, .. } => vec![("target_field", &config.target_field)],
            StreamMapper::FieldRenaming { config, .. } => vec![
                ("original_field_name", &config.original_field_name),
                ("new_field_name", &config.new_field_name),
            ],
            StreamMapper::FieldFiltering { config, .. } => {
                vec![("target_field", &config.target_field)]
            }
            StreamMapper::RowFiltering { config, .. } => vec![
                ("conditions.field_name", &config.conditions.field_name),
                (
                    "conditions.comparison_value",
                    &config.conditions.comparison_value,
                ),
            ],
            StreamMapper::Encryption { config, .. } => vec![
                ("target_field", &config.target_field),
                ("public_key", &config.public_key),
            ],
            StreamMapper::Unknown { .. } => Vec::new(),
        };
        required
            .into_iter()
            .find(|(_, v)| v.is_empty())
            .map(|(field, _)| {
                format!(
                    "a {} mapper's {field} must not be empty",
                    self.kind().unwrap_or("?")
                )
            })
    }
}

/// `(type, mapper_configuration, other)` of a mapper object, or why it is not one.
fn typed<C: DeserializeOwned>(
    mut object: Map<String, Value>,
) -> Result<(C, Map<String, Value>), Map<String, Value>> {
    let Some(config) = object.remove("mapper_configuration") else {
        return Err(object);
    };
    match C::deserialize(&config) {
        Ok(c) => {
            object.remove("type");
            Ok((c, object))
        }
        Err(_) => {
            object.insert("mapper_configuration".to_owned(), config);
            Err(object)
        }
    }
}

impl<'de> Deserialize<'de> for StreamMapper {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let object = Map::<String, Value>::deserialize(d)?;
        let kind = object
            .get("type")
            .and_then(Value::as_str)
            .map(str::to_owned);
        let unknown = |mapper| StreamMapper::Unknown { mapper };
        Ok(match kind.as_deref() {
            Some(HASHING) => typed(object).map_or_else(unknown, |(config, other)| {
                StreamMapper::Hashing { config, other }
            }),
            Some(FIELD_RENAMING) => typed(object).map_or_else(unknown, |(config, other)| {
                StreamMapper::FieldRenaming { config, other }
            }),
            Some(FIELD_FILTERING) => typed(object).map_or_else(unknown, |(config, other)| {
                StreamMapper::FieldFiltering { config, other }
            }),
            Some(ROW_FILTERING) => typed(object).map_or_else(unknown, |(config, other)| {
                StreamMapper::RowFiltering { config, other }
            }),
            Some(ENCRYPTION) => typed(object).map_or_else(unknown, |(config, other)| {
                StreamMapper::Encryption { config, other }
            }),
            _ => unknown(object),
        })
    }
}

/// `{"type": kind, "mapper_configuration": config, ...other}`.
fn write<S: Serializer, C: Serialize>(
    s: S,
    kind: &str,
    config: &C,
    other: &Map<String, Value>,
) -> Result<S::Ok, S::Error> {
    let mut object = other.clone();
    object.insert("type".to_owned(), Value::String(kind.to_owned()));
    object.insert(
        "mapper_configuration".to_owned(),
        serde_json::to_value(config).map_err(serde::ser::Error::custom)?,
    );
    object.serialize(s)
}

impl Serialize for StreamMapper {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            StreamMapper::Hashing { config, other } => write(s, HASHING, config, other),
            StreamMapper::FieldRenaming { config, other } => {
                write(s, FIELD_RENAMING, config, other)
            }
            StreamMapper::FieldFiltering { config, other } => {
                write(s, FIELD_FILTERING, config, other)
            }
            StreamMapper::RowFiltering { config, other } => write(s, ROW_FILTERING, config, other),
            StreamMapper::Encryption { config, other } => write(s, ENCRYPTION, config, other),
            StreamMapper::Unknown { mapper } => mapper.serialize(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_kind_reads_and_writes_back_what_it_read() {
        let mappers = json!([
            {"type": "hashing", "mapper_configuration": {"target_field": "email", "method": "SHA256"}, "id": "m1"},
            {"type": "field-renaming", "mapper_configuration": {"original_field_name": "a", "new_field_name": "b"}},
            {"type": "field-filtering", "mapper_configuration": {"target_field": "ssn", "x": 1}},
            {"type": "row-filtering", "mapper_configuration": {"conditions": {"type": "equal", "field_name": "region", "comparison_value": "eu"}}},
            {"type": "encryption", "mapper_configuration": {"target_field": "card", "public_key": "PEM", "output_encoding": "hex"}},
            {"type": "tokenizing", "mapper_configuration": {"target_field": "x"}},
            {"type": "hashing", "mapper_configuration": {"target_field": "email"}},
            {"mapper_configuration": {}}
        ]);
        let read: Vec<StreamMapper> = serde_json::from_value(mappers.clone()).unwrap();
        assert!(matches!(&read[0], StreamMapper::Hashing { config, other }
            if config.method == HashingMethod::Sha256 && other["id"] == "m1"));
        assert!(
            matches!(&read[2], StreamMapper::FieldFiltering { config, .. } if config.other["x"] == 1)
        );
        assert!(
            matches!(&read[3], StreamMapper::RowFiltering { config, .. } if config.conditions.kind == "equal")
        );
        // Another kind, a known kind of another shape, no kind: kept whole.
        for i in [5, 6, 7] {
            assert!(matches!(&read[i], StreamMapper::Unknown { .. }), "{i}");
        }
        assert_eq!(serde_json::to_value(&read).unwrap(), mappers);
    }

    #[test]
    fn empty_names_are_problems() {
        assert!(
            StreamMapper::rename("a", "")
                .problem()
                .unwrap()
                .contains("new_field_name")
        );
        assert!(
            StreamMapper::hashing("email", HashingMethod::Md5)
                .problem()
                .is_none()
        );
        assert_eq!(
            StreamMapper::keep_rows_where("region", "eu").kind(),
            Some("row-filtering")
        );
    }
}
