//! One module per command group; each turns parsed arguments into SDK calls and prints the
//! answer.

mod apply;
mod catalog;
mod destinations;
mod login;
mod sandbox;
mod sources;
mod templates;
mod tokens;
mod validate;
mod workspaces;

use clap::CommandFactory;

use crate::args::{Cli, Command};
use crate::failure::{OK, Outcome};
use crate::output::Output;
use crate::profile;

/// Runs the command and returns its exit code.
pub fn run(cli: Cli) -> Outcome {
    let out = Output::new(cli.global.json, cli.global.quiet);
    let global = &cli.global;
    match cli.command {
        Command::Login(args) => login::login(global, &args, &out),
        Command::Profiles => login::profiles(&out),
        Command::Templates(c) => templates::run(&profile::operator(global)?, c, &out),
        Command::Tags(c) => catalog::tags(&profile::operator(global)?, c, &out),
        Command::Definitions(c) => catalog::definitions(&profile::operator(global)?, c, &out),
        Command::Tokens(c) => tokens::run(global, c, &out),
        Command::Workspaces(c) => workspaces::run(&profile::operator(global)?, c, &out),
        Command::Sources(c) => sources::run(&profile::operator(global)?, c, &out),
        Command::Destinations(c) => destinations::run(&profile::operator(global)?, c, &out),
        Command::Validate(args) => validate::validate(&args, &out),
        Command::Form(args) => validate::form(&args, &out),
        Command::Apply(args) => apply::run(&profile::operator(global)?, &args, &out),
        Command::Sandbox(args) => sandbox::run(&args, &out),
        Command::Completions { shell } => {
            let mut command = Cli::command();
            clap_complete::generate(
                shell,
                &mut command,
                "airbyte-embedded",
                &mut std::io::stdout(),
            );
            Ok(OK)
        }
    }
}
