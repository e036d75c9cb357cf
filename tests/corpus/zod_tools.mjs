// The twelve tools of pydantic_tools.py, declared with zod 4 the way a TypeScript server
// (or a client that builds its tool list with zod) declares them. generate.mjs turns
// each into JSON Schema with `z.toJSONSchema(schema, { io: "input" })` (the input mode:
// a `.default()` field stays optional, as it is for whoever calls the tool).
//
// Only what zod emits by itself: optional and nullable fields, nested objects, enums,
// literals, discriminated unions (oneOf), recursive objects (getters, `$ref: "#"` or
// `$defs`), constrained strings and numbers, arrays, tuples, records. zod's own
// patterns for `z.email()`, `z.uuid()`, `z.iso.*()` come along with their `format`s;
// `z.iso.duration()` is left out: its pattern uses lookahead, which the native test's
// stand-in for RegExp (Rust's regex) does not read.
import * as z from "zod";

const email = z.email();
const slug = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/)
  .max(32);

// 1
const Attendee = z.object({
  email,
  name: z.string().nullish(),
  rsvp: z.enum(["yes", "no", "maybe"]).default("maybe"),
});
const create_calendar_event = z.object({
  title: z.string().min(1).max(200),
  start: z.iso.datetime({ offset: true }),
  end: z.iso.datetime({ offset: true }).nullish(),
  all_day: z.boolean().default(false),
  attendees: z.array(Attendee).default([]),
  location: z.string().nullish(),
  reminders_minutes: z
    .array(z.int().min(0).max(10080))
    .max(5)
    .default([])
    .refine((xs) => new Set(xs).size === xs.length)
    .meta({ uniqueItems: true }),
});

// 2
const search_products = z.object({
  query: z.string().min(1).max(500),
  filters: z
    .object({
      category: z.enum(["books", "electronics", "garden"]).nullish(),
      price: z
        .object({
          min: z.number().min(0).default(0),
          max: z.number().positive().nullish(),
        })
        .nullish(),
      in_stock: z.boolean().default(true),
    })
    .nullish(),
  sort: z.enum(["relevance", "price_asc", "price_desc"]).default("relevance"),
  page: z.int().min(1).default(1),
  page_size: z.int().min(1).max(100).default(20),
});

// 3
const FileNode = z.object({
  name: z
    .string()
    .min(1)
    .regex(/^[^/]+$/),
  kind: z.enum(["file", "dir"]),
  size: z.int().min(0).nullish(),
  get children() {
    return z.array(FileNode).default([]);
  },
});
const write_file_tree = z.object({
  root: FileNode,
  overwrite: z.boolean().default(false),
});

// 4
const send_payment = z.object({
  amount: z.number().positive().max(1_000_000).multipleOf(0.01),
  currency: z.string().regex(/^[A-Z]{3}$/),
  source: z.discriminatedUnion("method", [
    z.object({
      method: z.literal("card"),
      last4: z.string().regex(/^[0-9]{4}$/),
      exp_month: z.int().min(1).max(12),
      exp_year: z.int().min(2024).max(2100),
    }),
    z.object({
      method: z.literal("bank"),
      iban: z.string().regex(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/),
    }),
    z.object({
      method: z.literal("wallet"),
      provider: z.enum(["apple_pay", "google_pay", "paypal"]),
    }),
  ]),
  memo: z.string().max(140).nullish(),
});

// 5
const update_ticket = z.strictObject({
  ticket_id: z.uuid(),
  status: z.enum(["open", "pending", "solved", "closed"]).nullish(),
  priority: z.int().min(1).max(5).nullish(),
  labels: z.array(slug).max(10).default([]),
  assignee: email.nullish(),
  comment: z.string().min(1).nullish(),
});

