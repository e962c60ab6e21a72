import { NextResponse, type NextRequest } from "next/server";
import { FRAME_ORIGINS_HEADER } from "@/lib/http/inbound";
import { contentSecurityPolicy, frameAncestors } from "@/lib/http/security-headers";
import { isLocale, localeCookie, negotiateLocale } from "@/lib/i18n/settings";

// Every page lives under /en or /ru. A path without a locale is redirected to the remembered
// choice (cookie) or, on a first visit, to the best match for Accept-Language. Visiting a
// localized path remembers that locale, so the language switcher is just a link.
// Every page also gets a Content-Security-Policy with a fresh nonce (Next adds it to its scripts).
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const first = pathname.split("/")[1];
  if (isLocale(first)) {
    const nonce = btoa(crypto.randomUUID());
    // scripts/server.ts sets the frame origins of public board pages (a client's copy is dropped there).
    const csp = contentSecurityPolicy({
      nonce,
      dev: process.env.NODE_ENV === "development",
      frameAncestors: frameAncestors(pathname, request.headers.get(FRAME_ORIGINS_HEADER)),
    });
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set("Content-Security-Policy", csp);
    // Browsers that predate frame-ancestors honour this one; embeddable pages with listed origins go without.
    if (csp.includes("frame-ancestors 'none'")) response.headers.set("X-Frame-Options", "DENY");
    if (request.cookies.get(localeCookie)?.value !== first) {
      response.cookies.set(localeCookie, first, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
    }
    return response;
  }
  const remembered = request.cookies.get(localeCookie)?.value;
  // An embed address without a locale (public/embed.js without data-locale) takes the visitor's
  // browser language: inside another site's frame our cookie is usually not sent anyway.
  const embed = pathname.startsWith("/embed/");
  const locale = isLocale(remembered) && !embed ? remembered : negotiateLocale(request.headers.get("accept-language"));
  const url = request.nextUrl.clone();
  url.pathname = `/${locale}${pathname === "/" ? "" : pathname}`;
  url.search = search;
  return NextResponse.redirect(url);
}

export const config = {
  // Not for API routes, tracked links, Next internals or files with an extension.
  matcher: ["/((?!api|r/|_next|.*\\..*).*)"],
};
