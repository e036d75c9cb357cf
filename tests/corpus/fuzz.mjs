// Random schemas over every keyword of draft 2020-12's applicator, unevaluated and
// validation vocabularies (and `format`, `$defs`, `$ref`), each with random instances,
// from a seeded generator. Values come from small pools (a few keys, numbers on the
// keywords' edges, strings near each format's rules), so that a random instance often
// meets a random schema halfway: about half the instances are valid.
//
// References take every form: a JSON pointer (`#/$defs/da`), an `$anchor` (`#Ada`), the
// root's `$id` with either (`root.json#/$defs/da`, absolute or relative to it), and a
// `$defs` entry that is a resource of its own (`$id` `https://fuzz.example/<n>/da.json`,
// named by that URI or relative to the root's), inside which `#` is that entry.
//
// Kept out on purpose: `$dynamicRef` / `$dynamicAnchor` (the suite covers them; ajv
// deviates on some), and what the native test's stand-in
// for RegExp (Rust's regex crate) reads differently from ECMAScript: patterns are drawn
// from a pool both read alike (no `\d`, `\w`, `\s`, `.` or lookaround), and strings hold
// no line terminators but "\n".
//
// A `$ref` is only written below a keyword that descends into the instance (properties,
// items, ...), counted from the root of its resource or `$defs` entry, so that every
// cycle of references consumes the instance and terminates.

// "constructor": a key every JavaScript object seems to have (the suite's "properties
// whose names are Javascript object property names").
const KEYS = ["a", "b", "c", "aa", "constructor"];
const NUMBERS = [-1, 0, 1, 2, 2.5, 3, 10, 0.3, 0.7, 1e21, -0.5, 4.5];
const BOUNDS = [-1, 0, 1, 2, 2.5, 3, 10];
const DIVISORS = [1, 2, 3, 0.5, 0.25, 1.5, 0.1];
const STRINGS = ["", "a", "ab", "abc", "b", "aa", "ba", "😀", "é😀", "a\nb", "1", "10"];
const PATTERNS = ["^a", "b$", "^[a-c]*$", "[0-9]", "^$", "a|b", "^(ab)+$", "^[^a]", "\\u00e9", "^[😀-😃]$", "x{2,}"];
const TYPES = ["null", "boolean", "object", "array", "number", "string", "integer"];
const UNKNOWN_FORMATS = ["color", "phone"];

/** name → strings on both sides of its rules (RFC 3339, 3986, 5321, 1123, 4122, 4291, 6901). */
const FORMATS = {
  "date-time": ["2024-01-02T03:04:05Z", "2024-01-02T03:04:05.5+01:00", "2024-01-02t03:04:05z", "2016-12-31T23:59:60Z", "2024-02-30T00:00:00Z", "2024-01-02T24:00:00Z", "2024-01-02T03:04:05", "2024-01-02"],
  date: ["2024-02-29", "2023-02-29", "2024-1-02", "2024-12-31", "20240102"],
  time: ["03:04:05Z", "03:04:05.25+01:00", "03:04:05", "23:59:60Z", "24:00:00Z", "3:04:05Z"],
  duration: ["P1D", "PT1H30M", "P1W", "P1Y2M3DT4H5M6S", "P", "PT", "P1DT", "1D", "P1.5D"],
  uri: ["http://a.b/c?d#e", "urn:x:y", "/rel", "http://a b", "mailto:a@b.c", "http://[::1]:80/", "1http://x"],
  "uri-reference": ["/rel", "#frag", "", "http://a/b", "a b", "../x?y", "\\\\x"],
  email: ["a@b.co", "a.b@c.d", "a@b", "@b.c", "a..b@c.d", "a.@b.c", "a@-b.c"],
  uuid: ["123e4567-e89b-12d3-a456-426614174000", "123E4567-E89B-12D3-A456-426614174000", "123e4567-e89b-12d3-a456-42661417400", "123e4567e89b12d3a456426614174000", "123e4567-e89b-12d3-a456-42661417400g"],
  ipv4: ["1.2.3.4", "255.255.255.255", "256.0.0.1", "01.2.3.4", "1.2.3", "1.2.3.4.5"],
  ipv6: ["::1", "2001:db8::1", "::ffff:1.2.3.4", "1:2:3:4:5:6:7:8:9", ":::", "1::2::3", "12345::"],
  hostname: ["example.com", "a-b.c", "-a.com", "a_b.com", "xn--bcher-kva.example", "localhost", `${"a".repeat(64)}.com`],
  "json-pointer": ["", "/a/b", "/a~1b", "a", "/a~2", "/"],
  regex: ["^a+$", "[", "a{2,1}", "(a|b)*", "\\p{L}", "(?<n>a)b"],
};

