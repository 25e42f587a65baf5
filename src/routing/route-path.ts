/**
 * A route path checked when a `Router` adds it, so that a mistake is an error at start-up and not
 * a 500 on the first request (the router compiles its map then): a malformed rule, an unknown
 * converter or bad converter arguments, and paths written in another router's syntax.
 *
 * `/users/:id` and `/static/*` (Express, Hono, find-my-way, koa-tree-router) and `/users/{id}`
 * (OpenAPI, FastAPI) are static text in a rule, so such a route would answer only the literal path
 * and 404 everything it was meant for. `RuleMap` and `Rule`, Werkzeug's layer, take any text as
 * Werkzeug does.
 * @module
 */
import { compilePattern } from './compile.js';
import type { ConverterTable, RuleMap } from './map.js';
import type { AnyRule } from './rule.js';

const COLON_PARAM = /(?<=\/):([A-Za-z_]\w*)(?=\/|$)/;
const BRACED_PARAM = /(?<=\/)\{([A-Za-z_]\w*)\}(?=\/|$)/;
const TRAILING_STAR = /\/\*{1,2}$/;

/**
 * What to write instead, when a route path holds another router's syntax; `undefined` otherwise.
 *
 * @example
 * ```ts
 * foreignSyntaxHint('/users/:id'); // '":id" is another router\'s syntax: write "<id>" (or "<int:id>" for a number)'
 * ```
 */
export function foreignSyntaxHint(path: string): string | undefined {
  const variable = COLON_PARAM.exec(path) ?? BRACED_PARAM.exec(path);
  if (variable !== null) {
    return `${JSON.stringify(variable[0])} is another router's syntax: write "<${variable[1]}>" (or "<int:${variable[1]}>" for a number)`;
  }
  if (TRAILING_STAR.test(path)) return 'a trailing "*" is another router\'s syntax: write "<path:rest>" for the rest of the path';
  return undefined;
}

/**
 * Throws what adding the path as a rule would throw later, with the route named. `converters` is
 * a map with the router's converters (built-in ones included); it makes each converter once.
 *
 * @example
 * ```ts
 * checkRoutePath('/todos/<integer:id>', new RuleMap()); // ReferenceError: route "/todos/<integer:id>": the converter "integer" does not exist (...)
 * ```
 */
export function checkRoutePath(path: string, converters: RuleMap<AnyRule, ConverterTable>): void {
  const route = `route ${JSON.stringify(path)}`;
  if (!path.startsWith('/')) throw new SyntaxError(`${route} must start with a slash`);
  const hint = foreignSyntaxHint(path);
  if (hint !== undefined) throw new SyntaxError(`${route}: ${hint}`);
  try {
    compilePattern(path, (name, args) => converters.converter(name, args));
  } catch (error) {
    if (error instanceof Error) error.message = `${route}: ${error.message}`;
    throw error;
  }
}
