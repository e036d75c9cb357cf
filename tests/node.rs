//! The shared wasm tests in Node.
#![cfg(target_arch = "wasm32")]

mod common;

#[global_allocator]
static ALLOC: common::alloc::Counting = common::alloc::Counting::new();

use wasm_bindgen_test::*;

include!("common/cases.rs");
