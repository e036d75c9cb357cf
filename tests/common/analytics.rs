//! `ChatKitAnalytics`' run of events: several events' numbers and text cross in one
//! `analytics_observe` call, as the facade stages them, and each comes out whole and in
//! order, with every error the run raised reported once, in order.

use super::leak::put;
use chatkit_glue::bind::analytics::{
    analytics_error, analytics_free, analytics_metrics, analytics_new, analytics_observe,
    analytics_take,
};
use chatkit_glue::bind::io::{io_len, io_ptr};

/// The buffer's text (an answer).
fn text() -> String {
    // SAFETY: io_ptr/io_len describe the buffer's initialised bytes.
    let bytes = unsafe { std::slice::from_raw_parts(io_ptr(), io_len()) };
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

/// One event as the facade stages it: data kind, its JSON, its type, `mono` (NaN for a
/// type the core does not time).
struct Event<'a>(u8, &'a str, &'a str, f64);

/// The run as the facade writes it: every event's five numbers, then the text.
fn run(events: &[Event]) -> Vec<u8> {
    let mut numbers = Vec::new();
    let mut text = String::new();
    for (i, Event(kind, json, kind_name, mono)) in events.iter().enumerate() {
        // What JavaScript's `length` counts: UTF-16 code units.
        let units = kind_name.encode_utf16().count() as f64;
        for n in [f64::from(*kind), units, 1_000.0 + i as f64, *mono, f64::NAN] {
            numbers.extend_from_slice(&n.to_le_bytes());
        }
        text.push_str(json);
        text.push('\x1f');
        text.push_str(kind_name);
    }
    numbers.extend_from_slice(text.as_bytes());
    numbers
}

pub fn a_run_of_events_crosses_in_one_call() {
    // { sink, sessionId: "s", batchSize: 100, maxBatchBytes: 600 }
    let mut options = vec![6];
    options.extend_from_slice(&4u32.to_le_bytes());
    let key = |out: &mut Vec<u8>, k: &str| {
        out.extend_from_slice(&(k.len() as u32).to_le_bytes());
        out.extend_from_slice(k.as_bytes());
    };
    key(&mut options, "sink");
    options.push(5);
    key(&mut options, "sessionId");
    options.push(4);
    key(&mut options, "s");
    for (k, n) in [("batchSize", 100.0f64), ("maxBatchBytes", 600.0)] {
        key(&mut options, k);
        options.push(3);
        options.extend_from_slice(&n.to_le_bytes());
    }
    let handle = analytics_new(put(&options), 0.0);
    assert_eq!(handle % 2.0, 1.0, "valid options, sending");
    let handle = (handle / 2.0) as u32;

    let big = ["{\"t\":\"", &"x".repeat(700), "\"}"].concat();
    let events = [
        // A type holding the separator, a character outside the BMP (two UTF-16 units)
        // and the replacement character `encodeInto` writes for a lone surrogate.
        Event(1, "{\"a\":1}", "α\x1fβ🙂\u{fffd}", f64::NAN),
        Event(2, "", "cyclic", f64::NAN),
        Event(0, "", "response.start", 10.0),
        Event(1, &big, "big", f64::NAN),
        Event(1, "{\"sk\":\"sk-0123456789abcdef\"}", "response.end", 25.0),
        Event(0, "", "last", f64::NAN),
    ];
    let answer = analytics_observe(handle, put(run(&events)), events.len(), 30.0);
    assert_eq!(answer % 2.0, 1.0, "errors are pending");
    assert_eq!(
        answer,
        1.0 + 2.0 * 2.0,
        "and a send is due later (the interval)"
    );
    // Both errors, in order, once each.
    let mut errors = Vec::new();
    while analytics_error(handle) < 0 {
        errors.push(text().split('\x1f').next().unwrap_or("").to_owned());
    }
    assert_eq!(errors, ["invalid_config", "bad_request"]);

    assert!(analytics_take(handle, 1, 2_000.0, 40.0) > 0.0, "a batch");
    let body = text();
    let types: Vec<&str> = body
        .split("\"type\":\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap_or(""))
        .collect();
    assert_eq!(
        types,
        [
            "α\\u001fβ🙂\u{fffd}",
            "response.start",
            "response.end",
            "last"
        ],
        "{body}"
    );
    assert!(body.contains("\"data\":{\"a\":1}"), "{body}");
    assert!(
        body.contains("\"durationMs\":15,\"data\":{\"sk\":\"[redacted]\"}"),
        "{body}"
    );
    assert!(
        body.contains("\"at\":1005"),
        "each event keeps its own time: {body}"
    );
    // SAFETY: analytics_metrics answers the address of 16 f64s.
    let metrics = unsafe { std::slice::from_raw_parts(analytics_metrics(handle), 16) };
    assert_eq!(
        (metrics[0], metrics[6]),
        (1.0, 15.0),
        "one response of 15 ms"
    );
    assert_eq!(
        metrics[13], 2.0,
        "the unencodable and the too big event are dropped"
    );
    analytics_free(handle);
}
