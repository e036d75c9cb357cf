// The soak page (scripts/soak, tests/js/soak/run.mjs): every feature of the package at
// work at once against the fault-injecting server (tests/js/lib/soak-server.mjs), with
// what the checks need recorded as it goes: each secret request the page sends (numbered
// in an `x-soak-seq` header the server logs) and, in the same list, the end of each
// secret operation (its success or failure event); each call's outcome, every event and
// error (to look for secrets in), and the modules' wasm memory (each instance's exports
// are kept as it is instantiated, as tests/js/pages/trap.js does).
const instances = {};
const streaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = async (source, imports) => {
  const response = await source;
  const result = await streaming(response, imports);
  const name = /chatkit_glue_(\w+)_bg\.wasm/.exec(response.url)?.[1] || "unknown";
  instances[name] = result.instance.exports;
  return result;
};

const { ChatKitAnalytics, ClientSecretSource, ClientTools, createAuthFetch } = await import("chatkit-glue");

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const rand = (a, b) => a + Math.random() * (b - a);
const bump = (o, k) => (o[k] = (o[k] || 0) + 1);

/** The settings the soak runs with; the driver checks the guard against `guardMs`. */
const config = {
  secrets: { timeoutMs: 1500, retries: 3, totalTimeoutMs: 8000 },
  guardMs: 5000, // max(5 s, 10% of the 15 s lifetime): the refresh guard in force
  fetch: { headersTimeoutMs: 1500, idleTimeoutMs: 800 },
  analytics: { batchSize: 20, flushIntervalMs: 500, sendTimeoutMs: 2000 },
};

const state = {
  running: false,
  /**
   * Secret requests as the page sent them, { seq, at (Date.now()), path, auth }, and the
   * end of each operation, { end: "ok" or its error code, op, at }, in the order they
   * happened (one operation at a time: the source is single-flight).
   */
  sent: [],
  /** Every error text and event is searched for secrets as it happens (nothing kept). */
  scanned: 0,
  leaks: [],
  violations: [],
  // joined: calls that waited for an operation (their outcome is its outcome); cached:
  // calls answered with no operation.
  secrets: { calls: 0, outcomes: {}, joined: 0, cached: 0 },
  fetches: { calls: 0, outcomes: {}, chunks: 0 },
  // `open`: calls started and not ended (a call id leaves it at its end).
  tools: { calls: 0, settled: 0, outcomes: {}, open: new Map(), starts: 0, ends: 0, lateEvents: 0, aborted: 0 },
  analytics: { recorded: 0, errors: {}, messages: {} },
  loops: [],
};

const errorText = (e) => (e instanceof Error ? `${e.name} ${e.code ?? ""} ${e.message} ${e.hint ?? ""} ${e.stack ?? ""}` : String(e));
// Every secret the server hands out, every token, and every app token carry these prefixes.
const SECRET = /ek_soak_|tok-soak-|tok-app-/;
const note = (e) => {
  const text = typeof e === "string" ? e : errorText(e);
  state.scanned++;
  if (SECRET.test(text) && state.leaks.length < 20) state.leaks.push(text.slice(0, 300));
};

// The page's fetch: secret requests are logged with their time and Authorization, and
// numbered for the server's log.
const realFetch = window.fetch;
let secretSeq = 0;
window.fetch = (input, init) => {
  const request = input instanceof Request ? input : null;
  const url = String(request ? request.url : input);
  if (url.includes("/api/chatkit/")) {
    const headers = new Headers(init?.headers ?? request?.headers);
    const seq = ++secretSeq;
    const sent = { seq, at: Date.now(), path: new URL(url, location.href).pathname, auth: headers.get("authorization") };
    state.sent.push(sent);
    headers.set("x-soak-seq", String(seq));
    // How the request ended for the page: an answer read whole, or fetch or the body's
    // read failing (`error`: AbortError when the attempt timed out, TypeError when the
    // connection dropped), which the server's log cannot tell.
    const failed = (error) => {
      sent.error = error?.name ?? "error";
      throw error;
    };
    return realFetch(input, { ...init, headers }).then((response) => {
      sent.status = response.status;
      const text = response.text.bind(response);
      response.text = () => text().catch(failed);
      return response;
    }, failed);
  }
  return realFetch(input, init);
};

