/** Fails `npm test` at once, in one sentence, when no browser can run the browser tests. */
import { chromiumLaunchOptions } from "./lib/browser.ts";

try {
  const { executablePath } = chromiumLaunchOptions();
  console.log(`Browser tests will use ${executablePath ?? "Playwright's own Chromium"}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
