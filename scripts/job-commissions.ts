// npm run job:commissions — the commission job for every tenant (for cron in production): creates
// each missing commission once and approves the ones whose hold has passed. Safe to run while another
// run (or the after-ingest hook) is working: the job is idempotent and serialises per tenant.
import { systemContext } from "@/lib/auth/contexts/system";
import { runCommissionJob } from "@/lib/commissions/run-job";
import { loadDotEnv } from "./load-env";

async function main() {
  loadDotEnv();
  // Lists tenants as the owner; each tenant's work runs in its own scope (forTenant: under RLS).
  const system = systemContext("commission-job");
  const tenants = await system.db.tenant.findMany({ select: { id: true, slug: true }, orderBy: { createdAt: "asc" } });
  let failed = 0;
  for (const tenant of tenants) {
    const started = Date.now();
    try {
      const result = await runCommissionJob(system.forTenant(tenant.id), { tenantId: tenant.id, userId: null });
      console.log(`${tenant.slug}: ${JSON.stringify(result)} in ${Date.now() - started} ms`);
    } catch (error) {
      failed++;
      console.error(`${tenant.slug}: commission job failed`, error);
    }
  }
  await system.db.$disconnect();
  if (failed) process.exit(1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
