//! Leak tests: creating and disposing 10k of each object the facade keeps in the module
//! leaves the wasm heap at its baseline.

use super::alloc::live_bytes;
use chatkit_glue::bind::analytics::{
    analytics_dispose, analytics_due, analytics_free, analytics_new, analytics_observe,
    analytics_settle, analytics_take,
};
use chatkit_glue::bind::auth_fetch::{
    auth_fetch_begin, auth_fetch_end, auth_fetch_free, auth_fetch_new, auth_fetch_status,
    auth_fetch_token,
};
use chatkit_glue::bind::io::io_reserve;
use chatkit_glue::bind::secrets::{secrets_free, secrets_new};
use chatkit_glue::bind::tools::{tools_compile, tools_free, tools_unknown, tools_validate};
use chatkit_glue::core::record::{self, Field};

/// Runs `round` once to warm up, then 10k times, and checks the heap came back.
fn ten_thousand(what: &str, mut round: impl FnMut()) {
    round();
    let baseline = live_bytes();
    for _ in 0..10_000 {
        round();
    }
    assert_eq!(live_bytes(), baseline, "wasm heap bytes after 10k {what}");
}

pub fn analytics_cores() {
    // As the facade writes them: the options as a plain value (tag 6 object, 3 number,
    // 4 string, 5 function, 7 array), then one event through the queue and its batch.
    let mut options = vec![6];
    options.extend_from_slice(&5u32.to_le_bytes());
    let key = |out: &mut Vec<u8>, k: &str| {
        out.extend_from_slice(&(k.len() as u32).to_le_bytes());
        out.extend_from_slice(k.as_bytes());
    };
    for (k, n) in [("batchSize", 5.0f64), ("maxQueue", 10.0)] {
        key(&mut options, k);
        options.push(3);
        options.extend_from_slice(&n.to_le_bytes());
    }
    key(&mut options, "sessionId");
    options.push(4);
    key(&mut options, "s1");
    key(&mut options, "redactKeys");
    options.extend_from_slice(&[7, 1, 0, 0, 0, 4]);
    key(&mut options, "x_api");
    key(&mut options, "sink");
    options.push(5);
    ten_thousand("analytics engines created, used and freed", || {
        let handle = analytics_new(put(&options), 0.0);
        assert_eq!(handle % 2.0, 1.0, "valid options, sending");
        let handle = (handle / 2.0) as u32;
        // A run of one event: its numbers (data kind JSON, the type's length, at, mono,
        // no duration), then its text.
        let mut event: Vec<u8> = [1.0, 5.0, 1.0, 1.0, f64::NAN]
            .iter()
            .flat_map(|n: &f64| n.to_le_bytes())
            .collect();
        event.extend_from_slice(b"{\"x_api\":\"k\",\"n\":1}\x1ftrack");
        let queued = analytics_observe(handle, put(event), 1, 1.0);
        assert_eq!(queued, 4.0, "queued, due after the interval");
        assert!(analytics_due(handle, 1.0) > 0.0);
        let id = analytics_take(handle, 1, 1.0, 1.0);
        assert!(id > 0.0, "a batch");
        assert_eq!(
            analytics_settle(handle, id as u32, 200, 2.0, 2.0, 0.5, put("\x1f")),
            0.0
        );
        assert_eq!(analytics_dispose(handle, 3.0, 3.0), 0.0);
        analytics_free(handle);
    });
}

/// Writes `bytes` into the module's I/O buffer as the facade does; returns their length.
pub fn put(bytes: impl AsRef<[u8]>) -> usize {
    let bytes = bytes.as_ref();
    let at = io_reserve(bytes.len());
    assert!(!at.is_null(), "room for the input");
    // SAFETY: io_reserve made `bytes.len()` bytes of room at `at`.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), at, bytes.len()) };
    bytes.len()
}

/// `{ [key]: string | function }` as the facade writes it (`core::record`).
fn options(entries: &[(&str, Option<&str>)]) -> Vec<u8> {
    record::encode(&Field::Object(
        entries
            .iter()
            .map(|(key, value)| {
                let v = value.map_or(Field::Function, |t| Field::Str(t.into()));
                ((*key).to_owned(), v)
            })
            .collect(),
    ))
}

