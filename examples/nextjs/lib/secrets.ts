"use client";
// Hosted ChatKit's client secrets, created once at module scope: `getClientSecret` is
// bound and stable (`useChatKit({ api: { getClientSecret: secrets.getClientSecret } })`).
// It POSTs to /api/chatkit/start and /api/chatkit/refresh (the defaults) with the app's
// JWT, caches the secret until shortly before it expires, and refreshes with a loop
// guard. Sign-out calls `secrets.clear()`.
import { ClientSecretSource } from "chatkit-glue";
import { analytics } from "./analytics";
import { getAppToken } from "./app-token";

export const secrets = new ClientSecretSource({
  authToken: () => getAppToken(),
  onEvent: analytics.record,
});
