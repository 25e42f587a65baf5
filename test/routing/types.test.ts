/**
 * Types read from rule strings: params typed by converter, `match` narrowed by endpoint, `build`
 * checked against the endpoint's variables. This file is type-checked with the project
 * (`npx tsc -p tsconfig.json --noEmit`): each `@ts-expect-error` is an error tsc must report.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  EndpointPrefix, Rule, RuleMap, Subdomain, Submount,
  type BuildValues, type Converter, type EndpointOf, type PatternParams, type RuleParams,
} from 'tsgi/routing';

describe('params typed from the path', () => {
  it('by converter', () => {
    expectTypeOf<PatternParams<'/users/<int:id>/<any(a,b):tab>'>>().toEqualTypeOf<{ id: number; tab: 'a' | 'b' }>();
    expectTypeOf<PatternParams<'/u/<name>/<path:rest>'>>().toEqualTypeOf<{ name: string; rest: string }>();
    expectTypeOf<PatternParams<'/v<int:major>.<int(min=1):minor>'>>().toEqualTypeOf<{ major: number; minor: number }>();
    expectTypeOf<PatternParams<'/p/<float(signed=True):x>/<uuid:u>/<string(length=2):s>'>>().toEqualTypeOf<{ x: number; u: string; s: string }>();
    expectTypeOf<PatternParams<'/<any(about, help, "foo,bar", \'x y\'):page>'>>().toEqualTypeOf<{ page: 'about' | 'help' | 'foo,bar' | 'x y' }>();
    expectTypeOf<PatternParams<'/static'>>().toEqualTypeOf<{}>();
    expectTypeOf<PatternParams<string>>().toEqualTypeOf<Record<string, unknown>>();
  });

  it('of a rule, with its host or subdomain variables and defaults', () => {
    const rule = new Rule('/users/<int:id>/<any(a,b):tab>', { endpoint: 'user' });
    expectTypeOf<RuleParams<typeof rule>>().toEqualTypeOf<{ id: number; tab: 'a' | 'b' }>();
    const sub = new Rule('/', { endpoint: 'home', subdomain: '<user>', defaults: { page: 1 } });
    expectTypeOf<RuleParams<typeof sub>>().toEqualTypeOf<{ user: string; page: number }>();
    expectTypeOf(rule.endpoint).toEqualTypeOf<'user'>();
    expectTypeOf(new Rule('/x').endpoint).toEqualTypeOf<undefined>();
  });

  it('of custom converters, from their toValue', () => {
    const bool = { regex: 'yes|no', toValue: (raw: string) => raw === 'yes', toUrl: (value: boolean) => (value ? 'yes' : 'no') };
    const hex = (): Converter<number> => ({ regex: '[0-9a-f]+', toValue: (raw) => parseInt(raw, 16) });
    const plain: Converter = { regex: '[a-z]+' };
    const map = new RuleMap([new Rule('/v/<bool:up>/<hex:n>/<plain:p>', { endpoint: 'vote' })], { converters: { bool, hex, plain } });
    const m = map.bind('x').match('/v/yes/ff/a');
    expectTypeOf(m.params).toEqualTypeOf<{ up: boolean; n: number; p: string }>();
    expect(m.params).toEqual({ up: true, n: 255, p: 'a' });
  });
});

describe('match and build over a map', () => {
  const map = new RuleMap([
    new Rule('/', { endpoint: 'index' }),
    new Rule('/todos/<int:id>', { endpoint: 'todo', methods: ['GET', 'PUT'] }),
    new Rule('/files/<path:name>', { endpoint: 'file' }),
    new Rule('/users/', { endpoint: 'users', defaults: { page: 1 } }),
    new Rule('/users/page/<int:page>', { endpoint: 'users' }),
    new Submount('/blog', [new Rule('/<slug>', { endpoint: 'post' })]),
    new EndpointPrefix('api.', [new Rule('/api/<int:v>/ping', { endpoint: 'ping' })]),
    new Subdomain('<lang>', [new Rule('/about', { endpoint: 'about' })]),
  ]);
  const urls = map.bind('example.org');

  it('narrows params by endpoint', () => {
    const m = urls.match('/todos/3');
    if (m.endpoint === 'todo') expectTypeOf(m.params).toEqualTypeOf<{ id: number }>();
    if (m.endpoint === 'users') expectTypeOf(m.params).toEqualTypeOf<{ page: number }>();
    if (m.endpoint === 'post') expectTypeOf(m.params).toEqualTypeOf<{ slug: string }>();
    if (m.endpoint === 'about') expectTypeOf(m.params).toEqualTypeOf<{ lang: string }>();
    expectTypeOf(m.endpoint).toEqualTypeOf<'index' | 'todo' | 'file' | 'users' | 'post' | 'api.ping' | 'about'>();
    expect(m).toMatchObject({ endpoint: 'todo', params: { id: 3 } });
  });

  it('knows the endpoints and their values', () => {
    expectTypeOf<EndpointOf<(typeof map.rules)[number]>>().toEqualTypeOf<'index' | 'todo' | 'file' | 'users' | 'post' | 'api.ping' | 'about'>();
    type Todo = BuildValues<(typeof map.rules)[number], 'todo'>;
    expectTypeOf<{ id: number; page: number }>().toMatchTypeOf<Todo>();
    expect(urls.build('todo', { id: 3, page: 2 })).toBe('/todos/3?page=2');
    expect(urls.build('users')).toBe('/users/');
    expect(urls.build('blog' === 'blog' ? 'post' : 'post', { slug: 'hello' })).toBe('/blog/hello');
    expect(urls.build('api.ping', { v: 1 })).toBe('/api/1/ping');
    expect(urls.build('about', { lang: 'en' })).toBe('http://en.example.org/about');
    expect(urls.build('file', { name: 42 })).toBe('/files/42'); // numbers build string variables
  });

  it('refuses wrong endpoints and values', () => {
    // @ts-expect-error an unknown endpoint
    expect(() => urls.build('todos', { id: 1 })).toThrow(/Did you mean 'todo'/);
    // @ts-expect-error id must be a number
    expect(() => urls.build('todo', { id: 'x' })).toThrow(/Could not build/);
    // @ts-expect-error id is missing
    expect(() => urls.build('todo', {})).toThrow(/forget to specify values \['id'\]/);
    // @ts-expect-error values are required
    expect(() => urls.build('todo')).toThrow();
    // @ts-expect-error 'c' is not one of the any(...) values
    expect(() => new RuleMap([new Rule('/<any(a, b):x>', { endpoint: 'x' })]).bind('x').build('x', { x: 'c' })).toThrow();
  });

  it('grows with add()', () => {
    const grown = new RuleMap([new Rule('/', { endpoint: 'index' })]).add(new Rule('/n/<int:n>', { endpoint: 'n' }));
    const m = grown.bind('x').match('/n/1');
    if (m.endpoint === 'n') expectTypeOf(m.params).toEqualTypeOf<{ n: number }>();
    expect(grown.bind('x').build('n', { n: 2 })).toBe('/n/2');
  });
});
