//! Fuzz target `analytics_encode`: the property is `oracles::analytics_encode::check` (see its module docs).
#![no_main]

#[path = "../oracles/mod.rs"]
#[allow(dead_code)]
mod oracles;

libfuzzer_sys::fuzz_target!(|data: &[u8]| oracles::analytics_encode::check(data));
