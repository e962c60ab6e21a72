import { describe, expect, it } from "vitest";
import { trackingSecret } from "./tracking-secret";

describe("trackingSecret", () => {
  it("prefers TRACKING_SALT, then AUTH_SECRET", () => {
    expect(trackingSecret({ NODE_ENV: "production", TRACKING_SALT: "salt-salt-salt-salt", AUTH_SECRET: "auth" })).toBe("salt-salt-salt-salt");
    expect(trackingSecret({ NODE_ENV: "production", AUTH_SECRET: "auth-secret" })).toBe("auth-secret");
  });

  it("refuses to run in production without a configured secret", () => {
    expect(() => trackingSecret({ NODE_ENV: "production" })).toThrow(/TRACKING_SALT nor AUTH_SECRET/);
  });

  it("uses a random secret in development, with a warning", () => {
    const warnings: string[] = [];
    const a = trackingSecret({ NODE_ENV: "development" }, (m) => warnings.push(m));
    const b = trackingSecret({ NODE_ENV: "development" }, (m) => warnings.push(m));
    expect(a).not.toBe(b);
    expect(warnings).toHaveLength(2);
  });
});
