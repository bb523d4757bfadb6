import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { describe } from "vitest";

/**
 * Real Chromium for browser tests: Debian's `chromium` driven by playwright-core (DESIGN §8). Where
 * the browser is not installed the browser suites are skipped, except under CI
 * (`CADRE_REQUIRE_BROWSER=1`, set by `.ci/run`), where a missing browser is a failure.
 */

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** True when Chromium can be launched here. */
export const browserAvailable = existsSync(CHROMIUM);

if (!browserAvailable && process.env.CADRE_REQUIRE_BROWSER === "1") {
  throw new Error(
    `Chromium is required for the browser tests but ${CHROMIUM} is missing (apt-get install chromium)`,
  );
}

/** `describe` for suites that need a browser: skipped, with its reason, where there is none. */
export const describeBrowser = browserAvailable
  ? describe
  : (name: string, fn: () => void) => describe.skip(`${name} (no Chromium at ${CHROMIUM})`, fn);

/** Launches headless Chromium (playwright gives it a fresh temporary profile). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
