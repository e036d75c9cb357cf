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

// ---------------------------------------------------------------------------------------
// Auth fetch (custom backend): createAuthFetch

/** What `createAuthFetch` reports: token refreshes, replays after a 401, and timeouts. */
export type FetchEvent = {
  kind: "fetch";
  phase: "token_refresh" | "replay" | "timeout";
  /** The request's origin (`"https://api.example.com"`), never its path or query. */
  origin: string;
  /** 401 for a refresh or replay; the response's status for a body that stalled. */
  status?: number;
};

/** A function with `fetch`'s signature. */
export type AuthFetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface AuthFetchOptions {
  /** The app's token (a JWT): sent as `Authorization: Bearer <token>`. null or "" sends none. */
  token: () => string | null | Promise<string | null>;
  /**
   * Called after a 401, once per rejected token however many requests got it; its token
   * is used for one replay. Default: `token` is asked again.
   */
  refreshToken?: () => string | null | Promise<string | null>;
  /**
   * The origins that may receive the token, such as `"https://api.example.com"`.
   * Default: the page's own origin. Required in Node.
   */
  allowedOrigins?: readonly string[];
  /** Until response headers (including the token callbacks and a replay). Default 30_000. */
  headersTimeoutMs?: number;
  /** Between two chunks of a response body. Default 60_000. */
  idleTimeoutMs?: number;
  /** The fetch to wrap. Default: the global `fetch`. */
  fetch?: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** Observes refreshes, replays and timeouts; never receives a token. */
  onEvent?: (event: FetchEvent) => void;
}

/**
 * The `fetch` for ChatKit's custom backend (`useChatKit({ api: { url, domainKey, fetch } })`):
 *
 * - Keeps headers given as `Headers`, pairs or a record, and a `Request` input's method,
 *   body, headers and signal; a caller's own `Authorization` header is left alone.
 * - Adds `Authorization: Bearer <token>` only for an origin in `allowedOrigins`: never
 *   for other origins (presigned upload URLs, absolute links, protocol-relative URLs).
 * - After a 401: one `refreshToken()` per rejected token, shared by concurrent 401s,
 *   then one replay when the body can be sent again (string, `URLSearchParams`, `Blob`,
 *   `ArrayBuffer`/views, `FormData`); otherwise the 401 is returned. No other retries.
 * - Bodies stream through chunk by chunk. Its deadlines reject with code `"timeout"`;
 *   the caller's abort rejects exactly as fetch does (`AbortError`, or the signal's reason).
 * - A credential callback that throws gives `"unauthorized"`; fetch rejecting gives
 *   `"network"`; bad options reject every call with `"invalid_config"`.
 */
export declare function createAuthFetch(options: AuthFetchOptions): AuthFetch;
