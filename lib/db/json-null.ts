// Writing SQL NULL into a nullable Json column (Prisma needs its DbNull marker; a plain null is
// refused). Re-exported here so features need not import the generated client.
import { Prisma } from "./generated/client";

export const JSON_DB_NULL = Prisma.DbNull;
