//! Replays every committed fuzz corpus (`fuzz/corpus/<target>/`) through the same
//! oracle its fuzz target checks (`fuzz/oracles/`), as an ordinary stable test: the
//! inputs the fuzzer kept (and every regression it found) stay checked on every run.
//! `scripts/fuzz` runs the targets themselves (nightly, cargo-fuzz); see
//! `docs/fuzzing.md`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/oracles/mod.rs"]
mod oracles;

use std::path::Path;

/// Runs `target`'s oracle on every file of its corpus; returns how many there were.
fn replay(target: &str, check: fn(&[u8])) -> usize {
    replay_dir("fuzz/corpus", target, check)
}

/// Runs `check` on every file of `<base>/<target>/`; returns how many there were.
fn replay_dir(base: &str, target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(base)
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a corpus entry").path())
        .collect();
    files.sort();
    // The oracle panics with its reason (printed); every failing file is named.
    let failed: Vec<String> = files
        .iter()
        .filter(|f| {
            let data = std::fs::read(f).expect("a corpus file");
            std::panic::catch_unwind(|| check(&data)).is_err()
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        failed.is_empty(),
        "{target}: failing its oracle: {failed:#?}"
    );
    files.len()
}

fn run(target: &str) {
    let (_, check) = oracles::TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .expect("a known target");
    // A thread with room for the oracle's recursion on deeply nested JSON.
    let name = target.to_owned();
    let n = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || replay(&name, *check))
        .expect("a thread")
        .join()
        .expect("the replay finished");
    assert!(n > 0, "{target}: the corpus is empty");
}

#[test]
fn json_parse() {
    run("json_parse");
}

#[test]
fn origin() {
    run("origin");
}

#[test]
fn retry_after() {
    run("retry_after");
}

#[test]
fn session_answer() {
    run("session_answer");
}

#[test]
fn analytics_encode() {
    run("analytics_encode");
}

#[test]
fn http_date() {
    run("http_date");
}

#[test]
fn schema() {
    run("schema");
    // Every schema the generator writes is compiled (a refusal fails in the oracle).
    let (compared, refused) = oracles::schema::stats();
    println!("schema: {compared} compared with jsonschema, {refused} refused");
    assert!(compared > 0, "no schema input was compared");
    assert_eq!(refused, 0, "the core refused a draft 2020-12 schema");
}

#[test]
fn every_target_has_a_test() {
    let names: Vec<&str> = oracles::TARGETS.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names,
        [
            "json_parse",
            "origin",
            "retry_after",
            "session_answer",
            "analytics_encode",
            "http_date",
            "schema"
        ]
    );
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(2000))]

    /// `multipleOf` on numbers as JSON text carries them (up to 16 significant digits,
    /// any exponent a tool parameter would use, and past 10^±22) against `jsonschema`'s
    /// verdict, which reads both as their shortest decimals.
    #[test]
    fn multiple_of_agrees_with_jsonschema(
        quotient in 0u64..1_000_000_000,
        extra in proptest::sample::select(vec![0u64, 0, 1, 5, 50]),
        divisor_digits in 1u64..10_000,
        divisor_exp in -8i32..4,
        value_exp in -6i32..6,
        negative in proptest::bool::ANY,
    ) {
        // Mostly true multiples (quotient * divisor), some off by a little.
        let digits = quotient * divisor_digits + extra;
        let value: f64 = format!("{}{digits}e{}", if negative { "-" } else { "" }, divisor_exp + value_exp.min(0)).parse().unwrap();
        let divisor: f64 = format!("{divisor_digits}e{divisor_exp}").parse().unwrap();
        let schema = serde_json::json!({ "multipleOf": divisor });
        let oracle = jsonschema::draft202012::new(&schema).unwrap().is_valid(&serde_json::json!(value));
        let core = chatkit_glue::core::schema::number::is_multiple_of(value, divisor);
        proptest::prop_assert_eq!(core, oracle, "{} multipleOf {}", value, divisor);
    }
}
