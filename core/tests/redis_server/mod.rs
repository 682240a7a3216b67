//! A real `redis-server` on 127.0.0.1, on a free port, with no persistence, started by a test
//! and stopped when dropped.
//!
//! [`RedisServer::start`] returns `None` (after printing why) only when `redis-server` is not
//! installed and `CI` is unset; under CI a missing server fails the test. `REDIS_SERVER`
//! names another binary. [`RedisServer::start_tls`] serves TLS only, with a certificate for
//! 127.0.0.1 from a CA made for the run by the `openssl` command.
#![allow(dead_code)]

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
    /// The CA's certificate (PEM) when the server speaks TLS only.
    ca_pem: Option<String>,
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
        Self::launch(test, false)
    }

    /// A server answering TLS only (no plain port), its certificate naming 127.0.0.1 and
    /// issued by a CA made here ([`RedisServer::ca_pem`]). `None` as for
    /// [`RedisServer::start`].
    ///
    /// # Panics
    /// As [`RedisServer::start`], and when `openssl` fails.
    pub fn start_tls(test: &str) -> Option<RedisServer> {
        Self::launch(test, true)
    }

    fn launch(test: &str, tls: bool) -> Option<RedisServer> {
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
        let mut command = Command::new(&bin);
        if tls {
            make_certificates(&dir);
            command
                .args(["--port", "0", "--tls-port", &port.to_string()])
                .arg("--tls-cert-file")
                .arg(dir.join("server.pem"))
                .arg("--tls-key-file")
                .arg(dir.join("server.key"))
                .arg("--tls-ca-cert-file")
                .arg(dir.join("ca.pem"))
                .args(["--tls-auth-clients", "no"]);
        } else {
            command.args(["--port", &port.to_string()]);
        }
        let child = command
            .args(["--bind", "127.0.0.1"])
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
        let ca_pem = tls.then(|| std::fs::read_to_string(dir.join("ca.pem")).expect("ca.pem"));
        let server = RedisServer {
            child: Some(child),
            port,
            dir,
            ca_pem,
        };
        let deadline = Instant::now() + Duration::from_secs(10);
        while !server.answers() {
            assert!(
                Instant::now() < deadline,
                "redis-server on port {port} did not answer within 10 s"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        Some(server)
    }

    /// The CA certificate (PEM) of a [`RedisServer::start_tls`] server.
    pub fn ca_pem(&self) -> Option<&str> {
        self.ca_pem.as_deref()
    }

    /// `rediss://127.0.0.1:<port>/0`, for a [`RedisServer::start_tls`] server.
    pub fn tls_url(&self) -> String {
        format!("rediss://127.0.0.1:{}/0", self.port)
    }

    /// `redis://127.0.0.1:<port>/0`.
    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/0", self.port)
    }

    /// Whether the server answers `PING` with `+PONG` (a TLS server: whether it accepts
    /// connections).
    pub fn answers(&self) -> bool {
        let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.port)) else {
            return false;
        };
        if self.ca_pem.is_some() {
            return true;
        }
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

/// A CA (`ca.pem`, `ca.key`) and a server certificate for 127.0.0.1 (`server.pem`,
/// `server.key`) in `dir`, P-256 keys, valid for two days.
fn make_certificates(dir: &std::path::Path) {
    let run = |args: &[&str]| {
        let out = Command::new("openssl")
            .args(args)
            .current_dir(dir)
            .stdout(Stdio::null())
            .output()
            .expect("openssl runs (Debian: apt-get install openssl)");
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    std::fs::write(
        dir.join("server.ext"),
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n",
    )
    .expect("server.ext");
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    run(&[
        &["req", "-x509"][..],
        &ec,
        &[
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "2",
            "-subj",
            "/CN=airbyte-embedded test CA",
        ],
    ]
    .concat());
    run(&[
        &["req"][..],
        &ec,
        &[
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
            "-subj",
            "/CN=127.0.0.1",
        ],
    ]
    .concat());
    run(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "server.pem",
        "-days",
        "2",
        "-extfile",
        "server.ext",
    ]);
}

/// A loopback port nothing listens on now.
fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}
