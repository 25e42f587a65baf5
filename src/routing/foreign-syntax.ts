/**
 * Route paths written in another router's syntax. `/users/:id` and `/static/*` (Express, Hono,
 * find-my-way, koa-tree-router) and `/users/{id}` (OpenAPI, FastAPI) are static text in a rule, so
 * such a route would answer only the literal path and 404 everything it was meant for. A `Router`
 * refuses them and says how the rule is written; `RuleMap` and `Rule`, Werkzeug's layer, take any
 * text as Werkzeug does.
 * @module
 */

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
