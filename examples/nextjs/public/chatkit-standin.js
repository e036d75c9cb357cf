// The chatkit-glue example's stand-in for ChatKit's web component: a minimal
// `<openai-chatkit>` that the example offers when ChatKit's own script (from OpenAI's CDN)
// cannot load, for example offline. It is not OpenAI's ChatKit, and says so wherever it
// shows. It follows the published `OpenAIChatKit` interface of `@openai/chatkit`:
// `setOptions(options)` with a full option set, the `chatkit.*` CustomEvents, and the
// methods the React bindings forward (`sendUserMessage`, `setThreadId`, ...).
//
// Custom backend (`api.url`, optional `api.fetch`): speaks ChatKit's protocol through
// `options.api.fetch` to the app's ChatKit server: `threads.create` /
// `threads.add_user_message`, reads the SSE stream, calls `options.onClientTool({ name,
// params })` on a pending `client_tool_call` item, posts `threads.add_client_tool_output`
// exactly once with its result, and reads the reply. The transcript shows each step.
//
// Hosted (`api.getClientSecret`): the chat runs an Agent Builder workflow on OpenAI's
// servers, which this stand-in cannot reach, so it shows no chat and says why. What it
// shows is the client secret's life as the page's `getClientSecret` handles it: the first
// secret, and every later answer. Real ChatKit asks for a new secret shortly before its
// secret expires; the stand-in cannot read a secret's expiry, so it asks
// `getClientSecret(null)` every POLL_MS and lets the page's secret source decide (its
// cached secret while it is fresh, a refreshed one inside its refresh margin). "Report
// the secret expired" calls `getClientSecret(current)` as ChatKit does when OpenAI
// rejects a secret: the source's refresh guard may answer from its cache.
//
// What it did is recorded on `window.__chatkitStandin` for the tests: never a secret or a
// token (secrets are recorded by number and length only).
(() => {
  if (customElements.get("openai-chatkit")) return;

  /** How often the hosted stand-in asks for a usable secret. */
  const POLL_MS = 2_000;

  const state = {
    options: null,
    setOptionsCalls: 0,
    secrets: [], // { current: null | "secret #n", ok, secret?: n, fresh?: boolean, at, length? }
    requests: [], // protocol request types sent
    statuses: [], // HTTP statuses received
    events: [], // chatkit.* events dispatched
    messages: [], // assistant message texts received
    toolCalls: [], // { name, params, result }
    errors: [],
    threadId: null,
    element: null,
    expire: async () => {
      const el = state.element;
      if (!el) throw new Error("no openai-chatkit element");
      return el._fetchSecret(el._secret ?? null, "expired");
    },
  };
  window.__chatkitStandin = state;

  const STYLE = `
    :host { display: block; color-scheme: light dark; --bg: #ffffff; --fg: #0f172a; --muted: #475569;
      --line: #e2e8f0; --soft: #f8fafc; --accent: #4338ca; --accent-fg: #ffffff; --warn-bg: #fffbeb;
      --warn-fg: #78350f; --warn-line: #f59e0b; --ok: #166534; --bad: #b91c1c; }
    @media (prefers-color-scheme: dark) {
      :host { --bg: #0b1120; --fg: #e2e8f0; --muted: #94a3b8; --line: #1e293b; --soft: #111827;
        --accent: #818cf8; --accent-fg: #0b1120; --warn-bg: #2a1f06; --warn-fg: #fde68a; --warn-line: #b45309;
        --ok: #4ade80; --bad: #f87171; }
    }
    * { box-sizing: border-box; }
    .frame { display: flex; flex-direction: column; height: 100%; background: var(--bg); color: var(--fg);
      font: 14px/1.5 ui-sans-serif, system-ui, sans-serif; }
    .label { margin: 0; padding: 10px 14px; background: var(--warn-bg); color: var(--warn-fg);
      border-bottom: 1px solid var(--warn-line); font-size: 13px; }
    .label strong { font-weight: 600; }
    .body { flex: 1; overflow-y: auto; padding: 16px; display: flex; flex-direction: column; gap: 10px; }
    .empty { color: var(--muted); margin: auto; text-align: center; max-width: 28rem; }
    .msg { max-width: 85%; padding: 8px 12px; border-radius: 14px; white-space: pre-wrap; overflow-wrap: anywhere; }
    .user { align-self: flex-end; background: var(--accent); color: var(--accent-fg); }
    .assistant { align-self: flex-start; background: var(--soft); border: 1px solid var(--line); }
    .tool { align-self: stretch; border: 1px dashed var(--line); border-radius: 10px; padding: 8px 12px; font-size: 13px; }
    .tool h3 { margin: 0 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
    .tool dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; }
    .tool dt { color: var(--muted); }
    .tool dd { margin: 0; font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
    .error { color: var(--bad); }
    .composer { display: flex; gap: 8px; padding: 12px; border-top: 1px solid var(--line); }
    .composer input { flex: 1; min-width: 0; padding: 9px 12px; border-radius: 10px; border: 1px solid var(--line);
      background: var(--soft); color: var(--fg); font: inherit; }
    .composer input:focus-visible, button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
    button { padding: 8px 14px; border-radius: 10px; border: 0; background: var(--accent); color: var(--accent-fg);
      font: inherit; font-weight: 600; cursor: pointer; }
    button[disabled] { opacity: .6; cursor: progress; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .why { margin: 0; color: var(--muted); }
    .why strong { color: var(--fg); }
    ol.secrets { margin: 0; padding: 0; list-style: none; display: flex; flex-direction: column; gap: 6px; }
    ol.secrets li { border: 1px solid var(--line); border-radius: 10px; padding: 6px 10px; font-size: 13px; }
    .fresh { color: var(--ok); font-weight: 600; }
    code { font-family: ui-monospace, monospace; font-size: 12.5px; }
  `;

  function parseSse(text) {
    const events = [];
    for (const block of text.split(/\r?\n\r?\n/)) {
      const data = block
        .split(/\r?\n/)
        .filter((l) => l.startsWith("data:"))
        .map((l) => l.slice(5).trimStart())
        .join("\n");
      if (data) events.push(JSON.parse(data));
    }
    return events;
  }

  const json = (v) => {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  };
  const clock = () => new Date().toLocaleTimeString([], { hour12: false });

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "text") node.textContent = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) node.append(c);
    return node;
  }

  class OpenAIChatKitStandIn extends HTMLElement {
    /** How the example tells this element from OpenAI's. */
    static isChatKitGlueStandIn = true;

    constructor() {
      super();
      this._options = null;
      this._secret = null;
      this._secretNo = 0;
      this._ready = false;
      this._mode = null;
      this._poll = null;
      this._queue = Promise.resolve();
      const root = this.attachShadow({ mode: "open" });
      root.innerHTML = `<style>${STYLE}</style><div class="frame" part="frame">
        <p class="label" role="note" data-testid="standin-label"><strong>ChatKit stand-in</strong>, not OpenAI's ChatKit:
        ChatKit's script could not load, so this page uses chatkit-glue's minimal element that speaks ChatKit's protocol.</p>
        <div class="body" part="log" data-testid="standin-log" role="log" aria-live="polite" aria-label="Conversation"></div>
      </div>`;
      this._body = root.querySelector(".body");
      this._frame = root.querySelector(".frame");
    }

    disconnectedCallback() {
      clearInterval(this._poll);
      this._poll = null;
    }

    connectedCallback() {
      if (this._mode === "hosted" && !this._poll) this._startPolling();
    }

    _emit(name, detail) {
      state.events.push(name);
      this.dispatchEvent(new CustomEvent(name, { detail, bubbles: false, composed: false }));
    }

    _add(node) {
      this._body.querySelector(".empty")?.remove();
      this._body.append(node);
      this._body.scrollTop = this._body.scrollHeight;
      return node;
    }

    _fail(error) {
      const message = String(error?.message ?? error);
      state.errors.push(message);
      if (this._mode === "custom") this._add(el("p", { class: "msg assistant error", role: "alert", text: `Error: ${message}` }));
      this._emit("chatkit.error", { error: error instanceof Error ? error : new Error(message) });
    }

    setOptions(options) {
      // ChatKit takes a full option set each time (no merging).
      state.setOptionsCalls += 1;
      state.options = options;
      state.element = this;
      this._options = options;
      if (!options || !options.api) return this._fail(new Error("setOptions: options.api is required"));
      const hosted = typeof options.api.getClientSecret === "function";
      if (!this._ready) {
        this._ready = true;
        this._mode = hosted ? "hosted" : "custom";
        this.dataset.mode = this._mode;
        if (hosted) this._renderHosted();
        else this._renderCustom();
        queueMicrotask(async () => {
          if (hosted) {
            await this._fetchSecret(null, "start");
            this._startPolling();
          }
          this._emit("chatkit.ready", undefined);
          this._emit("chatkit.log", { name: "standin.ready", data: { mode: this._mode } });
        });
      }
    }

    // -- custom backend ------------------------------------------------------------------

    _renderCustom() {
      this._add(
        el("p", {
          class: "empty",
          text: 'Try "add note hello" (a client tool call), "open link https://example.com" or any text (echoed by the example ChatKit server).',
        }),
      );
      const form = el("form", { class: "composer", "data-testid": "standin-composer" });
      const id = "standin-message";
      form.append(
        el("label", { for: id, class: "sr", text: "Message" }),
        el("input", { id, name: "message", autocomplete: "off", placeholder: "Message the example server…", required: "" }),
        el("button", { type: "submit", text: "Send" }),
      );
      form.addEventListener("submit", (e) => {
        e.preventDefault();
        const input = form.querySelector("input");
        const text = input.value.trim();
        if (!text) return;
        input.value = "";
        void this.sendUserMessage({ text });
      });
      this._frame.append(form);
    }

    async _post(body) {
      const api = this._options.api;
      const doFetch = typeof api.fetch === "function" ? api.fetch : fetch;
      state.requests.push(body.type);
      const res = await doFetch(api.url, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
        body: JSON.stringify(body),
      });
      state.statuses.push(res.status);
      if (!res.ok) throw new Error(`ChatKit backend answered HTTP ${res.status} to ${body.type}`);
      return parseSse(await res.text());
    }

    // Handles one streamed response; returns the pending client tool call, if any.
    _consume(events) {
      let pending = null;
      for (const ev of events) {
        if (ev.type === "thread.created") {
          state.threadId = ev.thread.id;
          this._emit("chatkit.thread.change", { threadId: ev.thread.id });
        } else if (ev.type === "thread.item.done" && ev.item?.type === "assistant_message") {
          const text = (ev.item.content ?? []).map((c) => c.text ?? "").join("");
          state.messages.push(text);
          this._add(el("p", { class: "msg assistant", "data-testid": "standin-assistant", text }));
        } else if (ev.type === "thread.item.done" && ev.item?.type === "client_tool_call" && ev.item.status === "pending") {
          pending = ev.item;
        } else if (ev.type === "error") {
          this._fail(new Error(`stream error: ${ev.code ?? "unknown"}`));
        }
      }
      return pending;
    }

    _toolCard(name, params) {
      const dl = el("dl");
      const row = (k, v) => {
        const dd = el("dd", { text: v });
        dl.append(el("dt", { text: k }), dd);
        return dd;
      };
      row("params", json(params));
      const result = row("result", "…");
      const card = el("section", { class: "tool", "data-testid": "standin-tool-call", "aria-label": `Client tool call ${name}` },
        el("h3", { text: `client tool · ${name}` }), dl);
      this._add(card);
      return (value) => (result.textContent = json(value));
    }

    async _send(text) {
      if (this._mode !== "custom") {
        this._fail(new Error("hosted ChatKit's chat runs at OpenAI; this stand-in cannot send messages there"));
        return;
      }
      this._add(el("p", { class: "msg user", text }));
      const input = { content: [{ type: "input_text", text }], attachments: [], inference_options: {} };
      this._emit("chatkit.response.start", undefined);
      try {
        let pending = this._consume(
          await this._post(
            state.threadId
              ? { type: "threads.add_user_message", params: { thread_id: state.threadId, input } }
              : { type: "threads.create", params: { input } },
          ),
        );
        while (pending) {
          const params = pending.arguments ?? {};
          const show = this._toolCard(pending.name, params);
          let result;
          if (typeof this._options.onClientTool !== "function") {
            result = { error: "no onClientTool handler" };
          } else {
            try {
              result = await this._options.onClientTool({ name: pending.name, params });
            } catch (err) {
              // ChatKit reports a throwing handler as an error and sends no output.
              show({ error: String(err?.message ?? err) });
              this._fail(err);
              return;
            }
          }
          show(result);
          state.toolCalls.push({ name: pending.name, params, result });
          // Exactly once per call: a second output would be an error on the server.
          pending = this._consume(
            await this._post({
              type: "threads.add_client_tool_output",
              params: { thread_id: state.threadId, result },
            }),
          );
        }
      } catch (err) {
        this._fail(err);
      } finally {
        this._emit("chatkit.response.end", undefined);
      }
    }

    // -- hosted --------------------------------------------------------------------------

    _renderHosted() {
      this._add(
        el("p", { class: "why", "data-testid": "standin-hosted-why" },
          el("strong", { text: "No chat here: " }),
          "hosted ChatKit runs your Agent Builder workflow on OpenAI's servers, which this stand-in cannot reach. " +
            "What it can show is chatkit-glue's part: the client secret, fetched through getClientSecret, refreshed " +
            "before it expires, and the refresh guard. The secret itself is never shown."),
      );
      this._secretList = this._add(el("ol", { class: "secrets", "data-testid": "standin-secrets", "aria-label": "Client secrets" }));
      const button = el("button", { type: "button", "data-testid": "standin-expire", text: "Report the secret expired" });
      button.addEventListener("click", () => void state.expire());
      this._frame.append(el("div", { class: "composer" },
        el("p", { class: "why", text: "As ChatKit does when OpenAI rejects a secret: getClientSecret(current)." }), button));
    }

    _startPolling() {
      clearInterval(this._poll);
      this._poll = setInterval(() => {
        if (this._secret && !this._busy) void this._fetchSecret(null, "check");
      }, POLL_MS);
    }

    async _fetchSecret(current, why) {
      const entry = { current: current === null ? null : `secret #${this._secretNo}`, why, ok: false, at: Date.now() };
      this._busy = true;
      try {
        const secret = await this._options.api.getClientSecret(current);
        if (typeof secret !== "string" || !secret) throw new Error("getClientSecret resolved to no secret");
        const fresh = secret !== this._secret;
        if (fresh) this._secretNo += 1;
        this._secret = secret;
        Object.assign(entry, { ok: true, secret: this._secretNo, fresh, length: secret.length });
        // A periodic check that got the same secret back is not worth a line or a record.
        if (why !== "check" || fresh) {
          state.secrets.push(entry);
          this._secretLine(entry);
        }
        return true;
      } catch (err) {
        state.secrets.push(entry);
        this._secretLine(entry, err);
        this._fail(err);
        return false;
      } finally {
        this._busy = false;
      }
    }

    _secretLine(entry, err) {
      if (!this._secretList) return;
      const asked = `getClientSecret(${entry.current === null ? "null" : "current"})`;
      const reason = { start: "first secret", check: "periodic check", expired: "reported expired" }[entry.why] ?? entry.why;
      const li = el("li", { "data-testid": "standin-secret" });
      li.append(el("code", { text: clock() }), " · ", el("code", { text: asked }), ` (${reason}) → `);
      if (err) li.append(el("span", { class: "error", text: `failed: ${String(err?.message ?? err)}` }));
      else if (entry.fresh) li.append(el("span", { class: "fresh", text: `secret #${entry.secret}, new` }));
      else li.append(el("span", { text: `secret #${entry.secret} again (the source's cache: the refresh guard held the request back)` }));
      this._secretList.append(li);
    }

    // -- the element's methods -----------------------------------------------------------

    sendUserMessage({ text = "", newThread = false } = {}) {
      if (!this._options) return Promise.reject(new Error("setOptions was not called"));
      if (newThread) state.threadId = null;
      const run = this._queue.then(() => this._send(text));
      this._queue = run.catch(() => {});
      return run;
    }

    async setThreadId(threadId) {
      state.threadId = threadId;
      this._emit("chatkit.thread.change", { threadId });
    }
    async focusComposer() {
      this.shadowRoot.querySelector("input")?.focus();
    }
    async setComposerValue({ text = "" } = {}) {
      const input = this.shadowRoot.querySelector("input");
      if (input) input.value = text;
    }
    async fetchUpdates() {}
    async sendCustomAction() {}
    async showHistory() {
      this._emit("chatkit.history.open", undefined);
    }
    async hideHistory() {
      this._emit("chatkit.history.close", undefined);
    }
  }

  customElements.define("openai-chatkit", OpenAIChatKitStandIn);
})();
