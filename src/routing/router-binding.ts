/**
 * The adapters a `Router` binds, kept for the next request: binding checks the host and makes
 * three objects, about a tenth of a routed request in process, and most requests come for the host
 * the one before came for.
 * @module
 */
import type { Environ } from '../gateway.js';
import type { MapAdapter } from './adapter.js';
import type { EnvironBindOptions } from './bind-environ.js';
import type { ConverterTable, RuleMap } from './map.js';
import { methodBit, OTHER_METHOD } from './methods.js';
import type { AnyRule } from './rule.js';

type Adapter = MapAdapter<AnyRule, ConverterTable>;

/** The request fields bound adapters depend on (with the map and the method), and the adapters. */
interface LastBinding {
  readonly map: RuleMap<AnyRule, ConverterTable>;
  readonly host: string;
  readonly scheme: string;
  readonly script: string;
  /** By the index of the method's bit. */
  readonly adapters: Array<Adapter | undefined>;
}

/**
 * The map bound to a request. An adapter is used again for a request of the same host, scheme,
 * script name and method as the one it was bound for (the strings compared; the path and query go
 * to the match). Adapters are kept by method for the last host. A request without a Host header,
 * asking for an upgrade, or of a method outside the standard nine is bound afresh; only a binding
 * that succeeded is kept, so a bad host is refused every time.
 */
export class AdapterCache {
  #last: LastBinding | undefined;

  constructor(private readonly options: EnvironBindOptions) {}

  bind(map: RuleMap<AnyRule, ConverterTable>, environ: Environ): Adapter {
    const host = environ.HTTP_HOST;
    const bit = methodBit(environ.REQUEST_METHOD);
    if (host === undefined || host === '' || environ.HTTP_UPGRADE !== undefined || bit === OTHER_METHOD) {
      return map.bindToEnviron(environ, this.options);
    }
    const index = 31 - Math.clz32(bit);
    let last = this.#last;
    if (last === undefined || last.map !== map || last.host !== host || last.scheme !== environ['tsgi.url_scheme'] || last.script !== environ.SCRIPT_NAME) {
      last = undefined;
    } else {
      const adapter = last.adapters[index];
      if (adapter !== undefined) return adapter;
    }
    const adapter = map.bindToEnviron(environ, this.options);
    last ??= this.#last = { map, host, scheme: environ['tsgi.url_scheme'], script: environ.SCRIPT_NAME, adapters: [] };
    last.adapters[index] = adapter;
    return adapter;
  }
}
