//! Running the built binary against an in-process sandbox, with a private config folder.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use airbyte_embedded_sandbox::{CLIENT_ID, CLIENT_SECRET, Sandbox, SandboxConfig};
use serde_json::Value;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_airbyte-embedded");

/// A sandbox and a config folder of the test's own.
pub struct Env {
    pub sandbox: Option<Sandbox>,
    pub config: tempfile::TempDir,
}

/// One run's exit code and output.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", self.stdout, self.stderr))
    }

    pub fn ok(self) -> Self {
        assert_eq!(
            self.code, 0,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }
}

impl Env {
    /// A running sandbox.
    pub fn new() -> Self {
        Env {
            sandbox: Some(Sandbox::start(SandboxConfig::default()).unwrap()),
            config: tempfile::tempdir().unwrap(),
        }
    }

    /// No sandbox: for offline commands.
    pub fn offline() -> Self {
        Env {
            sandbox: None,
            config: tempfile::tempdir().unwrap(),
        }
    }

    pub fn url(&self) -> String {
        self.sandbox
            .as_ref()
            .map(Sandbox::base_url)
            .unwrap_or_default()
    }

    /// The command with no AIRBYTE_* variable but the sandbox's credentials.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = self.bare(args);
        if self.sandbox.is_some() {
            c.env("AIRBYTE_CLIENT_ID", CLIENT_ID)
                .env("AIRBYTE_CLIENT_SECRET", CLIENT_SECRET)
                .env("AIRBYTE_API_URL", self.url());
        }
        c
    }

    /// The command with no AIRBYTE_* variable at all.
    pub fn bare(&self, args: &[&str]) -> Command {
        let mut c = Command::new(BIN);
        c.args(args)
            .env_remove("AIRBYTE_CLIENT_ID")
            .env_remove("AIRBYTE_CLIENT_SECRET")
            .env_remove("AIRBYTE_API_URL")
            .env_remove("AIRBYTE_ORGANIZATION_ID")
            .env("XDG_CONFIG_HOME", self.config.path())
            .env("HOME", self.config.path())
            .stdin(Stdio::null());
        c
    }

    /// Runs `airbyte-embedded ARGS` against the sandbox.
    pub fn run(&self, args: &[&str]) -> Run {
        finish(self.command(args).output().unwrap())
    }

    /// Runs with `input` on standard input.
    pub fn run_with_input(&self, mut command: Command, input: &str) -> Run {
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        finish(child.wait_with_output().unwrap())
    }

    /// `--json` run that must succeed.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        self.run(&all).ok().json()
    }

    /// Writes `text` to a file in the test's folder.
    pub fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.config.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    }
}

pub fn finish(output: Output) -> Run {
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// The repository's `tests/fixtures`.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

pub fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}
