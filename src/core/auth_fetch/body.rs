//! Which request bodies can be sent again after a 401.
//!
//! A body the platform rebuilds from the same value each time (`fetch` re-extracts a
//! string, `URLSearchParams`, `Blob`, buffer or `FormData` on every call) is replayable.
//! A stream is read once. A `Request` passed as input carries its body as an opaque
//! stream that the first send consumes, so it is not replayed either (pass the body in
//! `init` for a replay). Anything else (an async iterable, an unknown object) is not
//! replayed: when in doubt, the 401 goes back to the caller.

/// What a request's body was made from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyKind {
    /// No body (GET, HEAD, or `body: null`).
    Empty,
    /// A string (or a number or boolean, which fetch turns into one).
    Text,
    SearchParams,
    /// A `Blob` or `File`.
    Blob,
    /// An `ArrayBuffer`, a typed array or a `DataView`.
    Bytes,
    FormData,
    /// A `ReadableStream`.
    Stream,
    /// The body of a `Request` given as input.
    RequestBody,
    /// Anything else.
    Other,
}

impl BodyKind {
    /// Whether the same request can be sent a second time with the same body.
    pub const fn replayable(self) -> bool {
        matches!(
            self,
            BodyKind::Empty
                | BodyKind::Text
                | BodyKind::SearchParams
                | BodyKind::Blob
                | BodyKind::Bytes
                | BodyKind::FormData
        )
    }
}

/// The kind of an object body from its `Symbol.toStringTag` (`"Blob"`, `"FormData"`,
/// `"Uint8Array"`...), which, unlike `instanceof`, also recognises objects from
/// another realm (an iframe).
pub fn kind_of_tag(tag: &str) -> BodyKind {
    match tag {
        "URLSearchParams" => BodyKind::SearchParams,
        "Blob" | "File" => BodyKind::Blob,
        "FormData" => BodyKind::FormData,
        "ArrayBuffer" | "DataView" => BodyKind::Bytes,
        "ReadableStream" => BodyKind::Stream,
        t if t.ends_with("Array") => BodyKind::Bytes,
        _ => BodyKind::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::kind_of_tag;
    use super::BodyKind::*;

    #[test]
    fn tags_name_the_kinds() {
        for (tag, kind) in [
            ("URLSearchParams", SearchParams),
            ("Blob", Blob),
            ("File", Blob),
            ("FormData", FormData),
            ("ArrayBuffer", Bytes),
            ("DataView", Bytes),
            ("Uint8Array", Bytes),
            ("Float64Array", Bytes),
            ("BigInt64Array", Bytes),
            ("ReadableStream", Stream),
            ("AsyncGenerator", Other),
            ("", Other),
        ] {
            assert_eq!(kind_of_tag(tag), kind, "{tag}");
        }
    }

    #[test]
    fn the_replayable_kinds_are_the_ones_fetch_rebuilds() {
        for k in [Empty, Text, SearchParams, Blob, Bytes, FormData] {
            assert!(k.replayable(), "{k:?}");
        }
        for k in [Stream, RequestBody, Other] {
            assert!(!k.replayable(), "{k:?}");
        }
    }
}