/**
 * `count` schemas from `seed`, each with random instances judged by `ajv` through
 * `judge` (generate.mjs). Returns { cases, stats }.
 */
export function fuzz(seed, count, ajv, judge, rng) {
  const r = rng(seed);
  const used = {};
  const note = (k) => (used[k] = (used[k] ?? 0) + 1);

  const value = (depth) => {
    switch (r.below(depth > 0 ? 8 : 6)) {
      case 0:
        return null;
      case 1:
        return r.chance(0.5);
      case 2:
      case 3:
        return r.pick(NUMBERS);
      case 4:
        return r.pick(STRINGS);
      case 5:
        return r.pick(r.pick(Object.values(FORMATS)));
      case 6:
        return Array.from({ length: r.below(4) }, () => value(depth - 1));
      default: {
        const o = {};
        for (let i = r.below(4); i > 0; i--) o[r.pick(KEYS)] = value(depth - 1);
        return o;
      }
    }
  };

  // ctx: { depth, descended, defs: names of $defs in scope, ids: the identifiers in use
  // ({ root: its $id or null, anchors, resource: the $defs entry with its own $id }) }
  const schema = (ctx) => {
    if (r.chance(0.08)) return r.chance(0.7);
    if (ctx.descended && r.chance(0.12) && (ctx.defs.length > 0 || r.chance(0.5))) {
      note("$ref");
      return { $ref: ctx.defs.length > 0 && r.chance(0.7) ? refTo(r.pick(ctx.defs), ctx.ids) : "#" };
    }
    const s = {};
    const sub = (descends) => schema({ ...ctx, depth: ctx.depth - 1, descended: ctx.descended || descends });
    const n = 1 + r.below(ctx.depth > 0 ? 4 : 2);
    for (let i = 0; i < n; i++) {
      const families = ctx.depth > 0 ? 9 : 4;
      switch (r.below(families)) {
        case 0:
          if (r.chance(0.75)) s.type = r.pick(TYPES);
          else s.type = [...new Set([r.pick(TYPES), r.pick(TYPES)])];
          note("type");
          break;
        case 1:
          if (r.chance(0.5)) {
            s.enum = Array.from({ length: 1 + r.below(3) }, () => value(1));
            note("enum");
          } else {
            s.const = value(1);
            note("const");
          }
          break;
        case 2: {
          const k = r.pick(["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern", "format"]);
          if (k === "multipleOf") s.multipleOf = r.pick(DIVISORS);
          else if (k === "minLength" || k === "maxLength") s[k] = r.below(4);
          else if (k === "pattern") s.pattern = r.pick(PATTERNS);
          else if (k === "format") s.format = r.chance(0.9) ? r.pick(Object.keys(FORMATS)) : r.pick(UNKNOWN_FORMATS);
          else s[k] = r.pick(BOUNDS);
          note(k);
          break;
        }
        case 3: {
          const k = r.pick(["minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "required", "dependentRequired"]);
          if (k === "uniqueItems") s.uniqueItems = r.chance(0.8);
          else if (k === "required") s.required = [...new Set([r.pick(KEYS), r.pick(KEYS)])];
          else if (k === "dependentRequired") s.dependentRequired = { [r.pick(KEYS)]: [...new Set([r.pick(KEYS), r.pick(KEYS)])] };
          else s[k] = r.below(4);
          note(k);
          break;
        }
        case 4: {
          const k = r.pick(["items", "prefixItems", "contains", "minContains", "maxContains", "unevaluatedItems"]);
          if (k === "prefixItems") s.prefixItems = Array.from({ length: 1 + r.below(3) }, () => sub(true));
          else if (k === "minContains" || k === "maxContains") {
            s[k] = r.below(3);
            if (!s.contains && r.chance(0.8)) s.contains = sub(true);
          } else s[k] = sub(true);
          note(k);
          break;
        }
        case 5: {
          const k = r.pick(["properties", "patternProperties", "additionalProperties", "propertyNames", "dependentSchemas", "unevaluatedProperties"]);
          if (k === "properties") {
            s.properties = {};
            for (let j = 1 + r.below(3); j > 0; j--) s.properties[r.pick(KEYS)] = sub(true);
          } else if (k === "patternProperties") s.patternProperties = { [r.pick(["^a", "b", "^[ac]+$", "^$"])]: sub(true) };
          else if (k === "propertyNames") s.propertyNames = r.chance(0.5) ? { pattern: r.pick(["^a", "^[ab]$", "c"]) } : { maxLength: r.below(3), enum: r.chance(0.3) ? ["a", "b"] : undefined };
          else if (k === "dependentSchemas") s.dependentSchemas = { [r.pick(KEYS)]: sub(false) };
          else s[k] = sub(true);
          if (s.propertyNames && s.propertyNames.enum === undefined) delete s.propertyNames.enum;
          note(k);
          break;
        }
        case 6: {
          const k = r.pick(["allOf", "anyOf", "oneOf", "not"]);
          if (k === "not") s.not = sub(false);
          else s[k] = Array.from({ length: 1 + r.below(3) }, () => sub(false));
          note(k);
          break;
        }
        case 7:
          s.if = sub(false);
          if (r.chance(0.7)) s.then = sub(false);
          if (r.chance(0.7)) s.else = sub(false);
          note("if");
          break;
        default:
          // Evaluation across applicators: the unevaluated keywords beside in-place ones.
          if (r.chance(0.5)) {
            s.unevaluatedProperties = sub(true);
            s[r.pick(["allOf", "anyOf", "oneOf"])] = [{ properties: { [r.pick(KEYS)]: sub(true) } }, { patternProperties: { "^a": sub(true) } }];
            note("unevaluatedProperties");
          } else {
            s.unevaluatedItems = sub(true);
            s[r.pick(["allOf", "anyOf", "oneOf"])] = [{ prefixItems: [sub(true)] }, { items: sub(true) }];
            note("unevaluatedItems");
          }
      }
    }
    return s;
  };

  // A reference to the $defs entry `name`, in one of the forms `ids` allows.
  const refTo = (name, ids) => {
    const base = ids.root && r.chance(0.6) ? (r.chance(0.5) ? ids.root : "root.json") : "";
    if (name === ids.resource) {
      // By its own URI (an anchor belongs to the resource it is in, not the root's).
      note("$id");
      const uri = ids.root && r.chance(0.5) ? `${name}.json` : `${ids.origin}${name}.json`;
      return ids.anchors && r.chance(0.3) ? `${uri}#A${name}` : uri;
    }
    if (ids.anchors && r.chance(0.6)) {
      note("$anchor");
      return `${base}#A${name}`;
    }
    return `${base}#/$defs/${name}`;
  };

  // An instance shaped by the schema (so that many are valid), sometimes perturbed.
  const guided = (s, depth, defs, root) => {
    if (s === true || s === false || depth < 0) return value(1);
    if (s.$ref) {
      // `#` is the resource the reference is in; every other form names a $defs entry.
      const name = /(?:^|\/|#A)(d[a-z]+)(?:\.json)?$/.exec(s.$ref);
      const target = s.$ref === "#" ? root : defs[name[1]];
      return guided(target, depth - 1, defs, target.$id ? target : root);
    }
    if ("const" in s && r.chance(0.8)) return structuredClone(s.const);
    if (s.enum && r.chance(0.8)) return structuredClone(r.pick(s.enum));
    for (const k of ["allOf", "anyOf", "oneOf"]) if (s[k] && r.chance(0.5)) return guided(r.pick(s[k]), depth - 1, defs, root);
    if (s.if && r.chance(0.3)) return guided(r.chance(0.5) ? s.if : (s.then ?? s.else ?? true), depth - 1, defs, root);
    const types = s.type ? [].concat(s.type) : [];
    let type = types.length > 0 ? r.pick(types) : null;
    if (!type) {
      if (s.properties || s.patternProperties || s.required || s.additionalProperties !== undefined || s.unevaluatedProperties !== undefined) type = "object";
      else if (s.items !== undefined || s.prefixItems || s.contains !== undefined || s.unevaluatedItems !== undefined) type = "array";
      else if (s.format || s.pattern || s.minLength !== undefined || s.maxLength !== undefined) type = "string";
      else if (["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"].some((k) => k in s)) type = "number";
      else return value(2);
    }
    switch (type) {
      case "object": {
        const o = {};
        for (const k of s.required ?? []) o[k] = value(1);
        for (const [k, v] of Object.entries(s.properties ?? {})) if (r.chance(0.7)) o[k] = guided(v, depth - 1, defs, root);
        if (r.chance(0.4)) o[r.pick(KEYS)] = guided(s.additionalProperties ?? s.unevaluatedProperties ?? true, depth - 1, defs, root);
        return o;
      }
      case "array": {
        const a = (s.prefixItems ?? []).filter(() => r.chance(0.8)).map((p) => guided(p, depth - 1, defs, root));
        for (let i = r.below(3); i > 0; i--) a.push(guided(s.items ?? s.contains ?? s.unevaluatedItems ?? true, depth - 1, defs, root));
        return a;
      }
      case "string":
        if (s.format && FORMATS[s.format]) return r.pick(FORMATS[s.format]);
        return r.pick(STRINGS);
      case "integer":
        return r.pick([0, 1, 2, 3, 10, -1]);
      case "number":
        return r.pick(NUMBERS);
      case "boolean":
        return r.chance(0.5);
      default:
        return null;
    }
  };

  const cases = [];
  let ajvErrors = 0;
  for (let i = 0; i < count; i++) {
    const defNames = r.chance(0.3) ? KEYS.slice(0, 1 + r.below(2)).map((k) => `d${k}`) : [];
    // URIs of their own for each schema: ajv keeps every $id it compiled.
    const origin = `https://fuzz.example/${i}/`;
    const ids = {
      origin,
      root: r.chance(0.3) ? `${origin}root.json` : null,
      anchors: defNames.length > 0 && r.chance(0.4),
      resource: defNames.length > 0 && r.chance(0.3) ? r.pick(defNames) : null,
    };
    const ctx = { depth: 1 + r.below(3), descended: false, defs: defNames, ids };
    const s = schema(ctx);
    const root = typeof s === "object" ? s : {};
    const defs = {};
    if (typeof s === "object") {
      if (ids.root) s.$id = ids.root;
      if (defNames.length > 0) {
        for (const d of defNames) {
          // A resource of its own refers only to itself (`#`): a pointer or anchor would
          // resolve against its $id.
          const own = d === ids.resource;
          let def = schema({ depth: 1 + r.below(2), descended: false, defs: own ? [] : defNames, ids });
          if ((ids.anchors || own) && typeof def !== "object") def = def ? {} : { not: {} };
          if (ids.anchors) def.$anchor = `A${d}`;
          if (own) def.$id = `${origin}${d}.json`;
          defs[d] = def;
        }
        s.$defs = defs;
        note("$defs");
      }
    }
    const instances = [];
    for (let j = 0; j < 16; j++) {
      const data = j < 10 ? guided(s, 4, defs, root) : value(2);
      instances.push({ data, kind: j < 10 ? "guided" : "random" });
    }
    const c = judge(ajv, `fuzz/${seed}/${i}`, s, instances);
    if (c.ajvError) ajvErrors++;
    cases.push(c);
  }
  return { cases, stats: { keywords: used, ajvErrors } };
}
