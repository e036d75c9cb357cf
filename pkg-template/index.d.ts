// Types of the chatkit-glue package. This file is the published contract; the
// WebAssembly bindings behind it are internal.

/** The stable `code` of every failure chatkit-glue raises. */
export type GlueErrorCode =
  | "unauthorized"
  | "bad_request"
  | "rate_limited"
  | "server_error"
  | "network"
  | "timeout"
  | "aborted"
  | "bad_response"
  | "refresh_loop"
  | "invalid_params"
  | "unknown_tool"
  | "tool_failed"
  | "invalid_result"
  | "invalid_config"
  | "load_failed"
  | "internal";

/**
 * Every failure the library raises: an `Error` whose `name` is `"ChatKitGlueError"`.
 * Its message, hint and cause never contain a client secret, token, Authorization
 * value or API key.
 */
export interface ChatKitGlueError extends Error {
  readonly name: "ChatKitGlueError";
  readonly code: GlueErrorCode;
  /** Whether the same operation may succeed if tried again. */
  readonly retryable: boolean;
  /** The HTTP status behind the failure, when there was one. */
  readonly status?: number;
  /** What to change to fix it, written for the developer. */
  readonly hint?: string;
  readonly cause?: unknown;
}

/** True for every failure chatkit-glue raises (also across realms). */
export declare function isGlueError(value: unknown): value is ChatKitGlueError;

/**
 * Starts loading, in a browser, the WebAssembly modules of the features the page has
 * used so far (each feature has its own module; constructing an object marks its feature
 * as used), for example when the chat button renders. Does nothing on the server.
 * Optional: every API loads its module on first need.
 */
export declare function preload(): void;

/**
 * Resolves once the WebAssembly module of every feature the page has used or preloaded is
 * loaded (at once when none is). Rejects with a `ChatKitGlueError` of code
 * `"load_failed"` whose `hint` says why (a Content-Security-Policy without
 * `'wasm-unsafe-eval'`, the `.wasm` URL answering an error, no WebAssembly).
 */
export declare function ready(): Promise<void>;

export interface WithTimeoutOptions {
  /** Aborting it rejects with code `"aborted"` and aborts the signal handed to `work`. */
  signal?: AbortSignal;
}

/**
 * Runs `work` with a deadline of `ms` milliseconds (0 to 2147483647).
 *
 * - Past the deadline it rejects with code `"timeout"` and aborts the signal handed to
 *   `work`, so a `fetch` given that signal is cancelled.
 * - When `options.signal` fires it rejects with code `"aborted"` (the signal's reason
 *   is the error's `cause`).
 * - The work's own value or rejection passes through unchanged.
 * - Timers and listeners are released as soon as it settles.
 * - A bad `ms`, `work` or `options` rejects with code `"invalid_config"`.
 */
export declare function withTimeout<T>(
  work: PromiseLike<T> | ((signal: AbortSignal) => PromiseLike<T> | T),
  ms: number,
  options?: WithTimeoutOptions,
): Promise<T>;

// ---------------------------------------------------------------------------------------
// Events shared by the parts: every part takes `onEvent`, and `ChatKitAnalytics.record`
// accepts all three, so `new ClientTools({ onEvent: analytics.record })` wires them.

/** What a `ClientSecretSource` reports to `onEvent`. It never carries the secret. */
export type SecretEvent = {
  kind: "secret";
  /** The endpoint of the request (`/refresh` may fall back to `/start` after a 401). */
  op: "start" | "refresh";
  /** `request`: the first request of a fetch; `retry`: every later one (with the
   * `status`/`code` the previous one ended with); `success`/`failure`: the end. */
  phase: "request" | "retry" | "success" | "failure";
  /** 1-based request count within the fetch (0 when it failed before any request). */
  attempt: number;
  /** From the start of the fetch, on `success` and `failure`. */
  durationMs?: number;
  status?: number;
  code?: GlueErrorCode;
};

/** `ClientTools`' `onEvent` events: never the params or the result. */
export type ToolEvent = {
  kind: "tool";
  name: string;
  callId: string;
  phase: "start" | "end" | "late";
  durationMs?: number;
  outcome?: "ok" | GlueErrorCode;
};

/** `createAuthFetch`'s `onEvent` events: token refreshes, replays after a 401, timeouts. */
export type FetchEvent = {
  kind: "fetch";
  phase: "token_refresh" | "replay" | "timeout";
  /** The request's origin (`"https://api.example.com"`), never its path or query. */
  origin: string;
  /** 401 for a refresh or replay; the response's status for a body that stalled. */
  status?: number;
};


// ---------------------------------------------------------------------------------------
// Analytics: ChatKitAnalytics, composeHandlers.

/**
 * One analytics event. `type` is ChatKit's event name without `chatkit.` (`ready`,
 * `error`, `effect`, `deeplink`, `response.start`, `response.end`, `history.open`,
 * `history.close`, `thread.change`, `thread.load.start`, `thread.load.end`,
 * `tool.change`, `log`), or `response.abandoned`, `tool.call`, `secret.fetch`,
 * `fetch.token_refresh` / `fetch.replay` / `fetch.timeout`, or a type given to `track`.
 */
