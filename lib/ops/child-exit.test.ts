// `npm start` must exit non-zero when its server dies (a supervisor then restarts it) and 0 after a
// clean stop it asked for. The exit events come from real child processes.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { exitCodeForChild } from "./child-exit";

function child(script: string): { kill(sig: NodeJS.Signals): void; exit: Promise<[number | null, NodeJS.Signals | null]> } {
  const c = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
  const exit = new Promise<[number | null, NodeJS.Signals | null]>((r) => c.on("exit", (code, signal) => r([code, signal])));
  return { kill: (sig) => void c.kill(sig), exit };
}

describe("exitCodeForChild", () => {
  it("reports a SIGKILLed server as 137, not 0", async () => {
    const c = child("setInterval(() => {}, 1000)");
    c.kill("SIGKILL");
    const [code, signal] = await c.exit;
    expect(exitCodeForChild(code, signal, undefined)).toBe(137);
    expect(exitCodeForChild(code, signal, "SIGTERM")).toBe(137); // killed by something else during a stop
  });

  it("reports a crashed server's own code", async () => {
    const c = child("process.exit(1)");
    const [code, signal] = await c.exit;
    expect(exitCodeForChild(code, signal, undefined)).toBe(1);
  });

  it("reports 0 after a clean SIGTERM, whether the server exits 0 itself or dies of the forwarded signal", async () => {
    const clean = child("process.on('SIGTERM', () => process.exit(0)); setInterval(() => {}, 1000)");
    await new Promise((r) => setTimeout(r, 200)); // let it install the handler
    clean.kill("SIGTERM");
    expect(exitCodeForChild(...(await clean.exit), "SIGTERM")).toBe(0);
    const early = child("setInterval(() => {}, 1000)"); // still starting: no handler yet
    early.kill("SIGTERM");
    expect(exitCodeForChild(...(await early.exit), "SIGTERM")).toBe(0);
    const unasked = child("setInterval(() => {}, 1000)");
    unasked.kill("SIGTERM");
    expect(exitCodeForChild(...(await unasked.exit), undefined)).toBe(143);
  });
});
