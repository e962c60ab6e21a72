// Comprehensively sanctioned regions of Ukraine (OFAC: EO 13685 for Crimea, EO 14065 for the
// so-called DNR/LNR). A payee whose address or region names one is blocked outright — unlike a
// name match, a region is a fact the payee gave us, not a guess.
import { transliterate } from "./names";

// Matched against whole words of the lowercased, transliterated text ("krym" covers «Крым»).
const words = new Set([
  "crimea", "crimean", "krym", "krim", "krimea", "sevastopol", "sebastopol",
  "donetsk", "donetskaya", "donetskaia", "donbas", "donbass", "dnr", "dpr",
  "luhansk", "lugansk", "luganskaya", "luganskaia", "luhanska", "lnr", "lpr",
]);
// ISO 3166-2 codes of the same areas (Crimea, Sevastopol, Donetsk and Luhansk oblasts).
const isoCodes = new Set(["ua-43", "ua-40", "ua-14", "ua-09"]);

/** The first text among `texts` that places the payee in a blocked region, or null. */
export function blockedRegionIn(...texts: (string | null | undefined)[]): string | null {
  for (const text of texts) {
    if (!text) continue;
    const lower = text.toLowerCase();
    if ([...isoCodes].some((code) => lower.includes(code))) return text;
    // "Крымский", "Донецкой", "Луганская": Russian inflections start with the same stem.
    const plain = transliterate(lower.normalize("NFKD").replace(/\p{M}/gu, ""));
    const tokens = plain.replace(/[^a-z0-9]+/g, " ").split(" ").filter(Boolean);
    if (tokens.some((t) => words.has(t) || /^(krym|donetsk|lugansk|luhansk|sevastopol)/.test(t))) return text;
  }
  return null;
}
