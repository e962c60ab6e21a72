// Issue 13, part 4 — one definition of each funnel stage. Which referral statuses count as submitted,
// qualified and won is written in three places: the state machine (lib/referrals/state-machine.ts,
// the truth about what can happen), the SQL triggers that keep FunnelDaily (every tile, split and
// series reads it) and lib/funnel/stages.ts (`stageStatuses`, which the drill-down uses). This file
// proves they are one:
//   1. the sets are derived from the state machine alone and must equal `stageStatuses`;
//   2. the trigger functions are read back from the migrated database (pg_get_functiondef, so the
//      latest CREATE OR REPLACE wins) and every status they compare with must be one of those sets;
//   3. a referral is walked through the real pipeline along every route of the state machine, and
//      after each step the funnel (summary on both bases, drill-down, raw FunnelDaily and its
//      rebuild) must have moved by exactly what `referralStageCounts` says.
// A status added to the state machine, or a rule changed in one place only, fails one of them.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ReferralStatus } from "@/lib/db/generated/enums";
import { funnelScopeForTenant, getFunnelSummary, listStageReferrals } from "@/lib/funnel/queries";
import { QUALIFYING_STATUS, referralStageCounts, stageStatuses } from "@/lib/funnel/stages";
import type { FunnelBasis, FunnelStage } from "@/lib/funnel/types";
import { planTransition, shortcuts, transitions, type Actor, type TransitionEffect } from "@/lib/referrals/state-machine";
import { saveReferralDraft, submitReferral } from "@/lib/referrals/submit-referral";
import { transitionReferral } from "@/lib/referrals/transition-referral";
import { tenantWithOwner } from "../helpers/context";
import { prisma } from "../helpers/db";
import { partnerWithContext, programWith } from "../helpers/partner-context";
import { movePayload, referralInput } from "../helpers/referrals";

type Status = ReferralStatus;
type StageSets = { unsubmitted: readonly Status[]; qualifiedOrBeyond: readonly Status[]; won: readonly Status[] };

const statuses = Object.keys(transitions) as Status[];
const sorted = (list: Iterable<Status>) => [...new Set(list)].sort();

// ---------------------------------------------------------------- 1. from the state machine

/** A move the state machine allows: one step, or a shortcut with the steps it takes on the way. */
type Move = { from: Status; to: Status; actor: Actor; steps: Status[]; knownClientOnly: boolean };

const singleMoves: Move[] = statuses.flatMap((from) =>
  (Object.entries(transitions[from]) as [Status, Actor][]).map(([to, actor]) => ({ from, to, actor, steps: [to], knownClientOnly: false })),
);
const shortcutMoves: Move[] = statuses.flatMap((from) =>
  (Object.entries(shortcuts[from] ?? {}) as [Status, { via: readonly Status[]; knownClientOnly?: true }][]).map(([to, s]) => ({
    from, to, actor: "staff" as const, steps: [...s.via, to], knownClientOnly: Boolean(s.knownClientOnly),
  })),
);
const allMoves = [...singleMoves, ...shortcutMoves];

/** What a move writes on the referral row, from the state machine's own planner. */
function effectOf(move: Move): TransitionEffect {
  return planTransition(move.from, movePayload(move.to), move.actor, new Date(), { knownClient: true });
}

/** Statuses reachable from `start` (inclusive) through the moves' steps, never entering `avoid`. */
function reachable(start: readonly Status[], avoid: ReadonlySet<Status> = new Set()): Set<Status> {
  const seen = new Set(start.filter((s) => !avoid.has(s)));
  const queue = [...seen];
  while (queue.length) {
    const from = queue.shift()!;
    for (const move of allMoves.filter((m) => m.from === from)) {
      for (const step of move.steps) {
        if (avoid.has(step)) break;
        if (seen.has(step)) continue;
        seen.add(step);
        queue.push(step);
      }
    }
  }
  return seen;
}

/** The stage sets as the state machine defines them. */
function deriveStageSets(): StageSets & { initial: Status[]; qualifying: Status[] } {
  // Where a referral starts: the statuses no move leads to (the partner's draft).
  const initial = statuses.filter((s) => !allMoves.some((m) => m.steps.includes(s)));
  // Counted from submission on: the statuses reachable from one whose entry stamps `submittedAt`.
  const submittedOn = singleMoves.filter((m) => effectOf(m).submittedAt).map((m) => m.to);
  const counted = reachable(submittedOn);
  // Qualified or beyond: the statuses every route to which passes one that stamps `qualifiedAt`.
  const qualifying = sorted(singleMoves.filter((m) => effectOf(m).qualifiedAt).map((m) => m.to));
  const withoutQualifying = reachable(initial, new Set(qualifying));
  const qualifiedOrBeyond = [...reachable(initial)].filter((s) => !withoutQualifying.has(s));
  // Won: the statuses entered with a deal (value, currency, close date).
  const won = allMoves.filter((m) => effectOf(m).dealValueMinor !== undefined).map((m) => m.to);
  return { initial, qualifying, unsubmitted: sorted(statuses.filter((s) => !counted.has(s))), qualifiedOrBeyond: sorted(qualifiedOrBeyond), won: sorted(won) };
}

