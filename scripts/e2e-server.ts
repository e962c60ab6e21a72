// Server for `npm run test:e2e`: a fresh PostgreSQL database (TEST_DATABASE_URL's server, else
// 127.0.0.1:5432), migrated and seeded with the demo agency, then `npm start` on the production
// build with the development mail outbox readable (magic links are followed from it).
// E2E_DB=embedded (`npm run test:e2e:embedded`): no server database at all — `npm start` exactly as a
// newcomer runs it (embedded PGlite, migrations, demo seed, APP_URL), in a throwaway data folder.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "../lib/db/migrate";
import { startStripeStandin } from "./stripe-standin";
import { startOrdStandin } from "../lib/ord/standin";
import { DEMO_STRIPE_ACCOUNT } from "../prisma/seed-payouts";
import { createScratchDatabase, dropStaleDatabases } from "../tests/helpers/scratch-db";

async function main() {
  if (process.env.E2E_DB === "embedded") return embedded();
  // Another e2e run on this machine may still use its database: only ones older than any run are dropped.
  await dropStaleDatabases("twoway_e2e", 3 * 3600_000);
  const db = await createScratchDatabase("twoway_e2e");
  // Stripe is the local stand-in (real SDK on the app side); it delivers signed webhooks back to the
  // app, and the demo US partner's connected account exists there already onboarded.
  const webhookSecret = "whsec_e2e_standin_secret";
  const stripe = await startStripeStandin({
    port: 0, webhookSecret, webhookUrl: `http://localhost:${process.env.PORT}/api/webhooks/stripe`, seedAccounts: [DEMO_STRIPE_ACCOUNT],
  });
  // The VK ОРД stand-in (lib/ord/standin.ts): ORD_VK_BASE_URL makes its host one an agency may choose in
  // Settings → ОРД; tests/e2e/ord.spec.ts saves the key E2E_ORD_KEY there.
  const ord = await startOrdStandin({ port: 0, apiKey: "e2e-ord-key" });
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0123456789",
    TWOWAY_DEV_OUTBOX: "1",
    APP_URL: `http://localhost:${process.env.PORT}`,
    STRIPE_SECRET_KEY: "sk_test_e2e_standin",
    STRIPE_API_BASE: stripe.url,
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    ORD_VK_BASE_URL: ord.url,
    // Partner status e-mails are batched for 5 minutes by default; the suite reads them from the outbox.
    PARTNER_MAIL_DELAY_SECONDS: "2",
    // Every spec signs partners in from 127.0.0.1, and the fuzz spec asks for links too.
    MAGIC_LINKS_PER_EMAIL_HOUR: "50",
    MAGIC_LINKS_PER_IP_HOUR: "1000",
    // tests/e2e/webhooks.spec.ts receives webhooks on 127.0.0.1: loopback through the SSRF guard, which
    // in a production build also needs the explicit confirmation (docs/webhooks.md).
    WEBHOOKS_ALLOW_LOOPBACK: "1",
    WEBHOOKS_ALLOW_LOOPBACK_IN_PRODUCTION: "1",
    // tests/e2e/embed.spec.ts lists its host page on http://localhost as an embedding origin (docs/embedding.md).
    EMBED_ALLOW_LOCALHOST: "1",
    NODE_ENV: "production" as const,
  };
  await migrate(db.url);
  const seed = spawn("node_modules/.bin/tsx", ["scripts/db-seed.ts"], { stdio: "inherit", env });
  const seeded = await new Promise<number>((resolve) => seed.on("exit", (code) => resolve(code ?? 1)));
  if (seeded !== 0) {
    await db.drop();
    process.exit(1);
  }
  const app = spawn("node_modules/.bin/tsx", ["scripts/start.ts"], { stdio: "inherit", env });
  const stop = () => app.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  const code = await new Promise<number>((resolve) => app.on("exit", (c) => resolve(c ?? 0)));
  await db.drop().catch(() => undefined);
  await stripe.close().catch(() => undefined);
  await ord.close().catch(() => undefined);
  process.exit(code);
}

/** `npm start` on the embedded database, as the README's first command runs it. */
async function embedded() {
  const dataDir = mkdtempSync(join(tmpdir(), "twoway-e2e-embedded-"));
  const webhookSecret = "whsec_e2e_standin_secret";
  const stripe = await startStripeStandin({
    port: 0, webhookSecret, webhookUrl: `http://localhost:${process.env.PORT}/api/webhooks/stripe`, seedAccounts: [DEMO_STRIPE_ACCOUNT],
  });
  const ord = await startOrdStandin({ port: 0, apiKey: "e2e-ord-key" });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TWOWAY_DATA_DIR: dataDir,
    STRIPE_SECRET_KEY: "sk_test_e2e_standin",
    STRIPE_API_BASE: stripe.url,
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    ORD_VK_BASE_URL: ord.url,
    PARTNER_MAIL_DELAY_SECONDS: "2",
    MAGIC_LINKS_PER_EMAIL_HOUR: "50",
    MAGIC_LINKS_PER_IP_HOUR: "1000",
    // tests/e2e/webhooks.spec.ts receives webhooks on 127.0.0.1: loopback through the SSRF guard, which
    // in a production build also needs the explicit confirmation (docs/webhooks.md).
    WEBHOOKS_ALLOW_LOOPBACK: "1",
    WEBHOOKS_ALLOW_LOOPBACK_IN_PRODUCTION: "1",
    EMBED_ALLOW_LOCALHOST: "1",
  };
  delete env.DATABASE_URL;
  delete env.APP_URL;
  delete env.AUTH_URL;
  const app = spawn("node_modules/.bin/tsx", ["scripts/start.ts"], { stdio: "inherit", env });
  const stop = () => app.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  const code = await new Promise<number>((resolve) => app.on("exit", (c) => resolve(c ?? 0)));
  await stripe.close().catch(() => undefined);
  await ord.close().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
