import type { InitOptions } from "i18next";
import { defaultLocale, namespaces } from "./settings";

/** Options shared by the server and client instances. */
export const baseOptions: InitOptions = {
  fallbackLng: defaultLocale,
  ns: [...namespaces],
  defaultNS: "common",
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
};