// Analytics first: every other feature's events are recorded into it.
const analytics = new ChatKitAnalytics({
  endpoint: "/api/collect",
  ...config.analytics,
  onError: (error, { source }) => {
    const key = `${source}:${error.code ?? "error"}`;
    bump(state.analytics.errors, key);
    state.analytics.messages[key] ??= String(error.message).slice(0, 200);
    note(error);
  },
});
const record = (event) => {
  note(JSON.stringify(event));
  state.analytics.recorded++;
  analytics.record(event);
};

// Client secrets: the app token changes with every fetch (asked once per fetch), so the
// fetch each request belongs to can be told from the log.
let appTokens = 0;
const secrets = new ClientSecretSource({
  ...config.secrets,
  authToken: () => `tok-app-${++appTokens}-${Math.random().toString(36).slice(2, 8)}`,
  onEvent: (e) => {
    if (e.phase === "success" || e.phase === "failure") state.sent.push({ end: e.code ?? "ok", op: e.op, at: Date.now() });
    record(e);
  },
});
let held = null;
async function secretLoop() {
  while (state.running) {
    await sleep(rand(200, 1500));
    state.secrets.calls++;
    // ChatKit passes its secret back when it needs a new one, null on a fresh start.
    const current = Math.random() < 0.5 ? held : null;
    // The longest a call can wait by the contract: the guard, then an operation (its
    // total time, the interval after an unusable secret, and a fresh total time), + 5 s.
    const limit = 2 * config.secrets.totalTimeoutMs + 2 * config.guardMs + 5000;
    const watchdog = setTimeout(() => state.violations.push(`a getClientSecret call unsettled after ${limit} ms`), limit);
    const from = state.sent.length;
    let outcome;
    try {
      const secret = await secrets.getClientSecret(current);
      outcome = "ok";
      if (secret.startsWith("ek_soak_exp_")) state.violations.push("getClientSecret resolved to a secret that was already expired when issued");
      held = secret;
    } catch (error) {
      outcome = error.code ?? "not-a-glue-error";
      note(error);
    } finally {
      clearTimeout(watchdog);
    }
    bump(state.secrets.outcomes, outcome);
    // The call's outcome is that of the operation it waited for (the one operation that
    // ended while it waited), or a cached secret when none ended.
    const ends = state.sent.slice(from).filter((x) => x.end);
    if (ends.length > 1) state.violations.push(`a getClientSecret call waited for ${ends.length} operations`);
    const expected = ends.length ? ends[0].end : "ok";
    if (outcome !== expected) state.violations.push(`a getClientSecret call ended ${outcome}, its operation ${expected}`);
    state.secrets[ends.length ? "joined" : "cached"]++;
  }
}

// The auth fetch: a token that the server rotates every few seconds, refreshed on 401.
let bearer = null;
const newToken = async () => (bearer = (await (await realFetch("/api/token", { method: "POST" })).json()).token);
const authFetch = createAuthFetch({ token: () => bearer, refreshToken: newToken, ...config.fetch, onEvent: record });
async function fetchLoop(k) {
  while (state.running) {
    await sleep(rand(50, 400));
    state.fetches.calls++;
    const limit = config.fetch.headersTimeoutMs + 7 * config.fetch.idleTimeoutMs + 5000;
    const watchdog = setTimeout(() => state.violations.push(`an auth fetch unsettled after ${limit} ms`), limit);
    try {
      const response = await authFetch(`/api/stream?loop=${k}`);
      if (response.status !== 200) {
        bump(state.fetches.outcomes, `status-${response.status}`);
        await response.body?.cancel();
        continue;
      }
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let text = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        state.fetches.chunks++;
        text += decoder.decode(value, { stream: true });
      }
      bump(state.fetches.outcomes, text.includes("data: done") ? "ok" : "ended-early");
    } catch (error) {
      bump(state.fetches.outcomes, error.code ?? error.name ?? "error");
      note(error);
    } finally {
      clearTimeout(watchdog);
    }
  }
}

