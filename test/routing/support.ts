/** Helpers shared by the routing tests. */
import { RequestRedirect } from 'tsgi/routing';

/** The URL a call redirects to (it must throw a `RequestRedirect`). */
export function redirectOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof RequestRedirect) return error.newUrl;
    throw error;
  }
  throw new Error('no redirect');
}
