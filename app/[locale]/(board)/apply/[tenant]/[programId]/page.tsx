import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApplyView } from "@/components/partners/apply-view";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { firstParam } from "@/lib/kernel/search-params";
import { findApplicationProgram } from "@/lib/partners/apply-to-program";

type Props = { params: Promise<{ locale: string; tenant: string; programId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const { tenant, programId } = await params;
  const program = await findApplicationProgram(tenant, programId, firstParam((await searchParams).group));
  if (!program) return {};
  const t = await getT(locale, "partners");
  return { title: t("apply.title", { program: program.name }) };
}

/**
 * The public application page of an open program; invite-only, archived or foreign programs are a 404.
 * `?group=<id or slug>` applies to that group of the program and shows its landing text and questions.
 */
export default async function ApplyPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { tenant, programId } = await params;
  const groupKey = firstParam((await searchParams).group);
  const program = await findApplicationProgram(tenant, programId, groupKey);
  if (!program) notFound();
  return <ApplyView locale={locale} program={program} groupKey={groupKey} />;
}
