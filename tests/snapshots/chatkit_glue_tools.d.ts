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
 * Compiles a tool's parameters schema. The buffer holds `schema \0 schemas \0 name`
 * (`len` bytes): the schema as JSON text (which never holds a raw NUL), the JSON text of
 * the `schemas` option (`{ [uri]: schema }`, empty when there is none), then the tool's
 * name. `strict` refuses keywords no vocabulary defines. Answers the schema's handle,
 * or a negative number with `invalid_config` in the buffer.
 */
export function tools_compile(len: number, strict: boolean): number;

/**
 * Releases a compiled schema. Freeing a handle twice does nothing.
 */
export function tools_free(handle: number): void;

/**
 * Writes the `unknown_tool` error for a name into the buffer, which holds the name and
 * then each registered name, separated by NUL (the facade writes a NUL inside a name as
 * U+FFFD, which is how a message shows any control character); returns the negative
 * length as every error does.
 */
export function tools_unknown(len: number): number;

/**
 * Checks params (their JSON text, `len` bytes in the buffer) against the schema
 * `handle`: 0 when valid, else a negative number with `invalid_params` in the buffer.
 */
export function tools_validate(handle: number, len: number): number;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly io_len: () => number;
    readonly io_ptr: () => number;
    readonly io_reserve: (a: number) => number;
    readonly tools_compile: (a: number, b: number) => number;
    readonly tools_free: (a: number) => void;
    readonly tools_unknown: (a: number) => number;
    readonly tools_validate: (a: number, b: number) => number;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
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
