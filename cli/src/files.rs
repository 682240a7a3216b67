//! Reading the JSON and YAML files commands take.

use std::io::Read;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::failure::Failure;

/// The text of `path`, or of standard input for `-`.
pub fn read_text(path: &Path) -> Result<String, Failure> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Failure::usage(format!("could not read standard input: {e}")))?;
        return Ok(text);
    }
    std::fs::read_to_string(path)
        .map_err(|e| Failure::usage(format!("could not read {}: {e}", path.display())))
}

/// The document in `path`: YAML for `.yaml`/`.yml`, JSON otherwise (standard input: JSON,
/// else YAML).
pub fn read_value(path: &Path) -> Result<Value, Failure> {
    let text = read_text(path)?;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let yaml = |text: &str| {
        serde_norway::from_str::<Value>(text)
            .map_err(|e| Failure::usage(format!("{} is not valid YAML: {e}", path.display())))
    };
    match ext {
        "yaml" | "yml" => yaml(&text),
        _ if path.as_os_str() == "-" => serde_json::from_str(&text).or_else(|_| yaml(&text)),
        _ => serde_json::from_str(&text)
            .map_err(|e| Failure::usage(format!("{} is not valid JSON: {e}", path.display()))),
    }
}

/// The JSON object in `path`.
pub fn read_object(path: &Path) -> Result<Map<String, Value>, Failure> {
    match read_value(path)? {
        Value::Object(map) => Ok(map),
        _ => Err(Failure::usage(format!(
            "{} must hold an object",
            path.display()
        ))),
    }
}

/// The document in `path` read as `T` (an SDK request body: unknown fields are refused).
pub fn read_as<T: DeserializeOwned>(path: &Path) -> Result<T, Failure> {
    from_value(read_value(path)?, &path.display().to_string())
}

/// `value` read as `T`, errors naming `origin`.
pub fn from_value<T: DeserializeOwned>(value: Value, origin: &str) -> Result<T, Failure> {
    serde_json::from_value(value).map_err(|e| Failure::usage(format!("{origin}: {e}")))
}
