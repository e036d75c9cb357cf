// The soak's trap phase (tests/js/soak/run.mjs): every feature at work against a
// fault-injecting server of its own, as on the soak page, in a tab of its own; then one
// module is made to trap with a real `unreachable` (the way tests/js/pages/trap.js does:
// the page keeps a copy of each module's exports as it is instantiated and replaces one
// export), while calls of its feature are in flight, and the loops go on. Every call is
// recorded with a sequence number at its start and at its settling, and the trap's own
// number, so the driver can tell the calls pending at the trap and those made after it.
const exportsOf = {};
const streaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = async (source, imports) => {
  const response = await source;
  const { instance, module } = await streaming(response, imports);
  const name = /chatkit_glue_(\w+)_bg\.wasm/.exec(response.url)?.[1] || "unknown";
  const copy = (exportsOf[name] = { ...instance.exports });
  return { instance: { exports: copy }, module };
};
// (module (func (export "t") unreachable))
const unreachable = new WebAssembly.Instance(
  new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 116, 0, 0, 10, 5, 1, 3, 0, 0, 11])),
).exports.t;

const { ChatKitAnalytics, ClientSecretSource, ClientTools, createAuthFetch } = await import("chatkit-glue");

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const rand = (a, b) => a + Math.random() * (b - a);

/** The export made to trap in each module: one the feature calls on every operation. */
const TRAPS = { secrets: "secrets_reply", auth_fetch: "auth_fetch_status", tools: "tools_validate", analytics: "analytics_settle" };
/** The feature each module serves. */
const FEATURES = { secrets: "secrets", auth_fetch: "fetch", tools: "tools", analytics: "analytics" };

let tick = 0;
const state = {
  running: false,
  loops: [],
  /** By feature: { s: sequence at the start, e: at the settling, o: "ok" or the code, n: settlings }. */
  calls: { secrets: [], fetch: [], tools: [], analytics: [] },
  trap: { module: null, export: null, armedAt: null, firedAt: null, fired: 0, afterFire: 0 },
  violations: [],
  onError: {},
  scanned: 0,
  leaks: [],
};
const SECRET = /ek_soak_|tok-soak-|tok-app-/;
const note = (e) => {
  const text = typeof e === "string" ? e : e instanceof Error ? `${e.name} ${e.code ?? ""} ${e.message} ${e.hint ?? ""} ${e.stack ?? ""}` : String(e);
  state.scanned++;
  if (SECRET.test(text) && state.leaks.length < 20) state.leaks.push(text.slice(0, 300));
};

/**
 * Runs one call of `feature`, recording its start, its settling (once) and its outcome.
 * `run(c)` may set `c.h` (an auth fetch: when it resolved with its response, before its
 * body is read).
 */
function call(feature, run, limit) {
  const c = { s: ++tick, e: null, o: null, n: 0 };
  state.calls[feature].push(c);
  const watchdog = setTimeout(() => state.violations.push(`a ${feature} call unsettled after ${limit} ms`), limit);
  const settle = (o) => {
    clearTimeout(watchdog);
    c.n++;
    if (c.n > 1) state.violations.push(`a ${feature} call settled twice`);
    c.e = ++tick;
    c.o = o;
    return o;
  };
  let p;
  try {
    p = Promise.resolve(run(c));
  } catch (error) {
    p = Promise.reject(error);
  }
  return p.then(
    (v) => settle(v),
    (error) => {
      note(error);
      return settle(error?.code ?? "not-a-glue-error");
    },
  );
}

const analytics = new ChatKitAnalytics({
  endpoint: "/api/collect",
  batchSize: 10,
  flushIntervalMs: 300,
  sendTimeoutMs: 1500,
  onError: (error, { source }) => {
    const key = `${source}:${error.code ?? "error"}`;
    state.onError[key] = (state.onError[key] || 0) + 1;
    note(error);
  },
});
const record = (event) => {
  note(JSON.stringify(event));
  analytics.record(event);
};

let appTokens = 0;
const secretOptions = () => ({
  timeoutMs: 1500,
  retries: 2,
  totalTimeoutMs: 6000,
  authToken: () => `tok-app-${++appTokens}-${Math.random().toString(36).slice(2, 8)}`,
  onEvent: record,
});
const SECRET_LIMIT = 2 * 6000 + 2 * 5000 + 5000;
const sources = [new ClientSecretSource(secretOptions()), new ClientSecretSource(secretOptions())];
const held = [null, null];
const getSecret = (source, current) =>
  call("secrets", () => source.getClientSecret(current).then(() => "ok"), SECRET_LIMIT);
async function secretLoop(k) {
  while (state.running) {
    await sleep(rand(200, 1200));
    const current = Math.random() < 0.5 ? held[k] : null;
    await call(
      "secrets",
      () =>
        sources[k].getClientSecret(current).then((s) => {
          held[k] = s;
          return "ok";
        }),
      SECRET_LIMIT,
    );
  }
}

