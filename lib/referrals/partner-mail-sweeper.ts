// Runs the partner-mail sweep (./partner-digest.ts) on an interval inside the app server
// (scripts/server.ts) until a job queue takes it over. Several app instances may each run one: the
// sweep claims notices with row locks, so a mail is never sent twice.
import { log as opsLog } from "@/lib/ops/log";

/** How often to sweep: every 15 s, and more often for a short delay (e2e uses 2 s) so mails follow it. */
export function partnerMailSweepIntervalMs(delaySeconds: number): number {
  return Math.min(15_000, Math.max(1_000, Math.floor((delaySeconds * 1000) / 2)));
}

export type Sweeper = { stop(): Promise<void> };

/**
 * Calls `sweep` every `intervalMs` on an unref()ed timer (it never keeps the process alive); a tick
 * is skipped while the previous sweep still runs. `stop()` clears the timer and waits for a sweep in
 * progress, so SIGTERM never cuts one off between its commit and its SMTP hand-off.
 */
export function startPartnerMailSweeper(options: {
  sweep: () => Promise<{ mails: number; notices: number; dropped: number }>;
  intervalMs: number;
  log?: (message: string) => void;
}): Sweeper {
  const log = options.log ?? ((m: string) => opsLog().info(m));
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = options
      .sweep()
      .then((r) => {
        if (r.mails || r.dropped) log(`partner mail: ${r.mails} e-mail(s) for ${r.notices} change(s)${r.dropped ? `, ${r.dropped} dropped (partner removed)` : ""}`);
      })
      .catch((error: unknown) => opsLog().error({ err: error }, "partner mail sweep failed"))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
