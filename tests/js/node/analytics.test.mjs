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
