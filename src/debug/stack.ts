/**
 * An error as the development page shows it: its name, message and stack frames, then each
 * `cause` in turn. Stacks are parsed from the text engines write (V8's `at fn (file:1:2)`, which
 * Node, Deno, Bun and workerd use, and SpiderMonkey/JavaScriptCore's `fn@file:1:2`).
 * @module
 */

/** One frame of a stack. */
export interface StackFrame {
  /** The function, as the engine wrote it (`Site.handle`, `async run`, `new Foo`); `''` when anonymous. */
  fn: string;
  /** Where the code is: a path, a `file:` URL, `node:internal/...`, `native`; `''` when unknown. */
  file: string;
  /** 1-based line and column, 0 when the engine gave none. */
  line: number;
  column: number;
  /** The frame's line as the engine wrote it. */
  text: string;
}

/** One error of a chain. */
export interface ErrorSummary {
  name: string;
  message: string;
  frames: StackFrame[];
  /** The stack text after the first line, when it could not be parsed into frames. */
  unparsed: string;
}

/** Most errors of a `cause` chain shown; a longer chain (or a cycle) is cut there. */
export const MAX_CAUSES = 10;
/** Most frames shown per error. */
export const MAX_FRAMES = 50;

/**
 * The error and its causes, outermost first. Anything thrown that is not an `Error` is shown by
 * its type and `String()`.
 *
 * @example
 * ```ts
 * const chain = errorChain(new Error('outer', { cause: new TypeError('inner') }));
 * chain.map((e) => e.name); // ['Error', 'TypeError']
 * ```
 */
export function errorChain(error: unknown): ErrorSummary[] {
  const chain: ErrorSummary[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  for (;;) {
    chain.push(summarize(current));
    seen.add(current);
    if (!(current instanceof Error) || !('cause' in current)) break;
    const error = current;
    current = attempt(() => error.cause, undefined);
    if (seen.has(current) || chain.length >= MAX_CAUSES) break;
  }
  return chain;
}

/** `read()`, or `fallback` when it throws: an error's getters and `toString` are user code. */
function attempt<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

function safeString(value: unknown): string {
  return attempt(() => String(value), Object.prototype.toString.call(value));
}

function summarize(error: unknown): ErrorSummary {
  if (!(error instanceof Error)) {
    const type = error === null ? 'null' : typeof error;
    return { name: `thrown ${type}`, message: safeString(error), frames: [], unparsed: '' };
  }
  const name = attempt(() => safeString(error.name), 'Error');
  const message = attempt(() => safeString(error.message), '');
  const stack = attempt(() => (typeof error.stack === 'string' ? error.stack : ''), '');
  const body = stackBody(stack, name, message);
  const frames = parseFrames(body);
  return { name, message, frames, unparsed: frames.length === 0 ? body.trim() : '' };
}

/**
 * The stack without its first line(s), which repeat the name and message. The message is skipped
 * by its text, not by looking for frame-shaped lines, so a message that contains `at /etc/x:1:1`
 * cannot pose as a frame.
 */
function stackBody(stack: string, name: string, message: string): string {
  const header = message === '' ? name : `${name}: ${message}`;
  if (stack.startsWith(`${header}\n`)) return stack.slice(header.length + 1);
  if (stack === header) return '';
  // Firefox and Safari start with the frames; V8 wrote the header with other values (the name
  // or message changed after the stack was formatted): skip as many lines as the message has.
  if (/^\s*at /.test(stack) || /^[^\n]*@[^\n]*:\d+:\d+$/m.test(stack.split('\n', 1)[0])) return stack;
  const lines = stack.split('\n');
  return lines.slice(header.split('\n').length).join('\n');
}

const V8_FRAME = /^\s*at (?:(.*?) \((.*)\)|(.*))$/;
const GECKO_FRAME = /^(.*?)@(.*)$/;

/**
 * Parses stack lines into frames; lines of no known shape are left out.
 *
 * @example
 * ```ts
 * parseFrames('    at handle (/srv/app.js:3:9)')[0]; // { fn: 'handle', file: '/srv/app.js', line: 3, column: 9, ... }
 * ```
 */
export function parseFrames(body: string): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const text of body.split('\n')) {
    if (frames.length >= MAX_FRAMES) break;
    const v8 = V8_FRAME.exec(text);
    if (v8) {
      // `at async file:///x.js:1:2`: an awaiting frame without a function name.
      const bare = v8[3]?.startsWith('async ') ? ['async', v8[3].slice(6)] : undefined;
      frames.push(frame(bare?.[0] ?? v8[1] ?? '', bare?.[1] ?? v8[2] ?? v8[3] ?? '', text.trim()));
      continue;
    }
    const gecko = GECKO_FRAME.exec(text.trim());
    if (gecko && /:\d+(:\d+)?$/.test(gecko[2])) frames.push(frame(gecko[1], gecko[2], text.trim()));
  }
  return frames;
}

function frame(fn: string, location: string, text: string): StackFrame {
  const match = /^(.*?):(\d+)(?::(\d+))?$/.exec(location);
  if (!match) return { fn, file: location, line: 0, column: 0, text };
  return { fn, file: match[1], line: Number(match[2]), column: Number(match[3] ?? 0), text };
}
