// One throwaway database per `vitest run`: created, migrated with the project's runner, dropped.
import type { TestProject } from "vitest/node";
import { migrateJobQueue } from "../../lib/db/job-queue-schema";
import { migrate } from "../../lib/db/migrate";
import { createScratchDatabase, dropStaleDatabases } from "../helpers/scratch-db";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  await dropStaleDatabases("twoway_test", 60 * 60 * 1000);
  const db = await createScratchDatabase("twoway_test");
  try {
    await migrate(db.url);
    await migrateJobQueue(db.url);
  } catch (err) {
    await db.drop();
    throw err;
  }
  // Workers are spawned after global setup and inherit this; tests/setup/worker-env.ts also sets
  // it from inject() in case a pool does not inherit the parent's environment.
  process.env.DATABASE_URL = db.url;
  project.provide("databaseUrl", db.url);
  return () => db.drop();
}