export interface AnalyticsEvent {
  /** Unique: the session id and a sequence number. */
  id: string;
  type: string;
  /** When it happened, epoch milliseconds (taken when the handler was called). */
  at: number;
  sessionId: string;
  /** The thread of the latest `thread.change` (the loaded thread for `thread.load.*`). */
  threadId: string | null;
  /** Response time (`response.end`, `response.abandoned`), time to ready (the first
   * `ready`), thread load time (`thread.load.end`), or the duration a part reported. */
  durationMs?: number;
  data?: Record<string, unknown>;
}

/** p50, p90, p99 (within 1% relative error) and the exact maximum, in milliseconds. */
export interface AnalyticsQuantiles {
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface AnalyticsMetrics {
  /** `response.end`s seen. */
  responses: number;
  /** ChatKit errors seen. */
  errors: number;
  /** Responses started and never ended (a new start, a thread change, dispose). */
  abandoned: number;
  /** Paired response times; `null` before the first. */
  responseMs: AnalyticsQuantiles | null;
  /** From the first `handlers()` call (or construction) to ChatKit's first `ready`. */
  timeToReadyMs: number | null;
  /** Thread load times (`thread.load.start` to `.end`, paired by thread id). */
  threadLoadMs: AnalyticsQuantiles | null;
  /** Client tool calls that ended (`ToolEvent` phase `end`). */
  toolCalls: number;
  /** Events that will never be delivered: queue overflow, retries used up, refused by
   * the endpoint, too large, or a `beforeSend` that threw. */
  dropped: number;
  /** Events delivered. */
  sent: number;
  /** Events waiting or in flight. */
  queued: number;
}

/** Where a problem reported to `onError` came from. */
export interface AnalyticsErrorContext {
  /** `"chatkit"` (ChatKit's onError), `"sink"`, `"endpoint"`, `"beforeSend"`,
   * `"queue"`, `"record"`, `"load"`, `"analytics"`, or `"handler:<name>"` for a
   * handler that threw inside `composeHandlers`. */
  source: string;
}

export interface ChatKitAnalyticsOptions {
  /** Receives each batch; a throw, rejection or hang (past `sendTimeoutMs`) is retried. */
  sink?: (batch: AnalyticsEvent[]) => void | Promise<void>;
  /** POSTs `{ "events": AnalyticsEvent[], "sentAt": number }` here. Not with `sink`. */
  endpoint?: string;
  /** Events per batch, default 20. */
  batchSize?: number;
  /** The longest an event waits before it is sent, default 5000 ms. */
  flushIntervalMs?: number;
  /** Events held at most (waiting or in flight), default 1000; the oldest is dropped. */
  maxQueue?: number;
  /** Bytes of a batch's body at most, default 48000, at most 64000 (the keepalive budget). */
  maxBatchBytes?: number;
  /** Share of sessions whose events are sent (0 to 1), deterministic per session id. */
  sampleRate?: number;
  /** Consent: `false` records nothing and sends nothing. Default true. */
  enabled?: boolean;
  /** `false` keeps only the names of `onLog` events. Default true. */
  captureLogData?: boolean;
  /** Sees each (redacted) event before it is queued: return it (edited) or nothing to
   * keep it, `null` to drop it. What it returns is redacted again. */
  beforeSend?: (event: AnalyticsEvent) => AnalyticsEvent | null | undefined | void;
  /** More keys whose values are redacted (matched lower-cased, `-` and `_` removed). */
  redactKeys?: string[];
  /** ChatKit's errors and the library's own, as redacted `Error`s; consecutive
   * duplicates are reported once. Without it, they go to the console in development. */
  onError?: (error: Error, context: AnalyticsErrorContext) => void;
  /** The session id (default: a random UUID per object). Sampling is decided by it. */
  sessionId?: string;
  /** Deadline of one send (sink call or fetch), default 10000 ms. */
  sendTimeoutMs?: number;
}

/** ChatKit's 13 event handlers, exactly the names `useChatKit` accepts. */
export type ChatKitAnalyticsHandlers = {
  onReady: () => void;
  onError: (event: { error: Error }) => void;
  onEffect: (event: { name: string; data?: Record<string, unknown> }) => void;
  onDeeplink: (event: { name: string; data?: Record<string, unknown> }) => void;
  onResponseStart: () => void;
  onResponseEnd: () => void;
  onHistoryOpen: () => void;
  onHistoryClose: () => void;
  onThreadChange: (event: { threadId: string | null }) => void;
  onThreadLoadStart: (event: { threadId: string }) => void;
  onThreadLoadEnd: (event: { threadId: string }) => void;
  onToolChange: (event: { toolId: string | null }) => void;
  onLog: (event: { name: string; data?: Record<string, unknown> }) => void;
};

/**
 * Event analytics and error tracking for ChatKit: `useChatKit({ ...analytics.handlers(), ... })`.
 * Response times are paired by order; events are redacted, sampled per session, batched
 * and delivered to `sink` or `endpoint` (and on page hide with keepalive / `sendBeacon`).
 * Bad options throw a `ChatKitGlueError` with code `"invalid_config"`.
 */
export declare class ChatKitAnalytics {
  constructor(options?: ChatKitAnalyticsOptions);
  /** The same plain object of 13 handlers on every call. */
  handlers(): ChatKitAnalyticsHandlers;
  /** Bound: pass it as `onEvent` to `ClientSecretSource`, `ClientTools`, `createAuthFetch`. */
  readonly record: (event: SecretEvent | ToolEvent | FetchEvent) => void;
  /** Records an event of your own. A bad type or data throws `invalid_config`. */
  track(type: string, data?: Record<string, unknown>): void;
  /** A snapshot, synchronously. */
  metrics(): AnalyticsMetrics;
  /** Sends what is queued now; resolves when those sends settle (it never rejects but
   * with `aborted` after `dispose`). */
  flush(): Promise<void>;
  /** Abandons a running response, sends what is queued as a hiding page would, and
   * releases timers and listeners. Later events are ignored. Also available as
   * `[Symbol.dispose]` where the runtime defines it (for `using`). */
  dispose(): void;
}

/**
 * Merges handler sets into one; every set's handler runs in order, and one that throws
 * or rejects never stops the others: its error goes to the analytics' `onError` (or to
 * the sets' ChatKit `onError` handlers when no analytics set is among them). Falsy
 * arguments are skipped.
 */
export declare function composeHandlers<const T extends readonly (object | false | null | undefined)[]>(
  ...sets: T
): UnionToIntersection<Exclude<T[number], false | null | undefined>>;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;


// ---- Client tools ----

/**
 * The Standard Schema interface (https://standardschema.dev), as zod 4, valibot and
 * arktype implement it. Declared here so the package needs no dependency for it.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["input"];
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["output"];
}

/**
 * A JSON Schema, draft 2020-12, checked in the Rust core: every keyword of the core,
 * applicator, unevaluated and validation vocabularies (`$ref`/`$defs`, `anyOf`/`oneOf`,
 * `if`/`then`/`else`, `prefixItems`, `unevaluatedProperties`, ...). A `$ref` to another
 * document resolves only against `ClientToolsOptions.schemas`. Unknown keywords and
 * formats are annotations (refused with `strictSchema: true`).
 * Written `as const`, it also types the handler's params (`FromJsonSchema`).
 */
export type JsonSchema = boolean | { readonly "~standard"?: never; readonly [keyword: string]: unknown };

// ---- Params types from a JSON Schema written `as const` ----

/**
 * The params a JSON Schema written `as const` describes: what `register` gives the
 * handler for such a schema (name it elsewhere as `FromJsonSchema<typeof schema>`).
 *
 * - `type`: `"string"` is `string`, `"number"` and `"integer"` are `number`, then
 *   `boolean`, `null`, arrays and objects; a list of names is their union
 *   (`["string", "null"]` is `string | null`). Formats and bounds do not change a type.
 * - `enum` and `const` narrow to their values.
 * - Objects: `properties` named in `required` are required, the others optional; a
 *   required name missing from `properties` is `unknown`. `additionalProperties: false`
 *   (or `unevaluatedProperties: false`) allows no other key; a schema there (or in
 *   `patternProperties`) gives an index signature of its type joined with the declared
 *   properties' types; otherwise there is a `[key: string]: unknown` index signature.
 * - Arrays: `items` gives `T[]`; `prefixItems` a tuple whose first `minItems` elements are
 *   required, closed by `items: false` or a `maxItems` equal to its length.
 * - `anyOf` and `oneOf` give a union (so `anyOf: [X, { type: "null" }]` is `X | null`),
 *   `allOf` an intersection, also with the schema's own keywords.
 * - `$ref` to `#`, `#/$defs/Name` or `#/definitions/Name` of the same schema.
 * - `unknown` for the rest: `not`, `if`/`then`/`else`, `dependentSchemas`, other
 *   references, a subschema with none of `type`, `enum`, `const`, `$ref` or the
 *   combinators, and whatever lies more than 24 subschemas deep (the deep levels of a
 *   recursive `$ref`).
 *
 * A schema that is not `as const` (its `type` widened to `string`) gives `unknown`.
 */
export type FromJsonSchema<S> = JsonSchemaIsLiteral<S> extends true ? JsonInfer<S, S, []> : unknown;

// `register`'s overloads: an `as const` schema takes the inferring one, any other the one
// with an explicit (or default) params type. That one comes last, as tsc reports the last
// overload's error: for an `as const` schema whose handler does not fit, it checks the
// handler against the inferred params, so that the error names the property at fault.
type JsonLiteralOnly<S> = JsonSchemaIsLiteral<S> extends true ? unknown : never;
type JsonLiteralHandler<S> = JsonSchemaIsLiteral<S> extends true ? ToolHandler<FromJsonSchema<S>> : unknown;

// True for a schema written `as const`: a literal `type`, `$ref`, `enum`, `const` or
// combinator list at its top, and none of `type`, `required`, `$ref`, `enum`, `const`
// widened there.
type JsonSchemaIsLiteral<S> = [S] extends [boolean]
  ? false
  : [S] extends [object]
    ? JsonSchemaWidened<S> extends true
      ? false
      : JsonSchemaLiteralMark<S>
    : false;
type JsonSchemaWidened<S> = true extends
  | JsonWideAt<S, "type">
  | JsonWideAt<S, "required">
  | JsonWideAt<S, "$ref">
  | JsonWideAt<S, "enum">
  | JsonWideAt<S, "const">
  ? true
  : false;
type JsonWideAt<S, K extends string> = S extends { readonly [k in K]: infer V } ? JsonWideWord<V> : false;
type JsonWideWord<T> = [string] extends [T]
  ? true
  : [number] extends [T]
    ? true
    : [boolean] extends [T]
      ? true
      : [T] extends [unknown[]]
        ? true
        : false;
type JsonSchemaLiteralMark<S> = S extends { readonly type: string | readonly string[] }
  ? true
  : S extends { readonly $ref: string }
    ? true
    : S extends
          | { readonly anyOf: readonly unknown[] }
          | { readonly oneOf: readonly unknown[] }
          | { readonly allOf: readonly unknown[] }
          | { readonly enum: readonly unknown[] }
          | { readonly const: unknown }
      ? true
      : false;

// Every step into a subschema appends to D; past the limit the type is `unknown`, so
// recursive schemas stay finite and tsc's instantiation depth is never reached.
type JsonDepthLimit = 24;
type JsonDeeper<D extends readonly unknown[]> = [...D, 0];

type JsonInfer<S, R, D extends readonly unknown[]> = D["length"] extends JsonDepthLimit
  ? unknown
  : S extends boolean
    ? (S extends true ? unknown : never)
    : S extends readonly unknown[]
      ? unknown
      : S extends object
        ? JsonFlat<
            JsonConstOf<S> & JsonEnumOf<S> & JsonTypeOf<S, R, D> & JsonRefOf<S, R, D> &
            JsonAllOf<S, R, D> & JsonUnionOf<S, "anyOf", R, D> & JsonUnionOf<S, "oneOf", R, D>
          >
        : unknown;

// Merges the intersections of object types into one object type, union member by member.
type JsonFlat<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]: T[K] } : T;

