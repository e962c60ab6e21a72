import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import { prisma } from "./client";

// @auth/prisma-adapter is typed against @prisma/client's default output; the generated
// Prisma 7 client has the same model delegates, so the cast is safe.
export const authAdapter: Adapter = PrismaAdapter(prisma as unknown as Parameters<typeof PrismaAdapter>[0]);
