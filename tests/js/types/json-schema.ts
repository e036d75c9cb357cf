// Type-level tests of ClientTools with a JSON Schema written `as const`: the handler's
// params are inferred from it (checked with exact type equality), a wrong handler fails to
// compile, and a schema that is not `as const` keeps the explicit / default params type.
// The schemas are what the tools people already have print: pydantic v2's
// `model_json_schema()`, zod 4's `z.toJSONSchema()`, and OpenAI strict-mode functions.
import { ClientTools, type FromJsonSchema } from "chatkit-glue";
import { z } from "zod";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
declare function assert<T extends true>(): void;

const tools = new ClientTools();

// ---- pydantic v2: Contact.model_json_schema() (Optional = anyOf with null, nested models
// as $ref into $defs, an Enum, a Literal, dict[str, float], tuple[int, int], title/default)
const contact = {
  $defs: {
    Address: {
      properties: {
        street: { title: "Street", type: "string" },
        city: { title: "City", type: "string" },
        zip: { anyOf: [{ type: "string" }, { type: "null" }], default: null, title: "Zip" },
      },
      required: ["street", "city"],
      title: "Address",
      type: "object",
    },
    Priority: { enum: ["low", "high"], title: "Priority", type: "string" },
  },
  properties: {
    name: { description: "Full name", title: "Name", type: "string" },
    email: { anyOf: [{ type: "string" }, { type: "null" }], default: null, title: "Email" },
    age: { anyOf: [{ minimum: 0, type: "integer" }, { type: "null" }], default: null, title: "Age" },
    tags: { default: [], items: { type: "string" }, title: "Tags", type: "array" },
    address: { $ref: "#/$defs/Address" },
    billing: { anyOf: [{ $ref: "#/$defs/Address" }, { type: "null" }], default: null },
    priority: { $ref: "#/$defs/Priority", default: "low" },
    kind: { default: "person", enum: ["person", "company"], title: "Kind", type: "string" },
    scores: { additionalProperties: { type: "number" }, default: {}, title: "Scores", type: "object" },
    point: {
      default: [0, 0], maxItems: 2, minItems: 2, title: "Point", type: "array",
      prefixItems: [{ type: "integer" }, { type: "integer" }],
    },
  },
  required: ["name", "address"],
  title: "Contact",
  type: "object",
} as const;

// pydantic leaves additionalProperties out (extra="ignore"): extra keys are allowed.
type Address = { [key: string]: unknown; street: string; city: string; zip?: string | null };
type Contact = {
  [key: string]: unknown;
  name: string;
  email?: string | null;
  age?: number | null;
  tags?: string[];
  address: Address;
  billing?: Address | null;
  priority?: "low" | "high";
  kind?: "person" | "company";
  scores?: { [key: string]: number };
  point?: [number, number];
};
assert<Equal<FromJsonSchema<typeof contact>, Contact>>();

tools.register("save_contact", {
  description: "Saves a contact",
  parameters: contact,
  handler: (params) => {
    assert<Equal<typeof params, Contact>>();
    const city: string = params.address.city;
    const billingCity: string | undefined = params.billing?.city;
    // @ts-expect-error email is optional and nullable
    const email: string = params.email;
    // @ts-expect-error point is a closed pair
    const third: number = params.point![2];
    // @ts-expect-error priority is "low" | "high"
    const urgent: boolean = params.priority === "urgent";
    return { city, billingCity, email, third, urgent };
  },
});
// An annotated handler that agrees with the schema compiles; one that disagrees fails.
tools.register("contact_name", { parameters: contact, handler: (params: { name: string; address: { city: string } }) => ({ n: params.name }) });
// @ts-expect-error name is a string, not a number
tools.register("contact_bad_name", { parameters: contact, handler: (params: { name: number }) => ({ n: params.name }) });
// @ts-expect-error email is optional (and nullable): a handler cannot require it
tools.register("contact_bad_email", { parameters: contact, handler: (params: { email: string }) => ({ e: params.email }) });
// @ts-expect-error address.city is a string
tools.register("contact_bad_nested", { parameters: contact, handler: (params: { address: { city: number } }) => ({ c: params.address.city }) });