type JsonConstOf<S> = S extends { readonly const: infer C } ? C : unknown;
type JsonEnumOf<S> = S extends { readonly enum: infer E } ? (E extends readonly unknown[] ? E[number] : unknown) : unknown;

type JsonTypeOf<S, R, D extends readonly unknown[]> = S extends { readonly type: infer T }
  ? T extends readonly unknown[]
    ? JsonTypeNamed<T[number], S, R, D>
    : JsonTypeNamed<T, S, R, D>
  : unknown;
type JsonTypeNamed<T, S, R, D extends readonly unknown[]> = [string] extends [T] ? unknown : JsonTypeName<T, S, R, D>;
type JsonTypeName<T, S, R, D extends readonly unknown[]> = T extends "string"
  ? string
  : T extends "number" | "integer"
    ? number
    : T extends "boolean"
      ? boolean
      : T extends "null"
        ? null
        : T extends "array"
          ? JsonArrayOf<S, R, D>
          : T extends "object"
            ? JsonObjectOf<S, R, D>
            : unknown;

// ---- objects
type JsonPropsOf<S> = S extends { readonly properties: infer P } ? (P extends object ? P : {}) : {};
type JsonRequiredOf<S> = S extends { readonly required: infer Q }
  ? Q extends readonly unknown[]
    ? [string] extends [Q[number]] ? never : Extract<Q[number], string>
    : never
  : never;
