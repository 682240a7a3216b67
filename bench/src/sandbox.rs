//! The sandbox as a child process (`airbyte-embedded-sandbox --port 0`): loopback to another
//! process, as a real deployment talks to the service, and the server's memory (it records
//! every request) stays out of the client's RSS.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};

use serde_json::Value;

/// Where the sandbox binary is: `AIRBYTE_SANDBOX_BIN`, else `target/release/airbyte-embedded-sandbox`
/// of this workspace.
pub fn default_binary() -> PathBuf {
    std::env::var_os("AIRBYTE_SANDBOX_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/release/airbyte-embedded-sandbox")
        })
}

/// A running sandbox; killed when dropped.
pub struct SandboxProcess {
    child: Child,
    /// Kept open: the sandbox prints only its banner, but a closed pipe could fail a write.
    _stdout: BufReader<ChildStdout>,
    /// `http://127.0.0.1:PORT/api/v1`.
    pub base_url: String,
    /// `http://127.0.0.1:PORT` (the admin routes live under `/_sandbox/`).
    root: String,
    /// The seeded operator credentials.
    pub client_id: String,
    /// The seeded operator secret.
    pub client_secret: String,
    admin: ureq::Agent,
}

impl SandboxProcess {
    /// Starts `bin --port 0` with no practical rate limit and `extra` flags, and reads its
    /// banner (URL and credentials).
    pub fn start(bin: &Path, extra: &[&str]) -> Result<SandboxProcess, String> {
        let mut child = Command::new(bin)
            .args(["--port", "0", "--rate-limit", "4294967295"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
        let Some(piped) = child.stdout.take() else {
            let _ = child.kill();
            let _ = child.wait();
            return Err("the sandbox's stdout is not piped".to_owned());
        };
        let mut stdout = BufReader::new(piped);
        let mut read_line = || {
            let mut line = String::new();
            match stdout.read_line(&mut line) {
                Ok(0) | Err(_) => None,
                Ok(_) => Some(line.trim().to_owned()),
            }
        };
        let first = read_line().unwrap_or_default();
        let Some(base_url) = first.strip_prefix("listening on ").map(str::to_owned) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("the sandbox said {first:?}"));
        };
        let (mut client_id, mut client_secret) = (String::new(), String::new());
        for _ in 0..8 {
            let line = read_line().unwrap_or_default();
            match line.split_once(": ") {
                Some(("client_id", v)) => client_id = v.to_owned(),
                Some(("client_secret", v)) => client_secret = v.to_owned(),
                _ => {}
            }
        }
        let root = base_url
            .rsplit_once("/api/v1")
            .map_or(base_url.as_str(), |(r, _)| r)
            .to_owned();
        Ok(SandboxProcess {
            child,
            _stdout: stdout,
            base_url,
            root,
            client_id,
            client_secret,
            admin: ureq::Agent::new_with_defaults(),
        })
    }

    /// `GET /_sandbox/stats`: `{token_requests, requests, requests_by_route, faults_fired, …}`.
    pub fn stats(&self) -> Result<Value, String> {
        self.admin
            .get(format!("{}/_sandbox/stats", self.root))
            .call()
            .map_err(|e| format!("sandbox stats: {e}"))?
            .body_mut()
            .read_json()
            .map_err(|e| format!("sandbox stats json: {e}"))
    }

    /// Token requests served so far.
    pub fn token_requests(&self) -> Result<u64, String> {
        Ok(self.stats()?["token_requests"].as_u64().unwrap_or(0))
    }
}

impl Drop for SandboxProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
