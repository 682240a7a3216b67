//! The background thread that runs the HTTP server on its own tokio runtime.

use std::io;
use std::net::TcpListener;
use std::thread::JoinHandle;
use std::time::Duration;

use axum::Router;
use tokio::sync::watch;

/// How long a graceful shutdown may wait for in-flight requests before they are dropped.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

/// A running server thread.
pub(crate) struct ServerThread {
    shutdown: watch::Sender<bool>,
    thread: Option<JoinHandle<()>>,
}

impl ServerThread {
    /// Serves `app` on `listener` (already bound and listening) from a new thread.
    pub(crate) fn spawn(listener: TcpListener, app: Router) -> io::Result<ServerThread> {
        listener.set_nonblocking(true)?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let listener = {
            let _guard = runtime.enter();
            tokio::net::TcpListener::from_std(listener)?
        };
        let (shutdown, signal) = watch::channel(false);
        let thread = std::thread::Builder::new()
            .name("airbyte-embedded-sandbox".to_owned())
            .spawn(move || {
                runtime.block_on(serve(listener, app, signal));
                runtime.shutdown_timeout(Duration::from_millis(100));
            })?;
        Ok(ServerThread {
            shutdown,
            thread: Some(thread),
        })
    }

    /// Stops accepting, lets in-flight requests finish (at most [`SHUTDOWN_GRACE`]) and joins
    /// the thread. Idempotent.
    pub(crate) fn stop(&mut self) {
        let _ = self.shutdown.send(true);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for ServerThread {
    fn drop(&mut self) {
        self.stop();
    }
}

async fn serve(listener: tokio::net::TcpListener, app: Router, signal: watch::Receiver<bool>) {
    let mut graceful = signal.clone();
    let mut deadline = signal;
    let server = axum::serve(listener, app).with_graceful_shutdown(async move {
        let _ = graceful.wait_for(|stop| *stop).await;
    });
    tokio::select! {
        _ = server => {}
        _ = async move {
            let _ = deadline.wait_for(|stop| *stop).await;
            tokio::time::sleep(SHUTDOWN_GRACE).await;
        } => {}
    }
}
