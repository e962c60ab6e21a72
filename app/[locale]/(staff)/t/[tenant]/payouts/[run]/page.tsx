import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/payouts/action-button";
import { AutoRefresh } from "@/components/payouts/auto-refresh";
import { PayoutsTable } from "@/components/payouts/payouts-table";
import { ProgressBar } from "@/components/payouts/progress-bar";
import { RunStatusBadge } from "@/components/payouts/status-badge";
import { StatementImportForm } from "@/components/payouts/statement-import-form";
import { buttonClass } from "@/components/ui/button";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/kernel/errors";
import { formatDateTime, formatDay, formatMoney } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { approveRunAction, cancelRunAction, executeRunAction, markRegistrySentAction } from "@/lib/payouts/actions";
import { getPayoutRun } from "@/lib/payouts/queries";
import { stripeConfigured } from "@/lib/stripe/client";

type Props = { params: Promise<{ locale: string; tenant: string; run: string }> };

async function load(...args: Parameters<typeof getPayoutRun>) {
  try {
    return await getPayoutRun(...args);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

/** Staff: one payout run — its state and progress, its payouts, the registry and the statement. */
export default async function PayoutRunPage({ params }: Props) {
  const locale = await localeParam(params);
  const { tenant, run: runId } = await params;
  const ctx = await requireTenantPage(locale, tenant, "payouts:read");
  const fmt = { locale, timeZone: ctx.viewerTimeZone };
  const [{ run, payouts, statements, loadedAt }, t] = await Promise.all([load(ctx, runId), getT(locale, ["payouts", "common"])]);
  const canManage = can(ctx.role, "payouts:manage");
  const target = { locale, tenant: ctx.slug, runId: run.id };
  const base = `/${locale}/t/${ctx.slug}/payouts`;
  const live = run.status === "executing" || run.status === "completed";
  const registry = payouts.filter((p) => p.rail === "registry");
  const readyRegistry = registry.filter((p) => p.status === "ready").length;
  const hasStripe = payouts.some((p) => p.rail === "stripe" && p.status === "ready");
  const configured = stripeConfigured();
  const totals = new Map<string, bigint>();
  for (const p of payouts) if (p.status !== "cancelled") totals.set(p.currency, (totals.get(p.currency) ?? 0n) + p.amountMinor);
  const inProgress = run.status === "executing" && run.processed < run.totalPayouts;

  return (
    <>
      <PageHeader
        title={<span className="flex items-center gap-3">{t("runs.name", { number: run.number })} <RunStatusBadge status={run.status} t={t} /></span>}
        subtitle={t("run.subtitle", { cutoff: formatDay(locale, run.cutoffAt), created: formatDateTime(fmt, run.createdAt), count: payouts.length })}
        actions={<Link href={base} className={buttonClass("secondary")}>{t("run.back")}</Link>}
      />
      <div className="space-y-6">
        {inProgress ? <AutoRefresh /> : null}
        <Card>
          <div className="space-y-4">
            <p className="text-sm text-slate-700">
              {[...totals].map(([currency, minor]) => formatMoney(locale, minor, currency)).join(" · ") || "—"}
            </p>
            {run.status === "executing" || run.status === "completed" ? (
              <ProgressBar processed={run.processed} total={run.totalPayouts} label={t("run.progress", { processed: run.processed, total: run.totalPayouts })} />
            ) : null}
            {hasStripe && !configured ? <Notice tone="info">{t("notes.stripeNotConfiguredRun")}</Notice> : null}
            {canManage ? (
              <div className="flex flex-wrap gap-3">
                {run.status === "draft" ? <ActionButton action={approveRunAction.bind(null, target)} label={t("run.approve")} /> : null}
                {run.status === "approved" || (live && payouts.some((p) => p.rail === "stripe" && p.status === "ready")) ? (
                  <ActionButton action={executeRunAction.bind(null, target)} label={t("run.execute")} pendingLabel={t("run.executing")} confirm={t("run.executeConfirm")} />
                ) : null}
                {run.status === "draft" || run.status === "approved" ? (
                  <ActionButton action={cancelRunAction.bind(null, target)} label={t("run.cancel")} variant="danger" confirm={t("run.cancelConfirm")} />
                ) : null}
              </div>
            ) : null}
            <p className="text-xs text-slate-500">{t(`run.help.${run.status}`)}</p>
          </div>
        </Card>

        {registry.length > 0 ? (
          <Card title={t("registry.title")}>
            <div className="space-y-4">
              <p className="text-sm text-slate-600">{t("registry.text")}</p>
              <div className="flex flex-wrap gap-3">
                <a className={buttonClass("secondary")} href={`${base}/${run.id}/registry.csv`}>{t("registry.csv")}</a>
                <a className={buttonClass("secondary")} href={`${base}/${run.id}/registry.xlsx`}>{t("registry.xlsx")}</a>
                {canManage && live && readyRegistry > 0 ? (
                  <ActionButton action={markRegistrySentAction.bind(null, target)} label={t("registry.markSent", { count: readyRegistry })} confirm={t("registry.markSentConfirm")} />
                ) : null}
              </div>
              {run.registrySentAt ? <p className="text-sm text-slate-700">{t("registry.sentAt", { when: formatDateTime(fmt, run.registrySentAt) })}</p> : null}
            </div>
          </Card>
        ) : null}

        {registry.length > 0 && canManage && live ? (
          <Card title={t("statement.title")}>
            <p className="mb-4 text-sm text-slate-600">{t("statement.text")}</p>
            <StatementImportForm locale={locale} tenant={ctx.slug} runId={run.id} />
            {statements.length > 0 ? (
              <ul className="mt-4 space-y-1 text-xs text-slate-600">
                {statements.map((s) => (
                  <li key={s.id}>
                    {t("statement.previous", {
                      file: s.fileName, when: formatDateTime(fmt, s.createdAt), lines: s.lineCount,
                      matched: s.counts.matched ?? 0, partial: s.counts.partial ?? 0, unknown: s.counts.unknown ?? 0, duplicate: s.counts.duplicate ?? 0,
                    })}
                  </li>
                ))}
              </ul>
            ) : null}
          </Card>
        ) : null}

        <Card title={t("run.payoutsTitle")}>
          <PayoutsTable
            rows={payouts} locale={locale} timeZone={ctx.viewerTimeZone} tenant={ctx.slug} runId={run.id} runStatus={run.status}
            canManage={canManage} userId={ctx.userId} stripeConfigured={configured} t={t} now={loadedAt}
          />
        </Card>
      </div>
    </>
  );
}
