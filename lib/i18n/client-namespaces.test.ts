import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkClientNamespaces } from "./client-namespaces";

function project(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), "i18n-client-"));
  const all: Record<string, string> = {
    "locales/en/common.json": JSON.stringify({ markets: { us: "US" }, error: { title: "Error" } }),
    "locales/en/board.json": JSON.stringify({ optIn: { submit: "Send", title: "Opt in" }, count_one: "{{count}}", count_other: "{{count}}" }),
    "app/[locale]/layout.tsx": `import { ClientTranslations } from "@/lib/i18n/client-translations";
export default async function Root({ children }) { return <html><body><ClientTranslations locale="en" ns={["common"]}>{children}</ClientTranslations></body></html>; }`,
    "app/[locale]/error.tsx": `"use client";\nimport { useTranslation } from "react-i18next";\nexport default function E() { const { t } = useTranslation("common"); return <p>{t("error.title")}</p>; }`,
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const optInForm = `"use client";
import { useTranslation } from "react-i18next";
import { send } from "@/lib/actions";
export function OptInForm({ market, done }) {
  const { t } = useTranslation("board");
  return <form action={send}><h2>{t(done ? "optIn.title" : "optIn.submit")}</h2>{t(\`common:markets.\${market}\`)}{t("count", { count: 2 })}</form>;
}`;
// A server action module is a reference in the browser bundle: its imports are not client code.
const actions = `"use server";\nimport "@/components/staff-only";\nexport async function send() {}`;
const staffOnly = `"use client";\nimport { useTranslation } from "react-i18next";\nexport function X() { const { t } = useTranslation("payouts"); return t("x"); }`;
const page = `import { OptInForm } from "@/components/opt-in-form";\nexport default function Page() { return <OptInForm market="us" done={false} />; }`;

describe("client translations per page", () => {
  it("every page's client components get the namespaces they use, and their literal keys exist", () => {
    expect(checkClientNamespaces(process.cwd())).toEqual([]);
  });

  it("reports a namespace a page's client component uses but no layout sends", () => {
    const root = project({ "components/opt-in-form.tsx": optInForm, "lib/actions.ts": actions, "components/staff-only.tsx": staffOnly, "app/[locale]/o/page.tsx": page });
    expect(checkClientNamespaces(root)).toEqual([`app/[locale]/o/page.tsx: client code uses "board" (components/opt-in-form.tsx:5) but no layout sends it`]);
  });

  it("accepts the namespace once a layout above the page sends it", () => {
    const root = project({
      "components/opt-in-form.tsx": optInForm, "lib/actions.ts": actions, "components/staff-only.tsx": staffOnly, "app/[locale]/o/page.tsx": page,
      "app/[locale]/o/layout.tsx": `import { translationsLayout } from "@/lib/i18n/client-translations";\nexport default translationsLayout(["board"]);`,
    });
    expect(checkClientNamespaces(root)).toEqual([]);
  });

  it("reports a literal key missing from the catalogue and a namespace list it cannot read", () => {
    const form = `"use client";
import { useTranslation } from "react-i18next";
const ns = ["board"];
export function A() { const { t } = useTranslation("board"); return t("optIn.sumbit"); }
export function B() { const { t } = useTranslation(ns); return t("x"); }`;
    const root = project({
      "components/form.tsx": form,
      "app/[locale]/o/page.tsx": `import { A, B } from "../../../components/form";\nexport default function P() { return <><A /><B /></>; }`,
      "app/[locale]/o/layout.tsx": `import { translationsLayout } from "@/lib/i18n/client-translations";\nexport default translationsLayout(["board"]);`,
    });
    expect(checkClientNamespaces(root)).toEqual([
      "components/form.tsx:4: missing key board:optIn.sumbit",
      "components/form.tsx:5: useTranslation with a namespace list that is not literal",
    ]);
  });

  it("does not count a provider for its layout's own client code unless it wraps everything the layout renders", () => {
    const chrome = `"use client";\nimport { useTranslation } from "react-i18next";\nexport function Chrome() { const { t } = useTranslation("board"); return t("optIn.title"); }`;
    const layout = `import { ClientTranslations } from "@/lib/i18n/client-translations";
import { Chrome } from "@/components/chrome";
export default async function L({ children }) { return <div><Chrome /><ClientTranslations locale="en" ns={["board"]}>{children}</ClientTranslations></div>; }`;
    const root = project({ "components/chrome.tsx": chrome, "app/[locale]/o/layout.tsx": layout });
    expect(checkClientNamespaces(root)).toEqual([`app/[locale]/o/layout.tsx: client code uses "board" (components/chrome.tsx:3) but no layout sends it`]);
  });
});
