import type { TFunction } from "i18next";
import type { StoredOrdError } from "@/lib/ord/sync-placement";

/** The last ОРД refusal of a placement, translated: the error, then each issue with its field and the operator's own words. */
export function OrdErrorText({ t, error }: { t: TFunction; error: StoredOrdError }) {
  const where = (field?: string) => {
    if (!field) return null;
    const [step, ...rest] = field.split(".");
    const [, localType] = (step ?? "").split(":");
    const name = rest.join(".") || step || "";
    const stepLabel = localType ? t(`ord:steps.${localType}`, { defaultValue: "" }) : "";
    const fieldLabel = t(`ord:fields.${name}`, { defaultValue: name });
    return [stepLabel, fieldLabel].filter(Boolean).join(" · ");
  };
  return (
    <div className="space-y-2 text-sm">
      <p>{t(`ord:errors.${error.code}`, { defaultValue: t("ord:errors.unexpected_response") })}</p>
      {error.issues.length ? (
        <ul className="list-disc space-y-1 pl-5">
          {error.issues.map((issue, i) => (
            <li key={i} className="break-words">
              {where(issue.field) ? <span className="font-medium">{where(issue.field)}: </span> : null}
              {t(`ord:issues.${issue.code}`)}
              {issue.message ? <span className="text-slate-600"> ({issue.message})</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
