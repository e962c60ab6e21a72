// The registry download for the route handlers: the pages' guard (signed in, member, payouts:read),
// answered with the same 404 for a stranger, a missing permission, and another tenant's run.
import { auth } from "@/lib/auth/auth";
import { can } from "@/lib/auth/permissions";
import { resolveTenantContext } from "@/lib/db/tenant-context";
import { NotFoundError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/settings";
import { registryCsvText, registryFileName, registryRows, registryXlsxBuffer } from "./registry";

type Params = { locale: string; tenant: string; run: string };

export async function registryResponse({ locale, tenant, run }: Params, format: "csv" | "xlsx"): Promise<Response> {
  const session = await auth();
  const ctx = session?.user?.id ? await resolveTenantContext(session.user.id, tenant) : null;
  if (!ctx || !isLocale(locale) || !can(ctx.role, "payouts:read")) return new Response("Not found", { status: 404 });
  const payoutRun = await ctx.db.payoutRun.findFirst({ where: { id: run }, select: { id: true, number: true } });
  if (!payoutRun) return new Response("Not found", { status: 404 });
  try {
    const rows = await registryRows(ctx, payoutRun.id);
    const name = registryFileName(payoutRun.number, format);
    const headers = { "content-disposition": `attachment; filename="${name}"`, "cache-control": "private, no-store" };
    if (format === "csv") return new Response(registryCsvText(rows), { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
    const body = await registryXlsxBuffer(rows);
    return new Response(body as unknown as BodyInit, {
      headers: { ...headers, "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404 });
    throw error;
  }
}
