/* tslint:disable */
/* eslint-disable */

/**
 * The crate version this module was built from.
 */
export function buildVersion(): string;

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
 * Releases a compiled schema. Freeing a handle twice does nothing.
 */
export function freeToolSchema(handle: number): void;

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
    readonly buildVersion: () => [number, number];
    readonly checkToolResult: (a: number, b: number, c: any) => any;
    readonly compileToolSchema: (a: number, b: number, c: any) => [number, number, number];
    readonly errorCodes: () => any;
    readonly freeToolSchema: (a: number) => void;
    readonly unknownToolError: (a: number, b: number, c: any) => any;
    readonly validateToolParams: (a: number, b: any) => any;
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
