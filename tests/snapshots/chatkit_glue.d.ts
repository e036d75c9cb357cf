/* tslint:disable */
/* eslint-disable */

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
 * The crate version this module was built from.
 */
export function buildVersion(): string;

/**
 * Every error code, in the order of the public error table. The packaging tests compare
 * it with the `GlueErrorCode` union of the published `.d.ts`.
 */
export function errorCodes(): string[];

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
    readonly __wbg_secretsource_free: (a: number, b: number) => void;
    readonly buildVersion: () => [number, number];
    readonly errorCodes: () => any;
    readonly secretsource_clear: (a: number) => void;
    readonly secretsource_dispose: (a: number) => void;
    readonly secretsource_expiresAt: (a: number) => [number, number];
    readonly secretsource_get: (a: number, b: number, c: number) => any;
    readonly secretsource_new: (a: any, b: any) => [number, number, number];
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
