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
