import { describe, expect, it } from 'vitest';
import { dispatcher } from '../../src/middleware/dispatcher.js';
import type { App, Environ } from '../../src/gateway.js';
import { rawEnviron, runRaw } from '../support/raw.js';

const enc = new TextEncoder();

/** An app that answers with its name and where it was mounted. */
function named(name: string): App {
  return (environ: Environ, start) => {
    start('200 OK', [['Content-Type', 'text/plain']]);
    return [enc.encode(`${name} ${JSON.stringify([environ.SCRIPT_NAME, environ.PATH_INFO])}`)];
  };
}

const site = dispatcher(named('root'), {
  '/api': named('api'),
  '/api/v2/': named('v2'),
  '/static': named('static'),
});

async function hit(path: string, scriptName = ''): Promise<string> {
  const res = await runRaw(site, rawEnviron({ PATH_INFO: path, SCRIPT_NAME: scriptName }));
  return `${res.status.slice(0, 3)} ${res.text}`;
}

describe('dispatcher', () => {
  it('matches the longest prefix on whole segments', async () => {
    expect(await hit('/api')).toBe('200 api ["/api",""]');
    expect(await hit('/api/')).toBe('200 api ["/api","/"]');
    expect(await hit('/api/users/1')).toBe('200 api ["/api","/users/1"]');
    expect(await hit('/api/v2/users')).toBe('200 v2 ["/api/v2","/users"]');
    expect(await hit('/api/v2')).toBe('200 v2 ["/api/v2",""]');
    expect(await hit('/api/v20')).toBe('200 api ["/api","/v20"]');
    expect(await hit('/apix')).toBe('200 root ["","/apix"]');
    expect(await hit('/')).toBe('200 root ["","/"]');
    expect(await hit('')).toBe('200 root ["",""]');
  });

  it('appends to an existing SCRIPT_NAME and leaves the caller environ alone', async () => {
    expect(await hit('/static/a.css', '/site')).toBe('200 static ["/site/static","/a.css"]');
    const environ = rawEnviron({ PATH_INFO: '/api/x' });
    await runRaw(site, environ);
    expect([environ.SCRIPT_NAME, environ.PATH_INFO]).toEqual(['', '/api/x']);
  });

  it('refuses . and .. segments, decoded or with backslashes, with 400', async () => {
    for (const path of ['/static/../api/x', '/static/./a', '/../etc/passwd', '/api/..', '/static\\..\\secret', '/a/../static']) {
      expect(await hit(path)).toMatch(/^400 /);
    }
    // Dots inside a segment are ordinary names.
    expect(await hit('/static/a..b/.well-known')).toBe('200 static ["/static","/a..b/.well-known"]');
  });

  it('matches case-sensitively and does not treat an empty segment as the prefix', async () => {
    expect(await hit('/API/x')).toBe('200 root ["","/API/x"]');
    expect(await hit('//api/x')).toBe('200 root ["","//api/x"]');
  });

  it('rejects unsafe mount prefixes when built', () => {
    for (const prefix of ['api', '/', '/a//b', '/a/../b', '/./a', '/a?b', '']) {
      expect(() => dispatcher(named('x'), { [prefix]: named('y') })).toThrow(TypeError);
    }
  });
});
