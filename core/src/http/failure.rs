//! A failed attempt with no (whole) response: how it counts for retrying, the error it
//! gives, and what may have happened after sending.

use std::time::Duration;

use crate::Error;
use crate::retry::Failure;

/// One failed attempt: the error to return, how it failed, the server's wait hint, and what
/// happened after sending (for [`Error::OutcomeUnknown`]).
pub(super) struct Failed {
    pub(super) error: Error,
    pub(super) failure: Failure,
    pub(super) hint: Option<Duration>,
    pub(super) cause: String,
}

/// The error, retry class and unknown-outcome cause of a failure with no (whole) response.
pub(super) fn transport_failure(e: ureq::Error) -> Box<Failed> {
    use std::io::ErrorKind;
    let failure = classify(&e);
    let cause = match (&e, failure) {
        (_, Failure::NotConnected) => "the connection was not established".to_owned(),
        (ureq::Error::Io(io), _) => match io.kind() {
            ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted | ErrorKind::BrokenPipe => {
                "connection reset after the request was sent".to_owned()
            }
            ErrorKind::UnexpectedEof => "connection closed after the request was sent".to_owned(),
            ErrorKind::TimedOut => "no response within the read timeout".to_owned(),
            _ => format!("connection failed after the request was sent: {io}"),
        },
        (_, Failure::ReadTimeout) => "no response within the read timeout".to_owned(),
        (_, Failure::RequestTimeout) => "the request timeout passed".to_owned(),
        (ureq::Error::Protocol(_), _) => "malformed response after the request was sent".to_owned(),
        _ => "the request may have been sent".to_owned(),
    };
    Box::new(Failed {
        error: transport_error(e),
        failure,
        hint: None,
        cause,
    })
}

/// The error and retry class of a failed read of a streamed body (`io` from ureq's body
/// reader, which wraps ureq's own errors).
pub(crate) fn read_failure(io: std::io::Error) -> (Error, Failure) {
    let failed = transport_failure(ureq::Error::from(io));
    (failed.error, failed.failure)
}

/// How a transport failure counts for retrying: whether a connection was made, whether a
/// timeout was per read or for the whole request.
fn classify(e: &ureq::Error) -> Failure {
    use std::io::ErrorKind;
    use ureq::Timeout;
    match e {
        ureq::Error::Timeout(Timeout::Resolve | Timeout::Connect) => Failure::NotConnected,
        ureq::Error::Timeout(Timeout::Global | Timeout::PerCall) => Failure::RequestTimeout,
        ureq::Error::Timeout(_) => Failure::ReadTimeout,
        ureq::Error::HostNotFound | ureq::Error::ConnectionFailed => Failure::NotConnected,
        ureq::Error::Io(io) => match io.kind() {
            ErrorKind::ConnectionRefused
            | ErrorKind::HostUnreachable
            | ErrorKind::NetworkUnreachable
            | ErrorKind::NetworkDown
            | ErrorKind::AddrNotAvailable
            | ErrorKind::AddrInUse => Failure::NotConnected,
            ErrorKind::TimedOut => Failure::ReadTimeout,
            // rustls reports a failed handshake (untrusted certificate, not TLS at all) as
            // invalid data: before the request, and not fixed by trying again.
            ErrorKind::InvalidData => Failure::Local,
            _ => Failure::ConnectionLost,
        },
        ureq::Error::Protocol(_) => Failure::ConnectionLost,
        _ => Failure::Local,
    }
}

fn transport_error(e: ureq::Error) -> Error {
    match e {
        ureq::Error::Timeout(which) => Error::Timeout {
            detail: format!("{which} timeout passed"),
        },
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => Error::Timeout {
            detail: io.to_string(),
        },
        ureq::Error::HostNotFound => Error::Transport {
            detail: String::from("host not found"),
        },
        ureq::Error::ConnectionFailed => Error::Transport {
            detail: String::from("connection failed"),
        },
        other => Error::Transport {
            detail: crate::redact::clean(&other.to_string()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transport_failures_are_classified_for_retrying() {
        use std::io::{Error as Io, ErrorKind};
        use ureq::Timeout;
        #[rustfmt::skip]
        let cases: Vec<(ureq::Error, Failure, &str)> = vec![
            (ureq::Error::ConnectionFailed, Failure::NotConnected, "the connection was not established"),
            (ureq::Error::HostNotFound, Failure::NotConnected, "the connection was not established"),
            (ureq::Error::Timeout(Timeout::Connect), Failure::NotConnected, ""),
            (ureq::Error::Timeout(Timeout::Resolve), Failure::NotConnected, ""),
            (ureq::Error::Io(Io::from(ErrorKind::ConnectionRefused)), Failure::NotConnected, ""),
            (ureq::Error::Timeout(Timeout::PerRead), Failure::ReadTimeout, "no response within the read timeout"),
            (ureq::Error::Timeout(Timeout::RecvResponse), Failure::ReadTimeout, "no response within the read timeout"),
            (ureq::Error::Timeout(Timeout::SendBody), Failure::ReadTimeout, "no response within the read timeout"),
            (ureq::Error::Timeout(Timeout::Global), Failure::RequestTimeout, "the request timeout passed"),
            (ureq::Error::Io(Io::from(ErrorKind::ConnectionReset)), Failure::ConnectionLost, "connection reset after the request was sent"),
            (ureq::Error::Io(Io::from(ErrorKind::BrokenPipe)), Failure::ConnectionLost, "connection reset after the request was sent"),
            (ureq::Error::Io(Io::from(ErrorKind::UnexpectedEof)), Failure::ConnectionLost, "connection closed after the request was sent"),
            (ureq::Error::Io(Io::from(ErrorKind::InvalidData)), Failure::Local, ""),
            (ureq::Error::BadUri("x".into()), Failure::Local, "the request may have been sent"),
            (ureq::Error::BodyExceedsLimit(1), Failure::Local, "the request may have been sent"),
        ];
        for (error, failure, cause) in cases {
            let shown = format!("{error:?}");
            let failed = transport_failure(error);
            assert_eq!(failed.failure, failure, "{shown}");
            // (The cause only matters when the request may have reached the server.)
            if !cause.is_empty() {
                assert_eq!(failed.cause, cause, "{shown}");
            }
            let timeout = matches!(failed.error, Error::Timeout { .. });
            assert_eq!(
                timeout,
                shown.starts_with("Timeout"),
                "{shown} -> {:?}",
                failed.error
            );
        }
    }
}
