//! chatkit-glue: the glue every OpenAI ChatKit integration carries, as a Rust core
//! compiled to WebAssembly with a thin JavaScript binding.
//!
//! - [`core`] is pure Rust: the error taxonomy, timeout policy and the rules the
//!   library applies. It never names `wasm_bindgen`, `JsValue` or `web_sys`, and is
//!   tested natively with `cargo test`.
//! - `bind` (only on `wasm32`) turns JavaScript values into core types and back, and
//!   owns promises, timers and `AbortSignal`s.
//!
//! The published JavaScript surface is the facade in `pkg-template/`; the exports of
//! `bind` are internal to the package.

// The shipped modules are `no_std`: no std panic machinery, no `fmt` of panic payloads
// (about 1.5 KB gzipped per module). Native tests and the wasm tests keep std.
#![cfg_attr(all(target_arch = "wasm32", feature = "small-alloc"), no_std)]

extern crate alloc;

pub mod core;

#[doc(hidden)]
pub mod heap;

// The shipped modules' allocator (scripts/build turns the feature on; the wasm tests
// install a counting wrapper of it instead).
#[cfg(all(target_arch = "wasm32", feature = "small-alloc"))]
#[global_allocator]
static ALLOCATOR: heap::SizeClasses = heap::SizeClasses::new();

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod bind;

/// A panic in a shipped module is a trap: the facade turns it into the module's one
/// `internal` error (docs/development.md, "Traps"); nothing is formatted.
#[cfg(all(target_arch = "wasm32", feature = "small-alloc"))]
#[panic_handler]
fn panic(_: &::core::panic::PanicInfo<'_>) -> ! {
    ::core::arch::wasm32::unreachable()
}
