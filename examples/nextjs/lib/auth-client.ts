"use client";
import { createAuthClient } from "better-auth/react";

// Same origin: Better Auth's routes are at /api/auth/*.
export const authClient = createAuthClient();
