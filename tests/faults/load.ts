// Bounded redirect load: GET /r/<code> at a fixed rate over a set of targets with a cap on requests in
// flight, each with its own User-Agent (so every click is a first, non-repeat click whose own id comes
// back in the Location's `tw_click`). Every request is recorded: status, latency, click id or error.

export type Shot = { target: string; at: number; status: number; ms: number; clickId: string | null; error?: string };

export type LoadOptions = {
  /** Full URLs, used round-robin. */
  targets: string[];
  ratePerSecond: number;
  maxInFlight: number;
  /** A request still unanswered after this long is aborted and recorded as an error. */
  timeoutMs: number;
};

export type Load = {
  /** Stops sending, waits for the requests in flight, returns every shot. */
  stop(): Promise<Shot[]>;
  shots: Shot[];
  /** Requests not sent because `maxInFlight` were already waiting. */
  skipped(): number;
};

let visitor = 0;
const run = Math.floor(Math.random() * 1e6);

export function clickIdOf(location: string | null): string | null {
  if (!location) return null;
  const m = location.match(/[?&]tw_click=([^&#]+)/);
  return m ? decodeURIComponent(m[1]) : null;
}

/** One redirect request as a distinct browser visitor. */
export async function visit(target: string, timeoutMs: number, method: "GET" | "HEAD" = "GET"): Promise<Shot> {
  visitor += 1;
  const ua = `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.${run}.${visitor}.0 Safari/537.36`;
  const at = Date.now();
  const started = performance.now();
  try {
    const res = await fetch(target, { method, redirect: "manual", headers: { "user-agent": ua, "accept-language": "en" }, signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return { target, at, status: res.status, ms: performance.now() - started, clickId: method === "GET" && res.status === 302 ? clickIdOf(res.headers.get("location")) : null };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return { target, at, status: 0, ms: performance.now() - started, clickId: null, error: e.cause?.code ?? e.name ?? String(err) };
  }
}

export function startLoad(options: LoadOptions): Load {
  const shots: Shot[] = [];
  const inflight = new Set<Promise<void>>();
  let skipped = 0;
  let next = 0;
  let credit = 0;
  const tickMs = 20;
  const timer = setInterval(() => {
    credit += (options.ratePerSecond * tickMs) / 1000;
    while (credit >= 1) {
      credit -= 1;
      if (inflight.size >= options.maxInFlight) {
        skipped += 1;
        continue;
      }
      const target = options.targets[next++ % options.targets.length];
      const p: Promise<void> = visit(target, options.timeoutMs).then((shot) => {
        shots.push(shot);
        inflight.delete(p);
      });
      inflight.add(p);
    }
  }, tickMs);
  return {
    shots,
    skipped: () => skipped,
    async stop() {
      clearInterval(timer);
      await Promise.all([...inflight]);
      return shots;
    },
  };
}

/** Counts by status ("0" = no answer: refused, reset or timed out), max and p99 latency. */
export function summarize(shots: Shot[]) {
  const byStatus: Record<string, number> = {};
  for (const s of shots) byStatus[String(s.status)] = (byStatus[String(s.status)] ?? 0) + 1;
  const ms = shots.map((s) => s.ms).sort((a, b) => a - b);
  const at = (q: number) => (ms.length ? ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] : 0);
  return { total: shots.length, byStatus, p50: at(0.5), p99: at(0.99), max: ms.at(-1) ?? 0, clickIds: shots.map((s) => s.clickId).filter((id): id is string => !!id) };
}
