// `npm run i18n:check`: fails when a key exists in one language and not the other, a plural lacks a
// CLDR form (Russian needs one/few/many/other), or a page's client components use a namespace (or a
// literal key) that its layouts do not send to the browser (lib/i18n/client-namespaces.ts), or an audited
// action or record type has no name to show on the audit page (lib/i18n/audit-labels.ts), or a string
// breaks the glossary: Latin words in Russian outside lib/i18n/latin-allow-list.ts, a forbidden synonym
// of a glossary concept, an internal code shown as text (lib/i18n/wording.ts, docs/glossary.md).
import { checkLocales } from "../lib/i18n/check";
import { checkAuditLabels } from "../lib/i18n/audit-labels";
import { checkClientNamespaces } from "../lib/i18n/client-namespaces";
import { checkWording } from "../lib/i18n/wording";

const problems = [...checkLocales("locales"), ...checkClientNamespaces(process.cwd()), ...checkAuditLabels(process.cwd()), ...checkWording("locales")];
if (problems.length) {
  console.error(`i18n check failed (${problems.length}):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
console.log("i18n check passed: en and ru have the same keys and complete plural forms; every page sends its client components the namespaces they use; every audited action has a name; Russian has no stray Latin words, internal codes or second terms for a glossary concept (docs/glossary.md)");
