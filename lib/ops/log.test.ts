import { describe, expect, it } from "vitest";
import { createLogger, currentRequestId, logLevel, withRequestContext } from "./log";

function capture(level?: string) {
  const lines: string[] = [];
  const logger = createLogger({ level, destination: { write: (s: string) => void lines.push(s) } });
  return { logger, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("logger", () => {
  it("writes one JSON line with level, time, msg — and the request id inside a request", () => {
    const { logger, lines, parsed } = capture();
    logger.info("outside");
    withRequestContext({ requestId: "req-12345678" }, () => logger.error({ runId: "r1" }, "inside"));
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.endsWith("\n") && !l.slice(0, -1).includes("\n"))).toBe(true);
    const [outside, inside] = parsed();
    expect(outside).toMatchObject({ level: "info", msg: "outside" });
    expect(outside.requestId).toBeUndefined();
    expect(new Date(String(outside.time)).toISOString()).toBe(outside.time);
    expect(inside).toMatchObject({ level: "error", msg: "inside", runId: "r1", requestId: "req-12345678" });
  });

  it("keeps the request id across awaits", async () => {
    await withRequestContext({ requestId: "req-abcdefgh" }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      expect(currentRequestId()).toBe("req-abcdefgh");
    });
    expect(currentRequestId()).toBeUndefined();
  });

  it("serializes errors with message and stack, and redacts secret-looking fields", () => {
    const { logger, parsed } = capture();
    logger.error({ err: new Error("db down"), token: "s3cret", mail: { url: "https://x/api/auth/callback?token=t" } }, "failed");
    const [line] = parsed();
    expect(line.err).toMatchObject({ message: "db down", type: "Error" });
    expect(JSON.stringify(line)).not.toContain("s3cret");
    expect(JSON.stringify(line)).not.toContain("callback?token");
  });

  it("honours LOG_LEVEL and falls back to info for an unknown level", () => {
    expect(logLevel(undefined)).toBe("info");
    expect(logLevel("DEBUG")).toBe("debug");
    expect(logLevel("loud")).toBe("info");
    const { logger, lines } = capture("warn");
    logger.info("dropped");
    logger.warn("kept");
    expect(lines).toHaveLength(1);
  });
});
