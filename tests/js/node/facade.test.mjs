// The packed package in Node, as a route handler imports it (the `node` condition).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, test } from "node:test";
import * as glue from "chatkit-glue";
import { jsRoot, packageDir } from "../lib/bundle.mjs";

const dts = readFileSync(join(packageDir(), "index.d.ts"), "utf8");

describe("the package in Node", () => {
  test("resolves the node entry, which needs no fetch", async () => {
    const pkg = JSON.parse(readFileSync(join(packageDir(), "package.json"), "utf8"));
    assert.equal(pkg.exports["."].node, "./index.node.js");
    assert.equal(Object.keys(pkg.exports["."])[0], "types", "types first in the exports map");
    assert.equal(pkg.sideEffects, false);
    assert.equal(pkg.type, "module");
    await glue.ready();
  });

  test("every runtime export is declared in index.d.ts, and every declaration exists", () => {
    const declared = [...dts.matchAll(/^export declare (?:function|const|class) (\w+)/gm)].map((m) => m[1]).sort();
    assert.deepEqual(Object.keys(glue).sort(), declared);
  });

  test("the GlueErrorCode union equals the codes defined in Rust", async () => {
    const union = /export type GlueErrorCode =([^;]+);/.exec(dts)[1];
    const declared = [...union.matchAll(/"(\w+)"/g)].map((m) => m[1]);
    // codes.js is generated from the Rust taxonomy (tests/generated.rs checks it).
    const { RETRYABLE } = await import(pathToFileURL(join(jsRoot, "../../pkg-template/src/codes.js")).href);
    assert.deepEqual(declared, Object.keys(RETRYABLE));
  });

  test("withTimeout: timeout, pass-through and abort in Node", async () => {
    const e = await glue.withTimeout(new Promise(() => {}), 5).catch((e) => e);
    assert.ok(glue.isGlueError(e));
    assert.equal(e.code, "timeout");
    assert.equal(e.message, "withTimeout timed out after 5 ms");
    assert.equal(await glue.withTimeout((signal) => Promise.resolve(signal instanceof AbortSignal), 100), true);
    const mine = new Error("mine");
    assert.equal(await glue.withTimeout(Promise.reject(mine), 100).catch((e) => e), mine);
    const c = new AbortController();
    c.abort("stop");
    const a = await glue.withTimeout(() => assert.fail("work must not start"), 100, { signal: c.signal }).catch((e) => e);
    assert.equal(a.code, "aborted");
    assert.equal(a.cause, "stop");
  });

  test("isGlueError tells library errors from others", () => {
    assert.equal(glue.isGlueError(new Error("x")), false);
    assert.equal(glue.isGlueError(null), false);
    assert.equal(glue.isGlueError("ChatKitGlueError"), false);
    assert.equal(glue.isGlueError({ name: "ChatKitGlueError", code: "timeout", retryable: true }), true);
  });

  test("preload() does nothing on the server", () => {
    assert.equal(glue.preload(), undefined);
  });
});
