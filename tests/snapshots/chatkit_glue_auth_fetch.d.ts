/* tslint:disable */
/* eslint-disable */

/**
 * A request to the URL in the buffer (`href` from the platform's parser): its id
 * times 2, plus 1 when the token goes with it.
 */
export function auth_fetch_begin(handle: number, len: number, has_authorization: boolean): number;

export function auth_fetch_end(id: number): void;

/**
 * The next `FetchEvent` as `phase \x1f origin \x1f status`: its length, 0 when none.
 */
export function auth_fetch_event(handle: number): number;

/**
 * A failure of this request as an error in the buffer (always negative): 0 `network`,
 * 1 the headers deadline, 2 the idle deadline (with the status), 3 no fetch to call.
 */
export function auth_fetch_failed(id: number, kind: number, status: number): number;

export function auth_fetch_free(handle: number): void;

/**
 * The headers deadline, ms; `+ 2^31 *` idle is too wide, so the idle one has its own.
 */
export function auth_fetch_headers_ms(handle: number): number;

export function auth_fetch_idle_ms(handle: number): number;

/**
 * A client from the plain value `[options, pageOrigin, href...]` (`len` bytes in the
 * buffer, see `core::record`): its handle, or a negative number with `invalid_config`
 * in the buffer.
 */
export function auth_fetch_new(len: number): number;

/**
 * A refresh ended (`rejected \x1f answer` in the buffer, `kind` as for the token):
 * 0 (no new token: the 401 stands), the new token's length in the buffer, or
 * `unauthorized`. It belongs to the client, not to the request that started it, so a
 * request abandoned meanwhile never leaves the refresh in flight.
 */
export function auth_fetch_refreshed(handle: number, kind: number, len: number): number;

/**
 * Whether to replay with the token in the buffer (`token \x1f tag`): `body` is 0 none,
 * 1 text, 2 a `Request` input's body, 3 an object whose `Symbol.toStringTag` follows
 * the token. 0: hand back the 401; else the Authorization value's length.
 */
export function auth_fetch_replay(id: number, body: number, len: number): number;

/**
 * The token this request was sent with (in the buffer): its length, 0 when none.
 */
export function auth_fetch_sent(id: number): number;

/**
 * The response's status: 0 deliver; `1 + 8 * flight` join; `2 + 8 * flight` call
 * `refreshToken()`, `3 + 8 * flight` call `token()`, then `auth_fetch_refreshed`;
 * 4 replay with the token in the buffer (ask `auth_fetch_replay`).
 */
export function auth_fetch_status(id: number, status: number): number;

/**
 * The `token()` answer: 0 to send without a token, the Authorization value's length
 * (in the buffer), or an error.
 */
export function auth_fetch_token(id: number, kind: number, len: number): number;

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
    readonly auth_fetch_begin: (a: number, b: number, c: number) => number;
    readonly auth_fetch_end: (a: number) => void;
    readonly auth_fetch_event: (a: number) => number;
    readonly auth_fetch_failed: (a: number, b: number, c: number) => number;
    readonly auth_fetch_free: (a: number) => void;
    readonly auth_fetch_headers_ms: (a: number) => number;
    readonly auth_fetch_idle_ms: (a: number) => number;
    readonly auth_fetch_new: (a: number) => number;
    readonly auth_fetch_refreshed: (a: number, b: number, c: number) => number;
    readonly auth_fetch_replay: (a: number, b: number, c: number) => number;
    readonly auth_fetch_sent: (a: number) => number;
    readonly auth_fetch_status: (a: number, b: number) => number;
    readonly auth_fetch_token: (a: number, b: number, c: number) => number;
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
