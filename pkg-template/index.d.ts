// Types of the chatkit-glue package. This file is the published contract; the
// WebAssembly bindings behind it are internal.

/** The stable `code` of every failure chatkit-glue raises. */
export type GlueErrorCode =
  | "unauthorized"
  | "bad_request"
  | "rate_limited"
  | "server_error"
  | "network"
  | "timeout"
  | "aborted"
  | "bad_response"
  | "refresh_loop"
  | "invalid_params"
  | "unknown_tool"
  | "tool_failed"
  | "invalid_result"
  | "invalid_config"
  | "load_failed"
  | "internal";

/**
 * Every failure the library raises: an `Error` whose `name` is `"ChatKitGlueError"`.
 * Its message, hint and cause never contain a client secret, token, Authorization
 * value or API key.
 */
export interface ChatKitGlueError extends Error {
  readonly name: "ChatKitGlueError";
  readonly code: GlueErrorCode;
  /** Whether the same operation may succeed if tried again. */
  readonly retryable: boolean;
  /** The HTTP status behind the failure, when there was one. */
  readonly status?: number;
  /** What to change to fix it, written for the developer. */
  readonly hint?: string;
  readonly cause?: unknown;
}

/** True for every failure chatkit-glue raises (also across realms). */
export declare function isGlueError(value: unknown): value is ChatKitGlueError;

/**
 * Starts loading the WebAssembly module early in a browser (for example when the chat
 * button renders). Does nothing on the server. Optional: every API loads it on first
 * need.
 */
export declare function preload(): void;

/**
 * Resolves once the WebAssembly module is loaded. Rejects with a `ChatKitGlueError` of
 * code `"load_failed"` whose `hint` says why (a Content-Security-Policy without
 * `'wasm-unsafe-eval'`, the `.wasm` URL answering an error, no WebAssembly).
 */
export declare function ready(): Promise<void>;

export interface WithTimeoutOptions {
  /** Aborting it rejects with code `"aborted"` and aborts the signal handed to `work`. */
  signal?: AbortSignal;
}

/**
 * Runs `work` with a deadline of `ms` milliseconds (0 to 2147483647).
 *
 * - Past the deadline it rejects with code `"timeout"` and aborts the signal handed to
 *   `work`, so a `fetch` given that signal is cancelled.
 * - When `options.signal` fires it rejects with code `"aborted"` (the signal's reason
 *   is the error's `cause`).
 * - The work's own value or rejection passes through unchanged.
 * - Timers and listeners are released as soon as it settles.
 * - A bad `ms`, `work` or `options` rejects with code `"invalid_config"`.
 */
export declare function withTimeout<T>(
  work: PromiseLike<T> | ((signal: AbortSignal) => PromiseLike<T> | T),
  ms: number,
  options?: WithTimeoutOptions,
): Promise<T>;

// ---- Client secrets (hosted ChatKit) ----

/** What a `ClientSecretSource` reports to `onEvent`. It never carries the secret. */
export type SecretEvent = {
  kind: "secret";
  /** The endpoint of the request (`/refresh` may fall back to `/start` after a 401). */
  op: "start" | "refresh";
  /** `request`: the first request of a fetch; `retry`: every later one (with the
   * `status`/`code` the previous one ended with); `success`/`failure`: the end. */
  phase: "request" | "retry" | "success" | "failure";
  /** 1-based request count within the fetch (0 when it failed before any request). */
  attempt: number;
  /** From the start of the fetch, on `success` and `failure`. */
  durationMs?: number;
  status?: number;
  code?: GlueErrorCode;
};

export interface ClientSecretSourceOptions {
  /** POST `{}` answering `{ client_secret, expires_after?, expires_at? }`. Default `"/api/chatkit/start"`; absolute in Node. */
  startUrl?: string;
  /** POST `{ currentClientSecret }`, same answer. Default `"/api/chatkit/refresh"`; absolute in Node. */
  refreshUrl?: string;
  /** The app's token, sent as `Authorization: Bearer <token>`; null sends none. Asked again once after a 401/403. Throwing fails the call with `"unauthorized"` (its error is `cause`). */
  authToken?: () => string | null | Promise<string | null>;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** Default `"same-origin"`. */
  credentials?: RequestCredentials;
  /** Per attempt, until the answer is read. Default 10000. */
  timeoutMs?: number;
  /** Retries on network error, timeout, 408, 429 and 5xx (unless the answer says `retryable: false`). Integer 0 to 10, default 3. */
  retries?: number;
  /** Across all attempts and the waits between them. Default 30000. */
  totalTimeoutMs?: number;
  /** A cached secret this close to expiry is not handed out; never more than half its lifetime. Default 60000. */
  refreshMarginMs?: number;
  /** Least time between two requests. Default max(5000, 10% of the secret's lifetime). */
  minRefreshIntervalMs?: number;
  /** Observer: errors it throws never break the fetch. */
  onEvent?: (event: SecretEvent) => void;
}

