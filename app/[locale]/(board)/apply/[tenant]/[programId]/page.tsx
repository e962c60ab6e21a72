import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApplyView } from "@/components/partners/apply-view";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";
import { findApplicationProgram } from "@/lib/partners/apply-to-program";

type Props = { params: Promise<{ locale: string; tenant: string; programId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const { tenant, programId } = await params;
  const program = await findApplicationProgram(tenant, programId);
  if (!program) return {};
  const t = await getT(locale, "partners");
  return { title: t("apply.title", { program: program.name }) };
}

/** The public application page of an open program; invite-only, archived or foreign programs are a 404. */
export default async function ApplyPage({ params }: Props) {
  const locale = await localeParam(params);
  const { tenant, programId } = await params;
  const program = await findApplicationProgram(tenant, programId);
  if (!program) notFound();
  return <ApplyView locale={locale} program={program} />;
}
