import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// --- Who may reach the database, and how (docs/security.md, "Two walls") -----------------------
const rawClient = {
  paths: [{ name: "@/lib/db/client", message: "Use ctx.db (tenant-scoped) from a guard; the raw client lives in lib/db only." }],
  patterns: [{ group: ["**/db/client", "**/db/read-client", "**/db/generated/client"], allowTypeImports: true, message: "Use ctx.db (tenant-scoped); the raw client lives in lib/db only." }],
};
// The owner's handles (lib/db/owner.ts) go to lib/auth, which makes every context, and to the mail outbox.
const ownerHandle = {
  group: ["**/db/owner"], allowTypeImports: true,
  message: "The owner's client is handed out only by lib/auth's contexts (UserContext, SystemContext); take a context instead.",
};
// A SystemContext runs as the owner: only the few callers that act for no person may make one.
const systemContext = {
  group: ["**/auth/contexts/system"], allowTypeImports: true,
  message: "A SystemContext (owner, no RLS) is for webhooks, jobs, the seed and secret-token lookups only: add the file to the list in eslint.config.mjs if it truly is one.",
};
// Tenant-scoped clients come from a context (lib/auth); nothing else builds one from a bare id.
const tenantDbFactory = {
  group: ["**/db/tenant-client"], allowTypeImports: true,
  message: "Take ctx.db from a context (lib/auth) instead of building tenantDb(id) yourself.",
};
const restricted = (...groups) => ["error", { paths: rawClient.paths, patterns: [...rawClient.patterns, ...groups] }];

/** Files that may make a SystemContext (each says why in its header). */
const systemCallers = [
  "lib/payouts/stripe-webhook.ts", // Stripe webhook: finds the owning tenant, works in its scope
  "lib/payouts/stripe-lookup.ts",
  "lib/referrals/partner-digest.ts", // the partner-mail sweep over every tenant
  "lib/notifications/mail.ts", // the staff-mail sweep over every tenant
  "lib/messages/mail.ts", // the partner message-mail sweep over every tenant
  "lib/notifications/stale-referrals.ts", // the daily waiting-referral scan over every tenant
  "lib/notifications/statistics-deadline.ts", // the ОРД statistics deadline warning over every tenant
  "lib/compliance/tax-thresholds.ts", // global reference data
  "lib/staff/invites.ts", // secret-token lookups
  "lib/partners/partner-invites.ts",
  "lib/jobs/queue.ts", // the job queue: enqueue (owner), tasks acting for the tenant named in a payload
  "lib/jobs/tasks.ts",
  "lib/jobs/heartbeat.ts",
  "lib/payouts/resume-runs.ts", // every-minute scan for runs a crash left unfinished
  "lib/placements/unlabelled-alert.ts", // the redirect's alert, acting for the tenant of the refused link
];

// --- Boundaries between layers (import/no-restricted-paths resolves @/ and relative paths) -----
const boundaries = {
  zones: [
    {
      target: ["app", "components"], from: "lib/db",
      message: "Pages and components never import lib/db: call the feature's functions; enum types come from lib/kernel/enums.",
    },
    {
      target: "lib/db", from: "lib", except: ["./db", "./kernel"],
      message: "lib/db imports no feature (only lib/db, the kernel, node, pg and Prisma).",
    },
    {
      target: "lib/kernel", from: "lib", except: ["./kernel", "./db/generated/enums.ts"],
      message: "The kernel knows no feature (only other kernel files, packages and the generated enums).",
    },
    {
      target: "lib/tracking", from: ["node_modules/@prisma", "node_modules/next", "node_modules/.prisma"],
      message: "The redirect hot path (lib/tracking) loads neither Prisma nor Next.",
    },
    {
      target: "lib/tracking", from: "lib/db", except: ["./tracking-pool.ts", "./generated/enums.ts"],
      message: "lib/tracking reaches the database only through lib/db/tracking-pool.ts (raw pg, no Prisma).",
    },
  ],
};

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "lib/db/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    // Tenant scoping cannot be forgotten: only lib/db, the seed, scripts and tests may touch the raw client.
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/db/**"],
    rules: { "no-restricted-imports": restricted(ownerHandle, systemContext, tenantDbFactory) },
  },
  { files: ["lib/auth/**"], rules: { "no-restricted-imports": restricted() } },
  { files: ["lib/mail/outbox.ts"], rules: { "no-restricted-imports": restricted(systemContext, tenantDbFactory) } },
  { files: systemCallers, rules: { "no-restricted-imports": restricted(ownerHandle, tenantDbFactory) } },
  // funnelDb(scope): the funnel's raw SQL runs on the tenant client of a scope that a context made (lib/funnel/scope.ts).
  { files: ["lib/funnel/scope.ts"], rules: { "no-restricted-imports": restricted(ownerHandle, systemContext) } },
  { files: ["app/**", "components/**", "lib/**"], rules: { "import/no-restricted-paths": ["error", boundaries] } },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
