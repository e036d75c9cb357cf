// The example ChatKit server's own unit checks (examples/chatkit-server/test_server.py,
// the standard library's unittest): the `set_reminder` arguments each phrase gives and
// pydantic's verdict on them, the same phrases example.test.mjs sends through the page.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { serverDir } from "./lib.mjs";

test("the example ChatKit server's unit checks (python -m unittest)", () => {
  const run = spawnSync(path.join(serverDir, ".venv", "bin", "python"), ["-B", "-m", "unittest", "-v", "test_server"], {
    cwd: serverDir,
    encoding: "utf8",
    timeout: 60_000,
  });
  assert.equal(run.error, undefined, `could not run the server's virtualenv (scripts/setup makes it): ${run.error?.message}`);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /^OK$/m, run.stderr);
});
