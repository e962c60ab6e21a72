// The environment, validated once at boot (scripts/start.ts before anything starts, scripts/server.ts
// before it listens). A bad value stops the process with one message that names every offending
// variable, instead of a misleading failure later (`DATABASE_URL=not-a-url` used to surface as
// `getaddrinfo ENOTFOUND base`, a missing AUTH_SECRET as a sign-in answering 500). Values are never
// echoed: DATABASE_URL and SMTP_URL carry passwords. Modules still read process.env themselves;
// this only guarantees what they will find there.
import { z } from "zod";
import { POOL_TIMEOUT_DEFAULTS, type PoolTimeoutName } from "@/lib/db/pool-config";

const positiveInt = z
  .string()
  .trim()
  .regex(/^[1-9][0-9]*$/, "must be a positive whole number");

const httpUrl = z.string().refine((v) => {
  try {
    return ["http:", "https:"].includes(new URL(v).protocol);
  } catch {
    return false;
  }
}, "must be an http(s) URL, e.g. https://twoway.example.com");

const postgresUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === "postgres:" || u.protocol === "postgresql:") && u.hostname !== "";
  } catch {
    return false;
  }
}, "must be a PostgreSQL URL: postgresql://user:password@host:5432/database");

const timeouts = Object.fromEntries(
  (Object.keys(POOL_TIMEOUT_DEFAULTS) as PoolTimeoutName[]).map((name) => [name, positiveInt.optional()]),
) as Record<PoolTimeoutName, z.ZodOptional<typeof positiveInt>>;

const schema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_READ_URL: postgresUrl.optional(),
  DATABASE_READ_MAX_LAG_SECONDS: positiveInt.optional(),
  DATABASE_POOL_MAX: positiveInt.optional(),
  ...timeouts,
  PORT: z.string().refine((v) => /^[1-9][0-9]*$/.test(v.trim()) && Number(v) <= 65_535, "must be a port number (1–65535)").optional(),
  APP_URL: httpUrl.optional(),
  AUTH_URL: httpUrl.optional(),
  TRUST_PROXY: z.string().regex(/^(true|false|[0-9]+)$/, 'must be a number of proxies ("1") or "true"').optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\/\S+$/, "must be an smtp:// or smtps:// URL").optional(),
  STRIPE_API_BASE: httpUrl.optional(),
  ORD_VK_BASE_URL: httpUrl.optional(),
  ORD_VK_API_KEY: z.string().trim().regex(/^\S+$/, "must be one token without spaces (the VK ОРД API key, sent as a Bearer token)").optional(),
  PARTNER_MAIL_DELAY_SECONDS: z.string().trim().regex(/^[0-9]+$/, "must be a whole number of seconds").optional(),
  SHUTDOWN_DRAIN_MS: z.string().trim().regex(/^[0-9]+$/, "must be a whole number of milliseconds").optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\/\S+$/, "must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379").optional(),
  FX_CBR_URL: httpUrl.optional(),
  SANCTIONS_SDN_URL: httpUrl.optional(),
  JOBS_FETCH_TIMEOUT_MS: positiveInt.optional(),
  MAGIC_LINKS_PER_EMAIL_HOUR: positiveInt.optional(),
  MAGIC_LINKS_PER_IP_HOUR: positiveInt.optional(),
});

export type AppEnv = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Checks `env`; throws a ConfigError listing every problem. `production`: a server that must not run
 * without its secrets (scripts/server.ts without --dev; scripts/start.ts on an external database).
 * Empty strings count as unset, as `.env` files write them.
 */
export function validateEnv(env: Readonly<Record<string, string | undefined>>, opts: { production: boolean }): AppEnv {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(present);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`);
  // A replica of the embedded database cannot exist: dashboards would read some other database.
  if (present.DATABASE_READ_URL && !present.DATABASE_URL) problems.push("DATABASE_READ_URL needs DATABASE_URL (a replica of the primary it names)");
  // A host without a key would silently fall back to "export a file": say so instead.
  if (opts.production) {
    if (!present.AUTH_SECRET) problems.push("AUTH_SECRET is required in production (sessions and sign-in need it): `openssl rand -base64 32`");
    if (!present.APP_URL && !present.AUTH_URL) {
      problems.push("APP_URL is required in production: the public base URL (e.g. https://twoway.example.com); links in e-mails are built from it");
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return parsed.data!;
}
