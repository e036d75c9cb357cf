// Type-level tests of ChatKitAnalytics against the installed ChatKit types: handlers()
// has exactly the handler keys useChatKit accepts, each of the type useChatKit expects.
// (Only in tsconfig.json: @openai/chatkit's types do not resolve under nodenext.)
import { useChatKit, type UseChatKitOptions } from "@openai/chatkit-react";
import type { ChatKitOptions } from "@openai/chatkit";
import { ChatKitAnalytics, composeHandlers, type ChatKitAnalyticsHandlers } from "chatkit-glue";

type ChatKitHandlerKeys = Exclude<keyof UseChatKitOptions, keyof ChatKitOptions>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameKeys: Same<keyof ChatKitAnalyticsHandlers, ChatKitHandlerKeys> = true;
const asOptions: Pick<UseChatKitOptions, ChatKitHandlerKeys> = {} as ChatKitAnalyticsHandlers;
// @ts-expect-error a handler set missing one of ChatKit's names is not the same set
const fewer: Same<Exclude<keyof ChatKitAnalyticsHandlers, "onLog">, ChatKitHandlerKeys> = true;

function usage(): void {
  const analytics = new ChatKitAnalytics({ endpoint: "/api/analytics" });
  useChatKit({ api: { url: "/api/chatkit", domainKey: "local" }, ...analytics.handlers() });
  useChatKit({
    api: { url: "/api/chatkit", domainKey: "local" },
    ...composeHandlers(analytics.handlers(), { onError: ({ error }: { error: Error }) => void error }),
  });
  useChatKit({
    api: { url: "/api/chatkit", domainKey: "local" },
    ...analytics.handlers(),
    // @ts-expect-error ChatKit refuses keys it does not know
    onResponseFinish: () => {},
  });
}
void [usage, sameKeys, asOptions, fewer];
