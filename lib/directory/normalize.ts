/** "https://www.Glow-Lab.com/shop/" → "glow-lab.com/shop"; used to spot the same brand twice. */
export function normalizeWebsite(raw: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  const url = new URL(withScheme);
  const host = url.hostname.toLowerCase().replace(/^www\./, "");
  const path = url.pathname.replace(/\/+$/, "");
  return `${host}${path === "/" ? "" : path}`;
}

// A profile link typed without a scheme: "t.me/anna", "www.instagram.com/anna/".
const SCHEMELESS_LINK = /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\S/i;

/**
 * "@Anna.Beauty", "https://t.me/anna_beauty", "t.me/anna_beauty", "anna_beauty " → "anna.beauty" /
 * "anna_beauty": a profile link, with or without "https://", counts as its last path segment.
 * The directory and referral duplicate checks both use it, so they spell a handle alike.
 * "" when nothing is left (or the link cannot be parsed).
 */
export function normalizeHandle(raw: string): string {
  let handle = raw.trim();
  if (SCHEMELESS_LINK.test(handle)) handle = `https://${handle}`;
  if (/^https?:\/\//i.test(handle)) {
    try {
      handle = new URL(handle).pathname.split("/").filter(Boolean).pop() ?? "";
    } catch {
      return "";
    }
  }
  return handle.replace(/^@+/, "").toLowerCase();
}

export function parseList(raw: string | undefined | null, max = 20): string[] {
  if (!raw) return [];
  const items = raw.split(/[,;\n]/).map((s) => s.trim().toLowerCase()).filter(Boolean);
  return [...new Set(items)].slice(0, max);
}
