/* tslint:disable */
/* eslint-disable */

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
    readonly __wbg_authfetch_free: (a: number, b: number) => void;
    readonly __wbg_bodypipe_free: (a: number, b: number) => void;
    readonly authfetch_fetch: (a: number, b: any, c: any) => any;
    readonly authfetch_new: (a: any) => [number, number, number];
    readonly bodypipe_cancel: (a: number, b: any) => any;
    readonly bodypipe_pull: (a: number, b: any) => any;
    readonly io_len: () => number;
    readonly io_ptr: () => number;
    readonly io_reserve: (a: number) => number;
    readonly wasm_bindgen__convert__closures_____invoke__h{hash}: (a: number, b: number, c: any, d: any) => void;
    readonly wasm_bindgen__convert__closures_____invoke__h{hash}: (a: number, b: number, c: any) => [number, number];
    readonly wasm_bindgen__convert__closures_____invoke__h{hash}: (a: number, b: number) => void;
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
