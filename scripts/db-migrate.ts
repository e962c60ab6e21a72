// npm run db:migrate — applies pending migrations to DATABASE_URL (never seeds), then installs or
// upgrades the job queue's tables (graphile-worker's own migrations, schema graphile_worker).
import { migrateJobQueue } from "@/lib/db/job-queue-schema";
import { migrate } from "@/lib/db/migrate";
import { loadDotEnv } from "./load-env";

async function main() {
  loadDotEnv();
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const { applied } = await migrate(url, { log: (m) => console.log(m) });
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
  await migrateJobQueue(url);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
