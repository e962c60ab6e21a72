import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { localeParam } from "@/lib/i18n/params";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const t = await getT(await localeParam(params), "auth");
  return { title: t("signIn.title") };
}

export default async function SignInPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string; error?: string }> }) {
  const locale = await localeParam(params);
  const { next, error } = await searchParams;
  // Auth.js sends failed magic links here with ?error=Verification (expired or already used).
  const notice = error ? (error === "Verification" ? "magic_link_invalid" : "sign_in_failed") : undefined;
  return <SignInForm locale={locale} next={next} notice={notice} />;
}
