//! No code. This crate's dependencies pin one feature set for crates that the workspace's
//! packages would otherwise build with different features; see its `Cargo.toml`.

#![no_std]
#![forbid(unsafe_code)]
