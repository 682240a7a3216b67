#!/usr/bin/env bash
# Builds the C library and installs it under a prefix, with a pkg-config file:
#
#   PREFIX/include/airbyte_embedded.h
#   PREFIX/lib/libairbyte_embedded_ffi.a     (static: link with -lm -lpthread -ldl)
#   PREFIX/lib/libairbyte_embedded_ffi.so    (shared)
#   PREFIX/lib/pkgconfig/airbyte-embedded.pc
#
# Then: export PKG_CONFIG_PATH=PREFIX/lib/pkgconfig
#       cc app.c $(pkg-config --cflags --libs airbyte-embedded)
#
# Usage: ffi/install.sh [--prefix DIR] [--release] [--no-build]
#   --prefix DIR  where to install (default /usr/local)
#   --release     build and install the release profile (default: debug)
#   --no-build    install what is already built
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
prefix=/usr/local
profile=debug
build=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --prefix) prefix="$2"; shift 2 ;;
        --prefix=*) prefix="${1#--prefix=}"; shift ;;
        --release) profile=release; shift ;;
        --no-build) build=0; shift ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd)"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
libdir="$target_dir/$profile"

if [[ $build -eq 1 ]]; then
    flags=(--locked --manifest-path "$root/Cargo.toml" -p airbyte-embedded-ffi)
    [[ $profile == release ]] && flags+=(--release)
    cargo build --quiet "${flags[@]}"
fi

version="$(sed -n 's/^#define AIRBYTE_EMBEDDED_VERSION "\(.*\)"$/\1/p' "$root/include/airbyte_embedded.h")"
install -d "$prefix/include" "$prefix/lib/pkgconfig"
install -m 644 "$root/include/airbyte_embedded.h" "$prefix/include/"
install -m 644 "$libdir/libairbyte_embedded_ffi.a" "$prefix/lib/"
install -m 755 "$libdir/libairbyte_embedded_ffi.so" "$prefix/lib/"
sed -e "s|@PREFIX@|$prefix|" -e "s|@VERSION@|$version|" "$root/ffi/airbyte-embedded.pc.in" \
    >"$prefix/lib/pkgconfig/airbyte-embedded.pc"
echo "installed airbyte-embedded $version ($profile) under $prefix"
