import type { ReactNode } from "react";
import { I18nProvider } from "./client";
import { localeParam } from "./params";
import { resources } from "./resources";
import type { Locale, Namespace } from "./settings";

/**
 * Sends the browser the namespaces `ns` for the client components below, on top of those sent by the
 * layouts above. Server components do not need this: they translate with `getT` and the whole
 * catalogue. Declared in layouts only, as the outermost element; `npm run i18n:check` (and
 * lib/i18n/client-namespaces.test.ts) fails when a client component uses a namespace no layout sends.
 */
export function ClientTranslations({ locale, ns, children }: { locale: Locale; ns: readonly Namespace[]; children: ReactNode }) {
  const catalogue = Object.fromEntries(ns.map((name) => [name, resources[locale][name]]));
  return <I18nProvider locale={locale} catalogue={catalogue}>{children}</I18nProvider>;
}

/**
 * A layout that only sends namespaces: `export default translationsLayout(["board", "errors"])` in the
 * folder of the pages whose client components need them.
 */
export function translationsLayout(ns: readonly Namespace[]) {
  return async function TranslationsLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
    return <ClientTranslations locale={await localeParam(params)} ns={ns}>{children}</ClientTranslations>;
  };
}
