// npm run job:click-partitions — the daily clicks:partitions job by hand (or from cron where no
// worker runs): "Click" month partitions ahead, rows out of the default partition, each agency's
// click retention (lib/tracking/partitions.ts). Safe next to the worker's run: partition creation is
// serialised in the database, deletes and drops re-check what they remove.
import { systemContext } from "@/lib/auth/contexts/system";
import { maintainClickPartitions } from "@/lib/tracking/partitions";
import { loadDotEnv } from "./load-env";

async function main() {
  loadDotEnv();
  const system = systemContext("jobs");
  const started = Date.now();
  try {
    const report = await maintainClickPartitions(system);
    console.log(`click partitions: ${JSON.stringify(report)} in ${Date.now() - started} ms`);
  } finally {
    await system.db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
