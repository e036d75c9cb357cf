//! Fuzz target `origin`: the property is `oracles::origin::check` (see its module docs).
#![no_main]

#[path = "../oracles/mod.rs"]
#[allow(dead_code)]
mod oracles;

libfuzzer_sys::fuzz_target!(|data: &[u8]| oracles::origin::check(data));
