import type { Metadata } from "next";
import type { ReactNode } from "react";
import Nav from "./nav";
import "./globals.css";

export const metadata: Metadata = {
  title: "chatkit-glue example",
  description: "OpenAI ChatKit in a Next.js app with chatkit-glue: client secrets, auth fetch, client tools, analytics.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:z-10 focus:rounded-lg focus:bg-indigo-700 focus:px-3 focus:py-2 focus:text-white"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white/80 backdrop-blur dark:border-slate-800 dark:bg-slate-900/80">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
            <a href="/" className="flex items-center gap-2 font-semibold tracking-tight">
              <span aria-hidden="true" className="grid h-7 w-7 place-items-center rounded-lg bg-indigo-700 text-sm text-white dark:bg-indigo-400 dark:text-slate-950">
                cg
              </span>
              chatkit-glue <span className="font-normal text-slate-500 dark:text-slate-400">example</span>
            </a>
            <Nav />
          </div>
        </header>
        <main id="main" className="mx-auto flex w-full max-w-7xl flex-1 flex-col px-4 py-6 sm:px-6">
          {children}
        </main>
      </body>
    </html>
  );
}
