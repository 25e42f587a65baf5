/**
 * Debian's Chromium (installed by scripts/setup/chromium.sh) for the browser tests: whether it is
 * here, and a headless launch with the flags this machine needs.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * True when Chromium is installed; otherwise warns once, naming the test, so a skip is visible.
 */
export function chromiumAvailable(test: string): boolean {
  const available = existsSync(CHROMIUM);
  if (!available) console.warn(`${test}: skipped: ${CHROMIUM} is missing (scripts/setup/chromium.sh could not install it)`);
  return available;
}

/**
 * Launches headless Chromium. The closed network here refuses Chromium's background connections,
 * hence the flags that turn them off; `extraArgs` adds a test's own (host resolver rules, say).
 */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}
