//! Printing results: one JSON document with `--json`, otherwise aligned tables on a terminal
//! and tab-separated lines elsewhere; nothing but tokens with `--quiet`.

use std::io::{IsTerminal, Write};

use serde::Serialize;
use serde_json::Value;

use crate::failure::Failure;

/// A column of a table: its header and the JSON pointer of its value in each row.
pub type Column = (&'static str, &'static str);

/// Longer nested values are elided in human output (`--json` shows them whole).
const INLINE_LIMIT: usize = 80;

/// How results are printed.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    /// `--json`.
    pub json: bool,
    /// `--quiet`.
    pub quiet: bool,
    /// Whether standard output is a terminal.
    pub tty: bool,
}

impl Output {
    /// The output for the global flags.
    pub fn new(json: bool, quiet: bool) -> Self {
        Output {
            json,
            quiet,
            tty: std::io::stdout().is_terminal(),
        }
    }

    /// Prints `value` as JSON, or `human` (unless quiet).
    pub fn emit<T: Serialize>(
        &self,
        value: &T,
        human: impl FnOnce() -> String,
    ) -> Result<(), Failure> {
        if self.quiet {
            return Ok(());
        }
        if self.json {
            return self.print_json(value);
        }
        let text = human();
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        if !text.is_empty() && !text.ends_with('\n') {
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    /// Prints `value` as pretty JSON on standard output, quiet or not.
    pub fn print_json<T: Serialize>(&self, value: &T) -> Result<(), Failure> {
        let text = serde_json::to_string_pretty(value)
            .map_err(|e| Failure::failed(format!("could not write JSON: {e}")))?;
        let mut out = std::io::stdout().lock();
        writeln!(out, "{text}")?;
        Ok(())
    }

    /// Prints a list: a JSON array, or a table of `columns`.
    pub fn list<T: Serialize>(&self, items: &[T], columns: &[Column]) -> Result<(), Failure> {
        let rows = to_value(items)?;
        self.emit(&rows, || {
            self.table(rows.as_array().map_or(&[], Vec::as_slice), columns)
        })
    }

    /// Prints one record: a JSON object, or one `key: value` line per top-level field.
    pub fn record<T: Serialize>(&self, item: &T) -> Result<(), Failure> {
        let value = to_value(item)?;
        self.emit(&value, || fields(&value))
    }

    /// A note on standard error (progress, what was done), unless quiet.
    pub fn note(&self, text: &str) {
        if !self.quiet {
            eprintln!("{text}");
        }
    }

    fn table(&self, rows: &[Value], columns: &[Column]) -> String {
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|row| {
                columns
                    .iter()
                    .map(|(_, pointer)| cell(row.pointer(pointer).unwrap_or(&Value::Null)))
                    .collect()
            })
            .collect();
        if !self.tty {
            return cells.iter().map(|r| r.join("\t") + "\n").collect();
        }
        let mut widths: Vec<usize> = columns.iter().map(|(h, _)| h.chars().count()).collect();
        for row in &cells {
            for (w, c) in widths.iter_mut().zip(row) {
                *w = (*w).max(c.chars().count());
            }
        }
        let line = |values: Vec<&str>| {
            let mut s = values
                .iter()
                .zip(&widths)
                .map(|(v, w)| format!("{v:<w$}"))
                .collect::<Vec<_>>()
                .join("  ");
            s.truncate(s.trim_end().len());
            s + "\n"
        };
        let mut out = line(columns.iter().map(|(h, _)| *h).collect());
        for row in &cells {
            out.push_str(&line(row.iter().map(String::as_str).collect()));
        }
        if rows.is_empty() {
            out.push_str("(none)\n");
        }
        out
    }
}

/// `item` as JSON.
pub fn to_value<T: Serialize + ?Sized>(item: &T) -> Result<Value, Failure> {
    serde_json::to_value(item).map_err(|e| Failure::failed(format!("could not write JSON: {e}")))
}

/// One `key: value` line per field of an object.
pub fn fields(value: &Value) -> String {
    match value {
        Value::Object(map) => map
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| format!("{k}: {}\n", cell(v)))
            .collect(),
        other => cell(other) + "\n",
    }
}

/// A value in a table cell: strings bare, lists of strings comma-separated, other values as
/// compact JSON, elided past [`INLINE_LIMIT`] characters.
pub fn cell(value: &Value) -> String {
    let text = match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.iter().all(Value::is_string) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(","),
        other => other.to_string(),
    };
    if text.chars().count() > INLINE_LIMIT && (value.is_object() || value.is_array()) {
        let n = match value {
            Value::Object(m) => format!("{{{} fields}}", m.len()),
            Value::Array(a) => format!("[{} items]", a.len()),
            _ => String::new(),
        };
        return format!("{n} (--json shows it)");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn cells_are_bare_and_short() {
        assert_eq!(cell(&json!("a")), "a");
        assert_eq!(cell(&json!(["a", "b"])), "a,b");
        assert_eq!(cell(&json!(null)), "");
        assert_eq!(cell(&json!({"k": 1})), r#"{"k":1}"#);
        let big = json!({"k": "x".repeat(100)});
        assert_eq!(cell(&big), "{1 fields} (--json shows it)");
    }

    #[test]
    fn tables_align_on_a_terminal_and_tab_separate_elsewhere() {
        let rows = [
            json!({"id": "1", "name": "alpha"}),
            json!({"id": "22", "name": null}),
        ];
        let cols = [("ID", "/id"), ("NAME", "/name")];
        let tty = Output {
            json: false,
            quiet: false,
            tty: true,
        };
        assert_eq!(tty.table(&rows, &cols), "ID  NAME\n1   alpha\n22\n");
        let pipe = Output { tty: false, ..tty };
        assert_eq!(pipe.table(&rows, &cols), "1\talpha\n22\t\n");
    }
}
