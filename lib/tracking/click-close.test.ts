// ClickWriter.close() in a network partition: a batch whose statement never comes back (nothing
// reaches the server, so its statement timeout never fires) must not hold a shutdown past the
// deadline, and the clicks given up are counted — the batch in flight included.
// Found by the fault suite (tests/faults, scenario 7): before, SIGTERM during a partition waited
// until the partition healed.
import { describe, expect, it } from "vitest";
import { ClickWriter } from "./click-store";
import type { ClickRow } from "./types";

const row = (i: number) => ({ id: `c${i}` }) as ClickRow;

describe("closing the click writer while the database does not answer", () => {
  it("gives up at the deadline and logs every unsaved click, the stuck batch included", async () => {
    const logs: string[] = [];
    let queries = 0;
    const writer = new ClickWriter({
      db: { query: (() => (queries++, new Promise(() => {}))) as never }, // a statement that never returns
      batchSize: 3,
      intervalMs: 60_000,
      log: (m) => void logs.push(m),
    });
    for (let i = 0; i < 3; i++) writer.add(row(i)); // a full batch: its write starts and hangs
    await new Promise((r) => setTimeout(r, 10));
    expect(queries).toBe(1);
    for (let i = 3; i < 5; i++) writer.add(row(i));
    expect(writer.pending).toBe(5);

    const started = Date.now();
    await writer.close(300);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(logs.at(-1)).toMatch(/^click writer closing with 5 clicks unsaved: /);
  });
});