type JsonObjectOf<S, R, D extends readonly unknown[]> = JsonObjectShape<JsonPropsOf<S>, JsonRequiredOf<S>, S, R, JsonDeeper<D>>;
type JsonObjectShape<P, Q extends string, S, R, D extends readonly unknown[]> = JsonFlat<
  { -readonly [K in keyof P as K extends Q ? K : never]-?: JsonInfer<P[K], R, D> } &
  { -readonly [K in keyof P as K extends Q ? never : K]+?: JsonInfer<P[K], R, D> } &
  { -readonly [K in Exclude<Q, keyof P>]: unknown } &
  JsonRestOf<S, P, Q, R, D>
>;
// The index signature. `additionalProperties: false` (or `unevaluatedProperties: false`)
// leaves none, unless `patternProperties` allow some keys; a schema there gives its type,
// joined with the pattern and declared property types; anything else `unknown`.
// (Property types are only computed when an index signature needs them, so that nested
// objects stay lazy.)
type JsonRestOf<S, P, Q extends string, R, D extends readonly unknown[]> = S extends { readonly additionalProperties: infer A }
  ? A extends false
    ? JsonClosed<S, P, Q, R, D>
    : A extends object
      ? { [key: string]: JsonInfer<A, R, D> | JsonPatternOf<S, R, D> | JsonDeclaredOf<P, Q, R, D> }
      : { [key: string]: unknown }
  : S extends { readonly unevaluatedProperties: false }
    ? JsonClosed<S, P, Q, R, D>
    : { [key: string]: unknown };
type JsonClosed<S, P, Q extends string, R, D extends readonly unknown[]> = S extends { readonly patternProperties: object }
  ? { [key: string]: JsonPatternOf<S, R, D> | JsonDeclaredOf<P, Q, R, D> }
  : [keyof P | Q] extends [never]
    ? { [key: string]: never }
    : {};
// The value types of `patternProperties`.
type JsonPatternOf<S, R, D extends readonly unknown[]> = S extends { readonly patternProperties: infer PP }
  ? PP extends object
    ? { [K in keyof PP]: JsonInfer<PP[K], R, D> }[keyof PP]
    : never
  : never;
// The declared properties' types (`unknown` for a required name with no property).
type JsonDeclaredOf<P, Q extends string, R, D extends readonly unknown[]> =
  | { [K in keyof P]: K extends Q ? JsonInfer<P[K], R, D> : JsonInfer<P[K], R, D> | undefined }[keyof P]
  | ([Exclude<Q, keyof P>] extends [never] ? never : unknown);

