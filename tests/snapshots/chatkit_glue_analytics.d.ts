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
     * Encodes an event `beforeSend` returned: its fields as the facade read them
     * (`kind` the `type` when a string, `data` as for [`Self::observe`]).
     */
    encode(kind: string | null | undefined, id: string | null | undefined, at: number | null | undefined, session: string | null | undefined, thread: string | null | undefined, duration: number | null | undefined, data: string | null | undefined, unencodable: boolean): string | undefined;
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
     * `data`: the event data's JSON text (`None` without data or when the engine does
     * not send); `unencodable`: `JSON.stringify` threw on it. `thread_id` and `phase`:
     * the data's fields of those names, when strings.
     */
    observe(kind: string, at: number, mono: number, data: string | null | undefined, unencodable: boolean, thread_id?: string | null, phase?: string | null, duration?: number | null): string[] | undefined;
    /**
     * Queues an encoded event.
     */
    push(json: string, mono: number): void;
    /**
     * Applies a send's outcome: `status` an HTTP status (200 for a sink that resolved),
     * 0 a failure (network, sink threw or timed out), -1 not sent (`sendBeacon` false).
     * `retry_after` and `date`: the response's `Retry-After` and `Date` headers ("" when
     * absent); `epoch`: `Date.now()`.
     */
    settle(id: number, status: number, mono: number, retry_after: string, date: string, epoch: number, random: number): void;
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
 * Attempts per event before it is dropped (for the facade's docs and tests).
 */
export function analyticsMaxAttempts(): number;

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
 * Replaces token-shaped substrings (JWT-like, `Bearer ...`, `sk-...`, `ek_...`).
 */
export function redactText(text: string): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_analyticscore_free: (a: number, b: number) => void;
    readonly analyticsMaxAttempts: () => number;
    readonly analyticscore_dispose: (a: number, b: number, c: number) => any;
    readonly analyticscore_due: (a: number, b: number) => number;
    readonly analyticscore_encode: (a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number, i: number, j: number, k: number, l: number, m: number, n: number, o: number, p: number) => [number, number];
    readonly analyticscore_error: (a: number) => any;
    readonly analyticscore_lose: (a: number) => void;
    readonly analyticscore_metrics: (a: number) => any;
    readonly analyticscore_new: (a: any) => number;
    readonly analyticscore_observe: (a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number, i: number, j: number, k: number, l: number, m: number, n: number) => any;
    readonly analyticscore_push: (a: number, b: number, c: number, d: number) => void;
    readonly analyticscore_sending: (a: number) => number;
    readonly analyticscore_settle: (a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number, i: number, j: number) => void;
    readonly analyticscore_take: (a: number, b: number, c: number, d: number, e: number) => any;
    readonly io_len: () => number;
    readonly io_ptr: () => number;
    readonly io_reserve: (a: number) => number;
    readonly redactText: (a: number, b: number) => [number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
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
