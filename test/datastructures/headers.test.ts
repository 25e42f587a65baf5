import { describe, expect, it } from 'vitest';
import { EnvironHeaders, Headers, assertHeader } from '../../src/datastructures/headers.js';
import type { Environ } from '../../src/gateway.js';
import { emptyInput, consoleErrors } from '../../src/gateway.js';

describe('Headers', () => {
  it('is case-insensitive, keeps order and repeats', () => {
    const headers = new Headers([['Set-Cookie', 'a=1'], ['Content-Type', 'text/plain'], ['set-cookie', 'b=2']]);
    expect(headers.get('content-type')).toBe('text/plain');
    expect(headers.getAll('SET-COOKIE')).toEqual(['a=1', 'b=2']);
    expect(headers.toList()).toEqual([['Set-Cookie', 'a=1'], ['Content-Type', 'text/plain'], ['set-cookie', 'b=2']]);
    expect(headers.has('X-Missing')).toBe(false);
  });

  it('set replaces every line at the position of the first', () => {
    const headers = new Headers({ 'X-A': ['1', '2'], 'X-B': '3' });
    headers.set('x-a', '9');
    expect(headers.toList()).toEqual([['x-a', '9'], ['X-B', '3']]);
    headers.delete('X-B');
    expect(headers.toList()).toEqual([['x-a', '9']]);
    expect(headers.setDefault('X-A', 'no')).toBe('9');
    headers.setOrDelete('X-A', undefined);
    expect(headers.size).toBe(0);
  });

  it.each([
    ['X-Evil', 'a\r\nSet-Cookie: x=1'],
    ['X-Evil', 'a\nb'],
    ['X-Evil', 'a\0b'],
    ['X-Ev\nil', 'a'],
    ['X Evil', 'a'],
    ['', 'a'],
  ])('rejects %j: %j', (name, value) => {
    expect(() => new Headers([[name, value]])).toThrow(TypeError);
    expect(() => new Headers().set(name, value)).toThrow(TypeError);
    expect(() => assertHeader(name, value)).toThrow(TypeError);
  });

  it('prints a header block', () => {
    expect(String(new Headers({ A: '1', B: '2' }))).toBe('A: 1\r\nB: 2\r\n');
  });
});

describe('EnvironHeaders', () => {
  const environ = {
    REQUEST_METHOD: 'GET', SCRIPT_NAME: '', PATH_INFO: '/', QUERY_STRING: '', SERVER_NAME: 'localhost',
    SERVER_PORT: '80', SERVER_PROTOCOL: 'HTTP/1.1', 'tsgi.version': [1, 0], 'tsgi.url_scheme': 'http',
    'tsgi.input': emptyInput(), 'tsgi.errors': consoleErrors,
    CONTENT_TYPE: 'application/json', CONTENT_LENGTH: '2', HTTP_ACCEPT_LANGUAGE: 'en', HTTP_X_REQUEST_ID: '7',
  } as Environ;

  it('reads headers from the environ by name', () => {
    const headers = new EnvironHeaders(environ);
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('Accept-Language')).toBe('en');
    expect(headers.getAll('x-request-id')).toEqual(['7']);
    expect(headers.has('Cookie')).toBe(false);
    expect([...headers]).toEqual([
      ['Content-Type', 'application/json'], ['Content-Length', '2'], ['Accept-Language', 'en'], ['X-Request-Id', '7'],
    ]);
    expect(headers.toObject()['accept-language']).toBe('en');
  });

  it('is read-only', () => {
    const headers = new EnvironHeaders(environ) as unknown as Record<string, unknown>;
    expect(headers.set).toBeUndefined();
    expect(headers.append).toBeUndefined();
  });
});
