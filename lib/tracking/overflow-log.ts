// Exact counts for a full click buffer: one line when it starts dropping clicks, one at most every
// 10 s while it keeps dropping, and one when it takes clicks again, each with the precise number
// dropped in this episode and since the process started. A long outage must not flood the log.
export class OverflowLog {
  private episodeStart: number | undefined; // total dropped before this episode
  private lastLoggedAt = 0;

  constructor(
    private readonly log: (message: string) => void,
    private readonly now: () => number = Date.now,
    private readonly everyMs = 10_000,
  ) {}

  /** A click was dropped; `total` counts this one. */
  note(cap: number, total: number) {
    if (this.episodeStart === undefined) {
      this.episodeStart = total - 1;
      this.lastLoggedAt = this.now();
      this.log(`click buffer full (${cap} clicks): dropping new clicks (1 dropped now, ${total} since start)`);
    } else if (this.now() - this.lastLoggedAt >= this.everyMs) {
      this.lastLoggedAt = this.now();
      this.log(`click buffer still full (${cap} clicks): ${total - this.episodeStart} dropped now, ${total} since start`);
    }
  }

  /** A click was accepted; ends an episode with its exact count. */
  recovered(total: number) {
    if (this.episodeStart === undefined) return;
    this.log(`click buffer accepting clicks again: ${total - this.episodeStart} clicks dropped while full, ${total} since start`);
    this.episodeStart = undefined;
  }
}
