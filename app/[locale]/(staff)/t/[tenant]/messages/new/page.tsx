import { ComposeMessageForm } from "@/components/messages/compose-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireTenantPage } from "@/lib/auth/guard";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { firstParam, type SearchParams } from "@/lib/kernel/search-params";
import { composeChoices } from "@/lib/messages/staff-messages";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<SearchParams> };

/** Staff: write a message (?partner= or ?program= picks the audience, e.g. from a partner's page). */
export default async function NewMessagePage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant } = await params;
  const ctx = await requireTenantPage(locale, tenant, "partners:write");
  const sp = await searchParams;
  const [choices, t] = await Promise.all([composeChoices(ctx), getT(locale, ["messages"])]);
  const partnerId = firstParam(sp.partner);
  const programId = firstParam(sp.program);
  return (
    <>
      <PageHeader title={t("compose.title")} />
      <Card>
        <ComposeMessageForm
          locale={locale} tenant={ctx.slug} partners={choices.partners} programs={choices.programs}
          initial={{ audience: partnerId ? "partner" : "program", partnerId, programId }}
        />
      </Card>
    </>
  );
}
