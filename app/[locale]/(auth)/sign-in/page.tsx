import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const t = await getT(await localeParam(params), "auth");
  return { title: t("signIn.title") };
}

export default async function SignInPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string }> }) {
  const locale = await localeParam(params);
  const { next } = await searchParams;
  return <SignInForm locale={locale} next={next} />;
}
