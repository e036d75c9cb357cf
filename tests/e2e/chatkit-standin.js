// A stand-in for ChatKit's web component, served by the e2e tests (Playwright
// `page.route`) at ChatKit's own script URL, because the real script cannot load here.
// It follows the published `OpenAIChatKit` interface of `@openai/chatkit` (types/index.d.ts):
// `setOptions(options)` with a full option set, the `chatkit.*` CustomEvents, and the
// methods the React bindings forward (`sendUserMessage`, `setThreadId`, ...).
//
// Hosted mode (`api.getClientSecret`): calls `getClientSecret(null)` once set up, and
// `getClientSecret(current)` when the test forces an expiry (`__chatkitStandin.expire()`).
// A message then stands for a turn of the hosted workflow (which runs at OpenAI): it
// needs a secret, and "open link <url>" / "add note <text>" make it call
// `onClientTool` and answer with the result, as the example ChatKit server does.
// Custom mode (`api.url` + optional `api.fetch`): speaks ChatKit's protocol through
// `options.api.fetch` — `threads.create` / `threads.add_user_message`, reads the SSE
// stream, calls `options.onClientTool({ name, params })` on a pending `client_tool_call`
// item, posts `threads.add_client_tool_output` once with its result, and reads the reply.
//
// What it did is recorded on `window.__chatkitStandin` for the tests (never a secret or a
// token: secrets are recorded by length only).
(() => {
  const state = {
    options: null,
    setOptionsCalls: 0,
    secrets: [], // { current: null | "<n chars>", ok, length? }
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
      return el._fetchSecret(el._secret ?? null);
    },
  };
  window.__chatkitStandin = state;

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

  class OpenAIChatKitStandIn extends HTMLElement {
    constructor() {
      super();
      this._options = null;
      this._secret = null;
      this._ready = false;
      this._queue = Promise.resolve();
      this.attachShadow({ mode: "open" }).innerHTML =
        '<div part="log" data-testid="standin-log" style="font:13px monospace;white-space:pre-wrap"></div>';
    }

    _emit(name, detail) {
      state.events.push(name);
      this.dispatchEvent(new CustomEvent(name, { detail, bubbles: false, composed: false }));
    }

    _print(line) {
      const log = this.shadowRoot.querySelector("[part=log]");
      log.textContent += line + "\n";
    }

    _fail(error) {
      state.errors.push(String(error?.message ?? error));
      this._emit("chatkit.error", { error: error instanceof Error ? error : new Error(String(error)) });
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
        queueMicrotask(async () => {
          if (hosted) await this._fetchSecret(null);
          this._emit("chatkit.ready", undefined);
          this._emit("chatkit.log", { name: "standin.ready", data: { mode: hosted ? "hosted" : "custom" } });
        });
      }
    }

    async _fetchSecret(current) {
      const entry = { current: current === null ? null : `<${current.length} chars>`, ok: false };
      state.secrets.push(entry);
      try {
        const secret = await this._options.api.getClientSecret(current);
        if (typeof secret !== "string" || !secret) throw new Error("getClientSecret resolved to no secret");
        this._secret = secret;
        entry.ok = true;
        entry.length = secret.length;
        return true;
      } catch (err) {
        this._fail(err);
        return false;
      }
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
          this._print(`assistant: ${text}`);
        } else if (ev.type === "thread.item.done" && ev.item?.type === "client_tool_call" && ev.item.status === "pending") {
          pending = ev.item;
        } else if (ev.type === "error") {
          this._fail(new Error(`stream error: ${ev.code ?? "unknown"}`));
        }
      }
      return pending;
    }

    // Hosted mode: the workflow's turn, without a network (OpenAI is not reachable here).
    async _sendHosted(text) {
      state.requests.push("hosted.turn");
      if (!this._secret) throw new Error("hosted: no client secret");
      if (!state.threadId) {
        state.threadId = `thr_hosted_${state.requests.length}`;
        this._emit("chatkit.thread.change", { threadId: state.threadId });
      }
      const link = /\bopen link\s+(\S+)/i.exec(text);
      const note = /\badd note\s+(.+)/is.exec(text);
      const call = link ? { name: "open_link", params: { url: link[1] } } : note ? { name: "add_note", params: { text: note[1].trim() } } : null;
      let reply = `You said: ${text}`;
      if (call) {
        const result = await this._options.onClientTool(call);
        state.toolCalls.push({ ...call, result });
        reply = `Tool ${call.name} returned ${JSON.stringify(result)}`;
      }
      state.messages.push(reply);
      this._print(`assistant: ${reply}`);
    }

    async _send(text) {
      if (typeof this._options.api.getClientSecret === "function") {
        this._emit("chatkit.response.start", undefined);
        try {
          await this._sendHosted(text);
        } catch (err) {
          this._fail(err);
        } finally {
          this._emit("chatkit.response.end", undefined);
        }
        return;
      }
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
          let result;
          if (typeof this._options.onClientTool !== "function") {
            result = { error: "no onClientTool handler" };
          } else {
            try {
              result = await this._options.onClientTool({ name: pending.name, params });
            } catch (err) {
              // ChatKit reports a throwing handler as an error and sends no output.
              this._fail(err);
              return;
            }
          }
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
    async focusComposer() {}
    async setComposerValue() {}
    async fetchUpdates() {}
    async sendCustomAction() {}
    async showHistory() {
      this._emit("chatkit.history.open", undefined);
    }
    async hideHistory() {
      this._emit("chatkit.history.close", undefined);
    }
  }

  if (!customElements.get("openai-chatkit")) customElements.define("openai-chatkit", OpenAIChatKitStandIn);
})();
