import { defineConfig, devices } from "@playwright/test";

// A random port unless E2E_PORT is given, so a stray server on a fixed port cannot break the run.
// Set here, in the runner's process, it is inherited by the workers and the web server.
process.env.E2E_PORT ??= String(30_000 + Math.floor(Math.random() * 20_000));
const port = Number(process.env.E2E_PORT);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // The embedded database (PGlite, one connection) is slower; its run gets more time per test.
  timeout: process.env.E2E_DB === "embedded" ? 180_000 : 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    // "localhost", not 127.0.0.1: Next normalises 127.0.0.1 to localhost in request URLs, so
    // Auth.js links and redirects would otherwise switch host and lose the session cookie.
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // The production build against a fresh database with demo data (see scripts/e2e-server.ts).
    command: "node_modules/.bin/tsx scripts/e2e-server.ts",
    url: `http://localhost:${port}/en/sign-in`,
    env: { PORT: String(port) },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
