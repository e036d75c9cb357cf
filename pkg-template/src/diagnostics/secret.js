// Generated from the Rust core's redaction rule (src/core/analytics/redact.rs) by
// tests/generated.rs: `UPDATE_SNAPSHOTS=1 cargo test --test generated` rewrites it. Do not edit.
// Diagnostics has no WebAssembly module: the rule is written out as regular expressions,
// and tests/generated.rs checks they find exactly what the core replaces.
/** At a word start: a JWT, an `sk-`/`ek_` key, or a `Bearer` value (what the core redacts). */
const SECRET = /(?:^|[^A-Za-z0-9])(?:eyJ[0-9A-Za-z\-_]*\.[0-9A-Za-z\-_]*\.[0-9A-Za-z\-_]*|(?:sk-|ek_)[0-9A-Za-z\-_]{8}|[Bb][Ee][Aa][Rr][Ee][Rr][ \t]+(?:[Bb][Ee][Aa][Rr][Ee][Rr][ \t]+)*(?:[0-9AC-Zac-z\-_.~+\/=]|[Bb](?:$|[^Ee]|[Ee](?:$|[^Aa]|[Aa](?:$|[^Rr]|[Rr](?:$|[^Ee]|[Ee](?:$|[^Rr]|[Rr](?:$|[^ \t]))))))))/;
/** At a word start: an OpenAI API key (`sk-`). */
const API_KEY = /(?:^|[^A-Za-z0-9])sk-[0-9A-Za-z\-_]{8}/;
/** Whether `s` contains what looks like an OpenAI API key. */
export const looksLikeApiKey = (s) => API_KEY.test(s);
/** Whether `s` contains anything the core's redaction replaces: an API key, a client secret, a `Bearer` value or a JWT. */
export const looksSecret = (s) => SECRET.test(s);
