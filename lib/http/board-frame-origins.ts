// Which origins may frame a tenant's public board (Tenant.boardEmbedOrigins), for the server's
// frame-ancestors header. Tenant-less by nature (keyed by the public slug), so it runs on the
// server's own pool as a plain parameterised query (no named statement: the embedded database
// shares one backend session between connections). Cached briefly; a failed lookup means "nobody".
import type { Pool } from "pg";
import { allowedEmbedOrigins } from "@/lib/embed/origins";

const TTL_MS = 30_000;

export function createFrameOriginsLookup(pool: Pick<Pool, "query">) {
  const cache = new Map<string, { at: number; origins: string[] }>();
  return async function frameOrigins(slug: string): Promise<string[]> {
    const hit = cache.get(slug);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.origins;
    let origins: string[] = [];
    try {
      const { rows } = await pool.query<{ origins: string[] | null }>(
        'SELECT "boardEmbedOrigins" AS origins FROM "Tenant" WHERE slug = $1',
        [slug],
      );
      origins = allowedEmbedOrigins(rows[0]?.origins ?? []);
    } catch {
      return hit?.origins ?? [];
    }
    if (cache.size > 10_000) cache.clear();
    cache.set(slug, { at: Date.now(), origins });
    return origins;
  };
}
