/* tslint:disable */
/* eslint-disable */

export class AnalyticsCore {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The object is being disposed: emits `response.abandoned` for a running response.
     */
    dispose(at: number, mono: number): string[] | undefined;
    /**
     * Milliseconds until the scheduler should send: -1 nothing to do, 0 now.
     */
    due(mono: number): number;
    /**
     * Encodes an event `beforeSend` returned (any object with the event's fields).
     */
    encode(event: unknown): string | undefined;
    /**
     * The latest problem to report to `onError`, once.
     */
    error(): Error | undefined;
    /**
     * Counts an event lost before the queue (`beforeSend` threw, data not encodable).
     */
    lose(): void;
    /**
     * `metrics()` (the facade adds what it dropped before the module loaded).
     */
    metrics(): object;
    /**
     * `options`: `{ batchSize, maxQueue, maxBatchBytes, flushIntervalMs, sampleRate,
     * sessionId, redactKeys, send, direct, readyFrom }`, already checked by the facade.
     */
    constructor(options: object);
    /**
     * Observes one event: pairs it, counts it, and encodes it (with a
     * `response.abandoned` before it when it abandoned a response). Without
     * `beforeSend` the encoded events are queued and nothing is returned; with it, they
     * are returned (JSON strings) for the facade to pass through `beforeSend` and `push`.
     */
    observe(kind: string, at: number, mono: number, data: unknown, duration: number | undefined): string[] | undefined;
    /**
     * Queues an encoded event.
     */
    push(json: string, mono: number): void;
    /**
     * Applies a send's outcome: `status` an HTTP status (200 for a sink that resolved),
     * 0 a failure (network, sink threw or timed out), -1 not sent (`sendBeacon` false).
     */
    settle(id: number, status: number, mono: number, retry_after_ms: number, random: number): void;
    /**
     * The next batch to send: `[id, body, bytes]`, or undefined. `mode`: 0 the
     * scheduler's, 1 `flush()`, 2 the page is hiding (within `budget` bytes).
     */
    take(sent_at: number, mono: number, mode: number, budget: number): [number, string, number] | undefined;
    /**
     * Whether this session's events are sent (sampled in, with a destination).
     */
    readonly sending: boolean;
}

/**
 * The fetch wrapper behind `createAuthFetch`.
 */
export class AuthFetch {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * `fetch(input, init)` with the token added where allowed.
     */
    fetch(input: RequestInfo | URL, init: RequestInit | undefined): Promise<Response>;
    /**
     * Checks the options; bad ones are `invalid_config`.
     */
    constructor(options: unknown);
}

/**
 * The underlying source of the `ReadableStream` that replaces a response's body: each
 * `pull` reads one chunk from the original body and enqueues it as it is, racing the
 * idle deadline. Nothing is buffered beyond the chunk in hand (high-water mark 0).
 * The stream owns this object, so it lives exactly as long as the stream.
 */
export class BodyPipe {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    cancel(reason: any): Promise<void>;
    pull(controller: ReadableStreamDefaultController): Promise<void>;
}

/**
 * Internal: one `ClientSecretSource`'s cache, guard and in-flight operation.
 */
export class SecretSource {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Aborts the operation in flight and forgets the secret and the guard's history.
     */
    clear(): void;
    /**
     * `clear()`, and every later call rejects with `aborted`.
     */
    dispose(): void;
    /**
     * The cached secret's expiry, epoch ms.
     */
    expiresAt(): number | undefined;
    /**
     * `getClientSecret(current)`: the cached secret, the operation in flight, or a
     * new one.
     */
    get(current?: string | null): Promise<string>;
    /**
     * The options as the app gave them (`ClientSecretSourceOptions`), checked here:
     * unknown keys, wrong types and out-of-range numbers are `invalid_config`. `post`
     * is the facade's fetch wrapper.
     */
    constructor(options: unknown, post: (url: string, init: RequestInit) => Promise<[number, string | null, string | null, string]>);
}

/**
 * Traps the module on purpose, at once or inside a task of its executor: the package's
 * tests use it to check that a trap fails pending and later calls with `internal`
 * instead of hanging. Not part of the public facade.
 */
export function __trapForTests(in_task: boolean): Promise<any>;

/**
 * Attempts per event before it is dropped (for the facade's docs and tests).
 */
export function analyticsMaxAttempts(): number;

/**
 * The crate version this module was built from.
 */
export function buildVersion(): string;

/**
 * The diagnostics for `options` on a page at `origin` (a string, or anything else for
 * none).
 */
export function checkOptions(options: unknown, origin: unknown): object[];

/**
 * `undefined` when `result` is a plain JSON-compatible object, else the
 * `invalid_result` error to report.
 */
export function checkToolResult(tool: string, result: unknown): Error | undefined;

