import "server-only";
import { cache } from "react";
import { createI18n } from "./instance";
import type { Locale, Namespace } from "./settings";

// One instance per request (React cache is request-scoped on the server).
const instanceFor = cache((locale: Locale) => createI18n(locale));

export async function getT(locale: Locale, ns: Namespace | Namespace[] = "common") {
  return instanceFor(locale).getFixedT(locale, ns);
}