// Client tools: fast, slow (some time out), failing, hanging and Standard Schema tools;
// unknown names and bad params now and then.
const tools = new ClientTools({
  defaultTimeoutMs: 300,
  onEvent: (e) => {
    const t = state.tools;
    if (e.phase === "start") {
      t.starts++;
      if (t.open.has(e.callId)) state.violations.push(`tool call ${e.callId} started twice`);
      t.open.set(e.callId, e.name);
    } else if (e.phase === "end") {
      t.ends++;
      if (!t.open.delete(e.callId)) state.violations.push(`tool call ${e.callId} ended twice, or without a start`);
    } else if (e.phase === "late") {
      t.lateEvents++;
      if (t.open.has(e.callId)) state.violations.push(`tool call ${e.callId} reported late before its end`);
    }
    record(e);
  },
});
const numberParams = { type: "object", properties: { n: { type: "integer", minimum: 0 } }, required: ["n"], additionalProperties: false };
tools
  .register("fast", { parameters: numberParams, handler: ({ n }) => ({ n }) })
  .register("slow", {
    parameters: numberParams,
    timeoutMs: 150,
    handler: async ({ n }, { signal }) => {
      await sleep(rand(0, 300));
      if (signal.aborted) state.tools.aborted++;
      return { n };
    },
  })
  .register("flaky", {
    handler: ({ n }) => {
      const r = Math.random();
      if (r < 0.3) throw new TypeError("flaky tool failed");
      if (r < 0.4) return { when: new Date() }; // not plain data: invalid_result
      return { n };
    },
  })
  .register("hang", { timeoutMs: 100, handler: () => new Promise(() => {}) })
  .register("std", {
    parameters: {
      "~standard": {
        version: 1,
        vendor: "soak",
        validate: async (v) => (await sleep(rand(0, 20)), typeof v?.n === "number" ? { value: v } : { issues: [{ message: "expected n", path: ["n"] }] }),
      },
    },
    handler: ({ n }) => ({ n }),
  });
const NAMES = ["fast", "fast", "slow", "flaky", "hang", "std", "missing"];
async function toolLoop() {
  while (state.running) {
    await sleep(rand(50, 400));
    const name = NAMES[Math.floor(Math.random() * NAMES.length)];
    const params = Math.random() < 0.15 ? { n: "not a number" } : { n: Math.floor(rand(0, 100)) };
    state.tools.calls++;
    const limit = 300 + 5000;
    const watchdog = setTimeout(() => state.violations.push(`a tool call unsettled after ${limit} ms`), limit);
    const outcome = await tools.dispatch({ name, params });
    clearTimeout(watchdog);
    state.tools.settled++;
    if (outcome && outcome.error) {
      bump(state.tools.outcomes, outcome.error.code);
      note(outcome.error.message);
    } else bump(state.tools.outcomes, "ok");
  }
}

// Analytics' own events, with secrets planted where redaction must remove them.
async function trackLoop() {
  while (state.running) {
    await sleep(rand(100, 600));
    state.analytics.recorded++;
    analytics.track("soak.tick", {
      n: state.analytics.recorded,
      token: bearer,
      note: held ? `handed ${held}` : "none",
      header: `Bearer ${bearer}`,
    });
  }
}

function memory() {
  const wasm = {};
  for (const [name, exports] of Object.entries(instances)) wasm[name] = exports.memory?.buffer.byteLength ?? 0;
  return { heap: performance.memory?.usedJSHeapSize ?? null, wasm };
}

window.soak = {
  config,
  memory,
  async start() {
    await newToken();
    state.running = true;
    state.loops = [
      secretLoop(),
      secretLoop(),
      secretLoop(),
      fetchLoop(1),
      fetchLoop(2),
      toolLoop(),
      toolLoop(),
      toolLoop(),
      trackLoop(),
    ];
  },
  /** Stops the loops and waits for the calls in flight to settle. */
  async stop() {
    state.running = false;
    await Promise.all(state.loops);
  },
  /** Flushes analytics until nothing is queued (the server is calm by then). */
  async drain(ms = 120000) {
    const end = Date.now() + ms;
    while (analytics.metrics().queued > 0 && Date.now() < end) {
      await analytics.flush();
      await sleep(200);
    }
    return analytics.metrics();
  },
  report() {
    return {
      sent: state.sent,
      scanned: state.scanned,
      leaks: state.leaks,
      violations: state.violations,
      secrets: state.secrets,
      fetches: state.fetches,
      tools: {
        calls: state.tools.calls,
        settled: state.tools.settled,
        outcomes: state.tools.outcomes,
        aborted: state.tools.aborted,
        lateEvents: state.tools.lateEvents,
        starts: state.tools.starts,
        ends: state.tools.ends,
        open: state.tools.open.size,
      },
      analytics: { recorded: state.analytics.recorded, errors: state.analytics.errors, messages: state.analytics.messages, metrics: analytics.metrics() },
    };
  },
};
window.soakReady = true;
