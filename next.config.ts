import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The generated Prisma client and pg are server-only; keep them out of the bundle graph.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  // Rates files (CSV / CBR XML) are capped at 1 MB by our own check; let them reach it.
  experimental: { serverActions: { bodySizeLimit: "21mb" } },
};

export default nextConfig;
