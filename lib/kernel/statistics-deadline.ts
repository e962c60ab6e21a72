// When a month's ad statistics are due at the ОРД. UNVERIFIED (docs/ad-rules.md, rule 6): the rule is
// recalled as "within 30 days after the month ends" / "by the 30th of the next month"; until counsel
// confirms it, Twoway takes the earlier reading — the 30th of the next month, or its last day when
// shorter (February) — so a report is never planned late. The one definition: the placements report,
// its warning job, the ОРД statistics job and the seed all read it from here.

/** `month` is "YYYY-MM" (the reported month); returns the due date as "YYYY-MM-DD". */
export function statisticsDueOn(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new RangeError(`not a month: ${month}`);
  const year = Number(m[1]);
  const next = Number(m[2]); // the 0-based index of the following month
  const lastDay = new Date(Date.UTC(year, next + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, next, Math.min(30, lastDay))).toISOString().slice(0, 10);
}
