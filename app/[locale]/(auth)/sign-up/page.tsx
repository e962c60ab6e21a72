import type { Metadata } from "next";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const t = await getT(await localeParam(params), "auth");
  return { title: t("signUp.title") };
}

export default async function SignUpPage({ params }: { params: Promise<{ locale: string }> }) {
  return <SignUpForm locale={await localeParam(params)} />;
}
