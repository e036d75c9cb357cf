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
 * Starts loading the WebAssembly module early in a browser (for example when the chat
 * button renders). Does nothing on the server. Optional: every API loads it on first
 * need.
 */
export declare function preload(): void;

/**
 * Resolves once the WebAssembly module is loaded. Rejects with a `ChatKitGlueError` of
 * code `"load_failed"` whose `hint` says why (a Content-Security-Policy without
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
 * A JSON Schema in the supported subset: `type`, `properties`, `required`,
 * `additionalProperties` (boolean), `enum`, `const`, `minimum`, `maximum`,
 * `exclusiveMinimum`, `exclusiveMaximum`, `multipleOf`, `minLength`, `maxLength`,
 * `pattern`, `format` (`uri`, `email`, `date-time`, `uuid`), `items`, `minItems`,
 * `maxItems`, `uniqueItems`, and annotations. Anything else is `invalid_config`.
 */
export type JsonSchema = boolean | { readonly "~standard"?: never; readonly [keyword: string]: unknown };

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
  /** A JSON Schema (subset) checked in the Rust core, or any Standard Schema. */
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

/** Reported to `onEvent`: never the params or the result. */
export interface ToolEvent {
  kind: "tool";
  name: string;
  callId: string;
  phase: "start" | "end" | "late";
  durationMs?: number;
  outcome?: "ok" | GlueErrorCode;
}

export interface ClientToolsOptions {
  /** Each tool's deadline unless it sets `timeoutMs`; default 20_000. */
  defaultTimeoutMs?: number;
  /** `"result"` (default): failures resolve to `{ error }`; `"throw"`: they reject with a ChatKitGlueError. */
  errorMode?: "result" | "throw";
  onEvent?: (event: ToolEvent) => void;
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
  /** Registers a tool with a JSON Schema (or none); give the params type as `P`. */
  register<P = Record<string, unknown>>(name: string, tool: ToolDefinition<P> & { parameters?: JsonSchema }): this;
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
