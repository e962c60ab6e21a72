import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditTimeline } from "@/components/audit/audit-timeline";
import { PartnerApplication } from "@/components/partners/partner-application";
import { PartnerEnrolments } from "@/components/partners/partner-enrolments";
import { PartnerNotesForm } from "@/components/partners/partner-notes-form";
import { PartnerPromoCodes } from "@/components/partners/partner-promo-codes";
import { PartnerStatusBadge } from "@/components/partners/partner-status-badge";
import { PartnerStatusForm } from "@/components/partners/partner-status-form";
import { PartnerTierForm } from "@/components/partners/partner-tier-form";
import { ResendInviteButton } from "@/components/partners/resend-invite-button";
import { Badge, Card, Notice, PageHeader } from "@/components/ui/card";
import { listAuditLog } from "@/lib/audit/list-audit";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/kernel/errors";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { isLocale } from "@/lib/i18n/settings";
import { awaitsAcceptance } from "@/lib/partners/invite-partner";
import { getPartner, getPartnerApplication, listProgramChoices } from "@/lib/partners/list-partners";
import { listGroupChoices } from "@/lib/groups/groups";
import { availableActions } from "@/lib/partners/status-transitions";
import { listPartnerPromoCodes } from "@/lib/promo-codes/list-promo-codes";

const notices = new Set(["invited", "approve", "decline", "suspend", "reactivate", "remove", "tier", "notes", "enrolled", "unenrolled", "invite_resent"]);

type Props = { params: Promise<{ locale: string; tenant: string; id: string }>; searchParams: Promise<{ notice?: string }> };

