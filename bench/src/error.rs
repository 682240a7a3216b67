//! A failed step of the bench, in words: every step returns it, and `main` prints it and exits 1.

/// A failed step, in words: the bench stops and prints it.
pub(crate) type BenchResult<T> = Result<T, String>;

/// Names the step a failure came from: `response.context("token request")?`.
pub(crate) trait Context<T> {
    fn context(self, what: &str) -> BenchResult<T>;
}

impl<T, E: std::fmt::Display> Context<T> for Result<T, E> {
    fn context(self, what: &str) -> BenchResult<T> {
        self.map_err(|e| format!("{what}: {e}"))
    }
}

impl<T> Context<T> for Option<T> {
    fn context(self, what: &str) -> BenchResult<T> {
        self.ok_or_else(|| format!("{what}: missing"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_names_the_step() {
        let failed: Result<(), &str> = Err("connection refused");
        assert_eq!(
            failed.context("token"),
            Err("token: connection refused".to_owned())
        );
        assert_eq!(
            None::<u8>.context("access_token"),
            Err("access_token: missing".to_owned())
        );
        assert_eq!(Some(1).context("unused"), Ok(1));
    }
}
