import type { NextConfig } from "next";

// Deliberately nothing about WebAssembly here: chatkit-glue must work without bundler config.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  // NEXT_DIST_DIR lets the tests build with webpack and with Turbopack side by side
  // (.next-webpack and .next); an app keeps the default.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The tests type-check the app in one of their two builds only.
  typescript: { ignoreBuildErrors: process.env.EXAMPLE_SKIP_TYPECHECK === "1" },
  // This example lives inside the chatkit-glue repository, which has its own
  // package-lock.json; pin the app root so Next does not infer /work/main as the
  // workspace root (it warns about "multiple lockfiles" otherwise). Not wasm-related.
  turbopack: { root: __dirname },
};

export default nextConfig;