// ---- arrays
type JsonArrayOf<S, R, D extends readonly unknown[]> = S extends { readonly prefixItems: infer P }
  ? P extends readonly unknown[]
    ? JsonTupleOf<P, S, R, JsonDeeper<D>>
    : unknown[]
  : S extends { readonly items: infer I }
    ? I extends readonly unknown[]
      ? unknown[]
      : JsonInfer<I, R, JsonDeeper<D>>[]
    : unknown[];
type JsonTupleOf<P extends readonly unknown[], S, R, D extends readonly unknown[]> =
  JsonSplit<P, S extends { readonly minItems: infer M extends number } ? M : 0> extends [infer Head extends readonly unknown[], infer Tail extends readonly unknown[]]
    ? [...JsonItems<Head, R, D>, ...Partial<JsonItems<Tail, R, D>>, ...JsonTupleRest<P, S, R, D>]
    : unknown[];
// [the first M elements, the others]
type JsonSplit<P extends readonly unknown[], M extends number, Head extends readonly unknown[] = []> =
  Head["length"] extends M
    ? [Head, P]
    : P extends readonly [infer First, ...infer Rest]
      ? JsonSplit<Rest, M, [...Head, First]>
      : [Head, []];
type JsonItems<T extends readonly unknown[], R, D extends readonly unknown[]> = { -readonly [K in keyof T]: JsonInfer<T[K], R, D> };
type JsonTupleRest<P extends readonly unknown[], S, R, D extends readonly unknown[]> = S extends { readonly items: false }
  ? []
  : S extends { readonly maxItems: P["length"] }
    ? []
    : S extends { readonly items: infer I }
      ? JsonInfer<I, R, D>[]
      : unknown[];

// ---- combinators and references
type JsonAllOf<S, R, D extends readonly unknown[]> = S extends { readonly allOf: infer A } ? JsonEvery<A, R, JsonDeeper<D>> : unknown;
type JsonEvery<A, R, D extends readonly unknown[]> = A extends readonly [infer First, ...infer Rest]
  ? JsonInfer<First, R, D> & JsonEvery<Rest, R, D>
  : unknown;
type JsonUnionOf<S, K extends string, R, D extends readonly unknown[]> = S extends { readonly [k in K]: infer A }
  ? A extends readonly (infer B)[]
    ? JsonEach<B, R, JsonDeeper<D>>
    : unknown
  : unknown;
type JsonEach<B, R, D extends readonly unknown[]> = B extends unknown ? JsonInfer<B, R, D> : never;
type JsonRefOf<S, R, D extends readonly unknown[]> = S extends { readonly $ref: infer P extends string }
  ? JsonResolve<P, R, JsonDeeper<D>>
  : unknown;
type JsonResolve<P extends string, R, D extends readonly unknown[]> = [string] extends [P]
  ? unknown
  : P extends "#"
    ? JsonInfer<R, R, D>
    : P extends `#/$defs/${infer N}`
      ? JsonDefinition<R, "$defs", N, D>
      : P extends `#/definitions/${infer N}`
        ? JsonDefinition<R, "definitions", N, D>
        : unknown;
type JsonDefinition<R, Where extends string, N extends string, D extends readonly unknown[]> = R extends { readonly [k in Where]: infer Defs }
  ? N extends keyof Defs
    ? JsonInfer<Defs[N], R, D>
    : unknown
  : unknown;

/** What a handler receives besides its params. */
export interface ToolContext {
  /** Aborted (with the `timeout` error as reason) when the tool's deadline passes, or on `dispose()`. */
  readonly signal: AbortSignal;
  readonly name: string;
  /** Unique per call; the same id is in the call's `ToolEvent`s. */
  readonly callId: string;
}

/** A handler's result: a plain JSON-compatible object (checked at run time: arrays, class instances and cycles are `invalid_result`), or nothing (answered as `{}`). */
export type ToolResult = object | void;

export type ToolHandler<P> = (params: P, ctx: ToolContext) => ToolResult | PromiseLike<ToolResult>;

export interface ToolDefinition<P = Record<string, unknown>> {
  description?: string;
  /** A JSON Schema (draft 2020-12) checked in the Rust core, or any Standard Schema. */
  parameters?: JsonSchema | StandardSchemaV1<unknown, P>;
  /** This tool's deadline in milliseconds; defaults to the registry's `defaultTimeoutMs`. */
  timeoutMs?: number;
  handler: ToolHandler<P>;
}

/** A tool call as ChatKit hands it to `onClientTool`. */
export interface ClientToolCall {
  name: string;
  params: Record<string, unknown>;
}

/** What `dispatch` resolves to for a failed call in `errorMode: "result"`. */
export interface ToolErrorResult {
  error: {
    code: GlueErrorCode;
    message: string;
    retryable: boolean;
    /** True for `timeout`, `tool_failed`, `invalid_result` (the effect may have happened). */
    mayHaveCompleted: boolean;
  };
}

