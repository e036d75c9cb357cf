// The frame both chat pages share (a server component): the title, who is signed in, and
// either the chat with its panel or a sign-in prompt.
import Link from "next/link";
import type { ReactNode } from "react";

export function ChatPage({
  title,
  intro,
  email,
  children,
}: {
  title: string;
  intro: ReactNode;
  email: string | null;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-1 flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-300">{intro}</p>
        </div>
        {email ? (
          <p data-testid="signed-in-as" className="rounded-full bg-slate-200 px-3 py-1 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-200">
            Signed in as {email}
          </p>
        ) : null}
      </div>
      {email ? (
        children
      ) : (
        <div data-testid="signed-out" className="rounded-2xl border border-slate-200 bg-white p-6 dark:border-slate-800 dark:bg-slate-900">
          <p>
            <Link href="/sign-in" className="font-semibold text-indigo-700 underline dark:text-indigo-300">
              Sign in
            </Link>{" "}
            to chat: the chatkit routes answer 401 without the app&apos;s JWT.
          </p>
        </div>
      )}
    </div>
  );
}

/** The chat card and the panel beside it (below it on narrow screens). */
export function ChatLayout({ chat, panel }: { chat: ReactNode; panel: ReactNode }) {
  return (
    <div className="grid flex-1 gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <section
        aria-label="Chat"
        className="flex h-[70vh] min-h-[28rem] flex-col overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm lg:h-[calc(100vh-12.5rem)] dark:border-slate-800 dark:bg-slate-900"
      >
        {chat}
      </section>
      {panel}
    </div>
  );
}
