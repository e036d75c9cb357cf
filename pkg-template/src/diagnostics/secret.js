// Recognising strings that look like credentials, so that diagnostics can flag them and
// never repeat them. A token is letters, digits, `-` and `_`; a prefix counts only when
// it is not glued to a preceding token character.

/** `sk-` and 20+ key characters: every OpenAI API key (`sk-proj-…`, `sk-svcacct-…`, legacy). */
const API_KEY = /(?:^|[^\w-])sk-[\w-]{20}/;
/** An API key, a ChatKit client secret (`ek_…`) or a `Bearer` value. */
const SECRET = /(?:^|[^\w-])(?:sk-[\w-]{20}|ek_[\w-]{16}|[Bb]earer [\w-]{8})/;

/** Whether `s` contains what looks like an OpenAI API key. */
export const looksLikeApiKey = (s) => API_KEY.test(s);

/** Whether `s` contains anything credential-like: an API key, a client secret, a `Bearer` value or a JWT. */
export function looksSecret(s) {
  if (SECRET.test(s)) return true;
  // `eyJ…` (base64url of `{"`) and at least two dots, as every JWT starts.
  for (const [token] of s.matchAll(/eyJ[\w.-]*/g)) {
    if (token.length >= 16 && token.split(".").length > 2) return true;
  }
  return false;
}