// ---- pydantic v2: a discriminated union (oneOf of $refs plus pydantic's `discriminator`,
// which types nothing), int | float, and a recursive model (list["Folder"]).
const checkout = {
  $defs: {
    Card: {
      properties: {
        kind: { const: "card", title: "Kind", type: "string" },
        last4: { maxLength: 4, minLength: 4, title: "Last4", type: "string" },
      },
      required: ["kind", "last4"], title: "Card", type: "object",
    },
    Folder: {
      properties: {
        name: { title: "Name", type: "string" },
        children: { default: [], items: { $ref: "#/$defs/Folder" }, title: "Children", type: "array" },
      },
      required: ["name"], title: "Folder", type: "object",
    },
    Invoice: {
      properties: {
        kind: { const: "invoice", title: "Kind", type: "string" },
        days: { default: 30, title: "Days", type: "integer" },
      },
      required: ["kind"], title: "Invoice", type: "object",
    },
  },
  properties: {
    payment: {
      discriminator: { mapping: { card: "#/$defs/Card", invoice: "#/$defs/Invoice" }, propertyName: "kind" },
      oneOf: [{ $ref: "#/$defs/Card" }, { $ref: "#/$defs/Invoice" }],
      title: "Payment",
    },
    folder: { anyOf: [{ $ref: "#/$defs/Folder" }, { type: "null" }], default: null },
    quantity: { anyOf: [{ type: "integer" }, { type: "number" }], default: 1, title: "Quantity" },
  },
  required: ["payment"],
  title: "Checkout",
  type: "object",
} as const;
type Checkout = FromJsonSchema<typeof checkout>;
assert<Equal<Checkout["payment"], { [key: string]: unknown; kind: "card"; last4: string } | { [key: string]: unknown; kind: "invoice"; days?: number }>>();
assert<Equal<Checkout["quantity"], number | undefined>>();
type Folder = NonNullable<Checkout["folder"]>;
assert<Equal<Folder["name"], string>>();
assert<Equal<NonNullable<Folder["children"]>[number]["name"], string>>();
// The recursion is cut off after 24 subschemas (3 per level here): the deep levels are
// unknown, never any.
type Child<F> = F extends { children?: (infer C)[] } ? C : "no children";
type Level6 = Child<Child<Child<Child<Child<Child<Folder>>>>>>;
assert<Equal<Level6["name"], string>>();
assert<Equal<Child<Level6>, unknown>>();

tools.register("checkout", {
  parameters: checkout,
  handler: (params) => {
    if (params.payment.kind === "card") {
      const last4: string = params.payment.last4;
      return { last4 };
    }
    // @ts-expect-error days is optional: it has a default
    const days: number = params.payment.days;
    return { days };
  },
});

// ---- zod 4: z.toJSONSchema(order) in its default (output) mode: $schema, additionalProperties
// false everywhere, `type` lists for .nullable(), prefixItems with items: false for tuples,
// const for literals, oneOf for discriminated unions, formats and patterns.
const Line = z.object({ sku: z.string().min(1), qty: z.number().int().positive() });
const order = z.object({
  customer: z.email(),
  lines: z.array(Line).min(1),
  note: z.string().max(500).optional(),
  rush: z.boolean().default(false),
  status: z.enum(["draft", "submitted"]),
  coupon: z.string().nullable(),
  shipTo: z.object({ city: z.string(), zip: z.string().regex(/^\d{5}$/) }).nullable().optional(),
  meta: z.record(z.string(), z.number()),
  pair: z.tuple([z.string(), z.number()]),
  channel: z.literal("web"),
  payment: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("card"), last4: z.string().length(4) }),
    z.object({ kind: z.literal("invoice"), days: z.number().int() }),
  ]),
});
// Printed by `JSON.stringify(z.toJSONSchema(order))` with zod 4.6 (the email pattern shortened).
const orderJson = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  properties: {
    customer: { type: "string", format: "email", pattern: "^[^@]+@[^@]+$" },
    lines: {
      minItems: 1, type: "array",
      items: {
        type: "object",
        properties: { sku: { type: "string", minLength: 1 }, qty: { type: "integer", exclusiveMinimum: 0, maximum: 9007199254740991 } },
        required: ["sku", "qty"],
        additionalProperties: false,
      },
    },
    note: { type: "string", maxLength: 500 },
    rush: { default: false, type: "boolean" },
    status: { type: "string", enum: ["draft", "submitted"] },
    coupon: { type: ["string", "null"] },
    shipTo: {
      anyOf: [
        {
          type: "object",
          properties: { city: { type: "string" }, zip: { type: "string", pattern: "^\\d{5}$" } },
          required: ["city", "zip"],
          additionalProperties: false,
        },
        { type: "null" },
      ],
    },
    meta: { type: "object", propertyNames: { type: "string" }, additionalProperties: { type: "number" } },
    pair: { type: "array", prefixItems: [{ type: "string" }, { type: "number" }], items: false, minItems: 2, maxItems: 2 },
    channel: { type: "string", const: "web" },
    payment: {
      oneOf: [
        {
          type: "object",
          properties: { kind: { type: "string", const: "card" }, last4: { type: "string", minLength: 4, maxLength: 4 } },
          required: ["kind", "last4"],
          additionalProperties: false,
        },
        {
          type: "object",
          properties: { kind: { type: "string", const: "invoice" }, days: { type: "integer", minimum: -9007199254740991, maximum: 9007199254740991 } },
          required: ["kind", "days"],
          additionalProperties: false,
        },
      ],
    },
  },
  required: ["customer", "lines", "rush", "status", "coupon", "meta", "pair", "channel", "payment"],
  additionalProperties: false,
} as const;
// The JSON Schema gives exactly the type zod infers for the same object.
type Order = z.output<typeof order>;
assert<Equal<FromJsonSchema<typeof orderJson>, { -readonly [K in keyof Order]: Order[K] }>>();