let bearer = null;
const realFetch = window.fetch;
const newToken = async () => (bearer = (await (await realFetch("/api/token", { method: "POST" })).json()).token);
const authFetch = createAuthFetch({ token: () => bearer, refreshToken: newToken, headersTimeoutMs: 1500, idleTimeoutMs: 800, onEvent: record });
const FETCH_LIMIT = 1500 + 7 * 800 + 5000;
// One auth fetch: the request and the whole body; "ok" when the stream ran to its end.
const stream = (k) =>
  call(
    "fetch",
    async (c) => {
      const response = await authFetch(`/api/stream?loop=${k}`);
      c.h = ++tick;
      if (response.status !== 200) {
        await response.body?.cancel();
        return `status-${response.status}`;
      }
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let text = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      return text.includes("data: done") ? "ok" : "ended-early";
    },
    FETCH_LIMIT,
  );
async function fetchLoop(k) {
  while (state.running) {
    await sleep(rand(50, 400));
    await stream(k);
  }
}

const numberParams = { type: "object", properties: { n: { type: "integer", minimum: 0 } }, required: ["n"], additionalProperties: false };
const tools = new ClientTools({ defaultTimeoutMs: 1000, onEvent: record })
  .register("fast", { parameters: numberParams, handler: ({ n }) => ({ n }) })
  .register("slow", {
    parameters: numberParams,
    handler: async ({ n }) => {
      await sleep(rand(300, 600));
      return { n };
    },
  })
  .register("flaky", { handler: ({ n }) => (Math.random() < 0.3 ? Promise.reject(new TypeError("flaky tool failed")) : { n }) });
const TOOL_LIMIT = 1000 + 5000;
const dispatch = (name) =>
  call("tools", async () => {
    const outcome = await tools.dispatch({ name, params: { n: Math.floor(rand(0, 100)) } });
    return outcome?.error ? outcome.error.code : "ok";
  }, TOOL_LIMIT);
async function toolLoop() {
  const names = ["fast", "fast", "slow", "flaky"];
  while (state.running) {
    await sleep(rand(50, 300));
    await dispatch(names[Math.floor(Math.random() * names.length)]);
  }
}

// Analytics: events from every feature and its own; flush() is its call that settles.
const FLUSH_LIMIT = 1500 * 4 + 30000 + 5000;
const flush = () => call("analytics", () => analytics.flush().then(() => "ok"), FLUSH_LIMIT);
async function analyticsLoop() {
  let n = 0;
  while (state.running) {
    await sleep(rand(100, 500));
    analytics.track("soak.trap.tick", { n: ++n, token: bearer });
    if (n % 3 === 0) await flush();
  }
}

window.trapTab = {
  async start() {
    await newToken();
    state.running = true;
    state.loops = [secretLoop(0), secretLoop(1), fetchLoop(1), fetchLoop(2), toolLoop(), toolLoop(), analyticsLoop()];
  },
  modules: () => Object.keys(exportsOf).sort(),
  /**
   * Starts calls of `module`'s feature that will be in flight (a slow tool's handler, a
   * secret request, a stream's headers, a flush waiting on a send), then makes the
   * module's export trap on its next call.
   */
  arm(module) {
    const feature = FEATURES[module];
    if (feature === "secrets") for (let i = 0; i < 3; i++) getSecret(new ClientSecretSource(secretOptions()), null);
    if (feature === "fetch") for (let i = 0; i < 3; i++) stream(`burst-${i}`);
    if (feature === "tools") for (let i = 0; i < 3; i++) dispatch("slow");
    if (feature === "analytics") {
      for (let i = 0; i < 5; i++) analytics.track("soak.trap.burst", { i });
      for (let i = 0; i < 3; i++) flush();
    }
    const name = TRAPS[module];
    const copy = exportsOf[module];
    if (!copy || typeof copy[name] !== "function") throw new Error(`no export ${name} in module ${module}`);
    Object.assign(state.trap, { module, export: name, armedAt: ++tick });
    copy[name] = () => {
      state.trap.fired++;
      state.trap.firedAt ??= ++tick;
      state.trap.firedTime ??= Date.now();
      // The first task after the trap's: every microtask of the trap's task has run.
      setTimeout(() => (state.trap.afterFire ||= ++tick), 0);
      return unreachable();
    };
    // The tools module is called at a dispatch's start: one more so the trap fires now,
    // with the slow ones in their handlers.
    if (feature === "tools") dispatch("fast");
  },
  fired: () => state.trap.fired > 0,
  firedTime: () => state.trap.firedTime,
  /** Whether every feature but `module`'s has had a call made after the trap succeed. */
  othersOk(module) {
    const fired = state.trap.firedAt;
    return Object.entries(state.calls).every(([f, calls]) => f === FEATURES[module] || calls.some((c) => c.s > fired && c.o === "ok"));
  },
  /** Stops the loops and waits for every call to settle (each has its watchdog). */
  async stop() {
    state.running = false;
    await Promise.all(state.loops);
    const all = Object.values(state.calls).flat();
    const end = Date.now() + 60000;
    while (all.some((c) => c.n === 0) && Date.now() < end) await sleep(100);
    return all.filter((c) => c.n === 0).length;
  },
  report() {
    let metrics;
    try {
      metrics = analytics.metrics();
    } catch (error) {
      metrics = error.code; // `internal` once the analytics module trapped
    }
    return { calls: state.calls, trap: state.trap, violations: state.violations, onError: state.onError, scanned: state.scanned, leaks: state.leaks, metrics };
  },
};
window.trapTabReady = true;