export interface ClientToolsOptions {
  /** Each tool's deadline unless it sets `timeoutMs`; default 20_000. */
  defaultTimeoutMs?: number;
  /** `"result"` (default): failures resolve to `{ error }`; `"throw"`: they reject with a ChatKitGlueError. */
  errorMode?: "result" | "throw";
  onEvent?: (event: ToolEvent) => void;
  /**
   * Documents a `$ref` may name, by URI (`{ "https://example.com/address": {...} }`).
   * Nothing is ever fetched: a reference to anything else is `invalid_config` at `register`.
   */
  schemas?: Record<string, JsonSchema>;
  /** Refuse keywords no draft 2020-12 vocabulary defines (typos like `minLenght`) with `invalid_config`, instead of ignoring them. Default false. */
  strictSchema?: boolean;
}

/**
 * A registry of client tools behind ChatKit's `onClientTool`:
 * `useChatKit({ onClientTool: tools.dispatch })`. Every call has exactly one outcome.
 */
export declare class ClientTools {
  constructor(options?: ClientToolsOptions);
  /** Registers a tool whose params a Standard Schema (zod, valibot, arktype) checks and types. */
  register<S extends StandardSchemaV1>(
    name: string,
    tool: {
      description?: string;
      parameters: S;
      timeoutMs?: number;
      handler: ToolHandler<StandardSchemaV1.InferOutput<S>>;
    },
  ): this;
  /**
   * Registers a tool whose JSON Schema is written `as const`: the handler's params are
   * inferred from it (`FromJsonSchema<S>`).
   */
  register<S extends Exclude<JsonSchema, boolean>>(
    name: string,
    tool: {
      description?: string;
      parameters: S & JsonLiteralOnly<S>;
      timeoutMs?: number;
      handler: ToolHandler<FromJsonSchema<S>>;
    },
  ): this;
  /**
   * Registers a tool with a JSON Schema that is not `as const` (or none); give the params
   * type as `P`. With `P` given, an `as const` schema is not inferred either.
   */
  register<P = Record<string, unknown>, S extends JsonSchema = JsonSchema>(
    name: string,
    tool: ToolDefinition<P> & { parameters?: S; handler: JsonLiteralHandler<S> },
  ): this;
  /** Removes a tool and frees its compiled schema; false when there was none. */
  unregister(name: string): boolean;
  names(): string[];
  /** Resolves once the module is loaded and every schema compiled; rejects with `invalid_config` or `load_failed`. */
  ready(): Promise<void>;
  /** ChatKit's `onClientTool`: bound and stable. */
  readonly dispatch: (call: ClientToolCall) => Promise<Record<string, unknown>>;
  /** Aborts calls in flight (`aborted`) and frees every schema. Also `[Symbol.dispose]` where the runtime has it. */
  dispose(): void;
}

export interface OpenLinkToolOptions {
  /** Hostnames allowed exactly, or with a leading `*.` their subdomains. Default: any host. */
  allowedHosts?: string[];
  target?: "_blank" | "_self";
  /** Called instead of `window.open` (a router's navigation, for example). */
  open?: (url: string, target: "_blank" | "_self") => void | PromiseLike<void>;
}

export type OpenLinkResult =
  | { opened: true; url: string }
  | { opened: false; reason: "needs_user_gesture"; url: string };

/**
 * A tool that opens `params.url`: only absolute `http:`/`https:` URLs without user
 * info, limited to `allowedHosts`; anything else is `invalid_params`.
 */
export declare function openLinkTool(options?: OpenLinkToolOptions): {
  description: string;
  parameters: StandardSchemaV1<{ url: string }, { url: string }>;
  handler: (params: { url: string }, ctx: ToolContext) => Promise<OpenLinkResult>;
};


// ---------------------------------------------------------------------------------------
// Auth fetch (custom backend): createAuthFetch

/** A function with `fetch`'s signature. */
export type AuthFetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface AuthFetchOptions {
  /** The app's token (a JWT): sent as `Authorization: Bearer <token>`. null or "" sends none. */
  token: () => string | null | Promise<string | null>;
  /**
   * Called after a 401, once per rejected token however many requests got it; its token
   * is used for one replay. Default: `token` is asked again.
   */
  refreshToken?: () => string | null | Promise<string | null>;
  /**
   * The origins that may receive the token, such as `"https://api.example.com"`.
   * Default: the page's own origin. Required in Node.
   */
  allowedOrigins?: readonly string[];
  /** Until response headers (including the token callbacks and a replay). Default 30_000. */
  headersTimeoutMs?: number;
  /** Between two chunks of a response body. Default 60_000. */
  idleTimeoutMs?: number;
  /** The fetch to wrap. Default: the global `fetch`. */
  fetch?: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** Observes refreshes, replays and timeouts; never receives a token. */
  onEvent?: (event: FetchEvent) => void;
}

/**
 * The `fetch` for ChatKit's custom backend (`useChatKit({ api: { url, domainKey, fetch } })`):
 *
 * - Keeps headers given as `Headers`, pairs or a record, and a `Request` input's method,
 *   body, headers and signal; a caller's own `Authorization` header is left alone.
 * - Adds `Authorization: Bearer <token>` only for an origin in `allowedOrigins`: never
 *   for other origins (presigned upload URLs, absolute links, protocol-relative URLs).
 * - After a 401: one `refreshToken()` per rejected token, shared by concurrent 401s,
 *   then one replay when the body can be sent again (string, `URLSearchParams`, `Blob`,
 *   `ArrayBuffer`/views, `FormData`); otherwise the 401 is returned. No other retries.
 * - Bodies stream through chunk by chunk. Its deadlines reject with code `"timeout"`;
 *   the caller's abort rejects exactly as fetch does (`AbortError`, or the signal's reason).
 * - A credential callback that throws gives `"unauthorized"`; fetch rejecting gives
 *   `"network"`; bad options reject every call with `"invalid_config"`.
 */
