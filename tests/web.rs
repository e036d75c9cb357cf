//! The shared wasm tests in headless Chromium.
#![cfg(target_arch = "wasm32")]

mod common;

#[global_allocator]
static ALLOC: common::alloc::Counting = common::alloc::Counting::new();

use wasm_bindgen_test::*;
wasm_bindgen_test_configure!(run_in_browser);

include!("common/cases.rs");
