// Link lookup for the redirect server (raw `pg`, no Prisma on the hot path). `TrackedLink.code`
// is unique across tenants; program and partner are joined inside the link's own tenant.
// Only creditable links redirect: a link counts as disabled when it was disabled itself, when its
// partner is not `active` (suspended, removed, ...) or when its program is archived. Such a link
// gets the same friendly page as a disabled one and no click is stored (the rule lives here, in
// one place, so every path that serves /r/<code> applies it).
// A link a placement uses carries that placement's erid (Russian ad labelling, docs/ord.md); a link
// of a placement aimed at a Russian audience with no erid yet is refused (core.ts).
import type { Queryable } from "@/lib/db/tracking-pool";
import type { LinkRecord } from "./types";

const SQL = `
  SELECT l.id, l."tenantId", l."partnerId", l."programId", l."opportunityId", l."destinationUrl",
         l."sourceMarket", l."targetMarket",
         (l."disabledAt" IS NOT NULL OR pa.status <> 'active' OR p."archivedAt" IS NOT NULL) AS disabled,
         p."attributionWindowDays", pa."refCode",
         (SELECT pl.erid FROM "Placement" pl WHERE pl."trackedLinkId" = l.id AND pl."tenantId" = l."tenantId" AND pl.erid IS NOT NULL
           ORDER BY pl."updatedAt" DESC, pl.id DESC LIMIT 1) AS erid,
         EXISTS (SELECT 1 FROM "Placement" pl WHERE pl."trackedLinkId" = l.id AND pl."tenantId" = l."tenantId" AND pl."audienceMarket" = 'RU') AS "eridRequired"
    FROM "TrackedLink" l
    JOIN "Program" p ON p.id = l."programId" AND p."tenantId" = l."tenantId"
    JOIN "Partner" pa ON pa.id = l."partnerId" AND pa."tenantId" = l."tenantId"
   WHERE l.code = $1`;

type Row = Omit<LinkRecord, "partnerRefCode"> & { refCode: string | null };

export type { Queryable };

export function createLinkLookup(db: Queryable): (code: string) => Promise<LinkRecord | null> {
  return async (code) => {
    // An unnamed statement on purpose: the embedded database (PGlite) serves every socket connection
    // from one backend session, so a named prepared statement made by one connection "already
    // exists" for the next one (or for the same pool after an idle reconnect) and every link fails.
    const { rows } = await db.query<Row>(SQL, [code]);
    const row = rows[0];
    if (!row) return null;
    const { refCode, ...link } = row;
    return { ...link, erid: link.erid ?? null, eridRequired: link.eridRequired === true, partnerRefCode: refCode };
  };
}
