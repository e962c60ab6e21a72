// Reads a rendered form for the fields marked wrong, so one summary serves every form without
// each form listing its fields again. A field is wrong when it is `aria-invalid="true"` or when an
// error text (ErrorText, `data-field-error`) sits next to it (radio groups, checkbox rows).

export type InvalidField = { element: HTMLElement; label: string; href: string };

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const CONTROLS = "input:not([type=hidden]), select, textarea";

const clip = (text: string, max = 80) => {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
};

/** What a person reads as the field's name: the group's name for a radio, else its label or aria-label. */
function labelOf(el: Control): string {
  const group = el.type === "radio" ? el.closest("[role=radiogroup], fieldset") : null;
  if (group) {
    const labelledBy = group.getAttribute("aria-labelledby");
    const named = labelledBy ? el.ownerDocument.getElementById(labelledBy)?.textContent : group.querySelector("legend")?.textContent;
    if (named) return clip(named);
  }
  const own = el.labels?.[0]?.textContent || el.getAttribute("aria-label") || el.getAttribute("placeholder") || el.name;
  return clip(own ?? "");
}

/** The form's wrong fields in the order they appear, each once. */
export function invalidFields(form: HTMLFormElement): InvalidField[] {
  const seen = new Set<Element>();
  const out: InvalidField[] = [];
  const add = (el: Control) => {
    if (seen.has(el) || el.disabled) return;
    seen.add(el);
    out.push({ element: el, label: labelOf(el), href: el.id ? `#${el.id}` : "#" });
  };
  const marked = [...form.querySelectorAll<Control>(`[aria-invalid="true"]`)].filter((el) => el.matches(CONTROLS));
  const errors = [...form.querySelectorAll<HTMLElement>("[data-field-error]")];
  // An error text nobody points at: its field is the first control in the same block.
  for (const note of errors) {
    const pointed = marked.some((el) => (el.getAttribute("aria-describedby") ?? "").split(/\s+/).includes(note.id));
    if (!pointed && note.parentElement) {
      const el = note.parentElement.querySelector<Control>(`[aria-invalid="true"]`) ?? note.parentElement.querySelector<Control>(CONTROLS);
      if (el && !marked.includes(el)) marked.push(el);
    }
  }
  marked.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  for (const el of marked) add(el);
  return out;
}
