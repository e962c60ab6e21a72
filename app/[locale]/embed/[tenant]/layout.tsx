import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { EmbedResizer } from "@/components/embed/embed-resizer";
import { ClientTranslations } from "@/lib/i18n/client-translations";
import { localeParam } from "@/lib/i18n/params";
import { embedOrigins } from "@/lib/embed/embed-page";

/**
 * The embedded board and application form (docs/embedding.md): no header, menu or footer — the host
 * site has its own — in the language of the path. Framing is allowed only for the agency's listed
 * origins (proxy.ts sets frame-ancestors); without any, the page still renders but no site may frame it.
 */
export default async function EmbedLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string; tenant: string }> }) {
  const locale = await localeParam(params);
  const origins = await embedOrigins((await params).tenant);
  if (!origins) notFound();
  return (
    <ClientTranslations locale={locale} ns={["board", "partners", "errors"]}>
      <EmbedResizer origins={origins}>
        <main className="mx-auto w-full max-w-3xl px-3 py-4 sm:px-4">{children}</main>
      </EmbedResizer>
    </ClientTranslations>
  );
}
