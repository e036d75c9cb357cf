import Link from "next/link";
import SignInForm from "./sign-in-form";

export default function SignInPage() {
  return (
    <main>
      <h1>Account</h1>
      <p>
        <Link href="/">Home</Link> · <Link href="/hosted">Hosted ChatKit</Link> · <Link href="/custom">Custom backend</Link>
      </p>
      <SignInForm />
    </main>
  );
}