tools.register("place_order", {
  parameters: orderJson,
  handler: (params) => {
    const first: { sku: string; qty: number } | undefined = params.lines[0];
    const coupon: string | null = params.coupon;
    const pair: [string, number] = params.pair;
    const channel: "web" = params.channel;
    // @ts-expect-error additionalProperties: false leaves no other key
    const extra: unknown = params.extra;
    // @ts-expect-error shipTo may be null or missing
    const city: string = params.shipTo.city;
    return { first, coupon, pair, channel, extra, city };
  },
});
// @ts-expect-error status is "draft" | "submitted", not any string literal
tools.register("order_bad_status", { parameters: orderJson, handler: (params: { status: "draft" | "sent" }) => ({ s: params.status }) });

// With { io: "input" } (what a tool's caller may send): no additionalProperties, so extra
// keys are allowed, and `rush`, which has a default, is optional.
const orderInputJson = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  properties: { customer: { type: "string", format: "email" }, rush: { default: false, type: "boolean" } },
  required: ["customer"],
} as const;
assert<Equal<FromJsonSchema<typeof orderInputJson>, { [key: string]: unknown; customer: string; rush?: boolean }>>();

// ---- OpenAI strict-mode function schemas: every property required, optional ones
// nullable (a `type` list or anyOf with null), additionalProperties: false, $defs and a
// recursive `$ref: "#"`.
const getWeather = {
  type: "function",
  name: "get_weather",
  strict: true,
  parameters: {
    type: "object",
    properties: {
      location: { type: "string", description: "City and country, e.g. Bogotá, Colombia" },
      units: { type: ["string", "null"], enum: ["celsius", "fahrenheit", null] },
      days: { anyOf: [{ type: "integer" }, { type: "null" }] },
    },
    required: ["location", "units", "days"],
    additionalProperties: false,
  },
} as const;
type Weather = { location: string; units: "celsius" | "fahrenheit" | null; days: number | null };
assert<Equal<FromJsonSchema<typeof getWeather.parameters>, Weather>>();
tools.register(getWeather.name, {
  parameters: getWeather.parameters,
  handler: ({ location, units, days }) => ({ location, units: units ?? "celsius", days: days ?? 1 }),
});
// @ts-expect-error units may be null
tools.register("weather_bad_units", { parameters: getWeather.parameters, handler: (params: { units: "celsius" | "fahrenheit" }) => ({ u: params.units }) });
tools.register("weather_units", {
  parameters: getWeather.parameters,
  // @ts-expect-error "kelvin" is not one of the units
  handler: (params) => ({ kelvin: params.units === "kelvin" }),
});

