// Hand-written arguments for the twelve tools of pydantic_tools.py and zod_tools.mjs: what
// a model sends, right and wrong. Each is labelled with the verdict JSON Schema gives it
// (`valid` / `invalid`); where the two schema writers differ, `invalidFor` names the
// writer whose schema refuses it (the other's accepts it). generate.mjs checks every label
// against ajv (a label ajv disagrees with is a mistake in this file, and fails the
// generator), then adds mutations, whose verdict only ajv gives.

/** An instance listed under `invalid` that only `writer`'s schema refuses. */
function invalidFor(writer, data) {
  return { invalidFor: writer, data };
}

const uuid = "3f2b8c1e-9a4d-4c7b-8e2f-1a2b3c4d5e6f";

export const instances = {
  create_calendar_event: {
    valid: [
      { title: "Standup", start: "2025-03-04T09:30:00Z" },
      {
        title: "Quarterly review",
        start: "2025-03-04T09:30:00+01:00",
        end: "2025-03-04T11:00:00.250+01:00",
        all_day: false,
        attendees: [
          { email: "ana@example.com", name: "Ana", rsvp: "yes" },
          { email: "bo.li@example.org", name: null },
        ],
        location: null,
        reminders_minutes: [10, 60, 1440],
      },
      { title: "x", start: "2024-02-29T00:00:00Z", end: null, attendees: [], reminders_minutes: [] },
      { title: "Trip", start: "2025-06-01T08:00:00Z", unknown_field: 1 },
    ],
    invalid: [
      {},
      { title: "", start: "2025-03-04T09:30:00Z" },
      { title: "Standup", start: "2025-03-04 09:30" },
      { title: "Standup", start: "2025-02-30T09:30:00Z" },
      { title: "Standup", start: "2025-03-04T09:30:00Z", attendees: [{ name: "no email" }] },
      { title: "Standup", start: "2025-03-04T09:30:00Z", attendees: [{ email: "not-an-email" }] },
      { title: "Standup", start: "2025-03-04T09:30:00Z", attendees: [{ email: "a@b.co", rsvp: "later" }] },
      { title: "Standup", start: "2025-03-04T09:30:00Z", reminders_minutes: [10, 10] },
      { title: "Standup", start: "2025-03-04T09:30:00Z", reminders_minutes: [1, 2, 3, 4, 5, 6] },
      { title: "Standup", start: "2025-03-04T09:30:00Z", reminders_minutes: [20000] },
      { title: "Standup", start: "2025-03-04T09:30:00Z", reminders_minutes: [1.5] },
      { title: "a".repeat(201), start: "2025-03-04T09:30:00Z" },
      { title: "Standup", start: "2025-03-04T09:30:00Z", all_day: "no" },
      ["Standup", "2025-03-04T09:30:00Z"],
      // RFC 3339 allows a lowercase "t"; zod's pattern does not.
      invalidFor("zod", { title: "Standup", start: "2025-03-04t09:30:00z" }),
    ],
  },
  search_products: {
    valid: [
      { query: "garden hose" },
      { query: "usb-c cable", filters: { category: "electronics", price: { min: 0, max: 25.5 }, in_stock: true } },
      { query: "novels", filters: null, sort: "price_asc", page: 3, page_size: 100 },
      { query: "lamp", filters: { category: null, price: null } },
      { query: "lamp", page: 2.0 },
    ],
    invalid: [
      { query: "" },
      { q: "lamp" },
      { query: "lamp", sort: "cheapest" },
      { query: "lamp", page: 0 },
      { query: "lamp", page: 1.5 },
      { query: "lamp", page_size: 101 },
      { query: "lamp", filters: { category: "toys" } },
      { query: "lamp", filters: { price: { min: -1 } } },
      { query: "lamp", filters: { price: { max: 0 } } },
      { query: "lamp", filters: "cheap" },
      { query: 42 },
    ],
  },
  write_file_tree: {
    valid: [
      { root: { name: "README.md", kind: "file", size: 120 } },
      {
        root: {
          name: "src",
          kind: "dir",
          children: [
            { name: "main.rs", kind: "file", size: 0 },
            { name: "lib", kind: "dir", children: [{ name: "mod.rs", kind: "file", size: null, children: [] }] },
          ],
        },
        overwrite: true,
      },
      { root: { name: "a", kind: "dir", children: [{ name: "b", kind: "dir", children: [{ name: "c", kind: "dir", children: [{ name: "d", kind: "file" }] }] }] } },
    ],
    invalid: [
      { root: { name: "a/b", kind: "file" } },
      { root: { name: "", kind: "file" } },
      { root: { name: "x", kind: "symlink" } },
      { root: { name: "x", kind: "file", size: -1 } },
      { root: { name: "src", kind: "dir", children: [{ name: "deep", kind: "dir", children: [{ name: "bad/name", kind: "file" }] }] } },
      { root: { name: "src", kind: "dir", children: [{ kind: "file" }] } },
      { root: { name: "src", kind: "dir", children: {} } },
      { overwrite: true },
    ],
  },
  send_payment: {
    valid: [
      { amount: 20, currency: "USD", source: { method: "card", last4: "4242", exp_month: 12, exp_year: 2030 } },
      { amount: 0.5, currency: "EUR", source: { method: "bank", iban: "DE89370400440532013000" }, memo: "rent" },
      { amount: 1000000, currency: "GBP", source: { method: "wallet", provider: "paypal" }, memo: null },
      { amount: 12.25, currency: "USD", source: { method: "wallet", provider: "apple_pay" } },
      // 1999 × 0.01: ajv divides in binary floating point and refuses it (see
      // docs/conformance.md, the named exceptions).
      { amount: 19.99, currency: "USD", source: { method: "wallet", provider: "apple_pay" } },
    ],
    invalid: [
      { amount: 0, currency: "USD", source: { method: "wallet", provider: "paypal" } },
      { amount: -5, currency: "USD", source: { method: "wallet", provider: "paypal" } },
      { amount: 10.005, currency: "USD", source: { method: "wallet", provider: "paypal" } },
      { amount: 1000000.01, currency: "USD", source: { method: "wallet", provider: "paypal" } },
      { amount: 10, currency: "usd", source: { method: "wallet", provider: "paypal" } },
      { amount: 10, currency: "USD", source: { method: "card", last4: "42", exp_month: 1, exp_year: 2030 } },
      { amount: 10, currency: "USD", source: { method: "card", last4: "4242", exp_month: 13, exp_year: 2030 } },
      { amount: 10, currency: "USD", source: { method: "bank", iban: "not an iban" } },
      { amount: 10, currency: "USD", source: { method: "crypto", wallet: "0xabc" } },
      { amount: 10, currency: "USD", source: { provider: "paypal" } },
      { amount: 10, currency: "USD", source: { method: "wallet", provider: "paypal" }, memo: "m".repeat(141) },
      { amount: "10.00", currency: "USD", source: { method: "wallet", provider: "paypal" } },
    ],
  },
  update_ticket: {
    valid: [
      { ticket_id: uuid },
      { ticket_id: uuid.toUpperCase(), status: "solved", priority: 2, labels: ["billing", "vip-2"], assignee: "ops@example.com", comment: "Refunded." },
      { ticket_id: uuid, status: null, priority: null, assignee: null, comment: null, labels: [] },
    ],
    invalid: [
      { ticket_id: "12345" },
      { ticket_id: uuid, status: "archived" },
      { ticket_id: uuid, priority: 0 },
      { ticket_id: uuid, priority: 6 },
      { ticket_id: uuid, labels: ["Billing"] },
      { ticket_id: uuid, labels: ["9lives"] },
      { ticket_id: uuid, labels: ["x".repeat(33)] },
      { ticket_id: uuid, labels: Array.from({ length: 11 }, (_, i) => `l${i}`) },
      { ticket_id: uuid, assignee: "ops at example.com" },
      { ticket_id: uuid, comment: "" },
      { ticket_id: uuid, note: "extra field" },
      { status: "open" },
      // A version-0 UUID: RFC 9562's syntax allows it; zod's pattern asks for 1-8.
      invalidFor("zod", { ticket_id: "3f2b8c1e-9a4d-0c7b-8e2f-1a2b3c4d5e6f" }),
    ],
  },
  configure_webhook: {
    valid: [
      { url: "https://hooks.example.com/chatkit", events: ["message.created"] },
      {
        url: "https://hooks.example.com/chatkit?team=7#frag",
        events: ["message.created", "thread.closed"],
        headers: { "X-Team": "seven", "X-Trace": "" },
        secret: "0123456789abcdef",
        retry: { max_attempts: 10, backoff: "fixed", initial_delay: "PT30S" },
      },
      { url: "http://127.0.0.1:8080/hook", events: ["message.deleted"], retry: { initial_delay: "P1DT12H" }, secret: null },
      { url: "urn:example:hook", events: ["thread.closed"], headers: {} },
    ],
    invalid: [
      { url: "/relative/path", events: ["message.created"] },
      { url: "https://hooks example.com", events: ["message.created"] },
      { url: "https://hooks.example.com", events: [] },
      { url: "https://hooks.example.com", events: ["message.edited"] },
      { url: "https://hooks.example.com", events: ["message.created"], headers: { "X-Retry": 3 } },
      { url: "https://hooks.example.com", events: ["message.created"], secret: "short" },
      { url: "https://hooks.example.com", events: ["message.created"], retry: { max_attempts: 0 } },
      { url: "https://hooks.example.com", events: ["message.created"], retry: { backoff: "linear" } },
      { url: "https://hooks.example.com", events: ["message.created"], retry: { initial_delay: "1 second" } },
      { url: "https://hooks.example.com", events: ["message.created"], retry: { initial_delay: "PT" } },
      // What pydantic itself writes for half a second: RFC 3339's duration has no fractions.
      { url: "https://hooks.example.com", events: ["message.created"], retry: { initial_delay: "PT0.5S" } },
      { events: ["message.created"] },
    ],
  },
  book_flight: {
    valid: [
      {
        route: ["SFO", "JFK"],
        trip: { depart: "2025-07-01" },
        passengers: [{ first_name: "Ana", last_name: "Silva", birth_date: "1990-05-17" }],
      },
      {
        route: ["LHR", "NRT"],
        trip: { depart: "2025-12-20", return: "2026-01-05" },
        passengers: [
          { first_name: "Bo", last_name: "Li", birth_date: "1985-01-31", seat: "12C" },
          { first_name: "Kai", last_name: "Li", birth_date: "2016-02-29", seat: null },
        ],
        cabin: "business",
      },
    ],
    invalid: [
      { route: ["SFO"], trip: { depart: "2025-07-01" }, passengers: [{ first_name: "A", last_name: "B", birth_date: "1990-01-01" }] },
      { route: ["SFO", "JFK", "LAX"], trip: { depart: "2025-07-01" }, passengers: [{ first_name: "A", last_name: "B", birth_date: "1990-01-01" }] },
      { route: ["sfo", "JFK"], trip: { depart: "2025-07-01" }, passengers: [{ first_name: "A", last_name: "B", birth_date: "1990-01-01" }] },
      { route: ["SFO", "JFK"], trip: { depart: "2025-07-01", nights: 3 }, passengers: [{ first_name: "A", last_name: "B", birth_date: "1990-01-01" }] },
      { route: ["SFO", "JFK"], trip: { depart: "07/01/2025" }, passengers: [{ first_name: "A", last_name: "B", birth_date: "1990-01-01" }] },
      { route: ["SFO", "JFK"], trip: { depart: "2025-07-01" }, passengers: [] },
      { route: ["SFO", "JFK"], trip: { depart: "2025-07-01" }, passengers: [{ first_name: "A", last_name: "B", birth_date: "2015-02-29" }] },
      { route: ["SFO", "JFK"], trip: { depart: "2025-07-01" }, passengers: [{ first_name: "A", last_name: "B", birth_date: "1990-01-01", seat: "12Z" }] },
      { route: ["SFO", "JFK"], trip: { depart: "2025-07-01" }, passengers: [{ first_name: "", last_name: "B", birth_date: "1990-01-01" }] },
      { route: ["SFO", "JFK"], trip: { depart: "2025-07-01" }, passengers: [{ first_name: "A", last_name: "B", birth_date: "1990-01-01" }], cabin: "coach" },
      { route: ["SFO", "JFK"], trip: {}, passengers: [{ first_name: "A", last_name: "B", birth_date: "1990-01-01" }] },
    ],
  },
  evaluate_expression: {
    valid: [
      { expr: { op: "num", value: 4 } },
      { expr: { op: "add", left: { op: "num", value: 1 }, right: { op: "neg", arg: { op: "num", value: 2.5 } } }, precision: 2 },
      {
        expr: {
          op: "mul",
          left: { op: "add", left: { op: "num", value: 1 }, right: { op: "num", value: 2 } },
          right: { op: "neg", arg: { op: "neg", arg: { op: "num", value: -3e-7 } } },
        },
      },
    ],
    invalid: [
      { expr: { op: "num" } },
      { expr: { op: "num", value: "4" } },
      { expr: { op: "sub", left: { op: "num", value: 1 }, right: { op: "num", value: 2 } } },
      { expr: { op: "add", left: { op: "num", value: 1 } } },
      { expr: { op: "neg", arg: { op: "neg", arg: { op: "neg", arg: { op: "num", value: null } } } } },
      { expr: { op: "num", value: 1 }, precision: 16 },
      { expr: { op: "num", value: 1 }, precision: -1 },
      { expr: 4 },
      {},
    ],
  },
  set_thermostat: {
    valid: [
      { room: "kitchen", mode: "heat", target: 21.5 },
      { room: "office", mode: "auto", schedule: { mon: [{ at: "07:00:00Z", target: 20 }, { at: "22:30:00+01:00", target: 16.5 }], sat: [] } },
      { room: "bedroom", mode: "off", target: null },
    ],
    invalid: [
      { room: "kitchen", mode: "eco" },
      { room: "", mode: "heat" },
      { room: "kitchen", mode: "heat", target: 4.9 },
      { room: "kitchen", mode: "heat", target: 31 },
      { room: "kitchen", mode: "cool", schedule: { mon: [{ at: "07:00:00Z", target: 40 }] } },
      { room: "kitchen", mode: "cool", schedule: { mon: [{ at: "25:00:00Z", target: 20 }] } },
      { room: "kitchen", mode: "cool", schedule: { mon: [{ target: 20 }] } },
      { room: "kitchen", mode: "cool", schedule: { mon: Array.from({ length: 7 }, () => ({ at: "07:00:00Z", target: 20 })) } },
      { mode: "heat" },
      // A key outside the pattern: pydantic writes patternProperties (other keys pass),
      // zod writes propertyNames (other keys fail).
      invalidFor("zod", { room: "kitchen", mode: "cool", schedule: { monday: [] } }),
    ],
  },
  add_firewall_rule: {
    valid: [
      { source: "10.0.0.1", destination_host: "db.internal.example.com", ports: [5432], action: "allow" },
      { source: "2001:db8::1", destination_host: "localhost", ports: [80, 443], protocol: "tcp", action: "deny", expires: "2026-01-01T00:00:00Z" },
    ],
    invalid: [
      { source: "10.0.0.256", destination_host: "db", ports: [5432], action: "allow" },
      { source: "10.0.0", destination_host: "db", ports: [5432], action: "allow" },
      { source: "2001:db8:::1", destination_host: "db", ports: [5432], action: "allow" },
      { source: "10.0.0.1", destination_host: "-bad-.example", ports: [5432], action: "allow" },
      { source: "10.0.0.1", destination_host: "under_score.example", ports: [5432], action: "allow" },
      { source: "10.0.0.1", destination_host: "db", ports: [], action: "allow" },
      { source: "10.0.0.1", destination_host: "db", ports: [0], action: "allow" },
      { source: "10.0.0.1", destination_host: "db", ports: [65536], action: "allow" },
      { source: "10.0.0.1", destination_host: "db", ports: [22], action: "allow", protocol: "sctp" },
      { source: "10.0.0.1", destination_host: "db", ports: [22], action: "maybe" },
      { source: "10.0.0.1", destination_host: "db", ports: [22], action: "allow", comment: "x" },
      { source: "10.0.0.1", destination_host: "db", ports: [22], action: "allow", expires: "tomorrow" },
      // An IPv4-mapped IPv6 address: RFC 4291 allows it; zod's ipv6 pattern does not.
      invalidFor("zod", { source: "::ffff:192.0.2.128", destination_host: "xn--bcher-kva.example", ports: [53], protocol: "udp", action: "allow", expires: null }),
    ],
  },
  submit_form: {
    valid: [
      { form_id: uuid, answers: [], consent: true },
      {
        form_id: uuid,
        answers: [
          { type: "text", question_id: "why", text: "Because." },
          { type: "choice", question_id: "color", choices: ["red", "blue"] },
          { type: "scale", question_id: "nps", value: 10 },
        ],
        contact: { name: "Ana", email: "ana@example.com" },
        consent: true,
      },
      { form_id: uuid, answers: [{ type: "scale", question_id: "q-1", value: 1 }], contact: null, consent: true },
    ],
    invalid: [
      { form_id: uuid, answers: [], consent: false },
      { form_id: uuid, answers: [] },
      { form_id: uuid, answers: [{ type: "scale", question_id: "nps", value: 11 }], consent: true },
      { form_id: uuid, answers: [{ type: "choice", question_id: "color", choices: [] }], consent: true },
      { form_id: uuid, answers: [{ type: "choice", question_id: "color", choices: [""] }], consent: true },
      { form_id: uuid, answers: [{ type: "text", question_id: "Why", text: "x" }], consent: true },
      { form_id: uuid, answers: [{ type: "rating", question_id: "q", value: 3 }], consent: true },
      { form_id: uuid, answers: [{ type: "text", question_id: "q", value: 3 }], consent: true },
      { form_id: uuid, answers: [], contact: { name: "Ana" }, consent: true },
      { form_id: uuid, answers: [], contact: { name: "Ana", email: "ana@" }, consent: true },
      { form_id: "form-1", answers: [], consent: true },
    ],
  },
  translate_document: {
    valid: [
      { text: "Hello", target_langs: ["fr"] },
      { text: "Hello", source_lang: "en-US", target_langs: ["fr", "pt-BR", "ja"], glossary: { ChatKit: "ChatKit" }, tone: "formal" },
      { text: "Hello", source_lang: null, target_langs: ["de"], glossary: null },
    ],
    invalid: [
      { text: "", target_langs: ["fr"] },
      { text: "Hello", target_langs: [] },
      { text: "Hello", target_langs: ["fr", "de", "es", "it", "pt", "nl"] },
      { text: "Hello", target_langs: ["French"] },
      { text: "Hello", target_langs: ["fr-fr"] },
      { text: "Hello", source_lang: "EN", target_langs: ["fr"] },
      { text: "Hello", target_langs: ["fr"], glossary: { a: 1 } },
      { text: "Hello", target_langs: ["fr"], tone: "angry" },
      { text: "Hello", target_langs: ["fr"], format: "markdown" },
      { text: "Hello", target_langs: "fr" },
    ],
  },
};
