// Per-process slots for the redirect's link cache and click writer, on `globalThis`.
//
// scripts/server.ts and Next's route code run in the SAME Node process, but Next bundles its own
// copies of our modules: a module-level singleton in lib/tracking would exist twice, and a link
// action (running inside Next) could not reach the custom server's cache. `Symbol.for` keys live
// in the process-wide symbol registry, so every module copy finds the same slot.
//
// Invalidation through this slot is immediate only inside this process. Other app instances hear
// of a change through PostgreSQL (a trigger NOTIFYs, link-invalidation.ts LISTENs); the cache TTL
// (30 s, link-cache.ts) remains the bound when that message is lost or on the embedded database.
//
// Deliberately dependency-free (types only): lib/links imports it from server actions.
import type { LinkCache } from "./link-cache";
import type { ClickRow } from "./types";

/** Where a redirect puts its clicks: the batched ClickWriter in production. */
export type ClickSink = { add(row: ClickRow): void; readonly closed?: boolean };

const CACHE = Symbol.for("twoway.linkCache");
const WRITER = Symbol.for("twoway.clickWriter");

type Slots = { [CACHE]?: LinkCache; [WRITER]?: ClickSink };
const slots = globalThis as typeof globalThis & Slots;

/** Makes `cache` the process's link cache (the last registration wins). */
export function registerLinkCache(cache: LinkCache): void {
  slots[CACHE] = cache;
}

export function registeredLinkCache(): LinkCache | undefined {
  return slots[CACHE];
}

/**
 * Forgets one code in this process's redirect cache, so the next request reads the database.
 * Call it after a committed change to a link (disable, enable, edit, create). No-op when no
 * redirect runs in this process.
 */
export function invalidateTrackedLink(code: string): void {
  slots[CACHE]?.invalidate(code);
}

/** Forgets every cached link: after changes that touch many links (a partner suspended, a program archived). */
export function invalidateAllTrackedLinks(): void {
  slots[CACHE]?.invalidate();
}

/** Makes `sink` the process's click writer (the last registration wins). */
export function registerClickSink(sink: ClickSink): void {
  slots[WRITER] = sink;
}

/** The process's click writer, unless it has been closed (shutdown, or a test tearing down). */
export function registeredClickSink(): ClickSink | undefined {
  const sink = slots[WRITER];
  return sink && !sink.closed ? sink : undefined;
}
