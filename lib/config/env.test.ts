import { describe, expect, it } from "vitest";
import { ConfigError, validateEnv } from "./env";
import { poolTimeouts } from "@/lib/db/pool-config";

const problems = (env: Record<string, string>, production = false) => {
  try {
    validateEnv(env, { production });
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
};

describe("validateEnv", () => {
  it("accepts the embedded demo's empty environment outside production", () => {
    expect(problems({})).toEqual([]);
  });

  it("names every malformed variable without echoing its value", () => {
    const found = problems({ DATABASE_URL: "not-a-url", PORT: "80a", APP_URL: "ftp://x", DATABASE_POOL_MAX: "0", SMTP_URL: "smtp.example.com" });
    expect(found.map((p) => p.split(" ")[0]).sort()).toEqual(["APP_URL", "DATABASE_POOL_MAX", "DATABASE_URL", "PORT", "SMTP_URL"]);
    expect(found.join("\n")).not.toContain("not-a-url");
  });

  it("refuses a non-PostgreSQL or host-less DATABASE_URL", () => {
    expect(problems({ DATABASE_URL: "mysql://u@h/db" })).toHaveLength(1);
    expect(problems({ DATABASE_URL: "postgresql:///db" })).toHaveLength(1);
    expect(problems({ DATABASE_URL: "postgres://u:p@db.example.com:5432/twoway?sslmode=require" })).toEqual([]);
  });

  it("requires AUTH_SECRET and APP_URL (or AUTH_URL) in production only; empty counts as unset", () => {
    expect(problems({ DATABASE_URL: "postgresql://u@h/db", AUTH_SECRET: "" }, true)).toEqual([
      expect.stringContaining("AUTH_SECRET is required in production"),
      expect.stringContaining("APP_URL is required in production"),
    ]);
    expect(problems({ AUTH_SECRET: "s3cret-s3cret-s3cret", AUTH_URL: "https://app.example" }, true)).toEqual([]);
    expect(problems({}, false)).toEqual([]);
  });
});

describe("ОРД settings", () => {
  it("checks the VK ОРД host and key; a host alone is fine (agencies keep their own keys, Settings → ОРД)", () => {
    expect(problems({ ORD_VK_API_KEY: "abc123", ORD_VK_BASE_URL: "https://api-sandbox.ord.vk.com" })).toEqual([]);
    expect(problems({ ORD_VK_API_KEY: "abc123" })).toEqual([]);
    expect(problems({ ORD_VK_API_KEY: "two words", ORD_VK_BASE_URL: "api.ord.vk.com" }).map((p) => p.split(" ")[0]).sort()).toEqual(["ORD_VK_API_KEY", "ORD_VK_BASE_URL"]);
    expect(problems({ ORD_VK_BASE_URL: "http://127.0.0.1:12112" })).toEqual([]);
  });
});

describe("poolTimeouts", () => {
  it("has defaults and takes overrides", () => {
    expect(poolTimeouts({})).toEqual({ connectionTimeoutMillis: 5_000, idleTimeoutMillis: 10_000, statement_timeout: 30_000, idle_in_transaction_session_timeout: 60_000 });
    expect(poolTimeouts({ DATABASE_STATEMENT_TIMEOUT_MS: "1500" }).statement_timeout).toBe(1500);
    expect(() => poolTimeouts({ DATABASE_CONNECT_TIMEOUT_MS: "-1" })).toThrow(/DATABASE_CONNECT_TIMEOUT_MS/);
  });
});