// 6
const configure_webhook = z.object({
  url: z.url(),
  events: z.array(z.enum(["message.created", "message.deleted", "thread.closed"])).min(1),
  headers: z.record(z.string(), z.string()).default({}),
  secret: z.string().min(16).nullish(),
  retry: z
    .object({
      max_attempts: z.int().min(1).max(10).default(3),
      backoff: z.enum(["fixed", "exponential"]).default("exponential"),
      initial_delay: z.string().meta({ format: "duration" }).default("PT1S"),
    })
    .default({ max_attempts: 3, backoff: "exponential", initial_delay: "PT1S" }),
});

// 7
const iata = z.string().regex(/^[A-Z]{3}$/);
const Passenger = z.object({
  first_name: z.string().min(1),
  last_name: z.string().min(1),
  birth_date: z.iso.date(),
  seat: z
    .string()
    .regex(/^[0-9]{1,2}[A-K]$/)
    .nullish(),
});
const book_flight = z.object({
  route: z.tuple([iata, iata]),
  trip: z.union([
    z.strictObject({ depart: z.iso.date(), return: z.iso.date() }),
    z.strictObject({ depart: z.iso.date() }),
  ]),
  passengers: z.array(Passenger).min(1).max(9),
  cabin: z.enum(["economy", "premium", "business", "first"]).default("economy"),
});

// 8
const Expr = z.discriminatedUnion("op", [
  z.object({ op: z.literal("num"), value: z.number() }),
  z.object({
    op: z.literal("neg"),
    get arg() {
      return Expr;
    },
  }),
  z.object({
    op: z.enum(["add", "mul"]),
    get left() {
      return Expr;
    },
    get right() {
      return Expr;
    },
  }),
]);
const evaluate_expression = z.object({
  expr: Expr,
  precision: z.int().min(0).max(15).default(6),
});

// 9
const Slot = z.object({
  at: z.string().meta({ format: "time" }),
  target: z.number().min(5).max(30),
});
const set_thermostat = z.object({
  room: z.string().min(1).max(40),
  mode: z.enum(["heat", "cool", "auto", "off"]),
  target: z.number().min(5).max(30).nullish(),
  schedule: z
    .record(z.string().regex(/^(mon|tue|wed|thu|fri|sat|sun)$/), z.array(Slot).max(6))
    .default({}),
});

// 10
const add_firewall_rule = z.strictObject({
  source: z.union([z.ipv4(), z.ipv6()]),
  destination_host: z.string().meta({ format: "hostname" }),
  ports: z.array(z.int().min(1).max(65535)).min(1).max(16),
  protocol: z.enum(["tcp", "udp", "icmp"]).default("tcp"),
  action: z.enum(["allow", "deny"]),
  expires: z.iso.datetime({ offset: true }).nullish(),
});

// 11
const submit_form = z.object({
  form_id: z.uuid(),
  answers: z.array(
    z.discriminatedUnion("type", [
      z.object({ type: z.literal("text"), question_id: slug, text: z.string().max(2000) }),
      z.object({
        type: z.literal("choice"),
        question_id: slug,
        choices: z.array(z.string().min(1)).min(1),
      }),
      z.object({ type: z.literal("scale"), question_id: slug, value: z.int().min(1).max(10) }),
    ]),
  ),
  contact: z.object({ name: z.string(), email }).nullish(),
  consent: z.literal(true),
});

// 12
const lang = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/);
const translate_document = z.strictObject({
  text: z.string().min(1).max(10000),
  source_lang: lang.nullish(),
  target_langs: z.array(lang).min(1).max(5),
  glossary: z.record(z.string(), z.string()).nullish(),
  tone: z.enum(["neutral", "formal", "casual"]).default("neutral"),
});

export const tools = {
  create_calendar_event,
  search_products,
  write_file_tree,
  send_payment,
  update_ticket,
  configure_webhook,
  book_flight,
  evaluate_expression,
  set_thermostat,
  add_firewall_rule,
  submit_form,
  translate_document,
};

/** name → the JSON Schema zod writes for the tool's input. */
export function zodSchemas() {
  return Object.fromEntries(
    Object.entries(tools).map(([name, s]) => [name, z.toJSONSchema(s, { io: "input" })]),
  );
}
