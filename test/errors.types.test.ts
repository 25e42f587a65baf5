// Issue 14, section 4: every exception a user can `throw new X()` is also a type: `let e: Conflict`
// compiles (it was TS2749 when the classes were consts made by a factory). The code below is
// type-checked with the project (`npm run typecheck`), and the compiler is also run on it here.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as errors from '../src/errors.js';
import {
  abort,
  Conflict,
  exceptionFor,
  HTTPException,
  NetworkAuthenticationRequired,
  NotFound,
  PaymentRequired,
  ProxyAuthenticationRequired,
} from '../src/errors.js';

describe('HTTP exceptions are types as well as values', () => {
  it('lets a user write let e: Conflict', () => {
    let e: Conflict = new Conflict();
    expect(e instanceof Conflict).toBe(true);
    try {
      abort(409);
    } catch (error) {
      expect(error).toBeInstanceOf(Conflict);
      if (error instanceof Conflict) e = error;
    }
    const narrowed: HTTPException = e;
    expect(narrowed.code).toBe(409);
    expect(e.name).toBe('Conflict');
    const missing: NotFound = new NotFound('No such user.');
    expect(missing.description).toBe('No such user.');
  });

  it('compiles the same code for every exported exception class', () => {
    const names = Object.entries(errors)
      .filter(([, value]) => typeof value === 'function' && value.prototype instanceof HTTPException)
      .map(([name]) => name);
    expect(names.length).toBeGreaterThan(30);
    const errorsPath = fileURLToPath(new URL('../src/errors.ts', import.meta.url));
    const source =
      `import { abort, ${names.join(', ')} } from ${JSON.stringify(errorsPath.replace(/\.ts$/, '.js'))};\n` +
      // The control: a value that is not a type must still be reported (TS2749), or this test proves nothing.
      'export const control: abort | undefined = undefined;\n' +
      names.map((name) => `export function is${name}(value: unknown): boolean { let e: ${name} | undefined; if (value instanceof ${name}) e = value; return e !== undefined; }\n`).join('');
    const file = fileURLToPath(new URL('./virtual-error-types.ts', import.meta.url));
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true, noEmit: true, skipLibCheck: true, types: ['node'], lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    };
    const host = ts.createCompilerHost(options);
    const readFile = host.readFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    host.readFile = (name) => (name === file ? source : readFile(name));
    host.fileExists = (name) => name === file || fileExists(name);
    host.getSourceFile = (name, language) => {
      const text = name === file ? source : readFile(name);
      return text === undefined ? undefined : ts.createSourceFile(name, text, language);
    };
    const program = ts.createProgram([file], options, host);
    const diagnostics = ts.getPreEmitDiagnostics(program, program.getSourceFile(file));
    expect(diagnostics.map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`)).toEqual([
      "TS2749: 'abort' refers to a value, but is being used as a type here. Did you mean 'typeof abort'?",
    ]);
    expect(readFileSync(errorsPath, 'utf8')).not.toMatch(/export const \w+ = simple\(/);
  });

  it('tells the classes apart by their literal code', () => {
    // @ts-expect-error a Conflict is not a NotFound, although both have the same members
    const wrong: NotFound = new Conflict();
    expect(wrong).not.toBeInstanceOf(NotFound);
    const code: 404 = new NotFound().code;
    expect(code).toBe(404);
  });
});

describe('402, 407 and 511 (WebOb has one class per status)', () => {
  it('each is a class abort() throws, with its phrase and a default description', () => {
    for (const [cls, code, phrase] of [
      [PaymentRequired, 402, 'Payment Required'],
      [ProxyAuthenticationRequired, 407, 'Proxy Authentication Required'],
      [NetworkAuthenticationRequired, 511, 'Network Authentication Required'],
    ] as const) {
      expect(exceptionFor(code)).toBe(cls);
      expect(() => abort(code)).toThrow(cls);
      const error = new cls();
      expect(error.code).toBe(code);
      expect(error.getResponse().status).toBe(`${code} ${phrase}`);
      expect(error.description).not.toBe(phrase);
    }
  });

  it('407 carries its Proxy-Authenticate challenges', () => {
    const error = new ProxyAuthenticationRequired(undefined, { proxyAuthenticate: ['Basic realm="proxy"', 'Bearer'] });
    expect(error.proxyAuthenticate).toEqual(['Basic realm="proxy"', 'Bearer']);
    expect(error.getResponse().headers.getAll('Proxy-Authenticate')).toEqual(['Basic realm="proxy"', 'Bearer']);
  });
});
