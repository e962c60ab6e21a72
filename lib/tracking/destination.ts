// The redirect target: the link's destination with our UTM keys (overwriting any already there)
// and the click id. Built once per link into a prefix/suffix pair, so a request only concatenates.

export type DestinationParts = {
  url: string; // for HEAD and previews: UTM keys, no click id
  prefix: string; // everything up to and including `tw_click=`
  hash: string; // the fragment, kept after the query
};

export type UtmValues = { programId: string; partnerRef: string; erid?: string | null };

const OWN_KEYS = ["utm_source", "utm_medium", "utm_campaign", "utm_content", "tw_click"];

// Stands in for this site's origin while a site-relative destination ("/en/o/agency") is edited;
// the Location header then stays relative and the browser resolves it against /r/'s own origin.
const SAME_SITE = "http://same-site.invalid";

/**
 * null when the destination is neither an absolute http(s) URL nor a path on this site (never
 * redirect to javascript:, data: or a protocol-relative //other.host).
 */
export function destinationParts(destinationUrl: string, utm: UtmValues): DestinationParts | null {
  const sitePath = destinationUrl.startsWith("/") && !destinationUrl.startsWith("//") && !destinationUrl.startsWith("/\\");
  let url: URL;
  try {
    url = sitePath ? new URL(destinationUrl, SAME_SITE) : new URL(destinationUrl);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (sitePath && url.origin !== SAME_SITE) return null;
  const hash = url.hash;
  url.hash = "";
  for (const key of OWN_KEYS) url.searchParams.delete(key);
  url.searchParams.set("utm_source", "twoway");
  url.searchParams.set("utm_medium", "partner");
  url.searchParams.set("utm_campaign", utm.programId);
  url.searchParams.set("utm_content", utm.partnerRef);
  // The placement's ad token (Russian ad labelling): Twoway's value wins over one typed into the destination.
  if (utm.erid) url.searchParams.set("erid", utm.erid);
  const base = sitePath ? url.pathname + url.search : url.href;
  return { url: base + hash, prefix: `${base}&tw_click=`, hash };
}

export function destinationWithClick(parts: DestinationParts, clickId: string): string {
  return parts.prefix + clickId + parts.hash;
}
