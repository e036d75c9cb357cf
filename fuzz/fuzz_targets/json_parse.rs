//! Fuzz target `json_parse`: the property is `oracles::json_parse::check` (see its module docs).
#![no_main]

#[path = "../oracles/mod.rs"]
#[allow(dead_code)]
mod oracles;

libfuzzer_sys::fuzz_target!(|data: &[u8]| oracles::json_parse::check(data));
