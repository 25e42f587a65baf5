/**
 * `redirect()` never sends a javascript:, data: or vbscript: URL, neither as Location nor as the
 * link in its HTML body, however a browser would still read the scheme.
 */
import { describe, expect, it } from 'vitest';
import { redirect, safeLocation } from '../../src/response/redirect.js';

const refused = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  '\u0000\u0001\u001f javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\r\njavascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD4=',
  'vbscript:msgbox(1)',
  ' VBScript:msgbox(1)',
];

describe('redirect refuses script-running schemes', () => {
  it.each(refused)('redirect(%j) is a TypeError', (location) => {
    expect(() => redirect(location)).toThrow(TypeError);
    expect(() => redirect(location)).toThrow(/refusing to redirect to a (javascript|data|vbscript): URL/);
    expect(() => safeLocation(location)).toThrow(TypeError);
  });
  it.each([
    '/javascript:alert(1)',
    './javascript:x',
    'https://example.com/?next=javascript:alert(1)',
    'javascript-docs/intro',
    'datasets:x', // not data:
    'mailto:a@example.com',
  ])('allows %j', async (location) => {
    const res = redirect(location);
    expect(res.statusCode).toBe(302);
    expect(res.headers.get('Location')).toBe(location);
  });
});
