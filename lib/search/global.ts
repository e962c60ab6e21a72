// The staff command palette's search: brands, creators, partners, referrals and opportunities of the
// caller's agency whose names, e-mails, handles or titles contain the query. Raw SQL (for the
// locale-independent folding in fold.ts) through ctx.db, so row-level security still applies; every
// statement also names the tenant itself. Plain LIKE, no index: the agency's rows, five per kind.
import { sqltag as sql } from "@prisma/client/runtime/client";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { assertCan, can } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/kernel/errors";
import { anyLike, containsPattern, folded, prefixPattern } from "./fold";
import { globalSearchInput, SEARCH_LIMIT_PER_KIND, type SearchGroup, type SearchHit, type SearchKind } from "./schemas";

type Row = { id: string; title: string; detail: string | null };

/** Validates the raw query; a bad one is a DomainError whose code is a key in `errors`. */
export function parseSearchQuery(input: unknown): string {
  const parsed = globalSearchInput.safeParse({ q: input });
  if (!parsed.success) throw new DomainError("search_query_length");
  return parsed.data.q;
}

export async function globalSearch(ctx: TenantContext, rawQuery: unknown, options: { locale?: string } = {}): Promise<SearchGroup[]> {
  // Staff only: a context without a staff role (a partner's, say) has no dashboard permission.
  assertCan(ctx, "dashboard:read");
  const q = parseSearchQuery(rawQuery);
  const like = containsPattern(q);
  const handleLike = containsPattern(q.replace(/^@+/, "").trim() || q);
  const prefix = prefixPattern(q);
  const t = ctx.tenantId;
  const limit = SEARCH_LIMIT_PER_KIND;
  const ru = options.locale === "ru";

  const queries: Record<SearchKind, (() => Promise<Row[]>) | null> = {
    partner: can(ctx.role, "partners:read")
      ? () => ctx.db.$queryRaw<Row[]>(sql`
          SELECT p."id", p."name" AS title, p."email" AS detail FROM "Partner" p
          WHERE p."tenantId" = ${t} AND (${anyLike(['p."name"', 'p."email"', 'p."refCode"'], like)})
          ORDER BY (p."status" = 'removed'), (${folded('p."name"')} LIKE ${prefix} ESCAPE '\\') DESC, p."name", p."id" LIMIT ${limit}`)
      : null,
    referral: can(ctx.role, "referrals:read")
      ? () => ctx.db.$queryRaw<Row[]>(sql`
          SELECT r."id", r."subjectName" AS title, pa."name" AS detail FROM "Referral" r
          LEFT JOIN "Partner" pa ON pa."id" = r."partnerId" AND pa."tenantId" = ${t}
          WHERE r."tenantId" = ${t} AND r."status" <> 'draft'
            AND (${anyLike(['r."subjectName"', 'r."contactName"', 'r."contactValue"', 'r."website"'], like)})
          ORDER BY (${folded('r."subjectName"')} LIKE ${prefix} ESCAPE '\\') DESC, r."submittedAt" DESC NULLS LAST, r."id" LIMIT ${limit}`)
      : null,
    brand: can(ctx.role, "directory:read")
      ? () => ctx.db.$queryRaw<Row[]>(sql`
          SELECT b."id", b."name" AS title, coalesce(b."contactEmail", b."website") AS detail FROM "Brand" b
          WHERE b."tenantId" = ${t} AND (${anyLike(['b."name"', 'b."contactEmail"', 'b."contactName"', 'b."website"'], like)})
          ORDER BY (b."archivedAt" IS NOT NULL), (${folded('b."name"')} LIKE ${prefix} ESCAPE '\\') DESC, b."name", b."id" LIMIT ${limit}`)
      : null,
    creator: can(ctx.role, "directory:read")
      ? () => ctx.db.$queryRaw<Row[]>(sql`
          SELECT c."id", c."name" AS title,
            coalesce((SELECT cp."handle" FROM "CreatorPlatform" cp WHERE cp."creatorId" = c."id" AND cp."tenantId" = ${t}
                      ORDER BY cp."audienceSize" DESC, cp."id" LIMIT 1), c."contactEmail") AS detail
          FROM "Creator" c
          WHERE c."tenantId" = ${t} AND (${anyLike(['c."name"', 'c."contactEmail"'], like)}
            OR EXISTS (SELECT 1 FROM "CreatorPlatform" cp WHERE cp."creatorId" = c."id" AND cp."tenantId" = ${t}
                       AND (${anyLike(['cp."handle"', 'cp."handleNormalized"'], handleLike)})))
          ORDER BY (c."archivedAt" IS NOT NULL), (${folded('c."name"')} LIKE ${prefix} ESCAPE '\\') DESC, c."name", c."id" LIMIT ${limit}`)
      : null,
    opportunity: can(ctx.role, "opportunities:read")
      ? () => ctx.db.$queryRaw<Row[]>(sql`
          SELECT o."id",
            ${ru ? sql`coalesce(o."titleRu", o."titleEn")` : sql`coalesce(o."titleEn", o."titleRu")`} AS title,
            pr."name" AS detail
          FROM "Opportunity" o JOIN "Program" pr ON pr."id" = o."programId" AND pr."tenantId" = ${t}
          WHERE o."tenantId" = ${t} AND (${anyLike(['o."titleEn"', 'o."titleRu"'], like)})
          ORDER BY (o."status" = 'open') DESC, o."createdAt" DESC, o."id" LIMIT ${limit}`)
      : null,
  };

  const kinds = Object.keys(queries) as SearchKind[];
  const results = await Promise.all(kinds.map((kind) => queries[kind]?.() ?? Promise.resolve([])));
  return kinds
    .map((kind, i) => ({ kind, hits: results[i].map((row): SearchHit => ({ kind, id: row.id, title: row.title ?? "", detail: row.detail })) }))
    .filter((group) => group.hits.length > 0);
}
