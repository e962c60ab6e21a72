// `npm run i18n:check`: fails when a key exists in one language and not the other, or a plural
// lacks a CLDR form (Russian needs one/few/many/other).
import { checkLocales } from "../lib/i18n/check";

const problems = checkLocales("locales");
if (problems.length) {
  console.error(`i18n check failed (${problems.length}):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
console.log("i18n check passed: en and ru have the same keys and complete plural forms");
