import { describe, expect, it } from 'vitest';
import {
  abort, BadRequest, exceptionFor, HTTPException, MethodNotAllowed, NotFound, RangeNotSatisfiable,
  RequestEntityTooLarge, ServiceUnavailable, TooManyRequests, Unauthorized,
} from '../src/errors.js';
import { rawEnviron } from './support/raw.js';

describe('HTTPException', () => {
  it('carries code, description and a message', () => {
    const error = new BadRequest('The page must be a number.');
    expect(error).toBeInstanceOf(HTTPException);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(400);
    expect(error.name).toBe('BadRequest');
    expect(error.description).toBe('The page must be a number.');
    expect(error.message).toBe('400 Bad Request: The page must be a number.');
    expect(new NotFound().description).toMatch(/not found/);
    expect(new NotFound().name).toBe('NotFound');
  });

  it('chooses the body format by Accept: HTML by default, JSON, or plain text', async () => {
    const html = new NotFound('No <b>user</b>.').getResponse();
    expect(html.statusCode).toBe(404);
    expect(html.mimetype).toBe('text/html');
    const page = await html.text();
    expect(page).toContain('<title>404 Not Found</title>');
    expect(page).toContain('No &lt;b&gt;user&lt;/b&gt;.');

    const json = new NotFound('gone').getResponse(rawEnviron({ HTTP_ACCEPT: 'application/json' }));
    expect(json.mimetype).toBe('application/json');
    expect(await json.json()).toEqual({ code: 404, name: 'Not Found', description: 'gone' });

    const text = new NotFound('gone').getResponse(rawEnviron({ HTTP_ACCEPT: 'text/plain' }));
    expect(await text.text()).toBe('404 Not Found\n\ngone\n');
    const browser = new NotFound().getResponse(rawEnviron({ HTTP_ACCEPT: 'text/html,application/xhtml+xml,*/*;q=0.8' }));
    expect(browser.mimetype).toBe('text/html');
    const curl = new NotFound().getResponse(rawEnviron({ HTTP_ACCEPT: '*/*' }));
    expect(curl.mimetype).toBe('text/html');
  });

  it('adds the headers each status needs', () => {
    expect(new Unauthorized(undefined, { wwwAuthenticate: 'Basic realm="x"' }).getResponse().headers.get('WWW-Authenticate')).toBe('Basic realm="x"');
    const both = new Unauthorized(undefined, { wwwAuthenticate: ['Basic realm="x"', 'Bearer'] }).getResponse();
    expect(both.headers.getAll('WWW-Authenticate')).toEqual(['Basic realm="x"', 'Bearer']);
    expect(new MethodNotAllowed(['GET', 'HEAD']).getResponse().headers.get('Allow')).toBe('GET, HEAD');
    expect(new RangeNotSatisfiable(undefined, { length: 10 }).getResponse().headers.get('Content-Range')).toBe('bytes */10');
    expect(new TooManyRequests(undefined, { retryAfter: 1.5 }).getResponse().headers.get('Retry-After')).toBe('2');
    const date = new Date(Date.UTC(2030, 0, 1));
    expect(new ServiceUnavailable(undefined, { retryAfter: date }).getResponse().headers.get('Retry-After')).toBe('Tue, 01 Jan 2030 00:00:00 GMT');
    expect(new BadRequest('x', { headers: { 'X-Why': 'y' } }).getResponse().headers.get('X-Why')).toBe('y');
  });

  it('abort throws the class for the code', () => {
    expect(() => abort(404)).toThrow(NotFound);
    expect(() => abort(413, 'too big')).toThrow(RequestEntityTooLarge);
    expect(() => abort(405)).toThrow(MethodNotAllowed);
    try {
      abort(599, 'custom');
    } catch (error) {
      expect(error).toBeInstanceOf(HTTPException);
      expect((error as HTTPException).code).toBe(599);
    }
    expect(exceptionFor(404)).toBe(NotFound);
    expect(exceptionFor(299)).toBeUndefined();
  });
});
