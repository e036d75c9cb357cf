// ClientSecretSource: getClientSecret for hosted ChatKit. The rules (options, cache,
// refresh guard, expiry, backoff, the 401 sequence) live in the module's SecretSource;
// this class creates it on first use (the constructor does nothing else, so it is safe
// at module scope and during SSR) and keeps getClientSecret a stable, bound function.
import { loadModule } from "#load";
import { DISPOSE, glueError, guard, guardAsync } from "./errors.js";

const state = new WeakMap();
// What the module's SecretSource sends with: [status, date, retryAfter, text].
const post = (url, init) =>
  fetch(url, init).then(async (r) => [r.status, r.headers.get("date"), r.headers.get("retry-after"), await r.text()]);
const aborted = () => glueError("aborted", "getClientSecret was aborted: clear() or dispose() was called");

/** An observer callback threw: the operation goes on; development logs it. */
export function observerFailed(name, error) {
  try {
    if (process.env.NODE_ENV === "production") return;
  } catch {
    // no `process` (a page without a bundler): development
  }
  console.error(`chatkit-glue: ${name} threw`, error);
}

function get(s, current) {
  if (s.disposed) return Promise.reject(aborted());
  const epoch = s.epoch;
  return loadModule().then((wasm) => {
    if (s.disposed || s.epoch !== epoch) throw aborted();
    s.engine ||= guard(() => new wasm.SecretSource(s.options, post));
    return guardAsync(() => s.engine.get(typeof current === "string" ? current : null));
  });
}

/** Fetches, caches and refreshes hosted ChatKit client secrets; see index.d.ts. */
export class ClientSecretSource {
  constructor(options) {
    const o = options && typeof options === "object" ? { ...options } : options;
    if (o && typeof o.onEvent === "function") {
      const onEvent = o.onEvent;
      o.onEvent = (event) => {
        try {
          onEvent(event);
        } catch (error) {
          observerFailed("onEvent", error);
        }
      };
    }
    const s = { options: o, engine: null, disposed: false, epoch: 0 };
    state.set(this, s);
    this.getClientSecret = (currentClientSecret) => get(s, currentClientSecret);
  }

  prefetch() {
    if (typeof document !== "undefined") this.getClientSecret(null).catch(() => {});
  }

  expiresAt() {
    const e = state.get(this).engine;
    return (e && guard(() => e.expiresAt())) ?? null;
  }

  clear() {
    const s = state.get(this);
    s.epoch++;
    if (s.engine) guard(() => s.engine.clear());
  }

  dispose() {
    const s = state.get(this);
    const e = s.engine;
    s.disposed = true;
    s.epoch++;
    s.engine = null;
    if (e) {
      guard(() => e.dispose());
      e.free();
    }
  }
  [DISPOSE]() {
    this.dispose();
  }

}

