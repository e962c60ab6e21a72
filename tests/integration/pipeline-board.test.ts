import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { ForbiddenError } from "@/lib/kernel/errors";
import { loadPipelineBoard } from "@/lib/referrals/board";
import { pipelineQuery } from "@/lib/referrals/list-query";
import { pipelineStatuses } from "@/lib/referrals/codes";
import { tenantWithOwner } from "../helpers/context";
import { prisma } from "../helpers/db";
import { partnerWithContext } from "../helpers/partner-context";
import { programIn } from "../helpers/partner-fixtures";
import type { TenantFixture } from "../helpers/db";

let a: TenantContext;
let aFixture: TenantFixture;
let b: TenantContext;

async function referral(ctx: TenantContext, subjectName: string, status: "draft" | "submitted" | "in_review" | "won", programId: string) {
  return prisma.referral.create({
    data: { tenantId: ctx.tenantId, programId, kind: "brand", subjectName, sourceMarket: "RU", targetMarket: "US", status, submittedAt: status === "draft" ? null : new Date() },
  });
}

beforeAll(async () => {
  ({ ctx: a, fixture: aFixture } = await tenantWithOwner("Board Agency A"));
  ({ ctx: b } = await tenantWithOwner("Board Agency B"));
  const pa = (await programIn(a.tenantId)).id;
  const pb = (await programIn(b.tenantId)).id;
  await referral(a, "Альфа", "submitted", pa);
  await referral(a, "Бета", "in_review", pa);
  await referral(a, "Гамма", "won", pa);
  await referral(a, "Черновик", "draft", pa);
  await referral(b, "Чужая", "submitted", pb);
});

const names = (board: Awaited<ReturnType<typeof loadPipelineBoard>>, status: string) => board.find((c) => c.status === status)?.cards.map((c) => c.subjectName);

describe("pipeline board", () => {
  it("has a column per pipeline status with its cards, counts and the state machine's moves; never drafts", async () => {
    const board = await loadPipelineBoard(a, pipelineQuery.parse({ view: "board" }));
    expect(board.map((c) => c.status)).toEqual([...pipelineStatuses]);
    expect(names(board, "submitted")).toEqual(["Альфа"]);
    expect(names(board, "in_review")).toEqual(["Бета"]);
    expect(board.find((c) => c.status === "won")).toMatchObject({ total: 1, moves: ["in_negotiation"] });
    expect(board.find((c) => c.status === "submitted")?.moves).toEqual(["in_review", "rejected"]);
    expect(board.find((c) => c.status === "lost")?.moves).toEqual([]);
    expect(board.flatMap((c) => c.cards.map((x) => x.subjectName))).not.toContain("Черновик");
  });

  it("keeps the list's filters (text search, one status)", async () => {
    const searched = await loadPipelineBoard(a, pipelineQuery.parse({ view: "board", q: "бета" }));
    expect(searched.flatMap((c) => c.cards.map((x) => x.subjectName))).toEqual(["Бета"]);
    const one = await loadPipelineBoard(a, pipelineQuery.parse({ view: "board", status: "won" }));
    expect(one.map((c) => c.status)).toEqual(["won"]);
  });

  it("shows only the agency's own referrals, and only to staff", async () => {
    const board = await loadPipelineBoard(a, pipelineQuery.parse({}));
    expect(board.flatMap((c) => c.cards.map((x) => x.subjectName))).not.toContain("Чужая");
    expect(names(await loadPipelineBoard(b, pipelineQuery.parse({})), "submitted")).toEqual(["Чужая"]);
    const { ctx: partner } = await partnerWithContext(aFixture);
    await expect(loadPipelineBoard(partner as unknown as TenantContext, pipelineQuery.parse({}))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