export declare function createAuthFetch(options: AuthFetchOptions): AuthFetch;


// ---------------------------------------------------------------------------------------
// Diagnostics
// ---------------------------------------------------------------------------------------

/** The failures of ChatKit itself that `explainError` recognises (by name and message). */
export type ChatKitErrorCode =
  | "unknown_option"
  | "invalid_api_config"
  | "invalid_options"
  | "domain_not_allowed"
  | "workflow_not_found"
  | "tool_output_missing"
  | "session_rate_limited"
  | "secret_invalid"
  | "request_unauthorized"
  | "fetch_failed";

/** `explainError`'s `code`: a library code, a ChatKit failure, or `"unknown"`. */
export type ExplanationCode = GlueErrorCode | ChatKitErrorCode | "unknown";

export interface ErrorExplanation {
  readonly code: ExplanationCode;
  /** A few words naming the failure. */
  readonly title: string;
  /** What to change. Fixed text: never a part of the error's message. */
  readonly hint: string;
}

/**
 * Explains any thrown value: a `ChatKitGlueError` by its `code` (with its own `hint` when
 * it has one), ChatKit's errors as they reach `onError` (the `{ error }` detail itself is
 * accepted too) by their name and message, then their `cause`. Anything it does not
 * recognise is `{ code: "unknown" }` with an honest hint, never a guessed cause. Never
 * throws. Plain JavaScript: synchronous, and it never needs the WebAssembly module
 * (it works before it loads, and when it cannot).
 */
export declare function explainError(error: unknown): ErrorExplanation;

/** The `code` of an option diagnostic. */
export type OptionDiagnosticCode =
  | "invalid_options"
  | "unknown_option"
  | "unknown_handler"
  | "missing_api"
  | "mixed_api_config"
  | "invalid_value"
  | "hosted_domain_key"
  | "missing_domain_key"
  | "hosted_upload_strategy"
  | "insecure_url"
  | "secret_in_options"
  | "missing_on_error"
  | "non_plain_value"
  | "cyclic_value";

export interface OptionDiagnostic {
  /** `error`: ChatKit rejects the options or the integration cannot work; `warning`: a likely mistake or risk; `info`: worth knowing (no current check reports it). */
  readonly severity: "error" | "warning" | "info";
  readonly code: OptionDiagnosticCode;
  /** Where: `"api.domainKey"`, `"composer.tools[0]"`; `""` for the options themselves. */
  readonly path: string;
  /** What is wrong, naming the path. Never contains a string value of the options. */
  readonly message: string;
  /** What to change. */
  readonly hint?: string;
  /** The nearest valid name, for a mistyped key (`"onError"`, `"api.domainKey"`). */
  readonly suggestion?: string;
}

export interface CheckOptionsContext {
  /** The page's origin (`"https://app.example.com"`) for the non-HTTPS `api.url` check. Default: the current page's origin; none in Node. */
  origin?: string;
}

/**
 * Checks options meant for `useChatKit` and lists the problems (an empty list when there
 * are none): unknown keys and mistyped `on*` handlers with the nearest valid name, `api`
 * shapes ChatKit rejects (hosted with `domainKey` or `uploadStrategy`, custom without
 * `domainKey`), a plain-http `api.url` off localhost, a string that looks like an OpenAI
 * API key anywhere, no `onError`, and non-plain values (Map, Set, Date, class and
 * wasm-bindgen instances, Promises, cycles) with their path.
 *
 * Plain JavaScript: synchronous, and it never needs the WebAssembly module (it works
 * before it loads, and when it cannot). A bad `context` throws `invalid_config`.
 */
export declare function checkOptions(options: unknown, context?: CheckOptionsContext): OptionDiagnostic[];

/**
 * Development only: checks `options` (as `checkOptions`) and prints each problem once
 * (across calls) on the console, grouped, errors first, with its hint. Resolves to the
 * diagnostics. In production builds (`process.env.NODE_ENV === "production"`, which
 * bundlers replace) it does nothing and resolves to `[]`. Rejects with `invalid_config`
 * for a bad `context`.
 */
export declare function reportOptions(options: unknown, context?: CheckOptionsContext): Promise<OptionDiagnostic[]>;

/**
 * Every top-level name `useChatKit` accepts (`@openai/chatkit` 1.9 `ChatKitOptions` and
 * the 13 handlers of `@openai/chatkit-react` 1.6). A type-level test checks it against
 * `keyof UseChatKitOptions`.
 */
export declare const chatKitOptionKeys: readonly [
  "api", "locale", "theme", "frameTitle", "initialThread", "onClientTool", "header", "history",
  "startScreen", "threadItemActions", "composer", "disclaimer", "entities", "commands", "widgets",
  "thread", "onReady", "onError", "onEffect", "onDeeplink", "onResponseStart", "onResponseEnd",
  "onHistoryOpen", "onHistoryClose", "onThreadChange", "onThreadLoadStart", "onThreadLoadEnd",
  "onToolChange", "onLog",
];

/** One of `chatKitOptionKeys`. */
export type ChatKitOptionKey = (typeof chatKitOptionKeys)[number];


