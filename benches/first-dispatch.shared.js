// The lean-runtime issue's 5-field tool schema and one params object, shared by the
// first-dispatch entries.
export const schema = {
  type: "object",
  properties: {
    title: { type: "string", minLength: 1, maxLength: 200 },
    count: { type: "integer", minimum: 0, maximum: 1000 },
    urgent: { type: "boolean" },
    kind: { enum: ["task", "note", "event"] },
    tags: { type: "array", items: { type: "string" }, maxItems: 10 },
  },
  required: ["title", "count", "urgent", "kind", "tags"],
  additionalProperties: false,
};
export const params = { title: "Buy milk", count: 2, urgent: false, kind: "task", tags: ["home"] };
