// The registry download for the route handlers: the pages' guard (signed in, member, payouts:read,
// lib/auth/route.ts), answered with the same 404 for a stranger, a missing permission, and another
// tenant's run.
import { notFoundResponse, withTenantRoute } from "@/lib/auth/route";
import { registryCsvText, registryFileName, registryRows, registryXlsxBuffer } from "./registry";

type Params = { locale: string; tenant: string; run: string };

/** The GET handler of `payouts/[run]/registry.<format>`. */
export function registryRoute(format: "csv" | "xlsx") {
  return withTenantRoute<Params>("payouts:read", async (_request, ctx, { run }) => {
    const payoutRun = await ctx.db.payoutRun.findFirst({ where: { id: run }, select: { id: true, number: true } });
    if (!payoutRun) return notFoundResponse();
    const rows = await registryRows(ctx, payoutRun.id); // a NotFoundError here is a 404 (the guard's)
    const name = registryFileName(payoutRun.number, format);
    const headers = { "content-disposition": `attachment; filename="${name}"`, "cache-control": "private, no-store" };
    if (format === "csv") return new Response(registryCsvText(rows), { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
    const body = await registryXlsxBuffer(rows);
    return new Response(body as unknown as BodyInit, {
      headers: { ...headers, "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    });
  });
}
