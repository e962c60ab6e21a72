/** "https://www.Glow-Lab.com/shop/" → "glow-lab.com/shop"; used to spot the same brand twice. */
export function normalizeWebsite(raw: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  const url = new URL(withScheme);
  const host = url.hostname.toLowerCase().replace(/^www\./, "");
  const path = url.pathname.replace(/\/+$/, "");
  return `${host}${path === "/" ? "" : path}`;
}

/** "@Anna.Beauty", "https://t.me/anna_beauty", "anna_beauty " → "anna.beauty" / "anna_beauty". */
export function normalizeHandle(raw: string): string {
  let handle = raw.trim();
  if (/^https?:\/\//i.test(handle)) {
    const url = new URL(handle);
    handle = url.pathname.split("/").filter(Boolean).pop() ?? "";
  }
  return handle.replace(/^@+/, "").toLowerCase();
}

export function parseList(raw: string | undefined | null, max = 20): string[] {
  if (!raw) return [];
  const items = raw.split(/[,;\n]/).map((s) => s.trim().toLowerCase()).filter(Boolean);
  return [...new Set(items)].slice(0, max);
}
