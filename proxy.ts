import { NextResponse, type NextRequest } from "next/server";
import { isLocale, localeCookie, negotiateLocale } from "@/lib/i18n/settings";

// Every page lives under /en or /ru. A path without a locale is redirected to the remembered
// choice (cookie) or, on a first visit, to the best match for Accept-Language. Visiting a
// localized path remembers that locale, so the language switcher is just a link.
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const first = pathname.split("/")[1];
  if (isLocale(first)) {
    const response = NextResponse.next();
    if (request.cookies.get(localeCookie)?.value !== first) {
      response.cookies.set(localeCookie, first, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
    }
    return response;
  }
  const remembered = request.cookies.get(localeCookie)?.value;
  const locale = isLocale(remembered) ? remembered : negotiateLocale(request.headers.get("accept-language"));
  const url = request.nextUrl.clone();
  url.pathname = `/${locale}${pathname === "/" ? "" : pathname}`;
  url.search = search;
  return NextResponse.redirect(url);
}

export const config = {
  // Not for API routes, tracked links, Next internals or files with an extension.
  matcher: ["/((?!api|r/|_next|.*\\..*).*)"],
};
