/* tslint:disable */
/* eslint-disable */

/**
 * The object is being disposed: a running response is abandoned (answered as
 * [`analytics_observe`] answers).
 */
export function analytics_dispose(handle: number, at: number, mono: number): number;

/**
 * Milliseconds until the scheduler should send: -1 nothing to do, 0 now.
 */
export function analytics_due(handle: number, mono: number): number;

/**
 * An event `beforeSend` returned, as the plain value `{ type, id, at, sessionId,
 * threadId, durationMs, data?, unencodable? }` (`data`: its data's JSON text).
 */
export function analytics_encode(handle: number, len: number, mono: number): number;

/**
 * The problem to report to `onError` (once): a negative number with the error in the
 * buffer, or 0.
 */
export function analytics_error(handle: number): number;

/**
 * Releases an engine.
 */
export function analytics_free(handle: number): void;

/**
 * `beforeSend` threw: the event is counted lost.
 */
export function analytics_lose(handle: number): void;

/**
 * `handlers()` was first called at `mono`: time-to-ready counts from there.
 */
export function analytics_mark(handle: number, mono: number): void;

/**
 * `metrics()`: the address of [`METRICS_LEN`] `f64`s (NaN for null), in the order of
 * [`Engine::metrics`], valid until the next call.
 */
export function analytics_metrics(handle: number): number;

/**
 * An analytics engine from the options (a plain value of `len` bytes in the buffer):
 * `2 * handle + sending`, or a negative number with `invalid_config` in the buffer.
 * `ready_from`: the monotonic time time-to-ready counts from.
 */
export function analytics_new(len: number, ready_from: number): number;

/**
 * A run of `count` events, in the order they happened. The buffer's `len` bytes hold
 * their numbers first ([`EVENT_NUMBERS`] each), then each one's `json \x1f type`, one
 * after the other (JSON text never holds a raw U+001F; the type may, so its length is
 * among the numbers). `mono`: now, for the answer's `due` and for the events without a
 * monotonic time. Answered as [`report`] says, with every event emitted and every error
 * raised by the whole run.
 */
export function analytics_observe(handle: number, len: number, count: number, mono: number): number;

/**
 * The buffer's `len` bytes of text with token-shaped substrings replaced (error
 * messages before they reach `onError`). Returns the answer's length.
 */
export function analytics_redact(len: number): number;

/**
 * `sendTimeoutMs`, as checked.
 */
export function analytics_send_timeout(handle: number): number;

/**
 * A send's outcome: `status` an HTTP status (200 for a sink that resolved), 0 a failure,
 * -1 not sent; the buffer's `len` bytes are `retryAfter \x1f date` (the response's
 * headers, empty when absent). Answered as [`analytics_observe`] answers.
 */
export function analytics_settle(handle: number, id: number, status: number, mono: number, epoch: number, random: number, len: number): number;

/**
 * The next batch: its id (0 when there is none) with its body in the buffer. `mode`:
 * 0 the scheduler's, 1 `flush()`, 2 the first of a page-hide round, 3 the next.
 */
export function analytics_take(handle: number, mode: number, epoch: number, mono: number): number;

/**
 * The length of the last answer's text.
 */
export function io_len(): number;

/**
 * Where the last answer's text starts.
 */
export function io_ptr(): number;

/**
 * Makes room for `len` bytes of input and returns their address; 0 when the module
 * has no memory left for them (the facade raises `internal`).
 */
export function io_reserve(len: number): number;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly analytics_dispose: (a: number, b: number, c: number) => number;
    readonly analytics_due: (a: number, b: number) => number;
    readonly analytics_encode: (a: number, b: number, c: number) => number;
    readonly analytics_error: (a: number) => number;
    readonly analytics_free: (a: number) => void;
    readonly analytics_lose: (a: number) => void;
    readonly analytics_mark: (a: number, b: number) => void;
    readonly analytics_metrics: (a: number) => number;
    readonly analytics_new: (a: number, b: number) => number;
    readonly analytics_observe: (a: number, b: number, c: number, d: number) => number;
    readonly analytics_redact: (a: number) => number;
    readonly analytics_send_timeout: (a: number) => number;
    readonly analytics_settle: (a: number, b: number, c: number, d: number, e: number, f: number, g: number) => number;
    readonly analytics_take: (a: number, b: number, c: number, d: number) => number;
    readonly io_len: () => number;
    readonly io_ptr: () => number;
    readonly io_reserve: (a: number) => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
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
