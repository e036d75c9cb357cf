/* tslint:disable */
/* eslint-disable */

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
    readonly buildVersion: () => [number, number];
    readonly checkOptions: (a: any, b: any) => any;
    readonly errorCodes: () => any;
    readonly explainError: (a: any) => any;
    readonly withTimeout: (a: any, b: any, c: any) => any;
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
