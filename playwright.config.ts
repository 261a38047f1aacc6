import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/lib/browser";

/** Where the built site is served for the tests; set E2E_PORT to run two checkouts at once. */
const PORT = Number(process.env["E2E_PORT"] ?? 4322);
/** The same build served with its _headers applied, as Netlify-style hosts do. */
export const HEADERS_PORT = PORT + 1;
/** The dev-server test starts `astro dev` on a copy of the project here. */
export const DEV_PORT = PORT + 2;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env["CI"]),
  retries: 0,
  workers: 2,
  reporter: process.env["CI"] ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions() },
    },
  ],
  // The tests read the built site, exactly as it will be published.
  webServer: [
    {
      command: `node scripts/serve.ts dist ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env["CI"],
      timeout: 60_000,
    },
    {
      command: `node scripts/serve.ts dist ${HEADERS_PORT} --headers`,
      url: `http://127.0.0.1:${HEADERS_PORT}/`,
      reuseExistingServer: !process.env["CI"],
      timeout: 60_000,
    },
  ],
});
