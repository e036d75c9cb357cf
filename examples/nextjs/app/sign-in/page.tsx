import SignInForm from "./sign-in-form";

export default function SignInPage() {
  return (
    <div className="mx-auto w-full max-w-md">
      <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="text-xl font-semibold tracking-tight">Account</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          The chat routes need the app&apos;s JWT, which Better Auth issues once you sign in.
        </p>
        <div className="mt-5">
          <SignInForm />
        </div>
      </div>
    </div>
  );
}
