import type { NextConfig } from "next";

// Deliberately nothing about WebAssembly here: chatkit-glue must work without bundler config.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  // This example lives inside the chatkit-glue repository, which has its own
  // package-lock.json; pin the app root so Next does not infer /work/main as the
  // workspace root (it warns about "multiple lockfiles" otherwise). Not wasm-related.
  turbopack: { root: __dirname },
};

export default nextConfig;
