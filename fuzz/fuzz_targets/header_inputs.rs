//! Header-bound inputs: a `User-Agent` suffix, an organisation id and a caller-given scoped
//! token, each any text, used for one request (to a closed port). None may panic: a value
//! a header cannot carry is refused with `InvalidArgument` naming it when it enters.
//! Input: three parts separated by 0xFF bytes (invalid UTF-8 replaced).
#![no_main]

use airbyte_embedded::Error;
use airbyte_embedded::fuzzing::send_with_header_inputs;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut parts = data.split(|&b| b == 0xff).map(String::from_utf8_lossy);
    let suffix = parts.next().unwrap_or_default();
    let org = parts.next();
    let token = parts.next().unwrap_or_else(|| "eyJ.e30.sig".into());
    let org = org.as_deref().filter(|o| !o.is_empty());
    match send_with_header_inputs(&suffix, org, &token) {
        Ok(()) => panic!("a closed port answered"),
        Err(Error::InvalidArgument { argument, detail }) => {
            assert!(
                ["user_agent_suffix", "organization_id", "token"].contains(&argument.as_str()),
                "{argument}: {detail}"
            );
            assert!(detail.len() < 8 * 1024);
        }
        Err(Error::Transport { .. } | Error::Timeout { .. }) => {}
        Err(other) => panic!("unexpected error: {other:?}"),
    }
});
