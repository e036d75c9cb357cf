//! Fuzz target `session_answer`: the property is `oracles::session_answer::check` (see its module docs).
#![no_main]

#[path = "../oracles/mod.rs"]
#[allow(dead_code)]
mod oracles;

libfuzzer_sys::fuzz_target!(|data: &[u8]| oracles::session_answer::check(data));
