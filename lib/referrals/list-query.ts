import { z } from "zod";
import { typedDayToIso } from "@/lib/kernel/day-input";
import { markets } from "@/lib/directory/platforms";
import type { Market } from "@/lib/db/generated/enums";
import { pipelineStatuses, referralStatuses } from "./codes";

// Typed as «06.12.2026» / "12/06/2026" in the filter form, or ISO in a link.
const date = z
  .preprocess(typedDayToIso, z.string().regex(/^\d{4}-\d{2}-\d{2}$/))
  .refine((v) => !Number.isNaN(new Date(`${v}T00:00:00Z`).getTime()))
  .optional()
  .catch(undefined);
const id = z.string().trim().min(1).max(64).optional().catch(undefined);
const page = z.coerce.number().int().min(1).max(10_000).optional().catch(1).default(1);

/** "RU-US" in the URL: source market → target market. */
const pair = z
  .string()
  .optional()
  .catch(undefined)
  .transform((v) => {
    const [source, target] = (v ?? "").split("-");
    const ok = (m: string | undefined): m is Market => !!m && (markets as readonly string[]).includes(m);
    return ok(source) && ok(target) ? { source, target } : undefined;
  });

/** The staff pipeline's filters, sort and page, read from the URL; junk falls back to defaults. */
export const pipelineQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined).transform((v) => v || undefined),
  /** The table (default) or the board of columns by status. */
  view: z.enum(["board"]).optional().catch(undefined),
  status: z.enum(pipelineStatuses).optional().catch(undefined),
  program: id,
  partner: id,
  pair,
  cross: z.enum(["1"]).optional().catch(undefined).transform((v) => v === "1"),
  from: date,
  to: date,
  sort: z.enum(["submitted", "status", "name"]).optional().catch("submitted").default("submitted"),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page,
});
export type PipelineQuery = z.output<typeof pipelineQuery>;

/** The partner's own list: by status, newest first. */
export const myReferralsQuery = z.object({
  status: z.enum(referralStatuses).optional().catch(undefined),
  page,
});
export type MyReferralsQuery = z.output<typeof myReferralsQuery>;

/** The URL of a pipeline view: only non-default values, so links stay short and shareable. */
export function pipelineSearch(query: PipelineQuery, overrides: Partial<Record<keyof PipelineQuery, string | undefined>> = {}): string {
  const params = new URLSearchParams();
  const set = (key: keyof PipelineQuery, value: string | undefined) => {
    const v = key in overrides ? overrides[key] : value;
    if (v) params.set(key, v);
  };
  set("view", query.view);
  set("q", query.q);
  set("status", query.status);
  set("program", query.program);
  set("partner", query.partner);
  set("pair", query.pair ? `${query.pair.source}-${query.pair.target}` : undefined);
  set("cross", query.cross ? "1" : undefined);
  set("from", query.from);
  set("to", query.to);
  set("sort", query.sort === "submitted" ? undefined : query.sort);
  set("dir", query.dir);
  set("page", query.page > 1 ? String(query.page) : undefined);
  const s = params.toString();
  return s ? `?${s}` : "";
}
