/**
 * A `Router`'s routes and mounts flattened into one `RuleMap` and the App of each rule, made on
 * the first request after a change.
 * @module
 */
import type { App, Body, Environ, StartResponse } from '../gateway.js';
import type { ConverterTable } from './map.js';
import { RuleMap } from './map.js';
import type { AnyRule } from './rule.js';
import { Rule } from './rule.js';
import { shiftedApp } from './router-mount.js';
import type { MountOptions, RouteOptions, RouterOptions } from './router-types.js';

/** How an App of the router's is called. */
export type Served = (environ: Environ, startResponse: StartResponse) => Body | Promise<Body>;

/** A route as added, with the App that runs its handler (made once). */
export interface RouteEntry {
  readonly kind: 'route';
  readonly path: string;
  readonly options: RouteOptions;
  readonly app: Served;
}

/** A router or App mounted under a prefix. */
export interface MountEntry<Mounted> {
  readonly kind: 'mount';
  readonly prefix: string;
  readonly target: Mounted | App;
  readonly options: MountOptions;
}

/** What a router gives compiling: its entries and the converters it defines. */
export interface RouteSource {
  readonly entries: ReadonlyArray<RouteEntry | MountEntry<RouteSource>>;
  readonly converters: ConverterTable | undefined;
}

/** The map and the App of each rule. */
export interface CompiledRoutes {
  readonly map: RuleMap<AnyRule, ConverterTable>;
  readonly apps: Map<AnyRule, Served>;
}

const MAX_DEPTH = 32;

/** Flattens a router (mounted routers included; `isRouter` tells them from Apps) into a map. */
export function compileRoutes(
  router: RouteSource,
  options: Pick<RouterOptions, 'strictSlashes' | 'mergeSlashes' | 'converters'>,
  isRouter: (target: unknown) => target is RouteSource,
): CompiledRoutes {
  const map = new RuleMap<AnyRule, ConverterTable>([], {
    strictSlashes: options.strictSlashes,
    mergeSlashes: options.mergeSlashes,
    converters: options.converters,
  });
  const apps = new Map<AnyRule, Served>();
  const rules: AnyRule[] = [];
  collect(router, '', map, rules, apps, Object.create(null) as Record<string, unknown>, 0, isRouter);
  // Rules of one path are tried in the order added: a route that names HEAD goes before the GET
  // routes, which take HEAD too (the sort is stable, so the order is otherwise kept).
  const namesHead = (rule: AnyRule): number => (rule.options.methods?.some((m) => m.toUpperCase() === 'HEAD') ? 0 : 1);
  for (const rule of rules.sort((a, b) => namesHead(a) - namesHead(b))) map.add(rule);
  return { map, apps };
}

// Adds a router's routes under `prefix`, mounted routers included, each mounted router's
// converters merged in (one name, one converter).
function collect(
  router: RouteSource,
  prefix: string,
  map: RuleMap<AnyRule, ConverterTable>,
  rules: AnyRule[],
  apps: Map<AnyRule, Served>,
  seen: Record<string, unknown>,
  depth: number,
  isRouter: (target: unknown) => target is RouteSource,
): void {
  if (depth > MAX_DEPTH) throw new RangeError('router.mount: routers mounted in a cycle (or deeper than 32)');
  for (const [name, spec] of Object.entries(router.converters ?? {})) {
    if (seen[name] !== undefined && seen[name] !== spec) throw new TypeError(`router.mount: two mounted routers define the converter ${JSON.stringify(name)} differently`);
    seen[name] = spec;
    map.converters[name] = spec;
  }
  for (const entry of router.entries) {
    if (entry.kind === 'route') {
      const path = prefix + entry.path;
      const { name, ...options } = entry.options;
      const rule = new Rule(path, { ...options, endpoint: name ?? path });
      rules.push(rule);
      apps.set(rule, entry.app);
    } else if (isRouter(entry.target)) {
      collect(entry.target, prefix + entry.prefix, map, rules, apps, seen, depth + 1, isRouter);
    } else {
      const at = prefix + entry.prefix;
      const app = shiftedApp(at, entry.target);
      const paths = at === '' ? ['/', '/<path:path>'] : [at, `${at}/`, `${at}/<path:path>`];
      for (const path of paths) {
        const rule = new Rule(path, { endpoint: entry.options.name });
        rules.push(rule);
        apps.set(rule, app);
      }
    }
  }
}
