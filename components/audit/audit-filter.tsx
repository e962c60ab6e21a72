import type { TFunction } from "i18next";
import { entityTypeLabel } from "./describe-audit";

/** A plain GET form, so a filtered log can be shared as a link. */
export function AuditFilter({ entity, entityTypes, t }: { entity?: string; entityTypes: string[]; t: TFunction }) {
  const control = "rounded-md border-0 bg-white px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
      <label>
        <span className="mb-1 block text-xs font-medium text-slate-600">{t("partners:audit.entity")}</span>
        <select name="entity" defaultValue={entity ?? ""} className={control}>
          <option value="">{t("partners:audit.allEntities")}</option>
          {entityTypes.map((type) => <option key={type} value={type}>{entityTypeLabel(t, type)}</option>)}
        </select>
      </label>
      <button type="submit" className="rounded-md bg-slate-900 px-3.5 py-2 text-sm font-semibold text-white hover:bg-slate-700">
        {t("partners:audit.apply")}
      </button>
    </form>
  );
}
