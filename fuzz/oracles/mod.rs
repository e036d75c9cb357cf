//! The properties the fuzz targets check, one module per target. Each `check` takes the
//! raw input and panics when the core disagrees with its oracle; the fuzz targets
//! (`fuzz/fuzz_targets/`) and the stable replay of the committed corpora
//! (`tests/fuzz_replay.rs`) call the same functions.

pub mod analytics_encode;
pub mod http_date;
pub mod json_parse;
pub mod origin;
pub mod retry_after;
pub mod schema;
pub mod session_answer;

/// A target's property: panics when the core and its oracle disagree on `data`.
pub type Check = fn(&[u8]);

/// The targets, by name (the folder of each corpus under `fuzz/corpus/`).
pub const TARGETS: [(&str, Check); 7] = [
    ("json_parse", json_parse::check),
    ("origin", origin::check),
    ("retry_after", retry_after::check),
    ("session_answer", session_answer::check),
    ("analytics_encode", analytics_encode::check),
    ("http_date", http_date::check),
    ("schema", schema::check),
];

/// The `n`th line of `text` (split on `\n`), or `""`.
pub fn line(text: &str, n: usize) -> &str {
    text.split('\n').nth(n).unwrap_or("")
}

/// What follows the first `n` lines of `text`, or `""`.
pub fn after_lines(text: &str, n: usize) -> &str {
    text.splitn(n + 1, '\n').nth(n).unwrap_or("")
}
