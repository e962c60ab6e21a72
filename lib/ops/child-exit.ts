// The exit code `npm start` reports for its server child, so a supervisor restarts a server that
// died: the child's own code; for a death by signal 128 + its number (SIGKILL → 137) — except the
// signal start.ts itself forwarded on a clean stop (Ctrl+C, SIGTERM), which is a requested exit (0).
import { constants } from "node:os";

export function exitCodeForChild(code: number | null, signal: NodeJS.Signals | null, forwarded: NodeJS.Signals | undefined): number {
  if (code !== null) return code;
  if (!signal) return 1;
  if (signal === forwarded) return 0;
  return 128 + (constants.signals[signal] ?? 0);
}