const createTask = {
  type: "object",
  properties: {
    title: { type: "string" },
    assignee: { anyOf: [{ $ref: "#/$defs/person" }, { type: "null" }] },
    checklist: { type: "array", items: { $ref: "#/$defs/item" } },
  },
  required: ["title", "assignee", "checklist"],
  additionalProperties: false,
  $defs: {
    person: {
      type: "object",
      properties: { name: { type: "string" }, email: { type: "string", format: "email" } },
      required: ["name", "email"],
      additionalProperties: false,
    },
    item: {
      type: "object",
      properties: { text: { type: "string" }, done: { type: "boolean" } },
      required: ["text", "done"],
      additionalProperties: false,
    },
  },
} as const;
assert<Equal<FromJsonSchema<typeof createTask>, {
  title: string;
  assignee: { name: string; email: string } | null;
  checklist: { text: string; done: boolean }[];
}>>();

// OpenAI's UI example: the root refers to itself.
const ui = {
  type: "object",
  properties: {
    type: { type: "string", enum: ["div", "button", "header", "section", "field", "form"] },
    label: { type: "string" },
    children: { type: "array", items: { $ref: "#" } },
  },
  required: ["type", "label", "children"],
  additionalProperties: false,
} as const;
type Ui = FromJsonSchema<typeof ui>;
type UiChild<F> = F extends { children: (infer C)[] } ? C : "no children";
type UiLevel7 = UiChild<UiChild<UiChild<UiChild<UiChild<UiChild<UiChild<Ui>>>>>>>;
assert<Equal<UiLevel7["label"], string>>();
assert<Equal<UiChild<UiLevel7>, unknown>>();
tools.register("render_ui", {
  parameters: ui,
  handler: (params) => {
    const label: string = params.children[0].children[0].label;
    // @ts-expect-error a child's type is one of the enum's names
    const link: boolean = params.children[0].type === "a";
    return { label, link };
  },
});

// ---- the example of the README and docs/api.md
const lookupOrder = {
  type: "object",
  properties: {
    orderId: { type: "string", format: "uuid" },
    include: { type: "array", items: { enum: ["items", "shipping"] } },
    note: { type: ["string", "null"] },
  },
  required: ["orderId"],
  additionalProperties: false,
} as const;
declare function getOrder(id: string, include: ("items" | "shipping")[]): Promise<{ id: string }>;
assert<Equal<FromJsonSchema<typeof lookupOrder>, { orderId: string; include?: ("items" | "shipping")[]; note?: string | null }>>();
tools.register("lookup_order", {
  parameters: lookupOrder,
  handler: async ({ orderId, include = [] }) => ({ order: await getOrder(orderId, include) }),
});

