//! A real `redis-server` on 127.0.0.1, on a free port, with no persistence, started by a test
//! and stopped when dropped.
//!
//! [`RedisServer::start`] returns `None` (after printing why) only when `redis-server` is not
//! installed and `CI` is unset; under CI a missing server fails the test. `REDIS_SERVER`
//! names another binary.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `redis-server`.
pub struct RedisServer {
    child: Option<Child>,
    port: u16,
    dir: PathBuf,
}

fn binary() -> String {
    std::env::var("REDIS_SERVER").unwrap_or_else(|_| "redis-server".to_owned())
}

fn installed(bin: &str) -> bool {
    Command::new(bin)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

impl RedisServer {
    /// A server on a free loopback port, answering `PING` when this returns. `None` when
    /// `redis-server` is missing and `CI` is unset (the test then skips, saying so).
    ///
    /// # Panics
    /// When `redis-server` is missing under `CI`, or does not answer within 10 s.
    pub fn start(test: &str) -> Option<RedisServer> {
        let bin = binary();
        if !installed(&bin) {
            let message =
                format!("{test}: `{bin}` is not installed (Debian: apt-get install redis-server)");
            if std::env::var_os("CI").is_some() {
                panic!("{message}; CI is set, so the Redis tests must run");
            }
            // Straight to stderr: libtest captures `println!`/`eprintln!` of passing tests.
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED {message}; CI is unset, so the test passes without running"
            );
            return None;
        }
        let port = free_port();
        let dir = std::env::temp_dir().join(format!(
            "airbyte-embedded-redis-{}-{port}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).expect("redis work dir");
        let child = Command::new(&bin)
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args([
                "--save",
                "",
                "--appendonly",
                "no",
                "--protected-mode",
                "yes",
            ])
            .args(["--loglevel", "warning"])
            .arg("--dir")
            .arg(&dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("redis-server starts");
        let server = RedisServer {
            child: Some(child),
            port,
            dir,
        };
        let deadline = Instant::now() + Duration::from_secs(10);
        while !server.answers() {
            assert!(
                Instant::now() < deadline,
                "redis-server on port {port} did not answer PING within 10 s"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        Some(server)
    }

    /// `redis://127.0.0.1:<port>/0`.
    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/0", self.port)
    }

    /// Whether the server answers `PING` with `+PONG`.
    pub fn answers(&self) -> bool {
        let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.port)) else {
            return false;
        };
        let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
        if stream.write_all(b"PING\r\n").is_err() {
            return false;
        }
        let mut reply = [0u8; 7];
        stream.read_exact(&mut reply).is_ok() && &reply == b"+PONG\r\n"
    }

    /// Kills the server and waits for it to exit.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A loopback port nothing listens on now.
fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}
