import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTE_WORDS, routeLabel } from "./route-label";

describe("routeLabel", () => {
  it("turns paths into bounded patterns", () => {
    expect(routeLabel("/r/abc123?utm=x")).toBe("/r/:code");
    expect(routeLabel("/en/t/acme/payouts/run_1/pay_2")).toBe("/:locale/t/:tenant/payouts/:id/:id");
    expect(routeLabel("/ru/p/acme/referrals/new")).toBe("/:locale/p/:tenant/referrals/new");
    expect(routeLabel("/en/invite/secret-token-value")).toBe("/:locale/invite/:id");
    expect(routeLabel("/en/t/acme/payouts/run_1/registry.csv")).toBe("/:locale/t/:tenant/payouts/:id/registry.csv");
    expect(routeLabel("/api/auth/callback/email?token=abc&email=a@b.c")).toBe("/api/auth/*");
    expect(routeLabel("/api/v1/events")).toBe("/api/v1/events");
    expect(routeLabel("/_next/static/chunks/x.js")).toBe("/_next/static");
    expect(routeLabel("/favicon.ico")).toBe("/:file");
    expect(routeLabel("/metrics")).toBe("/metrics");
    expect(routeLabel("/wp-admin/../../etc/passwd/a/b/c/d/e")).toBe("/:id/:id/:id/:id/:id/:id/:id/*");
  });

  it("knows every static folder of app/ (else its pages would be counted as :id)", () => {
    const words = new Set<string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (!statSync(path).isDirectory()) continue;
        if (!/^[[(]/.test(name)) words.add(name);
        walk(path);
      }
    };
    walk(join(process.cwd(), "app"));
    const missing = [...words].filter((w) => !ROUTE_WORDS.has(w));
    expect(missing).toEqual([]);
  });
});
