// npm run job:partner-mail — one partner-mail sweep over every tenant: each partner whose oldest
// unsent status change is PARTNER_MAIL_DELAY_SECONDS old (default 300) gets one e-mail for all of
// them. Every job worker already runs this sweep as the job mail:partner-digest (every minute:
// lib/jobs/partner-mail.ts); run this to flush now (`PARTNER_MAIL_DELAY_SECONDS=0`). Safe next to
// running workers: notices are claimed with row locks, so nothing is sent twice.
import { prisma } from "@/lib/db/client";
import { sweepPartnerNotices } from "@/lib/referrals/partner-digest";
import { loadDotEnv } from "./load-env";

async function main() {
  loadDotEnv();
  const started = Date.now();
  const result = await sweepPartnerNotices();
  console.log(`partner mail: ${JSON.stringify(result)} in ${Date.now() - started} ms`);
  await prisma.$disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
