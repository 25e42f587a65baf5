/**
 * Rule factories: groups of rules under a path prefix (`Submount`), a subdomain (`Subdomain`) or
 * an endpoint prefix (`EndpointPrefix`), and templates expanded with `$name` values
 * (`RuleTemplate`). Each gives copies of its rules, so one group can go into several maps.
 * @module
 */
import type { AnyRule, Rule, RuleContext, RuleFactory, RuleInput, RuleOptions, RulesOf } from './rule.js';

type StripSlash<S extends string> = S extends `${infer H}/` ? StripSlash<H> : S;

/**
 * A rule with its path under a prefix.
 *
 * @example
 * ```ts
 * type M = Mounted<Rule<'/entry/<slug>', 'show'>, '/blog'>; // Rule<'/blog/entry/<slug>', 'show'>
 * ```
 */
export type Mounted<R, Prefix extends string> =
  R extends Rule<infer P, infer E, infer D, infer Df> ? Rule<`${StripSlash<Prefix>}${P}`, E, D, Df> : never;

/**
 * A rule on a subdomain pattern.
 *
 * @example
 * ```ts
 * type S = OnSubdomain<Rule<'/', 'home'>, '<user>'>; // Rule<'/', 'home', '<user>'>
 * ```
 */
export type OnSubdomain<R, Sub extends string> = R extends Rule<infer P, infer E, infer _D, infer Df> ? Rule<P, E, Sub, Df> : never;

/**
 * A rule with its endpoint prefixed.
 *
 * @example
 * ```ts
 * type E = Prefixed<Rule<'/', 'index'>, 'blog.'>; // Rule<'/', 'blog.index'>
 * ```
 */
export type Prefixed<R, Prefix extends string> =
  R extends Rule<infer P, infer E, infer D, infer Df> ? Rule<P, E extends string ? `${Prefix}${E}` : E, D, Df> : never;

function* expand(rules: Iterable<RuleInput>, map: RuleContext): Generator<AnyRule> {
  for (const factory of rules) yield* (factory as RuleFactory).getRules(map);
}

/** A copy of `rule` (same class) with another path and some options changed. */
function remake(rule: AnyRule, path: string, changes: RuleOptions): AnyRule {
  const Class = rule.constructor as new (path: string, options: RuleOptions) => AnyRule;
  return new Class(path, { ...rule.options, ...changes });
}

/**
 * Rules under a path prefix (a trailing slash of the prefix is dropped).
 *
 * @example
 * ```ts
 * new RuleMap([new Submount('/blog', [new Rule('/', { endpoint: 'blog' }), new Rule('/<slug>', { endpoint: 'post' })])]);
 * ```
 */
export class Submount<Prefix extends string, I extends RuleInput> implements RuleFactory<Mounted<RulesOf<I>, Prefix>> {
  readonly path: string;
  constructor(path: Prefix, readonly rules: Iterable<I>) {
    this.path = path.replace(/\/+$/, '');
  }

  *getRules(map: RuleContext): Iterable<Mounted<RulesOf<I>, Prefix>> {
    for (const rule of expand(this.rules, map)) yield remake(rule, this.path + rule.path, {}) as Mounted<RulesOf<I>, Prefix>;
  }
}

/**
 * Rules on a subdomain (a pattern with variables, `'<user>'`, under subdomain matching).
 *
 * @example
 * ```ts
 * new Subdomain('<string(length=2):lang>', [new Rule('/', { endpoint: 'index' })]);
 * ```
 */
export class Subdomain<Sub extends string, I extends RuleInput> implements RuleFactory<OnSubdomain<RulesOf<I>, Sub>> {
  constructor(readonly subdomain: Sub, readonly rules: Iterable<I>) {}

  *getRules(map: RuleContext): Iterable<OnSubdomain<RulesOf<I>, Sub>> {
    for (const rule of expand(this.rules, map)) yield remake(rule, rule.path, { subdomain: this.subdomain }) as OnSubdomain<RulesOf<I>, Sub>;
  }
}

/**
 * Rules whose endpoints get a prefix (for a sub-application's names).
 *
 * @example
 * ```ts
 * new EndpointPrefix('blog.', [new Submount('/blog', [new Rule('/', { endpoint: 'index' })])]); // endpoint 'blog.index'
 * ```
 */
export class EndpointPrefix<Prefix extends string, I extends RuleInput> implements RuleFactory<Prefixed<RulesOf<I>, Prefix>> {
  constructor(readonly prefix: Prefix, readonly rules: Iterable<I>) {}

  *getRules(map: RuleContext): Iterable<Prefixed<RulesOf<I>, Prefix>> {
    for (const rule of expand(this.rules, map)) {
      const endpoint = rule.endpoint === undefined ? undefined : this.prefix + rule.endpoint;
      yield remake(rule, rule.path, { endpoint }) as Prefixed<RulesOf<I>, Prefix>;
    }
  }
}

/**
 * Rules with `$name` (or `${name}`) placeholders in paths, endpoints, subdomains, hosts, string
 * defaults and string `redirectTo`; `expand({ name: 'user' })` gives the filled-in rules. A
 * placeholder without a value is a `ReferenceError`; `$$` is a dollar sign.
 *
 * @example
 * ```ts
 * const resource = new RuleTemplate([new Rule('/$name/', { endpoint: '$name.list' }), new Rule('/$name/<int:id>', { endpoint: '$name.show' })]);
 * new RuleMap([resource.expand({ name: 'user' }), resource.expand({ name: 'page' })]);
 * ```
 */
export class RuleTemplate {
  readonly rules: readonly RuleInput[];
  constructor(rules: Iterable<RuleInput>) {
    this.rules = [...rules];
  }

  expand(context: Readonly<Record<string, string | number>>): RuleFactory<AnyRule> {
    const rules = this.rules;
    const fill = <T>(value: T): T => (typeof value === 'string' ? (substitute(value, context) as T) : value);
    return {
      *getRules(map: RuleContext) {
        for (const rule of expand(rules, map)) {
          const defaults = rule.defaults && Object.fromEntries(Object.entries(rule.defaults).map(([k, v]) => [k, fill(v)]));
          yield remake(rule, substitute(rule.path, context), {
            endpoint: fill(rule.endpoint),
            subdomain: fill(rule.subdomain),
            host: fill(rule.host),
            redirectTo: fill(rule.redirectTo),
            defaults,
          });
        }
      },
    };
  }
}

function substitute(text: string, context: Readonly<Record<string, string | number>>): string {
  return text.replace(/\$(?:(\$)|(\w+)|\{(\w+)\})/g, (match, dollar: string | undefined, plain?: string, braced?: string) => {
    if (dollar) return '$';
    const name = (plain ?? braced)!;
    if (!Object.hasOwn(context, name)) throw new ReferenceError(`no value for template placeholder ${match}`);
    return String(context[name]);
  });
}
