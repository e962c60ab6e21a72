"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { enrolPartnerAction } from "@/lib/partners/actions";
import type { FormState } from "@/lib/kernel/form";
import { FormStatus } from "./form-status";
import { PartnerGroupForm } from "@/components/groups/partner-group-form";

type Target = { locale: string; tenant: string; id: string };
type Enrolment = {
  programId: string; name: string; markets: string[]; since: string; archived: boolean;
  /** The partner's group in the program, and the groups it may be moved to (when the viewer may move it). */
  group: { id: string; name: string } | null; groups: { id: string; name: string }[];
};

/** The partner's programs with a way to end each enrolment, and a picker to add one. */
export function PartnerEnrolments({ target, enrolments, available, editable, canMove }: { target: Target; enrolments: Enrolment[]; available: { id: string; name: string }[]; editable: boolean; canMove: boolean }) {
  const { t } = useTranslation("partners");
  return (
    <div className="space-y-4">
      {enrolments.length === 0 ? (
        <p className="text-sm text-slate-600">{t("enrolments.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {enrolments.map((e) => (
            <li key={e.programId} className="flex flex-wrap items-center justify-between gap-3 py-2.5">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">
                  {e.name} {e.archived ? <span className="text-xs font-normal text-slate-500">({t("enrolments.archived")})</span> : null}
                </p>
                <p className="flex flex-wrap items-center gap-1 text-xs text-slate-500">
                  {e.markets.map((m) => <Badge key={m} tone="indigo">{m}</Badge>)}
                  <span>{t("enrolments.since", { date: e.since })}</span>
                </p>
                {e.group ? <p className="text-xs text-slate-600">{t("groups.current", { group: e.group.name })}</p> : null}
                {canMove && e.groups.length > 1 && !e.archived ? (
                  <div className="mt-2">
                    <PartnerGroupForm locale={target.locale} tenant={target.tenant} partnerId={target.id} programId={e.programId} programName={e.name} current={e.group?.id ?? null} groups={e.groups} />
                  </div>
                ) : null}
              </div>
              {editable ? <UnenrolButton target={target} programId={e.programId} /> : null}
            </li>
          ))}
        </ul>
      )}
      {editable && available.length > 0 ? <EnrolForm target={target} available={available} /> : null}
    </div>
  );
}

function UnenrolButton({ target, programId }: { target: Target; programId: string }) {
  const { t } = useTranslation("partners");
  const [state, action, pending] = useActionState<FormState, FormData>(enrolPartnerAction.bind(null, { ...target, enrol: false }), {});
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="programId" value={programId} />
      <FormStatus state={state} />
      <Button type="submit" variant="ghost" disabled={pending} className="text-xs">{t("enrolments.unenrol")}</Button>
    </form>
  );
}

function EnrolForm({ target, available }: { target: Target; available: { id: string; name: string }[] }) {
  const { t } = useTranslation("partners");
  const [state, action, pending] = useActionState<FormState, FormData>(enrolPartnerAction.bind(null, { ...target, enrol: true }), {});
  return (
    <form action={action} noValidate className="space-y-2 border-t border-slate-100 pt-4">
      <FormStatus state={state} />
      <div className="flex gap-2">
        <Select name="programId" defaultValue="" aria-label={t("enrolments.choose")} aria-invalid={!!state.fieldErrors?.programId}>
          <option value="" disabled>{t("enrolments.choose")}</option>
          {available.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </Select>
        <Button type="submit" variant="secondary" disabled={pending} className="shrink-0">{t("enrolments.enrol")}</Button>
      </div>
    </form>
  );
}
