//! The module's I/O buffers: strings cross the boundary as UTF-8 in linear memory.
//!
//! The facade writes its input into the room [`io_reserve`] makes, then calls an export
//! with the byte length; an export that answers with text writes it to the output buffer
//! and returns its length, and the facade decodes it at [`io_ptr`]. Errors cross the
//! same way ([`fail`]): the export returns a negative number and the output buffer holds
//! the error's fields. No `JsValue`, no per-call closure.
//!
//! Input and output are two buffers so that the input's address changes only in
//! [`io_reserve`]: the facade keeps its view of that room across calls and reserves
//! again only when it needs more, or when memory grew (which detaches the view).

use crate::core::record::{decode, Field};
use crate::core::text::{push_u64, utf8};
use crate::core::GlueError;
use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::UnsafeCell;
use wasm_bindgen::prelude::*;

struct Buffer(UnsafeCell<Vec<u8>>);
// The module runs on one thread (wasm32 without shared memory) and no export re-enters
// another, so the buffer is never borrowed twice at once.
unsafe impl Sync for Buffer {}
static IN: Buffer = Buffer(UnsafeCell::new(Vec::new()));
static OUT: Buffer = Buffer(UnsafeCell::new(Vec::new()));

#[allow(clippy::mut_from_ref)]
fn buffer() -> &'static mut Vec<u8> {
    // SAFETY: see `Buffer`: one thread, and every borrow ends before the export returns.
    unsafe { &mut *IN.0.get() }
}

#[allow(clippy::mut_from_ref)]
fn answer() -> &'static mut Vec<u8> {
    // SAFETY: as `buffer`.
    unsafe { &mut *OUT.0.get() }
}

/// Makes room for `len` bytes of input and returns their address; 0 when the module
/// has no memory left for them (the facade raises `internal`).
#[wasm_bindgen]
pub fn io_reserve(len: usize) -> *mut u8 {
    // The buffer only grows: room made once is reused without zeroing it again, and an
    // export reads only the `len` bytes the facade says it wrote.
    let b = buffer();
    if b.len() < len {
        if b.try_reserve(len - b.len()).is_err() {
            return core::ptr::null_mut();
        }
        b.resize(len, 0);
    }
    b.as_mut_ptr()
}

/// Where the last answer's text starts.
#[wasm_bindgen]
pub fn io_ptr() -> *const u8 {
    answer().as_ptr()
}

/// The `len` bytes of input the facade wrote, as text (a copy, which the caller keeps). `None` when they are not UTF-8, which `encodeInto` never writes.
pub fn input(len: usize) -> Option<String> {
    let bytes = buffer().get(..len)?;
    utf8(bytes).map(str::to_owned)
}

/// Reads the `len` bytes of input as text in place, without a copy (empty when they are
/// not UTF-8, which `encodeInto` never writes).
pub fn with_text<T>(len: usize, f: impl FnOnce(&str) -> T) -> T {
    let bytes = buffer().get(..len).unwrap_or_default();
    f(utf8(bytes).unwrap_or_default())
}

/// Reads the `len` bytes of input in place, without a copy.
pub fn with_bytes<T>(len: usize, f: impl FnOnce(&[u8]) -> T) -> T {
    f(buffer().get(..len).unwrap_or_default())
}

/// The `len` bytes of input the facade wrote as a plain value (`core::record`); `None`
/// when they are malformed, which the facade never writes.
pub fn field(len: usize) -> Option<Field> {
    decode(buffer().get(..len)?)
}

/// Writes an answer's text; returns its length for the export to return.
pub fn output(text: &str) -> u32 {
    let b = answer();
    b.clear();
    b.extend_from_slice(text.as_bytes());
    text.len() as u32
}

/// Writes `err` as `code \x1f retryable \x1f status \x1f hint \x1f message` and returns
/// the negative length the export returns (`-1 - len`), so that any number below zero
/// means "an error is in the buffer".
pub fn fail(err: &GlueError) -> i32 {
    let b = answer();
    b.clear();
    let mut s = String::with_capacity(err.message.len() + 64);
    s.push_str(err.code.as_str());
    s.push('\x1f');
    s.push(if err.retryable { '1' } else { '0' });
    s.push('\x1f');
    if let Some(status) = err.status {
        push_u64(&mut s, u64::from(status));
    }
    s.push('\x1f');
    if let Some(hint) = &err.hint {
        s.push_str(hint);
    }
    s.push('\x1f');
    s.push_str(&err.message);
    b.extend_from_slice(s.as_bytes());
    -1 - s.len() as i32
}

/// The length of the last answer's text.
#[wasm_bindgen]
pub fn io_len() -> usize {
    answer().len()
}
