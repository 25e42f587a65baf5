import { describe, expect, it } from 'vitest';
import { splitUrl } from '../../../src/adapters/fetch/environ.js';

// splitUrl's one-pass fast path must agree with what `new URL()` makes of the same URL, for the
// shape runtimes give and for the shapes it leaves to the general split.
const URLS = [
  'http://127.0.0.1:3000/hello',
  'https://example.com/',
  'https://example.com:8443/a/b?x=1&y=%20',
  'http://h/x?',
  'http://h/x?a?b',
  'http://h/x#f',
  'http://h/x?q#f',
  'http://[::1]:8080/x',
  'http://[::1]/x',
  'http://u:p@h/x',
  'http://h/x@y?z@w',
  'http://h?q',
  'http://h',
  'ws://h:81/x',
  'http://h/caf%C3%A9',
];

describe('splitUrl', () => {
  it.each(URLS)('splits %s as URL does', (href) => {
    const url = new URL(href);
    expect(splitUrl(href)).toEqual({
      scheme: url.protocol.slice(0, -1),
      host: url.host,
      hostname: url.hostname,
      port: url.port,
      path: url.pathname,
      query: url.search.slice(1),
    });
  });
});
