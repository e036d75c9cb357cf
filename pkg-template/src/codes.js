// Generated from the Rust error taxonomy (src/core/error.rs) by tests/generated.rs:
// `UPDATE_SNAPSHOTS=1 cargo test --test generated` rewrites it. Do not edit.
/** Every `ChatKitGlueError` code, in the order of the public error table, with its default `retryable`. */
export const RETRYABLE = {
  unauthorized: false,
  bad_request: false,
  rate_limited: true,
  server_error: true,
  network: true,
  timeout: true,
  aborted: false,
  bad_response: false,
  refresh_loop: false,
  invalid_params: false,
  unknown_tool: false,
  tool_failed: false,
  invalid_result: false,
  invalid_config: false,
  load_failed: false,
  internal: false,
};
