import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { bodyTooLarge, boardSlug, isNoScriptFormPost, prepareInbound } from "./inbound";

const req = (init: { method?: string; url?: string; headers?: Record<string, string>; remote?: string }) =>
  ({ method: init.method ?? "GET", url: init.url ?? "/", headers: { ...(init.headers ?? {}) }, socket: { remoteAddress: init.remote ?? "198.51.100.9" } }) as unknown as IncomingMessage;

describe("prepareInbound", () => {
  it("drops forwarded and internal headers without trusted proxies and sets the socket address", () => {
    const r = req({ headers: { "x-forwarded-for": "127.0.0.1", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "x-real-ip": "127.0.0.1", "x-twoway-client-ip": "127.0.0.1", "x-twoway-frame-origins": "https://evil.example" } });
    expect(prepareInbound(r, 0)).toBe("198.51.100.9");
    expect(r.headers["x-forwarded-host"]).toBeUndefined();
    expect(r.headers["x-forwarded-proto"]).toBeUndefined();
    expect(r.headers["x-real-ip"]).toBeUndefined();
    expect(r.headers["x-twoway-frame-origins"]).toBeUndefined();
    expect(r.headers["x-forwarded-for"]).toBe("198.51.100.9");
    expect(r.headers["x-twoway-client-ip"]).toBe("198.51.100.9");
  });
  it("believes the proxy's hop behind TRUST_PROXY", () => {
    const r = req({ headers: { "x-forwarded-for": "127.0.0.1, 203.0.113.4", "x-forwarded-proto": "https" }, remote: "10.0.0.1" });
    expect(prepareInbound(r, 1)).toBe("203.0.113.4");
    expect(r.headers["x-forwarded-proto"]).toBe("https");
  });
});

describe("request gates", () => {
  it("413 above the limit or an unparsable length", () => {
    expect(bodyTooLarge(req({ headers: { "content-length": String(22 * 1024 * 1024) } }))).toBe(true);
    expect(bodyTooLarge(req({ headers: { "content-length": "abc" } }))).toBe(true);
    expect(bodyTooLarge(req({ headers: { "content-length": "1024" } }))).toBe(false);
    expect(bodyTooLarge(req({}))).toBe(false);
  });
  it("no-JavaScript form posts to pages, not server-action calls or API routes", () => {
    expect(isNoScriptFormPost(req({ method: "POST", url: "/en/sign-in" }))).toBe(true);
    expect(isNoScriptFormPost(req({ method: "POST", url: "/en/sign-in", headers: { "next-action": "abc" } }))).toBe(false);
    expect(isNoScriptFormPost(req({ method: "POST", url: "/api/auth/callback/credentials" }))).toBe(false);
    expect(isNoScriptFormPost(req({ method: "GET", url: "/en/sign-in" }))).toBe(false);
  });
  it("board slugs", () => {
    expect(boardSlug("/ru/o/northstar")).toBe("northstar");
    expect(boardSlug("/en/apply/northstar/prog1?x=1")).toBe("northstar");
    expect(boardSlug("/en/t/northstar")).toBeNull();
    expect(boardSlug("/ru/embed/northstar/board")).toBe("northstar");
    expect(boardSlug("/en/embed/northstar/apply/prog1")).toBe("northstar");
    expect(boardSlug("/embed/northstar/board")).toBeNull(); // no locale yet: the proxy redirects first
  });
});
