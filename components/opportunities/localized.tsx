import type { LocalizedText } from "@/lib/opportunities/localized-text";

/**
 * A title or description in the language it was written in. When it is not the viewer's language,
 * `lang` tells browsers and screen readers, and a small note says why.
 */
export function Localized({ text, as: Tag = "span", className = "" }: { text: LocalizedText; as?: "span" | "p" | "h1" | "h2" | "div"; className?: string }) {
  return <Tag lang={text.lang} className={className}>{text.text}</Tag>;
}

/** "Shown in English — no Russian version yet", in the viewer's language. */
export function FallbackNote({ lang, label }: { lang: string; label: string }) {
  return (
    <p className="mt-1 inline-flex items-center gap-1 rounded-md bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-inset ring-amber-200" data-fallback={lang}>
      <span aria-hidden>⇄</span> {label}
    </p>
  );
}
