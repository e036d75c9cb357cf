// The home page: what the two ChatKit modes are, what the glue panel shows, and where to
// start. A server component that never calls into chatkit-glue.
import Link from "next/link";

const card = "rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900";
const button =
  "inline-flex items-center rounded-lg px-4 py-2 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

export default function Home() {
  return (
    <div className="flex flex-col gap-8">
      <section className="max-w-3xl">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">OpenAI ChatKit, with the glue done</h1>
        <p className="mt-3 text-lg text-slate-600 dark:text-slate-300">
          This Next.js app wires <code className="font-mono text-base">chatkit-glue</code> around ChatKit in both of its
          modes: client secrets, an auth fetch for your own backend, validated client tools, analytics and
          diagnostics. Sign in with the demo login that <code className="font-mono text-base">scripts/demo</code>{" "}
          printed, then open either chat.
        </p>
        <div className="mt-5 flex flex-wrap gap-3">
          <Link href="/sign-in" className={`${button} bg-indigo-700 text-white hover:bg-indigo-800 dark:bg-indigo-400 dark:text-slate-950 dark:hover:bg-indigo-300`}>
            Sign in
          </Link>
          <Link href="/custom" className={`${button} border border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800`}>
            Open the custom backend chat
          </Link>
        </div>
      </section>

      <section aria-labelledby="modes" className="grid gap-4 md:grid-cols-2">
        <h2 id="modes" className="sr-only">
          The two modes
        </h2>
        <article className={card}>
          <h3 className="text-lg font-semibold">
            <Link href="/hosted" className="hover:underline">
              Hosted ChatKit
            </Link>
          </h3>
          <p className="mt-2 text-slate-600 dark:text-slate-300">
            OpenAI runs your Agent Builder workflow. Your server only mints short-lived client secrets
            (<code className="font-mono text-sm">createSessionHandlers</code> behind{" "}
            <code className="font-mono text-sm">/api/chatkit/start</code> and <code className="font-mono text-sm">/refresh</code>),
            and the page&apos;s <code className="font-mono text-sm">ClientSecretSource</code> fetches, caches and refreshes them
            before they expire, with a guard against refresh loops.
          </p>
          <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">
            Offline, a local stand-in of OpenAI&apos;s sessions endpoint mints the secrets; the chat itself needs OpenAI.
          </p>
        </article>
        <article className={card}>
          <h3 className="text-lg font-semibold">
            <Link href="/custom" className="hover:underline">
              Custom backend
            </Link>
          </h3>
          <p className="mt-2 text-slate-600 dark:text-slate-300">
            ChatKit speaks its protocol to your own server: here the example ChatKit server in Python, behind{" "}
            <code className="font-mono text-sm">/api/chatkit</code>. <code className="font-mono text-sm">createAuthFetch</code> puts the
            app&apos;s JWT on every request (and only to your origin); the server verifies it and can call client tools,
            which <code className="font-mono text-sm">ClientTools</code> validates and dispatches.
          </p>
          <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">
            Try &ldquo;add note hello&rdquo; or &ldquo;open link https://example.com&rdquo;. Works offline.
          </p>
        </article>
      </section>

      <section aria-labelledby="panel" className={card}>
        <h2 id="panel" className="text-lg font-semibold">
          The glue panel, beside the chat
        </h2>
        <p className="mt-2 text-slate-600 dark:text-slate-300">
          What a developer looks at to see the integration is healthy, read live from the library&apos;s objects and from
          the events analytics sends (already redacted: never a secret or a token).
        </p>
        <dl className="mt-4 grid gap-x-8 gap-y-3 text-sm sm:grid-cols-2">
          {[
            ["ChatKit", "whether ChatKit's script loaded, or the stand-in is in use."],
            ["Client secret", "the countdown to expiry, fetches, refreshes and failures, and each fetch's outcome."],
            ["Tool calls", "each call with the params its handler received after validation, its result, outcome and duration."],
            ["Notes", "what add_note added: the tool's effect on the page."],
            ["Analytics", "responses, p50/p90 response time, time to ready, errors, dropped and sent events."],
            ["Latest events", "what analytics is about to POST to /api/analytics, redacted."],
          ].map(([term, text]) => (
            <div key={term}>
              <dt className="font-semibold">{term}</dt>
              <dd className="text-slate-600 dark:text-slate-300">{text}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="offline" className="max-w-3xl text-sm text-slate-600 dark:text-slate-300">
        <h2 id="offline" className="text-base font-semibold text-slate-900 dark:text-slate-100">
          Without internet
        </h2>
        <p className="mt-1">
          ChatKit&apos;s own script comes from OpenAI&apos;s CDN. When it cannot load, the chat pages say so and offer this
          example&apos;s ChatKit stand-in: a minimal element, clearly labelled, that speaks ChatKit&apos;s protocol to the
          example server and shows the client secret&apos;s life in hosted mode. With a network and real keys, the real
          ChatKit is used and the stand-in never appears.
        </p>
      </section>
    </div>
  );
}