// ---- one keyword at a time
type Of<S> = FromJsonSchema<S>;
type Obj<P> = { type: "object"; properties: P; additionalProperties: false };
// types, formats, lists of types, enums and const
assert<Equal<Of<{ readonly type: "string"; readonly format: "date-time" }>, string>>();
assert<Equal<Of<{ readonly type: "integer"; readonly minimum: 1 }>, number>>();
assert<Equal<Of<{ readonly type: "boolean" }>, boolean>>();
assert<Equal<Of<{ readonly type: "null" }>, null>>();
assert<Equal<Of<{ readonly type: readonly ["string", "number", "null"] }>, string | number | null>>();
assert<Equal<Of<{ readonly type: "string"; readonly enum: readonly ["a", "b"] }>, "a" | "b">>();
assert<Equal<Of<{ readonly enum: readonly [1, "x", null] }>, 1 | "x" | null>>();
assert<Equal<Of<{ readonly type: "integer"; readonly const: 3 }>, 3>>();
assert<Equal<Of<{ readonly type: "string"; readonly const: 3 }>, never>>();
// objects: required, optional, index signatures
assert<Equal<Of<{ readonly type: "object" }>, { [key: string]: unknown }>>();
assert<Equal<Of<{ readonly type: "object"; readonly additionalProperties: false }>, { [key: string]: never }>>();
assert<Equal<Of<{ readonly type: "object"; readonly additionalProperties: { readonly type: "boolean" } }>, { [key: string]: boolean }>>();
assert<Equal<Of<Obj<{ a: { type: "string" } }> & { required: readonly ["a", "b"] }>, { a: string; b: unknown }>>();
assert<Equal<Of<{ type: "object"; properties: { a: { type: "string" } }; additionalProperties: { type: "number" } }>, { [key: string]: string | number | undefined; a?: string }>>();
assert<Equal<Of<{ type: "object"; patternProperties: { "^x-": { type: "string" } }; additionalProperties: false }>, { [key: string]: string }>>();
assert<Equal<Of<{ type: "object"; properties: { a: { type: "null" } }; unevaluatedProperties: false }>, { a?: null }>>();
assert<Equal<Of<{ type: "object"; properties: { a: true; b: false } }>, { [key: string]: unknown; a?: unknown; b?: never }>>();
// arrays and tuples
assert<Equal<Of<{ readonly type: "array" }>, unknown[]>>();
assert<Equal<Of<{ type: "array"; items: { type: "number" } }>, number[]>>();
assert<Equal<Of<{ type: "array"; prefixItems: readonly [{ type: "string" }, { type: "number" }] }>, [string?, number?, ...unknown[]]>>();
assert<Equal<Of<{ type: "array"; prefixItems: readonly [{ type: "string" }, { type: "number" }]; minItems: 1; items: { type: "boolean" } }>, [string, number?, ...boolean[]]>>();
assert<Equal<Of<{ type: "array"; prefixItems: readonly [{ type: "string" }, { type: "number" }]; minItems: 1; items: false }>, [string, number?]>>();
// combinators and references
assert<Equal<Of<{ anyOf: readonly [{ type: "string" }, { type: "null" }]; default: null }>, string | null>>();
assert<Equal<Of<{ allOf: readonly [Obj<{ a: { type: "string" } }>, Obj<{ b: { type: "number" } }>] }>, { a?: string; b?: number }>>();
assert<Equal<Of<{ type: "object"; properties: { a: { type: "string" } }; required: readonly ["a"]; additionalProperties: false; oneOf: readonly [Obj<{ b: { type: "number" } }>, Obj<{ c: { type: "null" } }>] }>, { a: string; b?: number } | { a: string; c?: null }>>();
assert<Equal<Of<{ $ref: "#/definitions/n"; definitions: { n: { type: "number" } } }>, number>>();
// unknown for what is not typed: no any, no error
assert<Equal<Of<{ readonly type: "strnig" }>, unknown>>();
assert<Equal<Of<{ $ref: "#/$defs/missing"; $defs: {} }>, unknown>>();
assert<Equal<Of<{ $ref: "https://example.com/schemas/address.json" }>, unknown>>();
assert<Equal<Of<{ $ref: "#/$defs/a~1b"; $defs: { "a/b": { type: "string" } } }>, unknown>>();
assert<Equal<Of<{ type: "object"; properties: { a: { not: { type: "string" } }; b: { minLength: 1 } } }>, { [key: string]: unknown; a?: unknown; b?: unknown }>>();

// ---- a schema that is not `as const` keeps the explicit or default params type
const widened = { type: "object", properties: { id: { type: "integer" } }, required: ["id"] };
assert<Equal<FromJsonSchema<typeof widened>, unknown>>();
tools.register("widened_default", {
  parameters: widened,
  handler: (params) => {
    assert<Equal<typeof params, Record<string, unknown>>>();
  },
});
tools.register("widened_annotated", { parameters: widened, handler: (params: { id: number }) => ({ id: params.id }) });
tools.register("inline", { parameters: { type: "object", properties: { id: { type: "string" } } }, handler: (params: { id: number }) => ({ id: params.id }) });
const annotated: { type: string } = { type: "object" };
tools.register("annotated_schema", { parameters: annotated, handler: (params) => void assert<Equal<typeof params, Record<string, unknown>>>() });
// An explicit params type wins over an `as const` schema.
tools.register<{ name: string; extra: number }>("explicit", { parameters: contact, handler: (params) => ({ n: params.extra }) });
tools.register("boolean_schema", { parameters: true, handler: (params) => void assert<Equal<typeof params, Record<string, unknown>>>() });
// A Standard Schema still types the params from the schema's output.
tools.register("zod", { parameters: order, handler: (params) => void assert<Equal<typeof params, z.output<typeof order>>>() });
// @ts-expect-error an `as const` schema's handler must still return an object or nothing
tools.register("returns_string", { parameters: getWeather.parameters, handler: () => "done" });
