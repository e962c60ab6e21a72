"use client";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Notice } from "@/components/ui/card";
import { invalidFields, type InvalidField } from "@/components/ui/invalid-fields";
import type { FormState, Message } from "@/lib/kernel/form";

/**
 * A form's message, translated (keys in `errors`); nothing when there is none. An error inside a
 * form also lists the wrong fields by name, each a link to its field (the message itself stays
 * under the field, said once), and moves focus to the
 * first of them (scrolled to the middle of the screen): on a phone the person is at the button
 * when they submit, far below the message. A success inside a form marked
 * `data-reset-on-success` (a create form) empties it for the next entry.
 */
export function FormMessage(props: { message?: Message; tone?: "success" | "error"; state?: FormState }) {
  const { t } = useTranslation("errors");
  const ref = useRef<HTMLDivElement>(null);
  const [fields, setFields] = useState<InvalidField[]>([]);
  const { state } = props;
  const count = Object.keys(state?.fieldErrors ?? {}).length;
  const message = props.message ?? state?.message ?? (count ? { key: "form_has_errors", values: { count } } : undefined);
  const tone = props.tone ?? (state?.ok ? "success" : "error");
  // What makes a new answer: the action's state object (a new one per submit, even when the errors
  // are the same), else the message's text. Not the message object, which forms rebuild each render.
  const answer: unknown = state ?? JSON.stringify(message ?? null);

  useEffect(() => {
    const box = ref.current;
    const form = box?.closest("form");
    if (!message || !box) return;
    if (tone === "success") {
      if (form?.hasAttribute("data-reset-on-success")) form.reset();
      box.scrollIntoView({ block: "nearest" });
      return;
    }
    const found = form ? invalidFields(form) : [];
    setFields(found);
    const first = found[0]?.element;
    if (first) {
      first.focus({ preventScroll: true });
      first.scrollIntoView({ block: "center" });
    } else {
      box.scrollIntoView({ block: "nearest" });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `answer` stands for `message` (see above)
  }, [answer, tone]);

  if (!message) return null;
  const shown = tone === "error" ? fields : [];
  return (
    <div ref={ref} className="scroll-mt-20">
      <Notice tone={tone}>
        <p>{t(message.key, message.values)}</p>
        {shown.length > 0 ? (
          <ul className="mt-2 list-disc space-y-1 pl-5" aria-label={t("form_error_summary_title")}>
            {shown.map((f, i) => (
              <li key={`${f.href}-${i}`}>
                <a
                  href={f.href}
                  className="font-medium underline underline-offset-2"
                  onClick={(e) => {
                    e.preventDefault();
                    f.element.focus({ preventScroll: true });
                    f.element.scrollIntoView({ block: "center" });
                  }}
                >
                  {f.label}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </Notice>
    </div>
  );
}

/** The result of an action: a success note or a translated error, from the action's `FormState`. */
export function ActionNotice({ state }: { state: FormState }) {
  return <FormMessage state={state} />;
}
