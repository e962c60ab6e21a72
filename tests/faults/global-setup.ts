// The fault suite's database: a scratch PostgreSQL database on the server (TEST_DATABASE_URL's, else
// 127.0.0.1:5432), migrated with the project's runner and the job queue's, dropped afterwards.
import type { TestProject } from "vitest/node";
import { migrateJobQueue } from "../../lib/db/job-queue-schema";
import { migrate } from "../../lib/db/migrate";
import { createScratchDatabase, dropStaleDatabases } from "../helpers/scratch-db";

declare module "vitest" {
  export interface ProvidedContext {
    faultsDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  await dropStaleDatabases("twoway_faults", 60 * 60 * 1000);
  const db = await createScratchDatabase("twoway_faults");
  try {
    await migrate(db.url);
    await migrateJobQueue(db.url);
  } catch (err) {
    await db.drop();
    throw err;
  }
  process.env.DATABASE_URL = db.url;
  project.provide("faultsDatabaseUrl", db.url);
  return () => db.drop();
}
