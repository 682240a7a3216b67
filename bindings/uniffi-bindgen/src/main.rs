//! `uniffi-bindgen`, pinned to the workspace's uniffi version so the generated code always
//! matches the library (`scripts/generate-bindings` and maturin both run it).
//!
//! `cargo run -p uniffi-bindgen -- generate target/debug/libairbyte_embedded.so --language
//! kotlin --out-dir …` (given a library rather than a UDL file, it reads the library's metadata).

#![forbid(unsafe_code)]

fn main() {
    uniffi::uniffi_bindgen_main()
}
