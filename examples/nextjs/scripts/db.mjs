#!/usr/bin/env node
// Creates or migrates the example's SQLite database (Better Auth's tables, including the
// jwt plugin's `jwks`) and seeds the demo user. Idempotent and offline. Run from
// examples/nextjs (scripts/demo and the e2e tests do):
//
//   node scripts/db.mjs          # prints the demo login
//
// The database and a generated BETTER_AUTH_SECRET live in .data/ (EXAMPLE_DATA_DIR),
// outside git.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getMigrations } from "better-auth/db/migration";
import { authOptions, createAuth, dataDir } from "../lib/auth-server.mjs";

export const DEMO_USER = {
  name: "Demo User",
  email: process.env.DEMO_EMAIL || "demo@example.com",
  password: process.env.DEMO_PASSWORD || "chatkit-glue-demo",
};

const dir = dataDir();
mkdirSync(dir, { recursive: true });
const secretFile = path.join(dir, "auth-secret");
if (!process.env.BETTER_AUTH_SECRET && !existsSync(secretFile)) {
  writeFileSync(secretFile, randomBytes(32).toString("base64url") + "\n", { mode: 0o600 });
}

const options = authOptions();
const { toBeCreated, toBeAdded, runMigrations } = await getMigrations(options);
if (toBeCreated.length || toBeAdded.length) {
  await runMigrations();
  console.log(`db: migrated (${[...toBeCreated, ...toBeAdded].map((t) => t.table).join(", ")})`);
} else {
  console.log("db: schema up to date");
}

const auth = createAuth(options);
const ctx = await auth.$context;
const existing = await ctx.internalAdapter.findUserByEmail(DEMO_USER.email);
if (!existing) {
  await auth.api.signUpEmail({ body: DEMO_USER });
  console.log("db: seeded the demo user");
}
options.database.close();
console.log(`db: ${path.join(dir, "auth.sqlite")}`);
console.log(`demo login: ${DEMO_USER.email} / ${DEMO_USER.password}`);
