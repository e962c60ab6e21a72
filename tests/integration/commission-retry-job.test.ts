// The inline commission credit after an ingest or a pipeline move is best effort: when it fails, the
// events go to the job queue ("commissions:events", retried with backoff) instead of waiting for the
// hourly job.
import { describe, expect, it, vi } from "vitest";
import { creditCommissionsAfterIngest, creditCommissionsAfterTransition } from "@/lib/commissions/after-ingest";
import { tenantDb } from "@/lib/db/tenant-client";
import { createTenantFixture, prisma } from "../helpers/db";

vi.mock("server-only", () => ({}));
vi.mock("@/lib/commissions/run-job", () => ({
  runCommissionJob: vi.fn(async () => {
    throw new Error("database went away");
  }),
}));

type Row = { payload: { tenantId: string; eventIds: string[] }; max_attempts: number };
const queued = (tenantId: string) =>
  prisma.$queryRaw<Row[]>`SELECT payload, max_attempts FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'commissions:events' AND payload->>'tenantId' = ${tenantId}`;

describe("a failed inline commission credit", () => {
  it("is enqueued as a job for exactly those events, and the caller still gets no error", async () => {
    const fixture = await createTenantFixture("Commission Retry");
    const scope = { db: tenantDb(fixture.tenantId), tenantId: fixture.tenantId };
    await expect(creditCommissionsAfterIngest(scope, { id: "evt_1", partnerId: "p", programId: "g" })).resolves.toBeUndefined();
    await expect(creditCommissionsAfterTransition(scope, ["evt_2", "evt_3"])).resolves.toBeNull();
    const rows = await queued(fixture.tenantId);
    expect(rows.map((r) => r.payload.eventIds).sort()).toEqual([["evt_1"], ["evt_2", "evt_3"]]);
    expect(rows.every((r) => r.max_attempts === 25)).toBe(true);
  });

  it("enqueues nothing for an event that cannot earn", async () => {
    const fixture = await createTenantFixture("Commission Retry Direct");
    await creditCommissionsAfterIngest({ db: tenantDb(fixture.tenantId), tenantId: fixture.tenantId }, { id: "evt_d", partnerId: null, programId: null });
    expect(await queued(fixture.tenantId)).toEqual([]);
  });
});
