"use client";
import { useRouter } from "next/navigation";
import { useTranslation } from "react-i18next";

export function TenantSwitcher({ locale, current, tenants }: { locale: string; current: string; tenants: { slug: string; name: string }[] }) {
  const router = useRouter();
  const { t } = useTranslation("nav");
  if (tenants.length < 2) return null;
  return (
    <label className="block">
      <span className="sr-only">{t("switchWorkspace")}</span>
      <select
        value={current}
        onChange={(e) => router.push(`/${locale}/t/${e.target.value}`)}
        className="w-full rounded-md border-0 bg-white py-1.5 pl-2 pr-8 text-sm ring-1 ring-slate-300"
        aria-label={t("switchWorkspace")}
      >
        {tenants.map((tenant) => (
          <option key={tenant.slug} value={tenant.slug}>
            {tenant.name}
          </option>
        ))}
      </select>
    </label>
  );
}
