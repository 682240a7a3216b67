//! `allowed_origin` of widget tokens: an exact origin.

/// Checks that `origin` is an exact origin: `http` or `https`, a host (name, IPv4 or bracketed
/// IPv6) and an optional port, with no path, query, fragment, user info, trailing slash or
/// wildcard. The literal `null` (sandboxed iframes) is allowed. The error says what is wrong.
pub(crate) fn validate(origin: &str) -> Result<(), String> {
    if origin == "null" {
        return Ok(());
    }
    let rest = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
        .ok_or("must start with http:// or https://")?;
    if rest.contains('*') {
        return Err("must not contain a wildcard".to_owned());
    }
    if rest.contains(['/', '?', '#']) {
        return Err("must not have a path, query or fragment (nor a trailing slash)".to_owned());
    }
    if rest.contains('@') {
        return Err("must not contain user information".to_owned());
    }
    let (host, port) = split_host_port(rest)?;
    if let Some(port) = port {
        if port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) {
            return Err("the port must be a number".to_owned());
        }
        if !port.parse::<u32>().is_ok_and(|p| (1..=65_535).contains(&p)) {
            return Err("the port must be between 1 and 65535".to_owned());
        }
    }
    if host.starts_with('[') {
        let inner = &host[1..host.len() - 1];
        if inner.parse::<std::net::Ipv6Addr>().is_err() {
            return Err("the IPv6 address is malformed".to_owned());
        }
        return Ok(());
    }
    let label_ok = |label: &str| {
        !label.is_empty()
            && label.len() <= 63
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    if host.is_empty() || host.len() > 253 || !host.split('.').all(label_ok) {
        return Err("the host is not a valid host name".to_owned());
    }
    Ok(())
}

/// Splits `host[:port]` (host may be a bracketed IPv6 address).
fn split_host_port(rest: &str) -> Result<(&str, Option<&str>), String> {
    if rest.starts_with('[') {
        let end = rest.find(']').ok_or("the IPv6 address is not closed")?;
        let (host, after) = rest.split_at(end + 1);
        return match after.strip_prefix(':') {
            Some(port) => Ok((host, Some(port))),
            None if after.is_empty() => Ok((host, None)),
            None => Err("unexpected text after the host".to_owned()),
        };
    }
    Ok(match rest.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (rest, None),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_origins_pass() {
        for ok in [
            "https://app.example.com",
            "http://localhost:3000",
            "http://127.0.0.1:8080",
            "https://[::1]:8443",
            "null",
        ] {
            assert_eq!(validate(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn everything_else_fails() {
        for bad in [
            "",
            "app.example.com",
            "ftp://app.example.com",
            "https://app.example.com/",
            "https://app.example.com/path",
            "https://*.example.com",
            "*",
            "https://app.example.com?x=1",
            "https://user@app.example.com",
            "https://app.example.com:",
            "https://app.example.com:99999",
            "https://app..example.com",
            "https://",
            "HTTPS://app.example.com",
            "https://[::1",
            "NULL",
        ] {
            assert!(validate(bad).is_err(), "{bad} should be refused");
        }
    }
}
