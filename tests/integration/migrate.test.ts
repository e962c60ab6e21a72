import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { createScratchDatabase } from "../helpers/scratch-db";

const local = readMigrations("prisma/migrations");
const drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(drops.splice(0).map((d) => d()));
});

async function scratch() {
  const db = await createScratchDatabase("twoway_migrate");
  drops.push(db.drop);
  return db.url;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

describe("migration runner", () => {
  it("applies every migration once and records it like Prisma", async () => {
    const url = await scratch();
    expect((await migrate(url)).applied).toEqual(local.map((m) => m.name));
    expect((await migrate(url)).applied).toEqual([]);

    const rows = await query<{
      id: string; checksum: string; migration_name: string; finished_at: Date | null;
      rolled_back_at: Date | null; applied_steps_count: number; logs: string | null;
    }>(url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(local.map((m) => m.name));
    for (const row of rows) {
      const file = readFileSync(join("prisma/migrations", row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.id).toHaveLength(36);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
    }
  });

  it("creates _prisma_migrations with Prisma's exact columns", async () => {
    const url = await scratch();
    await migrate(url);
    const cols = await query(
      url,
      `SELECT column_name, data_type, character_maximum_length AS len, is_nullable, column_default
       FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(cols).toEqual([
      { column_name: "id", data_type: "character varying", len: 36, is_nullable: "NO", column_default: null },
      { column_name: "checksum", data_type: "character varying", len: 64, is_nullable: "NO", column_default: null },
      { column_name: "finished_at", data_type: "timestamp with time zone", len: null, is_nullable: "YES", column_default: null },
      { column_name: "migration_name", data_type: "character varying", len: 255, is_nullable: "NO", column_default: null },
      { column_name: "logs", data_type: "text", len: null, is_nullable: "YES", column_default: null },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", len: null, is_nullable: "YES", column_default: null },
      { column_name: "started_at", data_type: "timestamp with time zone", len: null, is_nullable: "NO", column_default: "now()" },
      { column_name: "applied_steps_count", data_type: "integer", len: null, is_nullable: "NO", column_default: "0" },
    ]);
  });

  it("refuses to run when an applied migration was edited", async () => {
    const url = await scratch();
    await migrate(url);
    await query(url, `UPDATE "_prisma_migrations" SET checksum = $1 WHERE migration_name = $2`, ["0".repeat(64), local[0].name]);
    await expect(migrate(url)).rejects.toThrow(/was modified after it was applied/);
  });

  it("refuses to run after an unfinished migration", async () => {
    const url = await scratch();
    await migrate(url);
    await query(
      url,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, '20990101000000_half_done')`,
      ["00000000-0000-0000-0000-000000000001", "0".repeat(64)],
    );
    await expect(migrate(url)).rejects.toThrow(/20990101000000_half_done was started but never finished/);
  });

  it("rolls a failing migration back and records nothing", async () => {
    const url = await scratch();
    const dir = mkdtempSync(join(tmpdir(), "twoway-migrations-"));
    for (const [name, sql] of [
      ["1_ok", `CREATE TABLE "A" (id int);`],
      ["2_broken", `CREATE TABLE "B" (id int); SELECT * FROM "does_not_exist";`],
    ]) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, "migration.sql"), sql);
    }
    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(/2_broken failed and was rolled back/);
    const rows = await query<{ migration_name: string }>(url, `SELECT migration_name FROM "_prisma_migrations"`);
    expect(rows.map((r) => r.migration_name)).toEqual(["1_ok"]);
    expect(await query(url, `SELECT to_regclass('"B"') AS b`)).toEqual([{ b: null }]);
  });

  it("applies exactly once when several runners start together", async () => {
    const url = await scratch();
    const results = await Promise.all(Array.from({ length: 5 }, () => migrate(url)));
    expect(results.flatMap((r) => r.applied).sort()).toEqual(local.map((m) => m.name).sort());
    const rows = await query(url, `SELECT migration_name FROM "_prisma_migrations"`);
    expect(rows).toHaveLength(local.length);
  });
});
