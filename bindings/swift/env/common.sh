# shellcheck shell=bash
# Shared settings for bindings/swift/env/make-root and bindings/swift/env/in-root (sourced, not run).
#
# The Swift toolchain runs in a minimal Debian 13 (trixie) root, because Debian 13 ships Swift 6
# (`swiftlang`) and the hosts are Debian 12. The root lives outside the repository so that it
# survives between CI runs (each run is a fresh clone); nothing may depend on it being there.

# Where the root lives. Override with AIRBYTE_SWIFT_ROOT.
SWIFT_ROOT="${AIRBYTE_SWIFT_ROOT:-/var/cache/airbyte-embedded/swift-root}"
# Debian release and packages installed in it.
SWIFT_ROOT_SUITE="${AIRBYTE_SWIFT_ROOT_SUITE:-trixie}"
SWIFT_ROOT_PACKAGES="swiftlang libc6-dev gcc"
# Written last by make-root: a root without it (or with other contents) is half-built or stale.
SWIFT_ROOT_MARKER=".airbyte-embedded-swift-root"
SWIFT_ROOT_STAMP="suite=$SWIFT_ROOT_SUITE packages=$SWIFT_ROOT_PACKAGES format=1"

swift_env_log() { echo "[swift-env] $*" >&2; }
swift_env_die() { echo "[swift-env] error: $*" >&2; exit 1; }

# True when the root is complete and built for the current suite and package list.
swift_root_ready() {
    [ -f "$SWIFT_ROOT/$SWIFT_ROOT_MARKER" ] \
        && [ "$(cat "$SWIFT_ROOT/$SWIFT_ROOT_MARKER" 2>/dev/null)" = "$SWIFT_ROOT_STAMP" ]
}

# Lists the mount points at or below $1 (deepest first), from /proc/self/mountinfo.
swift_mounts_under() {
    local dir
    dir="$(realpath -m "$1")"
    awk -v d="$dir" '$5 == d || index($5, d "/") == 1 { print $5 }' /proc/self/mountinfo | sort -r
}

# Unmounts everything at or below $1; fails if something stays mounted.
swift_unmount_under() {
    local m
    for m in $(swift_mounts_under "$1"); do
        umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
    done
    [ -z "$(swift_mounts_under "$1")" ]
}

# Debian mirror: AIRBYTE_SWIFT_MIRROR, else the first non-security Debian mirror apt already uses
# on this machine (deb822 `URIs:` or one-line `deb URL suite` entries), else deb.debian.org.
swift_mirror() {
    if [ -n "${AIRBYTE_SWIFT_MIRROR:-}" ]; then
        echo "$AIRBYTE_SWIFT_MIRROR"
        return
    fi
    local url
    url="$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
        | awk '/^[[:space:]]*#/ { next }
               /^URIs:/ { for (i = 2; i <= NF; i++) print $i }
               /^deb[[:space:]]/ { sub(/\[[^]]*\]/, ""); print $2 }' \
        | grep -E '/debian/?$' | grep -v -- '-security' | head -n 1)"
    echo "${url:-http://deb.debian.org/debian}"
}

# Long steps run in a session (and process group) of their own, in the background, so that a
# script that is told to stop can stop them at once, children included, by their group id.
# swift_run_group CMD... : runs CMD so, waits, and returns its status. SWIFT_GROUP holds the
# running group's id meanwhile; the script's exit trap calls swift_stop_group "$SWIFT_GROUP".
SWIFT_GROUP=""
swift_run_group() {
    local status=0
    setsid "$@" &
    SWIFT_GROUP=$!
    wait "$SWIFT_GROUP" || status=$?
    SWIFT_GROUP=""
    return "$status"
}

# Stops process group $1 (TERM, then KILL after 5 s) and waits until it is gone.
swift_stop_group() {
    local pgid="${1:-}"
    [ -n "$pgid" ] || return 0
    kill -TERM -- "-$pgid" 2>/dev/null || return 0
    for _ in $(seq 1 50); do
        kill -0 -- "-$pgid" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -KILL -- "-$pgid" 2>/dev/null || true
    for _ in $(seq 1 50); do
        kill -0 -- "-$pgid" 2>/dev/null || return 0
        sleep 0.1
    done
}
