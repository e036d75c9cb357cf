//! The few platform APIs authFetch touches, declared by hand: only the members used, so
//! the module imports nothing else (web-sys would bring each interface's full glue).

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = Request)]
    pub type Request;
    /// `new Request(input, init)`: the platform merges a `Request` input with `init`,
    /// takes headers in every form, and resolves a relative URL exactly as `fetch` does.
    #[wasm_bindgen(constructor, catch, js_class = "Request")]
    pub fn new(input: &JsValue, init: &JsValue) -> Result<Request, JsValue>;
    #[wasm_bindgen(method, getter)]
    pub fn url(this: &Request) -> String;
    #[wasm_bindgen(method, getter)]
    pub fn headers(this: &Request) -> Headers;
    #[wasm_bindgen(method, getter)]
    pub fn signal(this: &Request) -> AbortSignal;
    #[wasm_bindgen(method, getter)]
    pub fn body(this: &Request) -> JsValue;

    pub type Headers;
    #[wasm_bindgen(method)]
    pub fn has(this: &Headers, name: &str) -> bool;
    #[wasm_bindgen(method, catch)]
    pub fn set(this: &Headers, name: &str, value: &str) -> Result<(), JsValue>;

    #[wasm_bindgen(js_name = Response)]
    pub type Response;
    #[wasm_bindgen(constructor, catch, js_class = "Response")]
    pub fn new(body: &JsValue, init: &JsValue) -> Result<Response, JsValue>;
    #[wasm_bindgen(method, getter)]
    pub fn status(this: &Response) -> u16;
    #[wasm_bindgen(method, getter, js_name = body)]
    pub fn response_body(this: &Response) -> JsValue;

    #[wasm_bindgen(js_name = ReadableStream)]
    pub type ReadableStream;
    #[wasm_bindgen(constructor, catch, js_class = "ReadableStream")]
    pub fn new(source: &JsValue, strategy: &JsValue) -> Result<ReadableStream, JsValue>;
    #[wasm_bindgen(method, catch, js_name = getReader)]
    pub fn get_reader(this: &ReadableStream) -> Result<Reader, JsValue>;
    #[wasm_bindgen(method, js_name = cancel)]
    pub fn cancel_stream(this: &ReadableStream, reason: &JsValue) -> Promise;

    #[derive(Clone)]
    pub type Reader;
    #[wasm_bindgen(method)]
    pub fn read(this: &Reader) -> Promise;
    #[wasm_bindgen(method)]
    pub fn cancel(this: &Reader, reason: &JsValue) -> Promise;

    /// A `ReadableStreamDefaultController`. Its methods throw once the stream is closed
    /// or errored (a consumer's cancel can get there first); those throws are ignored.
    pub type StreamController;
    #[wasm_bindgen(method, catch)]
    pub fn enqueue(this: &StreamController, chunk: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch)]
    pub fn close(this: &StreamController) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch)]
    pub fn error(this: &StreamController, e: &JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(js_name = URL)]
    pub type Url;
    #[wasm_bindgen(constructor, catch, js_class = "URL")]
    pub fn new(url: &str) -> Result<Url, JsValue>;
    #[wasm_bindgen(method, getter)]
    pub fn href(this: &Url) -> String;
}

/// Observes a promise's settlement without waiting for it, so a rejection nobody needs
/// (cancelling a body already errored) is never reported as unhandled.
pub fn ignore(promise: Promise) {
    drop(wasm_bindgen_futures::JsFuture::from(promise));
}
