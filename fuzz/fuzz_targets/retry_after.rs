//! Fuzz target `retry_after`: the property is `oracles::retry_after::check` (see its module docs).
#![no_main]

#[path = "../oracles/mod.rs"]
#[allow(dead_code)]
mod oracles;

libfuzzer_sys::fuzz_target!(|data: &[u8]| oracles::retry_after::check(data));
