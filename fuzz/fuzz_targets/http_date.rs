//! Fuzz target `http_date`: the property is `oracles::http_date::check` (see its module docs).
#![no_main]

#[path = "../oracles/mod.rs"]
#[allow(dead_code)]
mod oracles;

libfuzzer_sys::fuzz_target!(|data: &[u8]| oracles::http_date::check(data));
