// Type-level tests of ClientSecretSource and createSessionHandlers: every line must
// compile, and every line under @ts-expect-error must not.
import {
  ClientSecretSource,
  createSessionHandlers,
  type ClientSecretSourceOptions,
  type GlueErrorCode,
  type SecretEvent,
  type SessionHandler,
} from "chatkit-glue";

async function secrets(): Promise<void> {
  const events: SecretEvent[] = [];
  const source = new ClientSecretSource({
    startUrl: "/api/chatkit/start",
    refreshUrl: "/api/chatkit/refresh",
    authToken: async () => "jwt",
    headers: { "x-app": "1" },
    credentials: "include",
    timeoutMs: 5_000,
    retries: 2,
    totalTimeoutMs: 20_000,
    refreshMarginMs: 30_000,
    minRefreshIntervalMs: 10_000,
    onEvent: (e) => {
      events.push(e);
      const code: GlueErrorCode | undefined = e.code;
      const op: "start" | "refresh" = e.op;
      void [code, op];
    },
  });
  new ClientSecretSource();
  new ClientSecretSource({ authToken: () => null });
  // What useChatKit's HostedApiConfig.getClientSecret takes.
  const getClientSecret: (currentClientSecret: string | null) => Promise<string> = source.getClientSecret;
  const secret: string = await getClientSecret(null);
  const expires: number | null = source.expiresAt();
  source.prefetch();
  source.clear();
  source.dispose();
  const options: ClientSecretSourceOptions = {};
  void [secret, expires, options];

  // @ts-expect-error unknown options are refused
  new ClientSecretSource({ startURL: "/x" });
  // @ts-expect-error authToken returns a string or null
  new ClientSecretSource({ authToken: () => 42 });
  // @ts-expect-error credentials is a RequestCredentials
  new ClientSecretSource({ credentials: "always" });
  // @ts-expect-error getClientSecret resolves to a string
  const n: number = await source.getClientSecret(null);
  // @ts-expect-error getClientSecret is read-only
  source.getClientSecret = async () => "x";
  // @ts-expect-error an event's phase is one of four
  const phase: SecretEvent["phase"] = "started";
  void [n, phase];
}

function sessions(): void {
  const chatkit = createSessionHandlers({
    apiKey: process.env.OPENAI_API_KEY,
    workflowId: process.env.CHATKIT_WORKFLOW_ID,
    resolveUser: async (req: Request) => req.headers.get("x-user"),
    expiresAfterSeconds: 600,
    maxRequestsPerMinute: 10,
    fileUpload: true,
    timeoutMs: 5_000,
  });
  // What a Next.js route module exports.
  const POST: (request: Request) => Promise<Response> = chatkit.POST;
  const start: SessionHandler = chatkit.start;
  const refresh: SessionHandler = chatkit.refresh;
  void [POST, start, refresh];

  // @ts-expect-error resolveUser is required
  createSessionHandlers({ apiKey: "k", workflowId: "wf" });
  // @ts-expect-error resolveUser returns a user id or null
  createSessionHandlers({ apiKey: "k", workflowId: "wf", resolveUser: () => 42 });
  // @ts-expect-error the handlers take a Request
  void chatkit.start("/api/chatkit/start");
}
void [secrets, sessions];

declare const process: { env: Record<string, string | undefined> };
