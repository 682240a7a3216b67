#!/usr/bin/env bash
# Runs a program (by default the C quickstart) against the Airbyte Embedded API.
#
# With AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET set, the program runs as is (against
# AIRBYTE_API_URL, or production). Otherwise this builds the sandbox binary with cargo, starts
# it on a free loopback port, runs the program with AIRBYTE_API_URL and the sandbox's seeded
# credentials in its environment, and stops the sandbox.
#
#   examples/c/run.sh [program [args...]]
#   SANDBOX_ARGS="--rate-limit 100000" examples/c/run.sh ./my-test
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
if [[ $# -eq 0 ]]; then
    set -- "$target_dir/c-examples/quickstart"
fi

if [[ -n "${AIRBYTE_CLIENT_ID:-}" && -n "${AIRBYTE_CLIENT_SECRET:-}" ]]; then
    exec "$@"
fi

cargo build --quiet --manifest-path "$root/Cargo.toml" -p airbyte-embedded-sandbox \
    --bin airbyte-embedded-sandbox
log="$(mktemp)"
# shellcheck disable=SC2086 # SANDBOX_ARGS is a list of flags
"$target_dir/debug/airbyte-embedded-sandbox" --port 0 ${SANDBOX_ARGS:-} >"$log" 2>&1 &
sandbox=$!
trap 'kill "$sandbox" 2>/dev/null || true; wait "$sandbox" 2>/dev/null || true; rm -f "$log"' EXIT

url=""
for _ in $(seq 1 300); do
    url="$(sed -n 's/^listening on //p' "$log")"
    [[ -n "$url" && -n "$(sed -n 's/^client_secret: //p' "$log")" ]] && break
    if ! kill -0 "$sandbox" 2>/dev/null; then
        echo "the sandbox exited early:" >&2
        cat "$log" >&2
        exit 1
    fi
    sleep 0.1
done
if [[ -z "$url" ]]; then
    echo "the sandbox did not start within 30 s:" >&2
    cat "$log" >&2
    exit 1
fi

export AIRBYTE_API_URL="$url"
AIRBYTE_CLIENT_ID="$(sed -n 's/^client_id: //p' "$log")"
AIRBYTE_CLIENT_SECRET="$(sed -n 's/^client_secret: //p' "$log")"
export AIRBYTE_CLIENT_ID AIRBYTE_CLIENT_SECRET
unset AIRBYTE_ORGANIZATION_ID
echo "sandbox at $url" >&2
"$@"
