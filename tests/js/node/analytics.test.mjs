// ChatKitAnalytics in Node (a route handler or script recording events): the same
// facade, with the module loaded synchronously on first use.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ChatKitAnalytics, composeHandlers, isGlueError } from "chatkit-glue";

test("records, pairs, redacts and delivers to a sink in Node", async () => {
  const batches = [];
  const a = new ChatKitAnalytics({ sink: (b) => void batches.push(b), sessionId: "node-session", flushIntervalMs: 60_000 });
  const h = a.handlers();
  h.onResponseStart();
  h.onResponseEnd();
  a.track("server.event", { apiKey: "sk-live-0123456789abcdef", ok: true });
  await a.flush();
  const events = batches.flat();
  assert.deepEqual(events.map((e) => e.type), ["response.start", "response.end", "server.event"]);
  assert.deepEqual(events[2].data, { apiKey: "[redacted]", ok: true });
  assert.equal(events[0].sessionId, "node-session");
  assert.equal(new Set(events.map((e) => e.id)).size, 3, "ids are unique");
  assert.equal(a.metrics().responses, 1);
  assert.equal(a.metrics().sent, 3);
  a.dispose();
  const e = await a.flush().catch((e) => e);
  assert.ok(isGlueError(e) && e.code === "aborted");
});

test("a composed handler that throws never stops the others", () => {
  const seen = [];
  const composed = composeHandlers({ onReady: () => { throw new Error("boom"); }, onError: ({ error }) => seen.push(error.message) }, { onReady: () => seen.push("second") });
  composed.onReady();
  assert.deepEqual(seen, ["boom", "second"]);
  assert.throws(() => composeHandlers({ onReady: 5 }), (e) => e.code === "invalid_config");
});

test("event data crosses as its JSON: toJSON honoured, redaction at every depth and after line breaks, a cycle dropped and reported", async () => {
  const batches = [];
  const errors = [];
  const a = new ChatKitAnalytics({
    sink: (b) => void batches.push(b),
    flushIntervalMs: 60_000,
    redactKeys: ["x-internal"],
    beforeSend: (e) => (e.type === "edited" ? { ...e, data: { note: "now Bearer abc.def", session_id: 7 } } : undefined),
    onError: (error, { source }) => errors.push([error.code, source]),
  });
  a.track("deep", { when: { toJSON: () => "sk-abcdefghijklmnopq" }, list: [{ X_Internal: [1] }, "a\nek_0123456789abcdef"], n: 1 });
  const cycle = { name: "loop" };
  cycle.self = cycle;
  a.track("cyclic", cycle);
  a.track("edited", { n: 2 });
  await a.flush();
  const events = batches.flat();
  assert.deepEqual(events.map((e) => e.type), ["deep", "edited"]);
  assert.deepEqual(events[0].data, { when: "[redacted]", list: [{ X_Internal: "[redacted]" }, "a\n[redacted]"], n: 1 });
  assert.deepEqual(events[1].data, { note: "now Bearer [redacted]", session_id: "[redacted]" }, "what beforeSend returns is redacted again");
  assert.deepEqual(errors, [["invalid_config", "queue"]]);
  assert.equal(a.metrics().dropped, 1);
  a.dispose();
});

test("a burst crosses in runs: every event delivered once and in order, staged events counted, overflow dropped and reported once", async () => {
  const batches = [];
  const a = new ChatKitAnalytics({ sink: (b) => void batches.push(b), batchSize: 100, maxQueue: 2000, flushIntervalMs: 60_000 });
  // More events than one run holds, then a type holding the separator, a character
  // outside the BMP and a lone surrogate (UTF-8 has no such thing: it arrives as U+FFFD).
  for (let i = 0; i < 1000; i++) a.track("e", { i });
  a.track("α\x1fβ🙂\ud800", { last: true });
  assert.equal(a.metrics().queued, 1001, "what the task staged is counted at once");
  await a.flush();
  const events = batches.flat();
  assert.equal(events.length, 1001);
  assert.deepEqual(events.slice(0, 1000).map((e) => e.data.i), [...Array(1000).keys()]);
  assert.equal(events[1000].type, "α\x1fβ🙂\ufffd");
  assert.deepEqual(events[1000].data, { last: true });
  assert.equal(new Set(events.map((e) => e.id)).size, 1001);
  assert.deepEqual([a.metrics().sent, a.metrics().dropped], [1001, 0]);
  a.dispose();

  // A burst past maxQueue in one task: the oldest are dropped, counted, reported once.
  const kept = [];
  const errors = [];
  const b = new ChatKitAnalytics({ sink: (x) => void kept.push(...x), maxQueue: 10, batchSize: 10, flushIntervalMs: 60_000, onError: (e) => errors.push(e.code) });
  for (let i = 0; i < 50; i++) b.track("n", { i });
  assert.equal(b.metrics().dropped, 40);
  await b.flush();
  assert.deepEqual(kept.map((e) => e.data.i), [...Array(10).keys()].map((k) => k + 40));
  assert.deepEqual(errors, ["bad_request"]);
  assert.deepEqual([b.metrics().sent, b.metrics().dropped, b.metrics().queued], [10, 40, 0]);
  b.dispose();
});

test("events staged while a run is handed over (from beforeSend) follow it, in order", async () => {
  const batches = [];
  let echoed = false;
  const c = new ChatKitAnalytics({
    sink: (b) => void batches.push(b),
    flushIntervalMs: 60_000,
    beforeSend: (e) => {
      if (e.type === "x" && !echoed) {
        echoed = true;
        c.track("echo");
      }
    },
  });
  c.track("x");
  c.track("y");
  await c.flush();
  assert.deepEqual(batches.flat().map((e) => e.type), ["x", "y", "echo"]);
  c.dispose();
});