/**
 * Compiles `schema` for the tool `tool` and returns its handle; throws `invalid_config`
 * when the schema is not in the supported subset.
 */
export function compileToolSchema(tool: string, schema: unknown): number;

/**
 * Every error code, in the order of the public error table. The packaging tests compare
 * it with the `GlueErrorCode` union of the published `.d.ts`.
 */
export function errorCodes(): string[];

/**
 * `{ code, title, hint }` for any thrown value: the first of the error and its causes
 * that the table knows, else `unknown`.
 */
export function explainError(error: unknown): { code: string; title: string; hint: string };

/**
 * Releases a compiled schema. Freeing a handle twice does nothing.
 */
export function freeToolSchema(handle: number): void;

/**
 * Replaces token-shaped substrings (JWT-like, `Bearer ...`, `sk-...`, `ek_...`).
 */
export function redactText(text: string): string;

/**
 * The `unknown_tool` error for `name`, listing `registered` and the nearest.
 */
export function unknownToolError(name: string, registered: string[]): Error;

/**
 * `undefined` when `params` is valid for the schema `handle`, else the
 * `invalid_params` error to report.
 */
export function validateToolParams(handle: number, params: unknown): Error | undefined;

/**
 * Runs `work` (a promise, or a function given an `AbortSignal` that returns one) with
 * a deadline. On timeout the promise rejects with `timeout` and the signal handed to
 * `work` is aborted; when the caller's signal fires it rejects with `aborted`. The
 * work's own result or rejection passes through unchanged. Timers and listeners are
 * released as soon as it settles.
 */
export function withTimeout(work: unknown, ms: unknown, options: unknown): Promise<unknown>;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __trapForTests: (a: number) => any;
    readonly __wbg_analyticscore_free: (a: number, b: number) => void;
    readonly __wbg_authfetch_free: (a: number, b: number) => void;
    readonly __wbg_bodypipe_free: (a: number, b: number) => void;
    readonly __wbg_secretsource_free: (a: number, b: number) => void;
    readonly analyticsMaxAttempts: () => number;
    readonly analyticscore_dispose: (a: number, b: number, c: number) => any;
    readonly analyticscore_due: (a: number, b: number) => number;
    readonly analyticscore_encode: (a: number, b: any) => [number, number];
    readonly analyticscore_error: (a: number) => any;
    readonly analyticscore_lose: (a: number) => void;
    readonly analyticscore_metrics: (a: number) => any;
    readonly analyticscore_new: (a: any) => number;
    readonly analyticscore_observe: (a: number, b: number, c: number, d: number, e: number, f: any, g: any) => any;
    readonly analyticscore_push: (a: number, b: number, c: number, d: number) => void;
    readonly analyticscore_sending: (a: number) => number;
    readonly analyticscore_settle: (a: number, b: number, c: number, d: number, e: number, f: number) => void;
    readonly analyticscore_take: (a: number, b: number, c: number, d: number, e: number) => any;
    readonly authfetch_fetch: (a: number, b: any, c: any) => any;
    readonly authfetch_new: (a: any) => [number, number, number];
    readonly bodypipe_cancel: (a: number, b: any) => any;
    readonly bodypipe_pull: (a: number, b: any) => any;
    readonly buildVersion: () => [number, number];
    readonly checkOptions: (a: any, b: any) => any;
    readonly checkToolResult: (a: number, b: number, c: any) => any;
    readonly compileToolSchema: (a: number, b: number, c: any) => [number, number, number];
    readonly errorCodes: () => any;
    readonly explainError: (a: any) => any;
    readonly freeToolSchema: (a: number) => void;
    readonly redactText: (a: number, b: number) => [number, number];
    readonly secretsource_clear: (a: number) => void;
    readonly secretsource_dispose: (a: number) => void;
    readonly secretsource_expiresAt: (a: number) => [number, number];
    readonly secretsource_get: (a: number, b: number, c: number) => any;
    readonly secretsource_new: (a: any, b: any) => [number, number, number];
    readonly unknownToolError: (a: number, b: number, c: any) => any;
    readonly validateToolParams: (a: number, b: any) => any;
    readonly withTimeout: (a: any, b: any, c: any) => any;
    readonly wasm_bindgen__convert__closures_____invoke__h9850c5922763ff95: (a: number, b: number, c: any, d: any) => any;
    readonly wasm_bindgen__convert__closures_____invoke__h245f0a6505e43c9c: (a: number, b: number, c: any, d: any) => void;
    readonly wasm_bindgen__convert__closures_____invoke__h7e0bc879b0fdfb81: (a: number, b: number, c: any) => [number, number];
    readonly wasm_bindgen__convert__closures_____invoke__hf2258dba53afa2c6: (a: number, b: number) => void;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __wbindgen_destroy_closure: (a: number, b: number) => void;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
