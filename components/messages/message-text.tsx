/**
 * A message's or reply's body as typed: plain text with its line breaks. React escapes it, so markup
 * in a message shows as the characters typed and never becomes HTML.
 */
export function MessageText({ text, className = "" }: { text: string; className?: string }) {
  return <div className={`whitespace-pre-wrap break-words text-sm text-slate-800 ${className}`}>{text}</div>;
}
