// Fixtures for the diagnostics tests: one set of options per checkOptions code (each
// triggers exactly that code), clean options that trigger none, and one real-shaped
// error per ChatKit failure explainError recognises.

export const API_KEY = "sk-proj-Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVbNm";

const hosted = () => ({ getClientSecret: async () => "ek_client_secret" });
const custom = () => ({ url: "/api/chatkit", domainKey: "domain_pk_123" });
const base = (extra = {}, api = hosted()) => ({ api, onError: () => {}, ...extra });

class Settings {
  constructor() {
    this.colorScheme = "dark";
  }
}

/** code -> { options, origin?, path } */
export const optionFixtures = {
  invalid_options: { options: "not options", path: "" },
  unknown_option: { options: base({ startscreen: { greeting: "Hi" } }), path: "startscreen", suggestion: "startScreen" },
  unknown_handler: { options: base({ onErorr: () => {} }), path: "onErorr", suggestion: "onError" },
  missing_api: { options: { onError: () => {} }, path: "api" },
  mixed_api_config: { options: base({}, { ...hosted(), ...custom() }), path: "api" },
  invalid_value: { options: base({}, { getClientSecret: "ek_not_a_function" }), path: "api.getClientSecret" },
  hosted_domain_key: { options: base({}, { ...hosted(), domainKey: "domain_pk_123" }), path: "api.domainKey" },
  missing_domain_key: { options: base({}, { url: "/api/chatkit" }), path: "api.domainKey" },
  hosted_upload_strategy: { options: base({}, { ...hosted(), uploadStrategy: { type: "two_phase" } }), path: "api.uploadStrategy" },
  insecure_url: { options: base({}, { ...custom(), url: "http://chat.example.com/api" }), origin: "http://app.example.com", path: "api.url" },
  secret_in_options: { options: base({ header: { title: { text: API_KEY } } }), path: "header.title.text" },
  missing_on_error: { options: { api: hosted() }, path: "onError" },
  non_plain_value: { options: base({ theme: new Settings() }), path: "theme" },
  cyclic_value: (() => {
    const header = { title: { text: "Chat" } };
    header.title.parent = header;
    return { options: base({ header }), path: "header.title.parent" };
  })(),
};

/** Options that use every kind of value ChatKit takes, with nothing wrong. */
export function cleanOptions() {
  return {
    api: hosted(),
    locale: "en",
    theme: { colorScheme: "dark", radius: "round", color: { accent: { primary: "#0af", level: 1 } } },
    frameTitle: "Support",
    initialThread: null,
    composer: { placeholder: "Ask…", tools: [{ id: "search", label: "Search", icon: "search" }], attachments: { enabled: true, maxSize: 1e6 } },
    startScreen: { greeting: "Hi", prompts: [{ label: "Start", prompt: "Hello" }] },
    history: { enabled: true },
    entities: { onTagSearch: async () => [] },
    widgets: { onAction: async () => {} },
    onClientTool: async () => ({}),
    onReady() {},
    onError() {},
    onLog() {},
    onThreadChange() {},
  };
}

/** A thrown value of each kind ChatKit reports, shaped as users see them. */
export function chatkitErrors() {
  class InvalidFrameParamsError extends Error {
    constructor(message) {
      super(message);
      this.name = "InvalidFrameParamsError";
    }
  }
  return {
    unknown_option: new InvalidFrameParamsError('Invalid frame params: ChatKit.create():\n✖ Unrecognized key: "onErorr"'),
    invalid_api_config: new InvalidFrameParamsError("Invalid frame params: ChatKit.create():\n✖ Invalid input\n  → at api"),
    invalid_options: new InvalidFrameParamsError("Invalid frame params: ChatKit.create():\n✖ Invalid option\n  → at theme.radius"),
    domain_not_allowed: new Error("Domain not allowed: app.example.com is not on this organization's allowlist"),
    workflow_not_found: new Error("Workflow with id 'wf_68ebc5886f508190843c8bdde3' not found."),
    tool_output_missing: new Error("No tool output found for function call call_Zx9Qw8Er7Ty6."),
    session_rate_limited: Object.assign(new Error("Request failed"), { status: 429 }),
    secret_invalid: new Error("Chatkit Session with id 'cksess_68f19e2651108190a00' not found."),
    request_unauthorized: Object.assign(new Error("HTTP 401"), { status: 401 }),
    fetch_failed: new TypeError("Failed to fetch"),
  };
}
