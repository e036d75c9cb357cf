/* tslint:disable */
/* eslint-disable */

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

/**
 * `clear()`: returns a negative number with the operation's `aborted` error in the
 * buffer when one was in flight, else 0.
 */
export function secrets_clear(handle: number, now: number): number;

/**
 * The events since the last call, one per line:
 * `op \x1f phase \x1f attempt \x1f durationMs \x1f status \x1f code` (absent: empty).
 * Returns the text's length.
 */
export function secrets_events(handle: number): number;

/**
 * The cached secret's expiry (epoch ms), or NaN.
 */
export function secrets_expires_at(handle: number): number;

/**
 * Releases a source.
 */
export function secrets_free(handle: number): void;

/**
 * `getClientSecret(current)` with nothing in flight; `current` is the buffer's `len`
 * bytes, or null when `len` is negative.
 */
export function secrets_get(handle: number, now: number, len: number): number;

/**
 * The POST's fetch rejected.
 */
export function secrets_network_error(handle: number, now: number): number;

/**
 * A source from the options (a plain value of `len` bytes in the buffer): its handle,
 * or a negative number with `invalid_config` in the buffer.
 */
export function secrets_new(len: number, in_browser: boolean, seed: number): number;

/**
 * An answer to a POST: `status`, and in the buffer the plain value `{ date?,
 * retryAfter?, json? }` (the headers, and the body as `JSON.parse` read it), or with
 * `text` instead of `json` when the body is not JSON.
 */
export function secrets_reply(handle: number, now: number, status: number, len: number): number;

/**
 * A wait is over.
 */
export function secrets_resume(handle: number, now: number): number;

/**
 * The current step's deadline passed.
 */
export function secrets_timed_out(handle: number, now: number): number;

/**
 * `authToken()`'s outcome: 0 a string (the buffer's `len` bytes; negative `len`: null
 * or undefined), 1 it threw, 2 not a string, 3 timed out.
 */
export function secrets_token(handle: number, now: number, kind: number, len: number): number;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly io_len: () => number;
    readonly io_ptr: () => number;
    readonly io_reserve: (a: number) => number;
    readonly secrets_clear: (a: number, b: number) => number;
    readonly secrets_events: (a: number) => number;
    readonly secrets_expires_at: (a: number) => number;
    readonly secrets_free: (a: number) => void;
    readonly secrets_get: (a: number, b: number, c: number) => number;
    readonly secrets_network_error: (a: number, b: number) => number;
    readonly secrets_new: (a: number, b: number, c: number) => number;
    readonly secrets_reply: (a: number, b: number, c: number, d: number) => number;
    readonly secrets_resume: (a: number, b: number) => number;
    readonly secrets_timed_out: (a: number, b: number) => number;
    readonly secrets_token: (a: number, b: number, c: number, d: number) => number;
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
