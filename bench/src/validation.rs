//! Warm and first (compiling) validation per fixture spec.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use airbyte_embedded::validation::{
    Spec, ValidationOptions, clear_spec_cache, validate_source_config,
};
use serde_json::{Map, Value, json};

use crate::Args;
use crate::error::{BenchResult, Context};
use crate::stats::{median, us};

/// Runs `f` repeatedly for about `budget`; the mean time per run in µs.
fn time_per_run(budget: Duration, mut f: impl FnMut()) -> f64 {
    let start = Instant::now();
    let mut runs: u32 = 0;
    while start.elapsed() < budget / 10 {
        f();
        runs += 1;
    }
    let runs = (runs * 10).max(10);
    let start = Instant::now();
    for _ in 0..runs {
        f();
    }
    us(start.elapsed()) / f64::from(runs)
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

/// The cases measured for a fixture spec, as `(case name, defaults, config)`: the first valid
/// case without options, and for the Postgres spec also the valid case with the longest config
/// (a CDC `oneOf` branch), as `python_bench.py` picks them.
type Case = (String, Map<String, Value>, Map<String, Value>);

fn valid_cases(name: &str) -> Vec<Case> {
    let Ok(text) = std::fs::read_to_string(fixtures().join("cases").join(format!("{name}.json")))
    else {
        return vec![];
    };
    let cases: Vec<Value> = serde_json::from_str(&text).unwrap_or_default();
    let valid: Vec<&Value> = cases
        .iter()
        .filter(|c| c["valid"] == Value::Bool(true) && c.get("options").is_none())
        .collect();
    let mut picked: Vec<&Value> = valid.first().copied().into_iter().collect();
    if name == "source-postgres"
        && let Some(longest) = valid
            .iter()
            .max_by_key(|c| c["source_config"].to_string().len())
        && !std::ptr::eq(*longest, picked[0])
    {
        picked.push(longest);
    }
    picked
        .into_iter()
        .filter_map(|c| {
            Some((
                c["name"].as_str()?.to_owned(),
                c["partial_default_config"].as_object()?.clone(),
                c["source_config"].as_object()?.clone(),
            ))
        })
        .collect()
}

pub(crate) fn validation(args: &Args) -> BenchResult<Value> {
    eprintln!("== validation per fixture spec");
    let mut names: Vec<String> = std::fs::read_dir(fixtures().join("specs"))
        .context("tests/fixtures/specs")?
        .filter_map(|e| {
            let path = e.ok()?.path();
            if path.extension()? != "json" {
                return None;
            }
            Some(path.file_stem()?.to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    let budget = Duration::from_millis(args.validation_ms);
    let options = ValidationOptions::default();
    let mut rows = Vec::new();
    for name in names {
        let text = std::fs::read_to_string(fixtures().join("specs").join(format!("{name}.json")))
            .context("spec")?;
        let spec: Value = serde_json::from_str(&text).context("spec json")?;
        for (case, defaults, config) in valid_cases(&name) {
            validate_source_config(&spec, &defaults, &config, &options).context("a valid case")?;
            let held = Spec::load(&spec).context("spec")?;
            let mut warm = Vec::new();
            let mut held_us = Vec::new();
            let mut first = Vec::new();
            for _ in 0..args.reps {
                warm.push(time_per_run(budget, || {
                    std::hint::black_box(validate_source_config(
                        std::hint::black_box(&spec),
                        &defaults,
                        &config,
                        &options,
                    ))
                    .ok();
                }));
                held_us.push(time_per_run(budget, || {
                    std::hint::black_box(held.validate(&defaults, &config, &options)).ok();
                }));
                // The first validation of a spec: cache cleared, so it compiles.
                let mut cold: Vec<f64> = (0..20)
                    .map(|_| {
                        clear_spec_cache();
                        let t = Instant::now();
                        std::hint::black_box(validate_source_config(
                            &spec, &defaults, &config, &options,
                        ))
                        .ok();
                        us(t.elapsed())
                    })
                    .collect();
                cold.sort_by(f64::total_cmp);
                first.push(cold[cold.len() / 2]);
            }
            eprintln!(
                "  {name} ({case}): warm {:.2} µs, first {:.0} µs",
                median(&warm),
                median(&first)
            );
            rows.push(json!({
                "spec": name, "case": case, "bytes": text.len(),
                "warm_us": warm, "held_us": held_us, "first_us": first,
            }));
        }
    }
    Ok(json!(rows))
}
