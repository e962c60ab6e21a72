import { translationsLayout } from "@/lib/i18n/client-translations";

// Translations for the client components of the pages below (checked by `npm run i18n:check`).
export default translationsLayout(["messages", "errors"]);
