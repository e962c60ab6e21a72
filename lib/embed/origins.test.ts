import { describe, expect, it } from "vitest";
import { allowedEmbedOrigins, embedOriginPolicy, isAllowedEmbedOrigin, normalizeEmbedOrigin } from "./origins";

const production = { allowLocalhost: false };
const development = { allowLocalhost: true };

describe("embedding origins", () => {
  it("takes https origins: scheme, host and an optional port, nothing else", () => {
    for (const ok of ["https://agency.example", "https://www.agency.example", "https://agency.example:8443", "https://xn--80aswg.xn--p1ai"]) {
      expect(isAllowedEmbedOrigin(ok, production), ok).toBe(true);
    }
    for (const bad of ["http://agency.example", "https://agency.example/path", "https://*.agency.example", "https://agency.example:0", "https://agency.example:70000",
      "https://-agency.example", "javascript:alert(1)", "'self'", "https://agency.example 'unsafe-inline'", "ftp://agency.example", "https://user@agency.example"]) {
      expect(isAllowedEmbedOrigin(bad, development), bad).toBe(false);
    }
  });

  it("takes http://localhost (and 127.0.0.1, [::1]) only outside production", () => {
    for (const local of ["http://localhost", "http://localhost:5173", "http://127.0.0.1:8080", "http://[::1]:3000"]) {
      expect(isAllowedEmbedOrigin(local, development), local).toBe(true);
      expect(isAllowedEmbedOrigin(local, production), local).toBe(false);
    }
    expect(isAllowedEmbedOrigin("http://localhost.evil.example", development)).toBe(false);
    expect(allowedEmbedOrigins(["https://a.example", "http://localhost:3000", "http://b.example"], production)).toEqual(["https://a.example"]);
  });

  it("reads the policy from the environment: production refuses localhost unless EMBED_ALLOW_LOCALHOST=1", () => {
    expect(embedOriginPolicy({ NODE_ENV: "production" } as NodeJS.ProcessEnv)).toEqual(production);
    expect(embedOriginPolicy({ NODE_ENV: "production", EMBED_ALLOW_LOCALHOST: "1" } as NodeJS.ProcessEnv)).toEqual(development);
    expect(embedOriginPolicy({ NODE_ENV: "development" } as NodeJS.ProcessEnv)).toEqual(development);
  });

  it("normalizes what people paste", () => {
    expect(normalizeEmbedOrigin("  HTTPS://Agency.Example/ ")).toBe("https://agency.example");
  });
});
