import { describe, expect, it } from "vitest";
import { ClickWriter } from "./click-store";
import { OverflowLog } from "./overflow-log";
import type { ClickRow } from "./types";

const row = (i: number) => ({ id: `c${i}` }) as ClickRow;

describe("click buffer overflow", () => {
  it("logs when it starts dropping and, on recovery, exactly how many clicks were dropped", async () => {
    const logs: string[] = [];
    let queries = 0;
    const writer = new ClickWriter({
      db: { query: (async () => (queries++, { rows: [] })) as never },
      maxBuffered: 3,
      intervalMs: 60_000,
      log: (m) => void logs.push(m),
    });
    for (let i = 0; i < 3 + 1234; i++) writer.add(row(i));
    expect(writer.getStats()).toMatchObject({ buffered: 3, dropped: 1234 });
    expect(writer.capacity).toBe(3);
    expect(logs).toEqual(["click buffer full (3 clicks): dropping new clicks (1 dropped now, 1 since start)"]);
    await writer.flush();
    expect(queries).toBe(1);
    writer.add(row(9999));
    expect(logs.at(-1)).toBe("click buffer accepting clicks again: 1234 clicks dropped while full, 1234 since start");
    await writer.close();
  });

  it("repeats the count at most every 10 s while the buffer stays full", () => {
    const logs: string[] = [];
    let t = 0;
    const log = new OverflowLog((m) => void logs.push(m), () => t);
    let total = 0;
    for (let i = 0; i < 500; i++) log.note(10, ++total);
    t = 10_000;
    log.note(10, ++total);
    log.note(10, ++total);
    log.recovered(total);
    log.note(10, ++total); // a second episode counts from zero again
    log.recovered(total);
    expect(logs).toEqual([
      "click buffer full (10 clicks): dropping new clicks (1 dropped now, 1 since start)",
      "click buffer still full (10 clicks): 501 dropped now, 501 since start",
      "click buffer accepting clicks again: 502 clicks dropped while full, 502 since start",
      "click buffer full (10 clicks): dropping new clicks (1 dropped now, 503 since start)",
      "click buffer accepting clicks again: 1 clicks dropped while full, 503 since start",
    ]);
  });
});
