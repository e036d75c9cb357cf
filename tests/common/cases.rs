// The list of shared wasm tests, included by tests/web.rs and tests/node.rs so each
// runtime runs the same bodies.

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
fn analytics_a_run_of_events_crosses_in_one_call() {
    common::analytics::a_run_of_events_crosses_in_one_call()
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
#[wasm_bindgen_test]
fn leak_the_allocator_reuses_what_is_freed() {
    common::leak::the_allocator_reuses_what_is_freed()
}
