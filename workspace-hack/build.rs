//! Empty: it exists so that `[build-dependencies]` take part in the build (they unify the
//! features of syn and of what build scripts and proc-macros use).

fn main() {}
