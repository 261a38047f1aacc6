/**
 * Which Chromium the browser tests drive: the path in PLAYWRIGHT_CHROMIUM_PATH
 * if set, else Debian's system Chromium, else Playwright's own download.
 * Machines without internet access cannot download Playwright's browser, so
 * the system package is preferred wherever it is installed.
 */
import { existsSync } from "node:fs";
import { chromium, type LaunchOptions } from "@playwright/test";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

// Without these, Chromium keeps trying to reach Google's services, which a
// closed network refuses many times over; root cannot use the sandbox.
const QUIET_FLAGS = [
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export const NO_BROWSER_MESSAGE =
  "No Chromium found for the browser tests: install Debian's package (sudo apt-get install -y chromium), or run `npx playwright install chromium`, or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium binary.";

/** The Chromium binary to drive, in the order above; Lighthouse needs a path. */
export function chromiumExecutable(): string {
  return chromiumLaunchOptions().executablePath ?? chromium.executablePath();
}

export function chromiumLaunchOptions(): LaunchOptions {
  const args = [...QUIET_FLAGS];
  if (process.getuid?.() === 0) args.push("--no-sandbox");
  const override = process.env["PLAYWRIGHT_CHROMIUM_PATH"];
  if (override) {
    if (!existsSync(override)) {
      throw new Error(`PLAYWRIGHT_CHROMIUM_PATH is set to ${override}, but no file is there.`);
    }
    return { executablePath: override, args };
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args };
  if (existsSync(chromium.executablePath())) return { args };
  throw new Error(NO_BROWSER_MESSAGE);
}
