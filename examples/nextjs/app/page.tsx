// Server component: it renders the client demo but never calls into chatkit-glue itself,
// so the server prerender does not touch the wasm module.
import Link from "next/link";
import GlueDemo from "./glue-demo";

export default function Page() {
  return (
    <main>
      <h1>chatkit-glue example</h1>
      <nav>
        <Link href="/sign-in">Sign in</Link> · <Link href="/hosted">Hosted ChatKit (client secrets)</Link> ·{" "}
        <Link href="/custom">Custom backend (your ChatKit server)</Link>
      </nav>
      <GlueDemo />
    </main>
  );
}