/**
 * Fetches, caches and refreshes hosted ChatKit client secrets. Create it once (module
 * scope or `useState(() => new ClientSecretSource())`); the constructor does no I/O and
 * throws `"invalid_config"` for bad options.
 *
 * ```ts
 * const secrets = new ClientSecretSource({ authToken: () => session.token });
 * useChatKit({ api: { getClientSecret: secrets.getClientSecret } });
 * ```
 */
export declare class ClientSecretSource {
  constructor(options?: ClientSecretSourceOptions);
  /**
   * Bound and stable. Resolves to a non-empty secret or rejects with a
   * `ChatKitGlueError`. Concurrent calls share one request; a cached secret newer than
   * `currentClientSecret` and still fresh is returned with no request.
   */
  readonly getClientSecret: (currentClientSecret: string | null) => Promise<string>;
  /** Starts fetching a secret early in a browser; does nothing on the server. */
  prefetch(): void;
  /** The cached secret's expiry (epoch ms on the local clock), or null. */
  expiresAt(): number | null;
  /** Aborts the request in flight (it rejects with `"aborted"`) and forgets the secret. */
  clear(): void;
  /**
   * `clear()`, and every later call rejects with `"aborted"`. Where the runtime has
   * `Symbol.dispose`, `[Symbol.dispose]()` does the same (not declared here, so the
   * types compile without the `esnext.disposable` lib).
   */
  dispose(): void;
}

// ---- Session handlers (server side) ----

export interface SessionHandlersOptions {
  /** `process.env.OPENAI_API_KEY`. Unset, every request answers 500 `misconfigured`. */
  apiKey: string | undefined;
  /** `process.env.CHATKIT_WORKFLOW_ID` (wf_...). Unset, every request answers 500 `misconfigured`. */
  workflowId: string | undefined;
  /** Default `https://api.openai.com` (a trailing `/v1` is accepted). */
  baseUrl?: string;
  /** Verifies the app's session or JWT and returns the user id; null answers 401 with no upstream call. */
  resolveUser: (request: Request) => string | null | Promise<string | null>;
  /** Session lifetime in seconds, 1 to 600 (OpenAI's default: 600). */
  expiresAfterSeconds?: number;
  /** ChatKit requests per minute for the session (`rate_limits.max_requests_per_1_minute`). */
  maxRequestsPerMinute?: number;
  /** Enables file uploads in the session (`chatkit_configuration.file_upload.enabled`). */
  fileUpload?: boolean;
  /** Until OpenAI's answer is read; past it the handler answers 504. Default 10000. */
  timeoutMs?: number;
}

/** A web-standard route handler (Next.js App Router, Node runtime). */
export type SessionHandler = (request: Request) => Promise<Response>;

export interface SessionHandlers {
  /** `app/api/chatkit/start/route.ts`: `export const POST = chatkit.start;` */
  readonly start: SessionHandler;
  /** `app/api/chatkit/refresh/route.ts`: `export const POST = chatkit.refresh;` Mints a new session (OpenAI has no refresh). */
  readonly refresh: SessionHandler;
  /** `app/api/chatkit/[action]/route.ts`: `export const POST = chatkit.POST;` Dispatches on the last path segment. */
  readonly POST: SessionHandler;
}

/**
 * Route handlers that mint ChatKit sessions with `POST {baseUrl}/v1/chatkit/sessions`
 * and answer `{ client_secret, expires_at, expires_after }`, or
 * `{ error: { code, message, hint?, retryable } }` (401 not signed in, 429 rate limited,
 * 502 OpenAI refused or failed, 504 OpenAI timed out). Never the key or OpenAI's body.
 * Throws `"invalid_config"` for options of the wrong type.
 */
export declare function createSessionHandlers(options: SessionHandlersOptions): SessionHandlers;
