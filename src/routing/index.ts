/**
 * tsgi/routing: Werkzeug's URL routing, typed from the rule strings. `Rule`s in a `RuleMap`,
 * bound per request to a `MapAdapter` that matches paths (404, 405 with `Allow`, 308 redirects)
 * and builds URLs.
 *
 * @example
 * ```ts
 * import { Rule, RuleMap } from 'tsgi/routing';
 *
 * const map = new RuleMap([
 *   new Rule('/', { endpoint: 'index' }),
 *   new Rule('/todos/<int:id>', { endpoint: 'todo', methods: ['GET', 'PUT'] }),
 * ]);
 * const urls = map.bindToEnviron(environ);
 * const { endpoint, params } = urls.match(); // params.id is a number
 * urls.build('todo', { id: 3, page: 2 }); // '/todos/3?page=2'
 * ```
 * @module
 */
export { Rule, type AnyRule, type RuleOptions, type RuleFactory, type RuleContext, type RedirectTarget, type UrlBuilder, type RuleInput, type RulesOf } from './rule.js';
export { RuleMap, type RuleMapOptions, type ConverterTable } from './map.js';
export { MapAdapter, type BindOptions, type MatchOptions } from './adapter.js';
export { RouteMatch } from './route-match.js';
export { isWebsocketUpgrade, type EnvironBindOptions, type RequestLike } from './bind-environ.js';
export type { QueryArgs } from './redirects.js';
export { Submount, Subdomain, EndpointPrefix, RuleTemplate, type Mounted, type OnSubdomain, type Prefixed } from './factories.js';
export { RequestRedirect, WebsocketMismatch, BuildError, DuplicateRuleError, type RedirectCode, type BuildSuggestion } from './exceptions.js';
export { ValidationError, type Converter, type ConverterFactory, type ConverterSpec } from './converter.js';
export { parseConverterArgs, type ConverterArg, type ConverterArgs } from './converter-args.js';
export { DEFAULT_CONVERTERS } from './builtin-converters.js';
export { StringConverter, PathConverter, UUIDConverter, AnyConverter, type StringOptions } from './text-converters.js';
export { IntegerConverter, FloatConverter, type IntegerOptions, type FloatOptions } from './number-converters.js';
export { ROUTING_KEY, getRouting, setRouting, isRoutingInfo, type RoutingInfo } from './environ-routing.js';
export type { BuiltinConverterTypes, ConverterTypes, ConverterValue, PatternParams } from './types.js';
export type { RuleParams, EndpointOf, BuildValues, BuildArgs, BuildOptions, MatchResult } from './rule-types.js';
export { Router } from './router.js';
export { route, type RouteDecorator } from './route-decorator.js';
export type { RouteHandler, RouteOptions, RouteParams, RouterOptions, MountOptions } from './router-types.js';
export type { UrlForOptions } from '../request/url-for.js';
