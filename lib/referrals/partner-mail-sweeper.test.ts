import { afterEach, describe, expect, it, vi } from "vitest";
import { log } from "@/lib/ops/log";
import { partnerMailSweepIntervalMs, startPartnerMailSweeper } from "./partner-mail-sweeper";

afterEach(() => vi.useRealTimers());

describe("partner mail sweeper", () => {
  it("sweeps every 15 s for the default delay, and at least every second for a short one", () => {
    expect(partnerMailSweepIntervalMs(300)).toBe(15_000);
    expect(partnerMailSweepIntervalMs(2)).toBe(1_000);
    expect(partnerMailSweepIntervalMs(0)).toBe(1_000);
    expect(partnerMailSweepIntervalMs(20)).toBe(10_000);
  });

  it("skips a tick while a sweep still runs, and stop() waits for it", async () => {
    vi.useFakeTimers();
    let finish: () => void = () => undefined;
    let calls = 0;
    let finished = false;
    const sweep = vi.fn(() => {
      calls++;
      return new Promise<{ mails: number; notices: number; dropped: number }>((resolve) => {
        finish = () => {
          finished = true;
          resolve({ mails: 0, notices: 0, dropped: 0 });
        };
      });
    });
    const sweeper = startPartnerMailSweeper({ sweep, intervalMs: 1_000, log: () => undefined });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(5_000); // still running: no second sweep
    expect(calls).toBe(1);

    const stopped = sweeper.stop();
    let stopDone = false;
    void stopped.then(() => (stopDone = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopDone).toBe(false); // waits for the sweep in progress
    finish();
    await stopped;
    expect(finished).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000); // stopped: no more sweeps
    expect(calls).toBe(1);
  });

  it("keeps sweeping after a failed sweep", async () => {
    vi.useFakeTimers();
    const errors = vi.spyOn(log(), "error").mockImplementation(() => undefined);
    const sweep = vi.fn().mockRejectedValueOnce(new Error("db down")).mockResolvedValue({ mails: 1, notices: 2, dropped: 0 });
    const lines: string[] = [];
    const sweeper = startPartnerMailSweeper({ sweep, intervalMs: 1_000, log: (m) => lines.push(m) });
    await vi.advanceTimersByTimeAsync(2_000);
    await sweeper.stop();
    expect(sweep).toHaveBeenCalledTimes(2);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(lines).toEqual(["partner mail: 1 e-mail(s) for 2 change(s)"]);
    errors.mockRestore();
  });
});
