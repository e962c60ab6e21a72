// Fuzzy name matching against a sanctions list, in memory. Entries are indexed by the first three
// letters of each normalised token, so a name is compared only with entries sharing a token start —
// a few thousand partners against ~15,000 entries stays well under a second instead of all pairs.
import { nameTokens } from "./names";
import { jaroWinkler } from "./similarity";

/** A name match is reported for review at this score or above (1 = the same normalised name). */
export const MATCH_THRESHOLD = 0.9;
/** Two tokens count as the same word at this similarity (Alexandr/Alexander yes, Petrov/Petrovich no). */
const TOKEN_THRESHOLD = 0.94;

export type ListEntry = { uid: string; name: string; normalizedName: string; entryType: string | null };
type Indexed = { uid: string; name: string; tokens: string[]; normalized: string; individual: boolean };
export type NameIndex = { entries: Indexed[]; byKey: Map<string, number[]> };

export type MatchField = "name" | "legalName" | "payeeName" | "bankName";
export type NameMatch = { uid: string; name: string; score: number; field: MatchField };

const blockKey = (token: string) => token.slice(0, 3);

export function buildIndex(list: readonly ListEntry[]): NameIndex {
  const entries: Indexed[] = [];
  const byKey = new Map<string, number[]>();
  for (const entry of list) {
    const tokens = entry.normalizedName ? entry.normalizedName.split(" ") : [];
    if (tokens.length === 0) continue;
    const at = entries.push({ uid: entry.uid, name: entry.name, tokens, normalized: entry.normalizedName, individual: entry.entryType === "individual" }) - 1;
    for (const key of new Set(tokens.filter((t) => t.length >= 2).map(blockKey))) {
      const bucket = byKey.get(key);
      if (bucket) bucket.push(at);
      else byKey.set(key, [at]);
    }
  }
  return { entries, byKey };
}

/** Similarity of two token lists; 0 when too few words agree to call it the same name. */
export function scoreTokens(query: readonly string[], entry: readonly string[], entryIsIndividual: boolean): number {
  if (query.length === 0 || entry.length === 0) return 0;
  if (query.join(" ") === entry.join(" ")) return 1;
  const [short, long] = query.length <= entry.length ? [query, entry] : [entry, query];
  // One shared word ("Ivanov") does not make a person match; for companies and banks it may ("Sberbank").
  if (short.length === 1 && long.length > 1 && entryIsIndividual) return 0;
  const used = new Uint8Array(long.length);
  let sum = 0;
  let agreeing = 0;
  for (const token of short) {
    let best = 0;
    let bestAt = -1;
    for (let j = 0; j < long.length; j++) {
      if (used[j]) continue;
      const sim = jaroWinkler(token, long[j]);
      if (sim > best) [best, bestAt] = [sim, j];
    }
    if (best >= TOKEN_THRESHOLD) {
      agreeing++;
      used[bestAt] = 1;
    }
    sum += best;
  }
  if (agreeing < Math.min(2, short.length)) return 0;
  // Extra words on one side (a patronymic, "of Russia") lower the score a little, not a lot.
  return (sum / short.length) * (0.9 + (0.1 * short.length) / long.length);
}

/** Entries whose name matches `name` at MATCH_THRESHOLD or above, best first, one per list uid. */
export function matchName(index: NameIndex, name: string | null | undefined, field: MatchField, options: { entitiesOnly?: boolean } = {}): NameMatch[] {
  if (!name?.trim()) return [];
  const tokens = nameTokens(name);
  const candidates = new Set<number>();
  for (const token of tokens) {
    if (token.length < 2) continue;
    for (const at of index.byKey.get(blockKey(token)) ?? []) candidates.add(at);
  }
  const best = new Map<string, NameMatch>();
  for (const at of candidates) {
    const entry = index.entries[at];
    if (options.entitiesOnly && entry.individual) continue;
    const score = scoreTokens(tokens, entry.tokens, entry.individual);
    if (score < MATCH_THRESHOLD) continue;
    const rounded = Math.round(score * 100) / 100;
    const seen = best.get(entry.uid);
    if (!seen || seen.score < rounded) best.set(entry.uid, { uid: entry.uid, name: entry.name, score: rounded, field });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.uid.localeCompare(b.uid));
}
