//! `airbyte-embedded`: the operator's command line over the `airbyte-embedded` SDK.
//!
//! A thin layer: each command parses its arguments, reads its files, makes the SDK calls and
//! prints the answer (`--json` for one JSON document). The only logic of its own is `apply`'s
//! plan, a comparison by name of a set-up file with the organisation's tags and templates
//! (`plan.rs`). `cli/README.md` is the guide; every command's `--help` has an example.
//!
//! Exit codes: 0 ok, 1 API or validation error, 2 usage or file error, 3 authentication, 4
//! rate limited.

#![forbid(unsafe_code)]

mod args;
mod commands;
mod failure;
mod files;
mod output;
mod plan;
mod profile;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match commands::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            eprintln!("error: {failure}");
            failure.exit_code()
        }
    }
}
