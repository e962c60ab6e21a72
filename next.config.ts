import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The generated Prisma client and pg are server-only; keep them out of the bundle graph.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  // Two body limits, each with one job:
  // - scripts/server.ts answers 413 (EN/RU; MAX_REQUEST_BYTES in lib/http/inbound.ts, 21 MB) to any
  //   request — page, server action or route handler — whose Content-Length is over 21 MB, before
  //   Next or anyone reads the body. A body sent without a Content-Length (chunked) passes it.
  // - bodySizeLimit is Next's own cap on a server action's body, counted as it streams in (chunked
  //   too); Next's default is 1 MB. 21 MB lets the largest upload, an OFAC SDN list of up to 20 MB
  //   (lib/compliance/limits.ts) plus the form's multipart overhead, reach its action, where each file's
  //   own limit (rates 1 MB, bank statements 2 MB, SDN 20 MB) answers with a translated field error;
  //   above it Next refuses the action with an untranslated 413. Route handlers are not covered:
  //   each limits its own body (the events API stops at 256 KB).
  experimental: { serverActions: { bodySizeLimit: "21mb" } },
  async headers() {
    // API responses and files get these too; pages also get a per-request CSP from proxy.ts.
    return [{ source: "/:path*", headers: staticSecurityHeaders }];
  },
};

export default nextConfig;