export default async function PartnerPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant, id } = await params;
  const ctx = await requireTenantPage(locale, tenant, "partners:read");
  const fmt = { locale, timeZone: ctx.viewerTimeZone };
  const partner = await getPartner(ctx, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const editable = can(ctx.role, "partners:write") && partner.status !== "removed";
  const canMove = can(ctx.role, "payouts:manage") && partner.status !== "removed";
  const [application, programs, promoCodes, activity, t, groups] = await Promise.all([
    getPartnerApplication(ctx, id),
    editable ? listProgramChoices(ctx) : Promise.resolve([]),
    listPartnerPromoCodes(ctx, id),
    can(ctx.role, "audit:read") ? listAuditLog(ctx, { entityType: "Partner", entityId: id, pageSize: 8 }) : Promise.resolve(null),
    getT(locale, ["partners", "common"]),
    canMove ? listGroupChoices(ctx) : Promise.resolve([]),
  ]);
  const { notice } = await searchParams;
  const staffBase = `/${locale}/t/${ctx.slug}`;
  const target = { locale, tenant: ctx.slug, id: partner.id };
  const enrolledIds = new Set(partner.enrolments.map((e) => e.program.id));
  const actions = availableActions(partner.status);
  const language = (code: string) => t(`languages.${isLocale(code) ? code : "en"}`);
  const waiting = awaitsAcceptance(partner);

  return (
    <>
      <Link href={`${staffBase}/partners`} className="mb-2 inline-block text-sm text-slate-600 hover:text-indigo-700">← {t("detail.back")}</Link>
      <PageHeader
        title={partner.name}
        subtitle={`${partner.email} · ${t(`common:markets.${partner.market}`)} · ${t("detail.since", { date: formatDate(fmt, partner.createdAt) })}`}
        actions={
          <>
            <PartnerStatusBadge status={partner.status} label={t(`status.${partner.status}`)} />
            <Badge>{t(`tiers.${partner.trustTier}`)}</Badge>
            {editable && partner.status === "active" ? <Link href={`${staffBase}/messages/new?partner=${partner.id}`} className="text-sm font-medium text-indigo-700 hover:underline">{t("detail.writeMessage")}</Link> : null}
          </>
        }
      />
      {notice && notices.has(notice) ? <div className="mb-4"><Notice tone="success">{t(`notices.${notice}`)}</Notice></div> : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-6">
          <Card title={t("lifecycle.title")}>
            <div className="space-y-3 text-sm">
              <p className="flex flex-wrap items-center gap-2">
                <PartnerStatusBadge status={partner.status} label={t(`status.${partner.status}`)} />
                {partner.statusReason ? <span className="text-slate-600">{t("lifecycle.lastReason", { reason: partner.statusReason })}</span> : null}
              </p>
              {partner.status === "invited" ? <p className="text-slate-600">{t("lifecycle.invitedHint")}</p> : null}
              {partner.status === "applied" ? <p className="text-slate-600">{t("lifecycle.approveHint")} {t("lifecycle.declineHint")}</p> : null}
              {partner.status === "removed" ? <p className="text-slate-600">{t("lifecycle.none")}</p> : null}
              {editable && actions.length > 0 ? <PartnerStatusForm locale={locale} tenant={ctx.slug} id={partner.id} actions={actions} /> : null}
            </div>
          </Card>

          {application ? <PartnerApplication application={application} locale={locale} timeZone={ctx.viewerTimeZone} t={t} /> : null}

          <Card title={t("enrolments.title")}>
            <PartnerEnrolments
              target={target}
              editable={editable}
              enrolments={partner.enrolments.map((e) => ({
                programId: e.program.id, name: e.program.name, markets: e.program.markets,
                since: formatDate(fmt, e.createdAt), archived: !!e.program.archivedAt,
                group: e.group, groups: groups.filter((g) => g.programId === e.program.id).map((g) => ({ id: g.id, name: g.name })),
              }))}
              canMove={canMove}
              available={programs.filter((p) => !enrolledIds.has(p.id))}
            />
          </Card>

          <Card title={t("promoCodes.title")}>
            <p className="mb-3 text-xs text-slate-500">{t("promoCodes.hint")}</p>
            <PartnerPromoCodes
              target={target}
              editable={editable && partner.status === "active"}
              codes={promoCodes.map((c) => ({
                id: c.id, code: c.code, programName: c.programName, active: c.active, uses: c.uses,
                since: formatDate(fmt, c.createdAt), until: c.deactivatedAt ? formatDate(fmt, c.deactivatedAt) : null,
              }))}
              programs={partner.enrolments.filter((e) => !e.program.archivedAt).map((e) => ({ id: e.program.id, name: e.program.name }))}
            />
          </Card>

          {activity ? (
            <Card title={t("activity.title")} action={<Link href={`${staffBase}/audit?entity=Partner`} className="text-xs font-medium text-indigo-600 hover:underline">{t("activity.all")}</Link>}>
              <AuditTimeline entries={activity.items} locale={locale} timeZone={ctx.viewerTimeZone} t={t} />
            </Card>
          ) : null}
        </div>

        <div className="space-y-6">
          <Card title={t("detail.contact")}>
            <dl className="space-y-2 text-sm">
              <div><dt className="text-slate-500">{t("fields.email")}</dt><dd><a href={`mailto:${partner.email}`} className="break-all font-medium text-indigo-700 hover:underline">{partner.email}</a></dd></div>
              <div><dt className="text-slate-500">{t("fields.market")}</dt><dd className="font-medium">{t(`common:markets.${partner.market}`)}{partner.country ? ` · ${partner.country}` : ""}</dd></div>
              <div><dt className="text-slate-500">{t("fields.language")}</dt><dd className="font-medium">{language(partner.preferredLocale)}</dd></div>
              <div><dt className="text-slate-500">{t("fields.referrals")}</dt><dd className="font-medium">{t("detail.referralCount", { count: partner._count.referrals })}</dd></div>
            </dl>
            <p className="mt-3 text-xs text-slate-500">{partner.userId ? t("invitation.account") : t("invitation.noAccount")}</p>
          </Card>

          {waiting ? (
            <Card title={t("invitation.title")}>
              <div className="space-y-3 text-sm">
                <p className="text-slate-700">
                  {partner.openInvite
                    ? t("invitation.pending", { sent: formatDate(fmt, partner.openInvite.createdAt), expires: formatDateTime(fmt, partner.openInvite.expiresAt) })
                    : t("invitation.none")}
                </p>
                {editable ? (
                  <>
                    <p className="text-xs text-slate-500">{t("invitation.resendHint", { email: partner.email, language: language(partner.preferredLocale) })}</p>
                    <ResendInviteButton locale={locale} tenant={ctx.slug} id={partner.id} />
                  </>
                ) : null}
              </div>
            </Card>
          ) : null}

          <Card title={t("tier.title")}>
            {editable ? <PartnerTierForm locale={locale} tenant={ctx.slug} id={partner.id} tier={partner.trustTier} /> : <p className="text-sm font-medium">{t(`tiers.${partner.trustTier}`)}</p>}
          </Card>

          <Card title={t("notes.title")}>
            {editable ? (
              <PartnerNotesForm key={partner.updatedAt.toISOString()} locale={locale} tenant={ctx.slug} id={partner.id} notes={partner.notes ?? ""} />
            ) : (
              <p className="whitespace-pre-line text-sm text-slate-700">{partner.notes || t("notes.empty")}</p>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
