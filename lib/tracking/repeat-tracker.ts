// Repeat collapse: the first click of a visitor on a link is counted; further clicks within the
// window are stored pointing at it. This in-memory tracker is the fast path that answers the
// redirect itself (the click id in the cookie and `tw_click`) with no database read; what is stored
// and counted is decided again when the batch is written, against the clicks every instance stored
// (click-store.ts), so a repeat through another instance or after a restart is still a repeat.
export const REPEAT_WINDOW_MS = 30 * 60 * 1000;

type First = { clickId: string; at: number };

export class RepeatTracker {
  private readonly seen = new Map<string, First>();

  constructor(
    private readonly maxEntries = 200_000,
    private readonly windowMs = REPEAT_WINDOW_MS,
  ) {}

  /** The counted click this one repeats, or null (then `clickId` becomes the counted click). */
  check(key: string, clickId: string, now: number): string | null {
    const first = this.seen.get(key);
    if (first && now - first.at < this.windowMs) return first.clickId;
    if (first) this.seen.delete(key); // re-insert at the end: Map order doubles as age order
    while (this.seen.size >= this.maxEntries) this.seen.delete(this.seen.keys().next().value!);
    this.seen.set(key, { clickId, at: now });
    return null;
  }

  clear() {
    this.seen.clear();
  }
}
