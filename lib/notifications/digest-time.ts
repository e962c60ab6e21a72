// "Once a day at 08:00 in the agency's time zone", as SQL: the latest local 08:00 at or before `now`,
// as the UTC timestamp the database stores ("createdAt" is UTC without a zone). Items created up to
// then go in the day's digest; a sweep every minute sends it in the first minute after 08:00, and
// every later sweep that day finds nothing left before the boundary. DST-safe: the database does the
// zone arithmetic (America/New_York's 08:00 is 12:00 UTC on 8 March 2026 and 13:00 the day before).
import { sqltag as sql, type Sql } from "@prisma/client/runtime/client";

export const DIGEST_HOUR = 8;

/** For a query that joins "Tenant" as `t`: the boundary in that tenant's zone (t."timeZone"). */
export function lastDigestBoundarySql(now: Date): Sql {
  return sql`(((date_trunc('day', (${now.toISOString()}::timestamptz AT TIME ZONE t."timeZone") - make_interval(hours => ${DIGEST_HOUR})) + make_interval(hours => ${DIGEST_HOUR})) AT TIME ZONE t."timeZone") AT TIME ZONE 'UTC')`;
}
