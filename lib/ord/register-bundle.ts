// Registers a bundle in the order the operator needs it — parties, contracts (parents before
// addenda), pads, creatives, then statistics — and collects every exchange. Safe to run again after
// any failure: each object is keyed by its external id, so what was registered is updated, not
// duplicated, and the run picks up where it stopped. A refusal stops the run and says which object.
import type { OrdClient, OrdExchange } from "./client";
import { OrdError } from "./errors";
import type { OrdBundle } from "./schemas";

export type OrdBundleResult = {
  /** erid per creative external id. */
  erids: Record<string, string>;
  statisticsExternalIds: string[];
  exchanges: (OrdExchange & { kind: string; externalId: string | null })[];
};

/** The object a failed bundle stopped at, with the client's error. */
export class OrdBundleError extends Error {
  constructor(readonly kind: string, readonly externalId: string | null, readonly cause: OrdError, readonly partial: OrdBundleResult) {
    super(`ОРД bundle stopped at ${kind} ${externalId ?? ""}: ${cause.message}`);
    this.name = "OrdBundleError";
  }
}

export async function registerBundle(client: OrdClient, bundle: OrdBundle): Promise<OrdBundleResult> {
  const result: OrdBundleResult = { erids: {}, statisticsExternalIds: [], exchanges: [] };
  const step = async <T extends { exchange: OrdExchange }>(kind: string, externalId: string | null, run: () => Promise<T>): Promise<T> => {
    try {
      const done = await run();
      result.exchanges.push({ ...done.exchange, kind, externalId });
      return done;
    } catch (err) {
      if (err instanceof OrdError) throw new OrdBundleError(kind, externalId, err, result);
      throw err;
    }
  };
  for (const p of bundle.persons ?? []) await step("person", p.externalId, () => client.registerPerson(p));
  // An addendum (type additional) needs its parent first.
  const contracts = [...(bundle.contracts ?? [])].sort((a, b) => Number(a.type === "additional") - Number(b.type === "additional"));
  for (const c of contracts) await step("contract", c.externalId, () => client.registerContract(c));
  for (const p of bundle.pads ?? []) await step("pad", p.externalId, () => client.registerPad(p));
  for (const c of bundle.creatives ?? []) {
    const done = await step("creative", c.externalId, () => client.registerCreative(c));
    result.erids[c.externalId] = done.erid;
  }
  const statistics = bundle.statistics ?? [];
  // The operator takes at most 1 000 items per request.
  for (let i = 0; i < statistics.length; i += 1000) {
    const done = await step("statistics", null, () => client.reportStatistics(statistics.slice(i, i + 1000)));
    result.statisticsExternalIds.push(...done.externalIds);
  }
  return result;
}
