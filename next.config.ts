import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The generated Prisma client and pg are server-only; keep them out of the bundle graph.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  // Rates files (CSV / CBR XML) are capped at 1 MB by our own check; let them reach it. Larger
  // bodies are answered 413 by scripts/server.ts before anything reads them.
  experimental: { serverActions: { bodySizeLimit: "21mb" } },
  async headers() {
    // API responses and files get these too; pages also get a per-request CSP from proxy.ts.
    return [{ source: "/:path*", headers: staticSecurityHeaders }];
  },
};

export default nextConfig;
