import type { TFunction } from "i18next";

/** A plain download link to the CSV of one table under the current view. */
export function ExportLink({ href, table, t }: { href: string; table: string; t: TFunction }) {
  const name = t(`funnel:export.tables.${table}`);
  return (
    <a href={href} download aria-label={t("funnel:export.label", { table: name })} title={t("funnel:export.label", { table: name })}
      className="rounded-md px-2 py-1 text-xs font-semibold text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50">
      {t("funnel:export.csv")}
    </a>
  );
}
