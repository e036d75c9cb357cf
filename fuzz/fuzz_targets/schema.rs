//! Fuzz target `schema`: the property is `oracles::schema::check` (see its module docs).
#![no_main]

#[path = "../oracles/mod.rs"]
#[allow(dead_code)]
mod oracles;

libfuzzer_sys::fuzz_target!(|data: &[u8]| oracles::schema::check(data));
