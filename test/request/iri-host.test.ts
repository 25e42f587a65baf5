/**
 * A URL with a Unicode host (an IRI) reaches the app as a browser would send it: the host in its
 * IDNA form, the port kept.
 */
import { describe, expect, it } from 'vitest';
import { createEnviron } from '../../src/request/create-environ.js';
import { Request } from '../../src/request/request.js';
import { Response } from '../../src/response/response.js';
import { Client } from '../../src/adapters/test/client.js';

describe('IRI hosts', () => {
  it('createEnviron converts the host to IDNA and keeps the port', () => {
    const environ = createEnviron('http://☃.net/');
    expect(environ.HTTP_HOST).toBe('xn--n3h.net');
    expect(environ.SERVER_NAME).toBe('xn--n3h.net');
    const withPort = createEnviron('https://BÜCHER.example:8443/a?b=1');
    expect(withPort.HTTP_HOST).toBe('xn--bcher-kva.example:8443');
    expect(withPort.SERVER_NAME).toBe('xn--bcher-kva.example');
    expect(withPort.SERVER_PORT).toBe('8443');
    expect(createEnviron('http://%E2%98%83.net/').HTTP_HOST).toBe('xn--n3h.net');
    expect(createEnviron(new URL('http://☃.net:81/')).HTTP_HOST).toBe('xn--n3h.net:81');
  });
  it('leaves ASCII hosts and IPv6 literals as they were', () => {
    expect(createEnviron('http://Example.COM:8080/').HTTP_HOST).toBe('example.com:8080');
    expect(createEnviron('http://[::1]:8080/').SERVER_NAME).toBe('::1');
  });
  it('refuses a host WHATWG URL refuses, with a TypeError', () => {
    expect(() => createEnviron('http://a%00b.net/')).toThrow(TypeError);
  });
  it('Request.blank: req.host and req.url work', () => {
    const req = Request.blank('http://☃.net:8000/snow');
    expect(req.host).toBe('xn--n3h.net:8000');
    expect(req.url).toBe('http://xn--n3h.net:8000/snow');
  });
  it('the test client sends the IDNA host', async () => {
    const app = Request.application((req) => new Response(req.host));
    const res = await new Client(app).get('http://☃.net/');
    expect(res.statusCode).toBe(200);
    expect(await res.text()).toBe('xn--n3h.net');
  });
});