describe("the stage sets follow from the state machine", () => {
  it("covers exactly the database enum's statuses", () => {
    expect(sorted(statuses)).toEqual(sorted(Object.values(ReferralStatus)));
  });

  it("derives the same sets as lib/funnel/stages.ts", () => {
    const derived = deriveStageSets();
    expect(derived.initial).toEqual(["draft"]);
    expect(derived.qualifying).toEqual([QUALIFYING_STATUS]);
    expect({ unsubmitted: derived.unsubmitted, qualifiedOrBeyond: derived.qualifiedOrBeyond, won: derived.won }).toEqual({
      unsubmitted: sorted(stageStatuses.unsubmitted),
      qualifiedOrBeyond: sorted(stageStatuses.qualifiedOrBeyond),
      won: sorted(stageStatuses.won),
    });
  });

  it("stamps the qualification on every move that passes the qualifying status, and only there", () => {
    for (const move of allMoves) {
      const passes = move.steps.includes(QUALIFYING_STATUS);
      expect({ move: `${move.from}→${move.to}`, stamps: Boolean(effectOf(move).qualifiedAt) }).toEqual({ move: `${move.from}→${move.to}`, stamps: passes });
    }
  });

  it("lib/funnel compares statuses only through stageStatuses (no status literal in its SQL)", () => {
    const dir = path.join(process.cwd(), "lib/funnel");
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .flatMap((f) => (/"status"\s*(=|<>|!=|\bIN\b|\bNOT\s+IN\b)\s*[('"]/i.test(readFileSync(path.join(dir, f), "utf8")) ? [f] : []));
    expect(offenders).toEqual([]);
  });
});

// ---------------------------------------------------------------- 2. the SQL triggers, as migrated

type FunctionDef = { name: string; def: string };

/** Every comparison of a `"status"` column in a function body, with the statuses it names. */
function statusComparisons(def: string): { unparsed: number; comparisons: { text: string; values: string[] }[] } {
  const re = /"status"\s*(?:=|<>|!=|\bNOT\s+IN\b|\bIN\b)\s*(\([^)]*\)|'[^']*')/gi;
  const comparisons = [...def.matchAll(re)].map((m) => ({ text: m[0], values: [...m[1].matchAll(/'([^']*)'/g)].map((v) => v[1]).sort() }));
  // A trigger's "did anything counted change?" tuple lists OLD."status" / NEW."status": no rule there.
  const mentions = (def.match(/"status"/g)?.length ?? 0) - (def.match(/\b(?:OLD|NEW)\."status"\s*[,)]/g)?.length ?? 0);
  return { unparsed: mentions - comparisons.length, comparisons };
}

/** The SQL's rules against the stage sets; an empty list when they agree. */
function checkTriggerSql(defs: FunctionDef[], sets: StageSets): string[] {
  const problems: string[] = [];
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);
  const byName = new Map(defs.map((d) => [d.name, d.def]));
  for (const { name, def } of defs) {
    const { unparsed, comparisons } = statusComparisons(def);
    if (unparsed) problems.push(`${name}: ${unparsed} use(s) of "status" this check cannot read — compare with = / <> / IN only`);
    for (const c of comparisons) {
      if (!same(c.values, sets.unsubmitted) && !same(c.values, sets.won)) {
        problems.push(`${name}: ${c.text} names neither the unsubmitted statuses (${sets.unsubmitted}) nor the won ones (${sets.won})`);
      }
    }
  }
  // The functions that count referrals must say all three rules.
  const needs: Record<string, ("unsubmitted" | "won" | "qualifiedAt")[]> = {
    funnel_daily_referral: ["unsubmitted", "won", "qualifiedAt"],
    funnel_daily_rebuild: ["unsubmitted", "won", "qualifiedAt"],
    funnel_daily_cohort_revenue: ["unsubmitted"],
    funnel_daily_event: ["unsubmitted"],
  };
  for (const [name, rules] of Object.entries(needs)) {
    const def = byName.get(name);
    if (!def) {
      problems.push(`${name}: not in the database`);
      continue;
    }
    const named = statusComparisons(def).comparisons.map((c) => c.values);
    for (const rule of rules) {
      const ok = rule === "qualifiedAt" ? /"qualifiedAt"\s+IS\s+NOT\s+NULL/i.test(def) : named.some((v) => same(v, sets[rule]));
      if (!ok) problems.push(`${name}: does not apply the ${rule} rule`);
    }
  }
  return problems;
}

describe("the FunnelDaily triggers in the migrated database", () => {
  let defs: FunctionDef[];
  beforeAll(async () => {
    defs = await prisma.$queryRaw<FunctionDef[]>`
      SELECT p.proname AS name, pg_get_functiondef(p.oid) AS def FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = current_schema() AND p.proname LIKE 'funnel\_%' ORDER BY 1`;
  });

  it("use the same status sets as lib/funnel/stages.ts", () => {
    expect(defs.map((d) => d.name)).toEqual(expect.arrayContaining(["funnel_daily_referral", "funnel_daily_rebuild", "funnel_daily_cohort_revenue", "funnel_daily_event"]));
    expect(checkTriggerSql(defs, stageStatuses)).toEqual([]);
  });

  it("the check itself fails on a trigger or a stage set that disagrees", () => {
    // A trigger that counted a lost deal as a close…
    const lostIsClose = defs.map((d) => ({ ...d, def: d.def.replace(/"status" = 'won'/g, `"status" IN ('won', 'lost')`) }));
    expect(checkTriggerSql(lostIsClose, stageStatuses).join("\n")).toMatch(/funnel_daily_referral: .*IN \('won', 'lost'\)/);
    // …a stage set changed in stages.ts only…
    expect(checkTriggerSql(defs, { ...stageStatuses, won: ["won", "lost"] })).not.toEqual([]);
    expect(checkTriggerSql(defs, { ...stageStatuses, unsubmitted: ["draft", "submitted"] })).not.toEqual([]);
    // …or a status compared in a way the check cannot read.
    const unreadable = defs.map((d) => ({ ...d, def: d.def.replace(`r."status" <> 'draft'`, `r."status"::text NOT LIKE 'dr%'`) }));
    expect(checkTriggerSql(unreadable, stageStatuses).join("\n")).toMatch(/cannot read/);
  });

  it("the database's status enum is the state machine's", async () => {
    const rows = await prisma.$queryRaw<{ s: string }[]>`SELECT unnest(enum_range(NULL::"ReferralStatus"))::text AS s`;
    expect(sorted(rows.map((r) => r.s as Status))).toEqual(sorted(statuses));
  });
});

// ---------------------------------------------------------------- 3. every route, through the real pipeline

/** Every route through the state machine from the initial status that uses no move twice (maximal ones). */
function routes(): Move[][] {
  const found: Move[][] = [];
  const walk = (at: Status, route: Move[]) => {
    const next = allMoves.filter((m) => m.from === at && !route.includes(m));
    if (next.length === 0) found.push(route);
    for (const m of next) walk(m.to, [...route, m]);
  };
  walk("draft", []);
  return found;
}

const DAY = 86_400_000;
const STAGES: FunnelStage[] = ["referrals", "qualified", "closes"];
type Counts = { referrals: number; qualified: number; closes: number };

describe("a referral walked to every status counts as lib/funnel/stages.ts says", () => {
  let staff: Awaited<ReturnType<typeof tenantWithOwner>>["ctx"];
  let tenantId: string;
  let partner: Awaited<ReturnType<typeof partnerWithContext>>;
  let programId: string;
  const today = Math.floor(Date.now() / DAY) * DAY;
  const range = { from: new Date(today - 10 * DAY), to: new Date(today + 2 * DAY) };

  beforeAll(async () => {
    const t = await tenantWithOwner("Stage Definitions Agency");
    staff = t.ctx;
    tenantId = t.fixture.tenantId;
    partner = await partnerWithContext(t.fixture, { market: "RU" });
    programId = (await programWith(t.fixture, [partner.partnerId])).id;
  });

  /** Every reading of the three stages: dashboard summary and drill-down on both bases, raw FunnelDaily. */
  async function readings(): Promise<Record<string, Counts>> {
    const scope = funnelScopeForTenant(staff);
    const out: Record<string, Counts> = {};
    for (const basis of ["period", "cohort"] as FunnelBasis[]) {
      const { totals } = await getFunnelSummary(scope, { ...range, basis });
      out[`summary ${basis}`] = { referrals: totals.referrals, qualified: totals.qualified, closes: totals.closes };
      const drill = { referrals: 0, qualified: 0, closes: 0 };
      for (const stage of STAGES) drill[stage] = (await listStageReferrals(scope, { ...range, basis }, stage, { page: 1, pageSize: 1 })).total;
      out[`drill-down ${basis}`] = drill;
    }
    const [raw] = await prisma.$queryRaw<{ referrals: number; qualified: number; closes: number; cq: number; cc: number }[]>`
      SELECT COALESCE(SUM("referrals"), 0)::int AS referrals, COALESCE(SUM("qualified"), 0)::int AS qualified, COALESCE(SUM("closes"), 0)::int AS closes,
        COALESCE(SUM("cohortQualified"), 0)::int AS cq, COALESCE(SUM("cohortCloses"), 0)::int AS cc
      FROM "FunnelDaily" WHERE "tenantId" = ${tenantId}`;
    out["FunnelDaily period"] = { referrals: raw.referrals, qualified: raw.qualified, closes: raw.closes };
    out["FunnelDaily cohort"] = { referrals: raw.referrals, qualified: raw.cq, closes: raw.cc };
    return out;
  }

  const delta = (after: Record<string, Counts>, before: Record<string, Counts>) =>
    Object.fromEntries(Object.entries(after).map(([k, a]) => [k, { referrals: a.referrals - before[k].referrals, qualified: a.qualified - before[k].qualified, closes: a.closes - before[k].closes }]));
  const everywhere = (c: Counts, keys: string[]) => Object.fromEntries(keys.map((k) => [k, c]));

  it("walks every route of the state machine (every move and status at least once)", async () => {
    const all = routes();
    const visited = new Set<Status>(["draft"]);
    const used = new Set<Move>();
    let n = 0;
    for (const route of all) {
      const before = await readings();
      const input = referralInput(programId, { subjectName: `Stage brand ${n}`, website: `https://stage-${n}-${Date.now()}.test/`, contactValue: `c${n}-${Date.now()}@stage.test` });
      n += 1;
      const { id } = await saveReferralDraft(partner.ctx, input);
      let status: Status = "draft";
      let qualified = false;
      const label: string[] = [status];
      const check = async () => {
        const expected = referralStageCounts(status, qualified);
        const now = await readings();
        expect({ route: label.join(" → "), delta: delta(now, before) }).toEqual({ route: label.join(" → "), delta: everywhere(expected, Object.keys(now)) });
      };
      await check();
      for (const move of route) {
        if (move.actor === "partner") {
          // The partner has one move, the submission; a new partner move needs its own call here.
          expect(move).toMatchObject({ from: "draft", to: "submitted" });
          await submitReferral(partner.ctx, input, id);
        } else {
          if (move.knownClientOnly) {
            // Make the subject a known client (a directory record the agency already won).
            const brand = await prisma.brand.create({ data: { tenantId, name: `Client ${n}`, market: "RU", isClient: true } });
            await prisma.referral.update({ where: { id }, data: { brandId: brand.id } });
          }
          await transitionReferral(staff, id, movePayload(move.to));
        }
        for (const step of move.steps) visited.add(step);
        used.add(move);
        qualified ||= move.steps.includes(QUALIFYING_STATUS);
        status = move.to;
        label.push(move.steps.length > 1 ? `${move.to} (via ${move.steps.slice(0, -1).join(", ")})` : move.to);
        expect((await prisma.referral.findUniqueOrThrow({ where: { id } })).status).toBe(status);
        await check();
      }
    }
    expect(sorted(visited)).toEqual(sorted(statuses));
    expect(used.size).toBe(allMoves.length);
  });

  it("the trigger-kept FunnelDaily equals funnel_daily_rebuild afterwards", async () => {
    const METRICS = ["clicks", "referrals", "qualified", "closes", "leads", "eventCloses", "revenueMinor", "revenueEvents", "missingFxEvents",
      "cohortQualified", "cohortCloses", "cohortRevenueMinor", "cohortRevenueEvents", "cohortMissingFx"];
    const rows = (list: Record<string, unknown>[]) =>
      list
        .filter((r) => METRICS.some((m) => Number(r[m]) !== 0))
        .map((r) => Object.entries(r).map(([k, v]) => `${k}=${v instanceof Date ? v.toISOString() : String(v)}`).join("|"))
        .sort();
    const kept = rows(await prisma.$queryRaw`SELECT * FROM "FunnelDaily" WHERE "tenantId" = ${tenantId}`);
    let rebuilt: string[] = [];
    await prisma
      .$transaction(async (tx) => {
        await tx.$executeRaw`SELECT funnel_daily_rebuild(${tenantId})`;
        rebuilt = rows(await tx.$queryRaw`SELECT * FROM "FunnelDaily" WHERE "tenantId" = ${tenantId}`);
        throw new Error("rollback");
      })
      .catch((err: Error) => {
        if (err.message !== "rollback") throw err;
      });
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(rebuilt);
  });
});
