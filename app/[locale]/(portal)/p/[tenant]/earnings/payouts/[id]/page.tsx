import Link from "next/link";
import { notFound } from "next/navigation";
import { PayoutStatement } from "@/components/earnings/payout-statement";
import { PrintButton } from "@/components/earnings/print-button";
import { ReceiptForm } from "@/components/earnings/receipt-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePartner } from "@/lib/auth/guard";
import { partnerPayoutDocument } from "@/lib/earnings/payout-document";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";

type Props = { params: Promise<{ locale: string; tenant: string; id: string }> };

/** Portal: a printable statement of one of the partner's own payouts (anyone else's is a 404). */
export default async function PortalPayoutPage({ params }: Props) {
  const locale = await localeParam(params);
  const { tenant, id } = await params;
  const ctx = await requirePartner(locale, tenant);
  const [doc, t] = await Promise.all([partnerPayoutDocument(ctx, id), getT(locale, ["earnings", "common"])]);
  if (!doc) notFound();
  return (
    <>
      <p className="mb-3 text-sm print:hidden"><Link href={`/${locale}/p/${ctx.slug}/earnings`} className="font-medium text-indigo-700 hover:underline">← {t("document.back")}</Link></p>
      <PageHeader title={t("document.title")} subtitle={doc.reference} actions={<PrintButton label={t("document.print")} />} />
      <PayoutStatement locale={locale} timeZone={ctx.viewerTimeZone} doc={doc} t={t} />
      {doc.receiptAllowed ? (
        <div className="mt-6 print:hidden">
          <Card title={t("receipt.title")}>
            <p className="mb-4 text-sm text-slate-600">{t("receipt.lead")}</p>
            <ReceiptForm locale={locale} tenant={ctx.slug} payoutId={doc.id} current={doc.receiptRef} />
          </Card>
        </div>
      ) : null}
    </>
  );
}
