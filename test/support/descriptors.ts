/**
 * Which files this test process holds open, read from /proc/self/fd (Linux). Tests look at the
 * descriptors of the files they care about rather than the process's total: other descriptors of
 * a test worker open and close at any moment, and comparing totals made tests flaky under load.
 */
import { readdirSync, readlinkSync } from 'node:fs';

/** True where /proc/self/fd exists, so the checks below mean something. */
export const canListDescriptors = (() => {
  try {
    readdirSync('/proc/self/fd');
    return true;
  } catch {
    return false;
  }
})();

/** The paths of the open descriptors that start with `prefix` (a file, or a directory with `/`). */
export function openFilesUnder(prefix: string): string[] {
  if (!canListDescriptors) return [];
  const open: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith(prefix)) open.push(target);
    } catch {
      // Closed between the listing and the look.
    }
  }
  return open;
}

/** How many descriptors are open on exactly `path`. */
export function handlesTo(path: string): number {
  return openFilesUnder(path).filter((target) => target === path).length;
}

/** `handlesTo(path)` once it equals `expected`, or after 1 s: closes the server does not await land late. */
export async function settledHandles(path: string, expected: number): Promise<number> {
  let count = handlesTo(path);
  for (let i = 0; i < 100 && count !== expected; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    count = handlesTo(path);
  }
  return count;
}
