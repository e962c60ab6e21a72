/** The start of today (UTC). A deadline is the last day to opt in, inclusive. */
export function startOfTodayUtc(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** True once the deadline's day is over. */
export function deadlinePassed(deadline: Date | null, now: Date): boolean {
  return !!deadline && deadline < startOfTodayUtc(now);
}
