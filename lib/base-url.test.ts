import { describe, expect, it } from "vitest";
import { baseUrl, configuredBaseUrl, onBaseUrl } from "./base-url";

describe("base URL", () => {
  it("comes from APP_URL, else AUTH_URL, never from a request", () => {
    expect(configuredBaseUrl({ APP_URL: "https://app.example.com/", NODE_ENV: "production" })).toBe("https://app.example.com");
    expect(configuredBaseUrl({ AUTH_URL: "https://auth.example.com", NODE_ENV: "production" })).toBe("https://auth.example.com");
    expect(configuredBaseUrl({ APP_URL: "javascript:alert(1)", NODE_ENV: "production" })).toBeNull();
    expect(configuredBaseUrl({ NODE_ENV: "production" })).toBeNull();
  });
  it("refuses to guess in production and uses the local server in development", () => {
    expect(() => baseUrl({ NODE_ENV: "production" })).toThrow(/APP_URL/);
    expect(baseUrl({ NODE_ENV: "development", PORT: "3100" })).toBe("http://localhost:3100");
  });
  it("moves a poisoned link onto the configured host", () => {
    const env = { APP_URL: "https://app.example.com", NODE_ENV: "production" } as NodeJS.ProcessEnv;
    expect(onBaseUrl("https://evil.example/api/auth/callback/email?token=abc&email=a%40b.c", env))
      .toBe("https://app.example.com/api/auth/callback/email?token=abc&email=a%40b.c");
  });
});