// ---- Client secrets (hosted ChatKit) ----

export interface ClientSecretSourceOptions {
  /** POST `{}` answering `{ client_secret, expires_after?, expires_at? }`. Default `"/api/chatkit/start"`; absolute in Node. */
  startUrl?: string;
  /** POST `{ currentClientSecret }`, same answer. Default `"/api/chatkit/refresh"`; absolute in Node. */
  refreshUrl?: string;
  /** The app's token, sent as `Authorization: Bearer <token>`; null sends none. Asked again once after a 401/403. Throwing fails the call with `"unauthorized"` (its error is `cause`). */
  authToken?: () => string | null | Promise<string | null>;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** Default `"same-origin"`. */
  credentials?: RequestCredentials;
  /** Per attempt, until the answer is read. Default 10000. */
  timeoutMs?: number;
  /** Retries on network error, timeout, 408, 429 and 5xx (unless the answer says `retryable: false`). Integer 0 to 10, default 3. */
  retries?: number;
  /** Across all attempts and the waits between them. Default 30000. */
  totalTimeoutMs?: number;
  /** A cached secret this close to expiry is not handed out; never more than half its lifetime. Default 60000. */
  refreshMarginMs?: number;
  /** Least time between two requests. Default max(5000, 10% of the secret's lifetime). */
  minRefreshIntervalMs?: number;
  /** Observer: errors it throws never break the fetch. */
  onEvent?: (event: SecretEvent) => void;
}

/**
 * Fetches, caches and refreshes hosted ChatKit client secrets. Create it once (module
 * scope or `useState(() => new ClientSecretSource())`); the constructor does no I/O and
 * throws `"invalid_config"` for bad options.
 *
 * ```ts
 * const secrets = new ClientSecretSource({ authToken: () => session.token });
 * useChatKit({ api: { getClientSecret: secrets.getClientSecret } });
 * ```
 */
export declare class ClientSecretSource {
  constructor(options?: ClientSecretSourceOptions);
  /**
   * Bound and stable. Resolves to a non-empty secret or rejects with a
   * `ChatKitGlueError`. Concurrent calls share one request; a cached secret newer than
   * `currentClientSecret` and still fresh is returned with no request.
   */
  readonly getClientSecret: (currentClientSecret: string | null) => Promise<string>;
  /** Starts fetching a secret early in a browser; does nothing on the server. */
  prefetch(): void;
  /** The cached secret's expiry (epoch ms on the local clock), or null. */
  expiresAt(): number | null;
  /** Aborts the request in flight (it rejects with `"aborted"`) and forgets the secret. */
  clear(): void;
  /**
   * `clear()`, and every later call rejects with `"aborted"`. Where the runtime has
   * `Symbol.dispose`, `[Symbol.dispose]()` does the same (not declared here, so the
   * types compile without the `esnext.disposable` lib).
   */
  dispose(): void;
}

// ---- Session handlers (server side) ----

export interface SessionHandlersOptions {
  /** `process.env.OPENAI_API_KEY`. Unset, every request answers 500 `misconfigured`. */
  apiKey: string | undefined;
  /** `process.env.CHATKIT_WORKFLOW_ID` (wf_...). Unset, every request answers 500 `misconfigured`. */
  workflowId: string | undefined;
  /** Default `https://api.openai.com` (a trailing `/v1` is accepted). */
  baseUrl?: string;
  /** Verifies the app's session or JWT and returns the user id; null answers 401 with no upstream call. */
  resolveUser: (request: Request) => string | null | Promise<string | null>;
  /** Session lifetime in seconds, 1 to 600 (OpenAI's default: 600). */
  expiresAfterSeconds?: number;
  /** ChatKit requests per minute for the session (`rate_limits.max_requests_per_1_minute`). */
  maxRequestsPerMinute?: number;
  /** Enables file uploads in the session (`chatkit_configuration.file_upload.enabled`). */
  fileUpload?: boolean;
  /** Until OpenAI's answer is read; past it the handler answers 504. Default 10000. */
  timeoutMs?: number;
}

/** A web-standard route handler (Next.js App Router, Node runtime). */
export type SessionHandler = (request: Request) => Promise<Response>;

export interface SessionHandlers {
  /** `app/api/chatkit/start/route.ts`: `export const POST = chatkit.start;` */
  readonly start: SessionHandler;
  /** `app/api/chatkit/refresh/route.ts`: `export const POST = chatkit.refresh;` Mints a new session (OpenAI has no refresh). */
  readonly refresh: SessionHandler;
  /** `app/api/chatkit/[action]/route.ts`: `export const POST = chatkit.POST;` Dispatches on the last path segment. */
  readonly POST: SessionHandler;
}

/**
 * Route handlers that mint ChatKit sessions with `POST {baseUrl}/v1/chatkit/sessions`
 * and answer `{ client_secret, expires_at, expires_after }`, or
 * `{ error: { code, message, hint?, retryable } }` (401 not signed in, 429 rate limited,
 * 502 OpenAI refused or failed, 504 OpenAI timed out). Never the key or OpenAI's body.
 * Throws `"invalid_config"` for options of the wrong type.
 */
export declare function createSessionHandlers(options: SessionHandlersOptions): SessionHandlers;

// Only the names marked `export` above are the package's: the helper types (JsonInfer,
// UnionToIntersection, ...) stay private to this file.
export {};
