/** The CORS preflight request headers, as Werkzeug's `access_control_request_*` properties. */
import { describe, expect, it } from 'vitest';
import { Request } from '../../src/request/request.js';
import { HeaderSet } from '../../src/http/header-set.js';

const preflight = (headers: Record<string, string>) => Request.blank('/api', { method: 'OPTIONS', headers });

describe('CORS preflight accessors', () => {
  it('accessControlRequestMethod: the method as sent, undefined when absent or not a token', () => {
    expect(preflight({ 'Access-Control-Request-Method': 'PUT' }).accessControlRequestMethod).toBe('PUT');
    expect(preflight({ 'Access-Control-Request-Method': ' patch ' }).accessControlRequestMethod).toBe('patch');
    expect(preflight({}).accessControlRequestMethod).toBeUndefined();
    expect(preflight({ 'Access-Control-Request-Method': '' }).accessControlRequestMethod).toBeUndefined();
    expect(preflight({ 'Access-Control-Request-Method': 'GET, POST' }).accessControlRequestMethod).toBeUndefined();
  });
  it('accessControlRequestHeaders: a case-insensitive HeaderSet, empty when absent', () => {
    const req = preflight({ 'Access-Control-Request-Headers': 'content-type,x-api-key,, X-API-KEY' });
    const set = req.accessControlRequestHeaders;
    expect(set).toBeInstanceOf(HeaderSet);
    expect(set.toArray()).toEqual(['content-type', 'x-api-key']);
    expect(set.has('Content-Type')).toBe(true);
    expect(req.accessControlRequestHeaders).toBe(set); // parsed once
    expect(preflight({}).accessControlRequestHeaders.size).toBe(0);
  });
  it('is empty when the header cannot be trusted (a bad name, more than 100 names)', () => {
    const many = Array.from({ length: 150 }, (_, i) => `x-h${i}`).join(', ');
    expect(preflight({ 'Access-Control-Request-Headers': many }).accessControlRequestHeaders.size).toBe(0);
    expect(preflight({ 'Access-Control-Request-Headers': 'x-a, bad name' }).accessControlRequestHeaders.size).toBe(0);
  });
});
