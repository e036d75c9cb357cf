// The texts of checkOptions: one row per kind of problem, [code, severity, message, hint].
// In a message, `$` stands for the option's path and `%` for a detail (a type, a kind of
// object).

const API = "Hosted: api: { getClientSecret }. Own backend: api: { url, domainKey, fetch?, uploadStrategy? }.";
const RENAME = "Rename or remove it; chatKitOptionKeys lists the valid names.";
const OWN_BACKEND_ONLY = "`$` is only for your own backend: ChatKit rejects hosted api with it.";
const INSECURE = "Serve the backend over HTTPS: tokens and messages would travel in clear text.";
const NON_PLAIN = "Pass plain data (e.g. Object.fromEntries(map), date.toISOString()) and bound functions.";

export const INVALID_OPTIONS = ["invalid_options", "error", "The options must be a plain object, not %.", API];
export const UNKNOWN_OPTION = ["unknown_option", "error", "`$` is not a ChatKit option: ChatKit rejects the options.", RENAME];
export const MISPLACED_API_KEY = ["unknown_option", "error", "`$` belongs inside `api`: ChatKit rejects it here.", API];
export const UNKNOWN_API_KEY = ["unknown_option", "error", "`$` is not a key of % api: ChatKit rejects it.", API];
export const UNKNOWN_HANDLER = ["unknown_handler", "error", "`$` is not a ChatKit event: useChatKit drops it silently.", "useChatKit treats on* keys as event handlers and drops unknown ones; chatKitOptionKeys lists the valid names."];
export const MISSING_API = ["missing_api", "error", "`$` needs getClientSecret (hosted ChatKit) or url (your own backend).", API];
export const MIXED_API = ["mixed_api_config", "error", "`$` has both getClientSecret (hosted) and url (own backend): ChatKit rejects it.", API];
export const INVALID_VALUE = ["invalid_value", "error", "`$` must be %.", API];
export const HOSTED_DOMAIN_KEY = ["hosted_domain_key", "error", OWN_BACKEND_ONLY, "Remove it: hosted ChatKit checks the domain allowlist itself."];
export const MISSING_DOMAIN_KEY = ["missing_domain_key", "error", "Your own backend needs `$`: ChatKit rejects api without it, even on localhost.", "Add the domain at platform.openai.com/settings/organization/security/domain-allowlist and pass its key."];
export const HOSTED_UPLOAD = ["hosted_upload_strategy", "error", OWN_BACKEND_ONLY, "Enable uploads on the session instead (createSessionHandlers: fileUpload: true)."];
export const INSECURE_URL = ["insecure_url", "warning", "`$` is plain http to a host that is not localhost.", INSECURE];
export const BLOCKED_URL = ["insecure_url", "error", "`$` is plain http: an HTTPS page blocks every request to it (mixed content).", INSECURE];
export const SECRET = ["secret_in_options", "error", "`$` holds what looks like an OpenAI API key (sk-…).", "Revoke it; keep API keys on the server (createSessionHandlers) and give ChatKit client secrets only."];
export const MISSING_ON_ERROR = ["missing_on_error", "warning", "No `onError` handler: ChatKit's errors reach only the console.", "Add onError: ({ error }) => …; explainError(error) says what to change."];
export const NON_PLAIN_VALUE = ["non_plain_value", "error", "`$` is %: useChatKit keeps only its own fields (a Map or Date becomes {}), and a new one each render re-initialises ChatKit.", NON_PLAIN];
export const PROMISE = ["non_plain_value", "error", "`$` is a Promise: pass the function itself, not its result.", NON_PLAIN];
export const CYCLE = ["cyclic_value", "error", "`$` refers back to an object that contains it.", "Pass a tree: useChatKit copies options recursively and never ends on a cycle."];
