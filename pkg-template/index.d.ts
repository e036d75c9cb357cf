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
// Diagnostics
// ---------------------------------------------------------------------------------------

/** The failures of ChatKit itself that `explainError` recognises (by name and message). */
export type ChatKitErrorCode =
  | "unknown_option"
  | "invalid_api_config"
  | "invalid_options"
  | "domain_not_allowed"
  | "workflow_not_found"
  | "tool_output_missing"
  | "session_rate_limited"
  | "secret_invalid"
  | "request_unauthorized"
  | "fetch_failed";

/** `explainError`'s `code`: a library code, a ChatKit failure, or `"unknown"`. */
export type ExplanationCode = GlueErrorCode | ChatKitErrorCode | "unknown";

export interface ErrorExplanation {
  readonly code: ExplanationCode;
  /** A few words naming the failure. */
  readonly title: string;
  /** What to change. Fixed text: never a part of the error's message. */
  readonly hint: string;
}

/**
 * Explains any thrown value: a `ChatKitGlueError` by its `code` (with its own `hint` when
 * it has one), ChatKit's errors as they reach `onError` (the `{ error }` detail itself is
 * accepted too) by their name and message, then their `cause`. Anything it does not
 * recognise is `{ code: "unknown" }` with an honest hint, never a guessed cause. Never
 * throws. In a browser before the module is loaded it answers `"unknown"` saying so,
 * and starts the load: call it after `await ready()`.
 */
export declare function explainError(error: unknown): ErrorExplanation;

/** The `code` of an option diagnostic. */
export type OptionDiagnosticCode =
  | "invalid_options"
  | "unknown_option"
  | "unknown_handler"
  | "missing_api"
  | "mixed_api_config"
  | "invalid_value"
  | "hosted_domain_key"
  | "missing_domain_key"
  | "hosted_upload_strategy"
  | "insecure_url"
  | "secret_in_options"
  | "missing_on_error"
  | "non_plain_value"
  | "cyclic_value"
  | "not_checked";

export interface OptionDiagnostic {
  /** `error`: ChatKit rejects the options or the integration cannot work; `warning`: a likely mistake or risk; `info`: not checked. */
  readonly severity: "error" | "warning" | "info";
  readonly code: OptionDiagnosticCode;
  /** Where: `"api.domainKey"`, `"composer.tools[0]"`; `""` for the options themselves. */
  readonly path: string;
  /** What is wrong, naming the path. Never contains a string value of the options. */
  readonly message: string;
  /** What to change. */
  readonly hint?: string;
  /** The nearest valid name, for a mistyped key (`"onError"`, `"api.domainKey"`). */
  readonly suggestion?: string;
}

export interface CheckOptionsContext {
  /** The page's origin (`"https://app.example.com"`) for the non-HTTPS `api.url` check. Default: the current page's origin; none in Node. */
  origin?: string;
}

/**
 * Checks options meant for `useChatKit` and lists the problems (an empty list when there
 * are none): unknown keys and mistyped `on*` handlers with the nearest valid name, `api`
 * shapes ChatKit rejects (hosted with `domainKey` or `uploadStrategy`, custom without
 * `domainKey`), a plain-http `api.url` off localhost, a string that looks like an OpenAI
 * API key anywhere, no `onError`, and non-plain values (Map, Set, Date, class and
 * wasm-bindgen instances, Promises, cycles) with their path.
 *
 * Synchronous. In a browser before the module is loaded it returns one `info`
 * diagnostic, `not_checked`, and starts the load: call it after `await ready()`, or use
 * `reportOptions`. A bad `context` throws `invalid_config`.
 */
export declare function checkOptions(options: unknown, context?: CheckOptionsContext): OptionDiagnostic[];

/**
 * Development only: waits for the module, checks `options`, and prints each problem once
 * (across calls) on the console, grouped, errors first, with its hint. Resolves to the
 * diagnostics. In production builds (`process.env.NODE_ENV === "production"`, which
 * bundlers replace) it does nothing and resolves to `[]`. Rejects with `load_failed` if
 * the module cannot load, and with `invalid_config` for a bad `context`.
 */
export declare function reportOptions(options: unknown, context?: CheckOptionsContext): Promise<OptionDiagnostic[]>;

/**
 * Every top-level name `useChatKit` accepts (`@openai/chatkit` 1.9 `ChatKitOptions` and
 * the 13 handlers of `@openai/chatkit-react` 1.6). A type-level test checks it against
 * `keyof UseChatKitOptions`.
 */
export declare const chatKitOptionKeys: readonly [
  "api", "locale", "theme", "frameTitle", "initialThread", "onClientTool", "header", "history",
  "startScreen", "threadItemActions", "composer", "disclaimer", "entities", "commands", "widgets",
  "thread", "onReady", "onError", "onEffect", "onDeeplink", "onResponseStart", "onResponseEnd",
  "onHistoryOpen", "onHistoryClose", "onThreadChange", "onThreadLoadStart", "onThreadLoadEnd",
  "onToolChange", "onLog",
];

/** One of `chatKitOptionKeys`. */
export type ChatKitOptionKey = (typeof chatKitOptionKeys)[number];
