// Better Auth for the example: email and password, SQLite through better-sqlite3, and the
// jwt plugin (the JWT the chatkit routes and the Python ChatKit server verify against the
// JWKS at /api/auth/jwks). Plain JavaScript so that the migration script
// (scripts/db.mjs), the e2e tests and the app (lib/auth.ts) share one configuration.
//
// Environment (read at run time, never at build time):
//   BETTER_AUTH_URL     the app's public origin; also the JWT's `iss` and `aud`
//                       (default http://127.0.0.1:3000)
//   BETTER_AUTH_SECRET  at least 32 characters; default: <data dir>/auth-secret, which
//                       scripts/db.mjs creates
//   EXAMPLE_DATA_DIR    where the SQLite file lives (default ./.data, outside git)
//   APP_JWT_EXPIRES     the JWT's lifetime (default "15m")
import { betterAuth } from "better-auth";
import { jwt } from "better-auth/plugins";
import Database from "better-sqlite3";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export function dataDir() {
  // turbopackIgnore: the data directory is chosen at run time; it is not part of the build.
  return path.resolve(/*turbopackIgnore: true*/ process.env.EXAMPLE_DATA_DIR || path.join(process.cwd(), ".data"));
}

export function baseUrl() {
  return (process.env.BETTER_AUTH_URL || "http://127.0.0.1:3000").replace(/\/+$/, "");
}

/** The JWT's expected issuer and audience (Better Auth's defaults, made explicit). */
export function jwtClaims() {
  return { issuer: baseUrl(), audience: baseUrl() };
}

function secret() {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = path.join(dataDir(), "auth-secret");
  if (!existsSync(file)) {
    throw new Error(`No BETTER_AUTH_SECRET and no ${file}: run \`node scripts/db.mjs\` in examples/nextjs first.`);
  }
  return readFileSync(file, "utf8").trim();
}

/** The options, shared by the app and the migration (the schema follows the plugins). */
export function authOptions({ database } = {}) {
  const { issuer, audience } = jwtClaims();
  return {
    appName: "chatkit-glue example",
    baseURL: baseUrl(),
    secret: secret(),
    database: database ?? new Database(path.join(dataDir(), "auth.sqlite")),
    emailAndPassword: { enabled: true },
    telemetry: { enabled: false },
    plugins: [jwt({ jwt: { issuer, audience, expirationTime: process.env.APP_JWT_EXPIRES || "15m" } })],
  };
}

export function createAuth(options = authOptions()) {
  return betterAuth(options);
}
