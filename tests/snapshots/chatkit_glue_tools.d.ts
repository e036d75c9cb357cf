/* tslint:disable */
/* eslint-disable */

/**
 * Compiles `schema` (the facade's `JSON.stringify` of it) for the tool `tool` and
 * returns its handle; throws `invalid_config` when the schema is not in the supported
 * subset.
 */
export function compileToolSchema(tool: string, schema: string): number;

/**
 * Releases a compiled schema. Freeing a handle twice does nothing.
 */
export function freeToolSchema(handle: number): void;

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
 * The `unknown_tool` error for `name`, listing `registered` and the nearest.
 */
export function unknownToolError(name: string, registered: string[]): Error;

/**
 * `undefined` when `params` (the facade's `JSON.stringify` of them) is valid for the
 * schema `handle`, else the `invalid_params` error to report.
 */
export function validateToolParams(handle: number, params: string): Error | undefined;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly compileToolSchema: (a: number, b: number, c: number, d: number) => [number, number, number];
    readonly freeToolSchema: (a: number) => void;
    readonly io_len: () => number;
    readonly io_ptr: () => number;
    readonly io_reserve: (a: number) => number;
    readonly unknownToolError: (a: number, b: number, c: any) => any;
    readonly validateToolParams: (a: number, b: number, c: number) => any;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
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
