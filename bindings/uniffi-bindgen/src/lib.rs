//! No code: the package is a binary (`src/main.rs`). The library target lets the facade
//! crate name this package as a dev-dependency, so that the Python sdist (which carries the
//! facade's path dependencies) carries the `uniffi-bindgen` that maturin runs to generate the
//! bindings.
