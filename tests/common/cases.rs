// The list of shared wasm tests, included by tests/web.rs and tests/node.rs so each
// runtime runs the same bodies.

#[wasm_bindgen_test]
async fn with_timeout_resolves_with_the_works_value() {
    common::timeout::resolves_with_the_works_value().await
}
#[wasm_bindgen_test]
async fn with_timeout_passes_the_works_rejection_through() {
    common::timeout::the_works_rejection_passes_through_unchanged().await
}
#[wasm_bindgen_test]
async fn with_timeout_times_out_and_aborts_the_works_signal() {
    common::timeout::times_out_and_aborts_the_works_signal().await
}
#[wasm_bindgen_test]
async fn with_timeout_callers_signal_gives_aborted() {
    common::timeout::the_callers_signal_gives_aborted().await
}
#[wasm_bindgen_test]
async fn with_timeout_already_aborted_signal_never_starts_the_work() {
    common::timeout::an_already_aborted_signal_never_starts_the_work().await
}
#[wasm_bindgen_test]
async fn with_timeout_bad_input_is_invalid_config() {
    common::timeout::bad_input_is_invalid_config().await
}
#[wasm_bindgen_test]
async fn with_timeout_settling_releases_the_timer_and_the_listener() {
    common::timeout::settling_releases_the_timer_and_the_listener().await
}
#[wasm_bindgen_test]
async fn leak_ten_thousand_calls_leave_the_heap_at_its_baseline() {
    common::timeout::ten_thousand_calls_leave_the_heap_at_its_baseline().await
}
#[wasm_bindgen_test]
async fn auth_fetch_the_allowlist_uses_the_platforms_url_parser() {
    common::auth_fetch::the_allowlist_uses_the_platforms_url_parser().await
}
#[wasm_bindgen_test]
async fn auth_fetch_bad_options_are_invalid_config() {
    common::auth_fetch::bad_options_are_invalid_config().await
}
#[wasm_bindgen_test]
async fn auth_fetch_a_token_callback_that_throws_is_unauthorized_and_sends_nothing() {
    common::auth_fetch::a_token_callback_that_throws_is_unauthorized_and_sends_nothing().await
}
#[wasm_bindgen_test]
fn leak_ten_thousand_analytics_cores() {
    common::leak::analytics_cores()
}
#[wasm_bindgen_test]
fn leak_ten_thousand_secret_sources() {
    common::leak::secret_sources()
}
#[wasm_bindgen_test]
fn leak_ten_thousand_auth_fetches() {
    common::leak::auth_fetches()
}
#[wasm_bindgen_test]
fn leak_ten_thousand_tool_schemas() {
    common::leak::tool_schemas()
}
