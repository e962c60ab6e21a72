import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const rawClient = {
  paths: [{ name: "@/lib/db/client", message: "Use ctx.db (tenant-scoped) from a guard; the raw client lives in lib/db only." }],
  patterns: [{ group: ["**/db/client", "**/db/generated/client"], allowTypeImports: true, message: "Use ctx.db (tenant-scoped); the raw client lives in lib/db only." }],
};

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "lib/db/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    // Tenant scoping cannot be forgotten: only lib/db, the seed, scripts and tests may touch the raw client.
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/db/**"],
    rules: { "no-restricted-imports": ["error", rawClient] },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
