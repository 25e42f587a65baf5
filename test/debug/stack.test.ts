import { describe, expect, it } from 'vitest';
import { errorChain, MAX_CAUSES, parseFrames } from '../../src/debug/stack.js';

describe('errorChain', () => {
  it('lists the error and each cause, outermost first', () => {
    const chain = errorChain(new Error('outer', { cause: new TypeError('middle', { cause: new RangeError('inner') }) }));
    expect(chain.map((e) => [e.name, e.message])).toEqual([
      ['Error', 'outer'],
      ['TypeError', 'middle'],
      ['RangeError', 'inner'],
    ]);
    expect(chain[0].frames.length).toBeGreaterThan(0);
    expect(chain[0].frames[0].file).toContain('stack.test.ts');
  });

  it('shows a thrown non-Error by its type, and a cause that is not an Error', () => {
    expect(errorChain('plain string')).toEqual([{ name: 'thrown string', message: 'plain string', frames: [], unparsed: '' }]);
    expect(errorChain(new Error('x', { cause: 42 })).map((e) => e.name)).toEqual(['Error', 'thrown number']);
    expect(errorChain(null)[0].name).toBe('thrown null');
  });

  it('stops at a cycle and after MAX_CAUSES', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(errorChain(a).map((e) => e.message)).toEqual(['a', 'b']);
    let deep: Error = new Error('0');
    for (let i = 1; i < 30; i++) deep = new Error(String(i), { cause: deep });
    expect(errorChain(deep)).toHaveLength(MAX_CAUSES);
  });

  it('never takes lines of the message for frames', () => {
    const error = new Error('bad id\n    at /etc/passwd.js:1:1\n    at evil (/home/x/.env.js:1:1)');
    const files = errorChain(error)[0].frames.map((f) => f.file);
    expect(files.some((f) => f.includes('passwd') || f.includes('.env'))).toBe(false);
    expect(files[0]).toContain('stack.test.ts');
  });

  it('survives an error whose name or message cannot be turned into a string', () => {
    const error = new Error('x');
    Object.defineProperty(error, 'message', { get: () => ({ toString: () => { throw new Error('no'); } }) });
    expect(() => errorChain(error)).not.toThrow();
  });
});

describe('parseFrames', () => {
  it('reads V8 frames: named, anonymous, async, constructors, URLs, internals', () => {
    const frames = parseFrames(
      [
        '    at Site.handle (/srv/app/site.js:12:5)',
        '    at /srv/app/index.js:3:1',
        '    at async Promise.all (index 0)',
        '    at async file:///srv/app/main.mjs:7:9',
        '    at new Store (file:///srv/app/store.mjs:2:11)',
        '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      ].join('\n'),
    );
    expect(frames.map(({ fn, file, line, column }) => [fn, file, line, column])).toEqual([
      ['Site.handle', '/srv/app/site.js', 12, 5],
      ['', '/srv/app/index.js', 3, 1],
      ['async Promise.all', 'index 0', 0, 0],
      ['async', 'file:///srv/app/main.mjs', 7, 9],
      ['new Store', 'file:///srv/app/store.mjs', 2, 11],
      ['process.processTicksAndRejections', 'node:internal/process/task_queues', 95, 5],
    ]);
  });

  it('reads SpiderMonkey/JavaScriptCore frames', () => {
    const frames = parseFrames('handle@http://localhost/app.js:4:10\n@http://localhost/app.js:9:1\nnot a frame');
    expect(frames.map(({ fn, file, line }) => [fn, file, line])).toEqual([
      ['handle', 'http://localhost/app.js', 4],
      ['', 'http://localhost/app.js', 9],
    ]);
  });
});
