/**
 * The redirects a match can end in, after the rule is found: an alias or a URL reachable through
 * a rule with defaults goes to the canonical rule, a `redirectTo` rule to its target. Each is a
 * `RequestRedirect` (308) to an absolute URL that keeps the query string.
 * @module
 */
import { quoteUrlPath } from '../http/url.js';
import { MultiDict } from '../datastructures/multidict.js';
import { BadRequest } from '../errors.js';
import { ValidationError } from './converter.js';
import { BuildError, RequestRedirect, withoutStack } from './exceptions.js';
import type { AnyRule, UrlBuilder } from './rule.js';
import { suitableFor } from './rule-build.js';

/**
 * A query string, or values to encode as one (keys repeat for arrays and `MultiDict`s).
 *
 * @example
 * ```ts
 * urls.match('/docs', 'GET', { queryArgs: { page: 2 } }); // a redirect keeps ?page=2
 * ```
 */
export type QueryArgs = string | Readonly<Record<string, unknown>> | MultiDict<unknown>;

/** What the redirects read from the bound map. */
export interface RedirectContext {
  readonly urlScheme: string;
  readonly serverName: string;
  readonly subdomain: string;
  readonly scriptName: string;
  readonly queryArgs: QueryArgs | undefined;
  readonly redirectDefaults: boolean;
  getHost(domainPart?: string): string;
  encodeQuery(pairs: Array<[string, string]>): string;
}

/** `query` as a query string (without `?`). */
export function encodeQueryArgs(context: RedirectContext, query: QueryArgs | undefined): string {
  if (query === undefined || typeof query === 'string') return query ?? '';
  const pairs: Array<[string, string]> = [];
  const entries = query instanceof MultiDict ? [...(query as MultiDict<unknown>)] : Object.entries(query);
  for (const [key, value] of entries) {
    for (const item of Array.isArray(value) ? value : [value]) if (item !== null && item !== undefined) pairs.push([key, String(item)]);
  }
  return context.encodeQuery(pairs);
}

/** The absolute URL of an (already quoted) path under the script root, with the query. */
export function redirectUrl(context: RedirectContext, path: string, query: QueryArgs | undefined, domainPart?: string): string {
  const script = context.scriptName.replace(/^\/+|\/+$/g, '');
  const queryString = encodeQueryArgs(context, query ?? context.queryArgs);
  const full = `${script ? `/${script}` : ''}/${path.replace(/^\/+/, '')}`;
  return `${context.urlScheme || 'http'}://${context.getHost(domainPart)}${full}${queryString ? `?${queryString}` : ''}`;
}

/** The redirect to decoded `path` (a slash added, slashes merged). */
export function pathRedirect(context: RedirectContext, path: string, query: QueryArgs | undefined): RequestRedirect {
  return redirectTo(redirectUrl(context, quoteUrlPath(path), query));
}

/** The redirect a matched rule asks for, if any: alias, then defaults, then `redirectTo`. */
export function checkRedirects(
  context: RedirectContext,
  urls: UrlBuilder,
  rule: AnyRule,
  params: Record<string, unknown>,
  method: string,
  query: QueryArgs | undefined,
): RequestRedirect | BadRequest | undefined {
  const queryArgs = query ?? context.queryArgs;
  if (rule.alias && context.redirectDefaults) {
    let url: string;
    try {
      url = urls.build(rule.endpoint!, params, { method, appendUnknown: false, external: true });
    } catch (error) {
      if (error instanceof BuildError && error.refused !== undefined) return unredirectable(error.refused.name);
      throw error;
    }
    const queryString = encodeQueryArgs(context, queryArgs);
    return redirectTo(queryString ? `${url}?${queryString}` : url);
  }
  if (context.redirectDefaults) {
    for (const canonical of rule.compiled!.providers) {
      if (!suitableFor(canonical, params, method)) continue;
      const values = { ...params, ...canonical.defaults };
      const builder = canonical.compiled!.builder;
      const domain = builder.domain(values);
      const path = builder.path(values, true);
      if (domain !== undefined && path !== undefined) return redirectTo(redirectUrl(context, path, queryArgs, domain));
    }
  }
  const target = rule.redirectTo;
  if (target === undefined) return undefined;
  let url: string;
  if (typeof target === 'string') {
    let refused: string | undefined;
    url = target.replace(/<([^>]+)>/g, (_, name: string) => {
      const converter = rule.compiled!.converters.get(name);
      try {
        return quoteUrlPath(converter ? converter.toUrl(params[name]) : String(params[name]));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        refused ??= name;
        return '';
      }
    });
    if (refused !== undefined) return unredirectable(refused);
  } else {
    url = target(urls, params);
  }
  const host = context.subdomain ? `${context.subdomain}.${context.serverName}` : context.serverName;
  return redirectTo(new URL(url, `${context.urlScheme || 'http'}://${host}${context.scriptName}`).href);
}

// A value the request's path gave (a raw "." or ".." segment: clients resolve them before sending)
// that the redirect's target cannot be built with: the request is refused, not answered with 500.
function unredirectable(name: string): BadRequest {
  return withoutStack(() => new BadRequest(`The path cannot be redirected: its value for ${JSON.stringify(name)} cannot be written in a URL (a "." or ".." segment?).`));
}

function redirectTo(url: string): RequestRedirect {
  return withoutStack(() => new RequestRedirect(url));
}
