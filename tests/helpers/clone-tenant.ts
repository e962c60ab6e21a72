// Copies every row of one tenant into another existing tenant, table by table, so that a test can
// have two tenants with rows in every tenant-owned table (tests/integration/rls.test.ts).
// Runs as a superuser with `session_replication_role = replica` (no FK checks, no triggers; the
// rollup tables are copied like the rest). Keys are remapped: each table's "id", every column
// referencing a tenant-owned table, and every text column of a unique index get `suffix` appended;
// "tenantId" (and a reference to "Tenant") becomes the target tenant. Sequence columns (BIGSERIAL
// "seq") are left out, so the copies draw new numbers.
import type pg from "pg";

export async function cloneTenantRows(
  owner: pg.Client,
  opts: { from: string; to: string; tables: string[]; suffix?: string },
): Promise<void> {
  const suffix = opts.suffix ?? "~clone";
  const tables = new Set(opts.tables);
  const { rows: columns } = await owner.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
     WHERE table_schema = 'public' AND coalesce(column_default, '') NOT LIKE 'nextval(%' ORDER BY table_name, ordinal_position`,
  );
  const { rows: refs } = await owner.query<{ table_name: string; column_name: string; target: string }>(
    `SELECT cl.relname AS table_name, a.attname AS column_name, tg.relname AS target
     FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class tg ON tg.oid = c.confrelid
     JOIN LATERAL unnest(c.conkey) k(n) ON true JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n
     WHERE c.contype = 'f'`,
  );
  const { rows: uniques } = await owner.query<{ table_name: string; column_name: string }>(
    `SELECT cl.relname AS table_name, a.attname AS column_name
     FROM pg_index i JOIN pg_class cl ON cl.oid = i.indrelid
     JOIN LATERAL unnest(i.indkey) k(n) ON true JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n
     WHERE i.indisunique`,
  );
  const isText = (t: string, c: string) =>
    columns.some((x) => x.table_name === t && x.column_name === c && (x.data_type === "text" || x.data_type === "character varying"));

  await owner.query("BEGIN");
  try {
    await owner.query("SET LOCAL session_replication_role = replica");
    for (const table of tables) {
      const cols = columns.filter((c) => c.table_name === table).map((c) => c.column_name);
      const exprs = cols.map((c) => {
        const q = `"${c}"`;
        const target = refs.find((r) => r.table_name === table && r.column_name === c)?.target;
        if (c === "tenantId" || target === "Tenant") return "$2";
        if (table === "Tenant") return q;
        if (isText(table, c) && (c === "id" || (target && tables.has(target)) || uniques.some((u) => u.table_name === table && u.column_name === c))) {
          return `CASE WHEN ${q} IS NULL THEN NULL ELSE ${q} || '${suffix}' END`;
        }
        return q;
      });
      if (table === "Tenant") continue;
      await owner.query(
        `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(", ")}) SELECT ${exprs.join(", ")} FROM "${table}" WHERE "tenantId" = $1`,
        [opts.from, opts.to],
      );
    }
    await owner.query("COMMIT");
  } catch (err) {
    await owner.query("ROLLBACK");
    throw err;
  }
}
