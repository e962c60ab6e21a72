// A channel's entry in the Roskomnadzor list of pages above 10 000 subscribers («реестр РКН»; 149-ФЗ,
// since 2024-11-01). No public source states the number's format (docs/ad-rules.md, "Registry number"):
// Gosuslugi gives the owner an application number, which goes into the channel's description, and the
// list itself links each entry. So the check is loose on purpose: a number of letters, digits, «-» and
// «/» with at least four digits (a leading «№» dropped), or a link to the entry on a government site.
import { z } from "zod";

const NUMBER = /^[0-9A-Za-zА-Яа-яЁё][0-9A-Za-zА-Яа-яЁё/-]{3,39}$/;
const LINK = /^https:\/\/([a-z0-9-]+\.)*(gosuslugi\.ru|knd\.gov\.ru|rkn\.gov\.ru)(\/\S*)?$/i;

/** The number as stored: trimmed, «№» and inner spaces removed; null when it is not a plausible entry. */
export function normalizeRknNumber(raw: string): string | null {
  const text = raw.trim();
  if (LINK.test(text) && text.length <= 300) return text;
  const compact = text.replace(/^№\s*/, "").replace(/[\s\u00a0]/g, "");
  return NUMBER.test(compact) && (compact.match(/\d/g)?.length ?? 0) >= 4 ? compact : null;
}

/** An optional registry number field: empty becomes null; "rkn_number_invalid" otherwise. */
export const optionalRknNumber = z.string().max(300).optional().transform((v, ctx) => {
  if (!v?.trim()) return null;
  const number = normalizeRknNumber(v);
  if (number === null) {
    ctx.addIssue({ code: "custom", message: "rkn_number_invalid" });
    return z.NEVER;
  }
  return number;
});