pub fn secret_sources() {
    let options = options(&[
        ("startUrl", Some("https://app.example/start")),
        ("refreshUrl", Some("https://app.example/refresh")),
        ("authToken", None),
    ]);
    ten_thousand("secret sources created and freed", || {
        let handle = secrets_new(put(&options), false, 0.5);
        assert!(handle >= 0.0, "valid options");
        secrets_free(handle as u32);
    });
}

pub fn auth_fetches() {
    // As the facade writes them: [options, the page origin, each entry as URL.href].
    let options = record::encode(&Field::Array(vec![
        Field::Object(vec![
            (
                "allowedOrigins".into(),
                Field::Array(vec![Field::Str("https://api.example.com".into())]),
            ),
            ("token".into(), Field::Function),
        ]),
        Field::Str(String::new()),
        Field::Str("https://api.example.com/".into()),
    ]));
    ten_thousand("auth fetches created, used and freed", || {
        let handle = auth_fetch_new(put(&options));
        assert!(handle >= 0.0, "valid options");
        let handle = handle as u32;
        let begun = auth_fetch_begin(handle, put("https://api.example.com/x"), false);
        assert_eq!(begun % 2.0, 1.0, "the token goes");
        let id = (begun / 2.0) as u32;
        assert!(auth_fetch_token(id, 1, put("t")) > 0);
        assert_eq!(auth_fetch_status(id, 200), 0.0);
        auth_fetch_end(id);
        auth_fetch_free(handle);
    });
}

pub fn tool_schemas() {
    // The facade hands the schema over as JSON text, then the `schemas` documents and the
    // tool's name: a pydantic-style schema with `$defs`, `$ref`, `anyOf` with null and a
    // reference into a registered document.
    let schema = r##"{"$defs":{"Tag":{"enum":["a","b"]}},"type":"object","properties":{"url":{"type":"string","format":"uri","maxLength":2000},"n":{"anyOf":[{"type":"integer","minimum":0},{"type":"null"}]},"tags":{"type":"array","items":{"$ref":"#/$defs/Tag"},"uniqueItems":true},"at":{"$ref":"https://example.com/place"}},"required":["url"],"additionalProperties":false}"##;
    let remotes = r#"{"https://example.com/place":{"type":"object","properties":{"city":{"type":"string"}}}}"#;
    let compile = [schema, "\0", remotes, "\0leak_probe"].concat();
    ten_thousand("tool schemas compiled, used and freed", || {
        let handle = tools_compile(put(&compile), false);
        assert!(handle >= 0.0, "a valid schema");
        let handle = handle as u32;
        assert_eq!(
            tools_validate(
                handle,
                put(r#"{"url":"https://a.example/","n":null,"tags":["a"],"at":{"city":"Oslo"}}"#)
            ),
            0
        );
        assert!(tools_validate(handle, put(r#"{"url":"https://a.example/","n":-1}"#)) < 0);
        assert!(
            tools_validate(
                handle,
                put(r#"{"url":"https://a.example/","at":{"city":1}}"#)
            ) < 0
        );
        assert!(tools_validate(handle, put("{")) < 0);
        assert!(tools_unknown(put(r#"["leak_prob","leak_probe"]"#)) < 0);
        tools_free(handle);
    });
}

/// The modules' allocator on real linear memory: a recurring mix of allocations stops
/// growing memory after its first round, and every block is usable and aligned.
pub fn the_allocator_reuses_what_is_freed() {
    let round = || {
        let blocks: Vec<Vec<u64>> = (1..200).map(|n| vec![n as u64; n * 7 % 300 + 1]).collect();
        for (n, b) in blocks.iter().enumerate() {
            assert_eq!(b.as_ptr() as usize % 8, 0);
            assert!(b.iter().all(|&x| x == n as u64 + 1));
        }
        let text: String = (0..500)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        assert_eq!(text.len(), 500);
    };
    round();
    let pages = core::arch::wasm32::memory_size(0);
    for _ in 0..1_000 {
        round();
    }
    assert_eq!(
        core::arch::wasm32::memory_size(0),
        pages,
        "memory pages after 1000 rounds"
    );
}
