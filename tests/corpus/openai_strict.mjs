// Function schemas written by hand the way OpenAI's strict mode (`strict: true`) asks
// for them: every object closed with `additionalProperties: false` and every property in
// `required`, an optional value as a union with null (`type: [T, "null"]` or `anyOf`),
// shared and recursive shapes through `$defs` and `$ref` (`"#"` included), `anyOf`
// between object shapes, and the string formats and patterns strict mode allows. Each
// comes with the arguments a model sends, right and wrong.

const node = (tag, children = [], attributes = []) => ({ type: tag, label: tag, children, attributes });

export const strictSchemas = [
  {
    name: "get_weather",
    schema: {
      type: "object",
      properties: {
        location: { type: "string", description: "City and country, e.g. Bogotá, Colombia" },
        unit: { type: ["string", "null"], enum: ["celsius", "fahrenheit", null] },
        days: { type: ["integer", "null"], minimum: 1, maximum: 14 },
      },
      required: ["location", "unit", "days"],
      additionalProperties: false,
    },
    valid: [
      { location: "Bogotá, Colombia", unit: "celsius", days: 3 },
      { location: "Oslo", unit: null, days: null },
      { location: "", unit: "fahrenheit", days: 14 },
    ],
    invalid: [
      { location: "Oslo", unit: null },
      { location: "Oslo", unit: "kelvin", days: null },
      { location: "Oslo", unit: null, days: 0 },
      { location: "Oslo", unit: null, days: 2.5 },
      { location: "Oslo", unit: null, days: null, lang: "no" },
      { location: null, unit: null, days: null },
    ],
  },
  {
    name: "generate_ui",
    schema: {
      type: "object",
      properties: {
        type: { type: "string", enum: ["div", "button", "header", "section", "field", "form"] },
        label: { type: "string" },
        children: { type: "array", items: { $ref: "#" } },
        attributes: {
          type: "array",
          items: {
            type: "object",
            properties: { name: { type: "string" }, value: { type: "string" } },
            required: ["name", "value"],
            additionalProperties: false,
          },
        },
      },
      required: ["type", "label", "children", "attributes"],
      additionalProperties: false,
    },
    valid: [
      node("div"),
      node("form", [node("field", [], [{ name: "placeholder", value: "Email" }]), node("button", [], [{ name: "type", value: "submit" }])]),
      node("section", [node("div", [node("div", [node("header")])])]),
    ],
    invalid: [
      { type: "div", label: "x", children: [] },
      node("span"),
      node("form", [node("field", [], [{ name: "placeholder" }])]),
      node("form", [node("field", [], [{ name: "a", value: "b", extra: "c" }])]),
      node("section", [node("div", [node("div", [{ type: "header", label: "h", children: [], attributes: [], style: "bold" }])])]),
      node("div", "not an array"),
    ],
  },
  {
    name: "append_to_list",
    schema: {
      type: "object",
      properties: {
        list: { $ref: "#/$defs/linked_list_node" },
      },
      required: ["list"],
      additionalProperties: false,
      $defs: {
        linked_list_node: {
          type: "object",
          properties: {
            value: { type: "number" },
            next: { anyOf: [{ $ref: "#/$defs/linked_list_node" }, { type: "null" }] },
          },
          required: ["value", "next"],
          additionalProperties: false,
        },
      },
    },
    valid: [
      { list: { value: 1, next: null } },
      { list: { value: 1, next: { value: 2.5, next: { value: -3, next: null } } } },
    ],
    invalid: [
      { list: { value: 1 } },
      { list: { value: 1, next: { value: "2", next: null } } },
      { list: { value: 1, next: { value: 2, next: { value: 3, next: false } } } },
      { list: null },
      { list: { value: 1, next: null }, extra: true },
    ],
  },
  {
    name: "query_database",
    schema: {
      type: "object",
      properties: {
        table_name: { type: "string", enum: ["orders", "customers", "products"] },
        columns: {
          type: "array",
          items: { type: "string", enum: ["id", "status", "expected_delivery_date", "delivered_at", "shipped_at", "ordered_at", "canceled_at"] },
        },
        conditions: {
          type: "array",
          items: {
            type: "object",
            properties: {
              column: { type: "string" },
              operator: { type: "string", enum: ["=", ">", "<", ">=", "<=", "!="] },
              value: {
                anyOf: [
                  { type: "string" },
                  { type: "number" },
                  {
                    type: "object",
                    properties: { column_name: { type: "string" } },
                    required: ["column_name"],
                    additionalProperties: false,
                  },
                ],
              },
            },
            required: ["column", "operator", "value"],
            additionalProperties: false,
          },
        },
        order_by: { type: "string", enum: ["asc", "desc"] },
      },
      required: ["table_name", "columns", "conditions", "order_by"],
      additionalProperties: false,
    },
    valid: [
      { table_name: "orders", columns: ["id", "status"], conditions: [], order_by: "asc" },
      {
        table_name: "orders",
        columns: ["id"],
        conditions: [
          { column: "status", operator: "=", value: "fulfilled" },
          { column: "total", operator: ">=", value: 100 },
          { column: "shipped_at", operator: ">", value: { column_name: "ordered_at" } },
        ],
        order_by: "desc",
      },
    ],
    invalid: [
      { table_name: "users", columns: [], conditions: [], order_by: "asc" },
      { table_name: "orders", columns: ["email"], conditions: [], order_by: "asc" },
      { table_name: "orders", columns: [], conditions: [{ column: "status", operator: "~", value: "x" }], order_by: "asc" },
      { table_name: "orders", columns: [], conditions: [{ column: "status", operator: "=", value: true }], order_by: "asc" },
      { table_name: "orders", columns: [], conditions: [{ column: "status", operator: "=", value: { column: "x" } }], order_by: "asc" },
      { table_name: "orders", columns: [], conditions: [{ column: "status", operator: "=" }], order_by: "asc" },
      { table_name: "orders", columns: [], conditions: [], order_by: "random" },
    ],
  },
  {
    name: "schedule_meeting",
    schema: {
      type: "object",
      properties: {
        title: { type: "string", pattern: "^[^\\n]{1,80}$" },
        starts_at: { type: "string", format: "date-time" },
        duration: { type: "string", format: "duration" },
        organizer: { $ref: "#/$defs/person" },
        invitees: { type: "array", items: { $ref: "#/$defs/person" }, minItems: 1, maxItems: 20 },
        place: {
          anyOf: [
            {
              type: "object",
              properties: { kind: { type: "string", const: "room" }, room_id: { type: "string", pattern: "^R[0-9]{3}$" } },
              required: ["kind", "room_id"],
              additionalProperties: false,
            },
            {
              type: "object",
              properties: { kind: { type: "string", const: "video" }, url: { type: "string", format: "uri" } },
              required: ["kind", "url"],
              additionalProperties: false,
            },
            { type: "null" },
          ],
        },
      },
      required: ["title", "starts_at", "duration", "organizer", "invitees", "place"],
      additionalProperties: false,
      $defs: {
        person: {
          type: "object",
          properties: {
            email: { type: "string", format: "email" },
            display_name: { type: ["string", "null"] },
          },
          required: ["email", "display_name"],
          additionalProperties: false,
        },
      },
    },
    valid: [
      {
        title: "Design review",
        starts_at: "2025-05-06T15:00:00Z",
        duration: "PT45M",
        organizer: { email: "ana@example.com", display_name: "Ana" },
        invitees: [{ email: "bo@example.com", display_name: null }],
        place: { kind: "room", room_id: "R101" },
      },
      {
        title: "1:1",
        starts_at: "2025-05-06T15:00:00.5-07:00",
        duration: "P1DT1H",
        organizer: { email: "ana@example.com", display_name: null },
        invitees: [{ email: "bo@example.com", display_name: "Bo" }, { email: "kai+work@example.co.uk", display_name: "Kai" }],
        place: { kind: "video", url: "https://meet.example.com/abc-defg-hij" },
      },
      {
        title: "Offsite",
        starts_at: "2025-05-06T09:00:00Z",
        duration: "P2W",
        organizer: { email: "ana@example.com", display_name: null },
        invitees: [{ email: "bo@example.com", display_name: null }],
        place: null,
      },
    ],
    invalid: [
      { title: "", starts_at: "2025-05-06T15:00:00Z", duration: "PT45M", organizer: { email: "ana@example.com", display_name: null }, invitees: [{ email: "bo@example.com", display_name: null }], place: null },
      { title: "Two\nlines", starts_at: "2025-05-06T15:00:00Z", duration: "PT45M", organizer: { email: "ana@example.com", display_name: null }, invitees: [{ email: "bo@example.com", display_name: null }], place: null },
      { title: "Sync", starts_at: "2025-05-06", duration: "PT45M", organizer: { email: "ana@example.com", display_name: null }, invitees: [{ email: "bo@example.com", display_name: null }], place: null },
      { title: "Sync", starts_at: "2025-05-06T15:00:00Z", duration: "45 minutes", organizer: { email: "ana@example.com", display_name: null }, invitees: [{ email: "bo@example.com", display_name: null }], place: null },
      { title: "Sync", starts_at: "2025-05-06T15:00:00Z", duration: "PT45M", organizer: { email: "ana", display_name: null }, invitees: [{ email: "bo@example.com", display_name: null }], place: null },
      { title: "Sync", starts_at: "2025-05-06T15:00:00Z", duration: "PT45M", organizer: { email: "ana@example.com", display_name: null }, invitees: [], place: null },
      { title: "Sync", starts_at: "2025-05-06T15:00:00Z", duration: "PT45M", organizer: { email: "ana@example.com", display_name: null }, invitees: [{ email: "bo@example.com" }], place: null },
      { title: "Sync", starts_at: "2025-05-06T15:00:00Z", duration: "PT45M", organizer: { email: "ana@example.com", display_name: null }, invitees: [{ email: "bo@example.com", display_name: null }], place: { kind: "room", room_id: "101" } },
      { title: "Sync", starts_at: "2025-05-06T15:00:00Z", duration: "PT45M", organizer: { email: "ana@example.com", display_name: null }, invitees: [{ email: "bo@example.com", display_name: null }], place: { kind: "video", url: "meet example" } },
      { title: "Sync", starts_at: "2025-05-06T15:00:00Z", duration: "PT45M", organizer: { email: "ana@example.com", display_name: null }, invitees: [{ email: "bo@example.com", display_name: null }], place: { kind: "phone", number: "+15550100" } },
      { title: "Sync", starts_at: "2025-05-06T15:00:00Z", duration: "PT45M", organizer: { email: "ana@example.com", display_name: null }, invitees: [{ email: "bo@example.com", display_name: null }] },
    ],
  },
];
