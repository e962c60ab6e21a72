// npm run worker — the job worker in its own process (production: one or more next to the web
// instances, which then run with JOBS_IN_WEB=0). Installs the queue's tables if missing, takes jobs
// until SIGTERM/SIGINT, then stops taking jobs and finishes or releases the running ones (≤ 25 s).
// Env: DATABASE_URL, JOBS_CONCURRENCY (default 2), STRIPE_* and SMTP_* as the app.
import { migrateJobQueue } from "@/lib/db/job-queue-schema";
import { allowServerOnlyImports } from "@/lib/jobs/server-only-hook";
import { loadDotEnv } from "./load-env";

const say = (m: string) => console.log(`[worker] ${m}`);

async function main() {
  loadDotEnv();
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set");
  await migrateJobQueue(databaseUrl);
  allowServerOnlyImports(); // before the tasks load (lib/jobs/server-only-hook.ts)
  const { startJobWorker } = await import("@/lib/jobs/worker");
  const worker = await startJobWorker({ databaseUrl, concurrency: Number(process.env.JOBS_CONCURRENCY ?? 2) });
  say("taking jobs");
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    say(`${signal}: no new jobs; finishing the running ones`);
    await worker.stop();
    say(`stopped in ${Date.now() - started} ms`);
    process.exit(0);
  };
  process.on("SIGTERM", (s) => void shutdown(s));
  process.on("SIGINT", (s) => void shutdown(s));
}

main().catch((err) => {
  console.error(`[worker] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
