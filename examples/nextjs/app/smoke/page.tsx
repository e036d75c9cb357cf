// A test-only page for the packaging test: `withTimeout` / `isGlueError` in a client
// effect (nothing from chatkit-glue runs during the server's prerender). Not linked from
// the app and not indexed.
import type { Metadata } from "next";
import GlueDemo from "./glue-demo";

export const metadata: Metadata = { title: "chatkit-glue smoke test", robots: { index: false } };

export default function SmokePage() {
  return (
    <section className="text-sm">
      <h1 className="mb-3 text-lg font-semibold">Smoke test (used by the packaging test)</h1>
      <GlueDemo />
    </section>
  );
}
