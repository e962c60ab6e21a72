import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// `npm run test:faults`: the multi-instance fault suite (tests/faults). Needs a production build
// (`npm run build`) and the server PostgreSQL; starts two web instances, a worker, the Stripe
// stand-in and a breakable TCP proxy in front of PostgreSQL, all on localhost.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    environment: "node",
    include: ["tests/faults/**/*.fault.ts"],
    globalSetup: ["tests/faults/global-setup.ts"],
    setupFiles: ["tests/faults/worker-env.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 240_000,
    retry: 0,
  },
});
