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

#[cfg(test)]
mod tests {
    use super::BodyKind::*;

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
