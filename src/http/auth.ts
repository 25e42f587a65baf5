/**
 * `Authorization` and `WWW-Authenticate` (RFC 9110 section 11): Basic, Bearer, Digest and any
 * other scheme's parameters.
 * @module
 */
import { isToken, parseDictHeader, quoteHeaderValue, splitList } from './grammar.js';

const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

/** Longer credentials are refused: no scheme needs them and it bounds the work. */
const MAX_CREDENTIALS = 16 * 1024;

/** Splits `Scheme rest` into a lowercase scheme and the rest; undefined when the scheme is not a token. */
function splitScheme(value: string): [string, string] | undefined {
  const text = value.trim();
  const space = text.search(/[ \t]/);
  const scheme = space === -1 ? text : text.slice(0, space);
  if (!isToken(scheme)) return undefined;
  return [scheme.toLowerCase(), space === -1 ? '' : text.slice(space + 1).trim()];
}

/** The credentials part: a token68, or auth-params (`key=value, ...`). */
function readCredentials(rest: string): { token?: string; parameters: Record<string, string> } {
  const parameters: Record<string, string> = Object.create(null);
  if (rest === '') return { parameters };
  if (TOKEN68.test(rest)) return { token: rest, parameters };
  const dict = parseDictHeader(rest);
  for (const key in dict) {
    const value = dict[key];
    if (value !== null) parameters[key.toLowerCase()] = value;
  }
  return { parameters };
}

/**
 * Decodes base64 strictly (padding optional, no stray characters) to bytes; undefined when invalid.
 */
function decodeBase64(text: string): Uint8Array | undefined {
  if (!BASE64.test(text)) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function encodeBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * A parsed `Authorization` header. `type` is the lowercase scheme; Basic credentials are in
 * `username`/`password`, a Bearer (or other token68) credential in `token`, Digest and other
 * parameter-style credentials in `parameters` (Digest's `username` also shows as `username`).
 *
 * @example
 * ```ts
 * const auth = parseAuthorization('Basic dXNlcjpwYXNz')!;
 * auth.type;     // 'basic'
 * auth.username; // 'user'
 * auth.password; // 'pass'
 * parseAuthorization('Bearer abc.def')?.token; // 'abc.def'
 * ```
 */
export class Authorization {
  constructor(
    /** The scheme, lowercase. */
    readonly type: string,
    /** Auth parameters (Basic: `username` and `password`). */
    readonly parameters: Readonly<Record<string, string>> = Object.create(null),
    /** The token68 credential (Bearer and other token schemes). */
    readonly token?: string,
  ) {}

  /** Builds Basic credentials; both parts are sent as UTF-8. */
  static basic(username: string, password: string): Authorization {
    if (username.includes(':')) throw new TypeError('a Basic username cannot contain ":"');
    return new Authorization('basic', Object.assign(Object.create(null), { username, password }));
  }

  /** Builds Bearer credentials. */
  static bearer(token: string): Authorization {
    if (!TOKEN68.test(token)) throw new TypeError('a Bearer token must be a token68');
    return new Authorization('bearer', Object.create(null), token);
  }

  /** The user name (Basic, Digest), if any. */
  get username(): string | undefined {
    return this.parameters.username;
  }

  /** The password (Basic), if any. */
  get password(): string | undefined {
    return this.parameters.password;
  }

  /**
   * The header value again.
   *
   * @example
   * ```ts
   * String(Authorization.basic('user', 'pass')); // 'Basic dXNlcjpwYXNz'
   * ```
   */
  toString(): string {
    const scheme = this.type === 'basic' ? 'Basic' : this.type === 'bearer' ? 'Bearer' : this.type === 'digest' ? 'Digest' : this.type;
    if (this.type === 'basic') return `Basic ${encodeBase64(`${this.username ?? ''}:${this.password ?? ''}`)}`;
    if (this.token !== undefined) return `${scheme} ${this.token}`;
    return `${scheme} ${formatParameters(this.parameters)}`;
  }
}

function formatParameters(parameters: Readonly<Record<string, string>>): string {
  return Object.keys(parameters)
    .map((key) => `${key}=${quoteHeaderValue(parameters[key])}`)
    .join(', ');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses an `Authorization` header; `null` when it is absent or malformed. Basic credentials must
 * be valid base64 of valid UTF-8 holding a colon; anything else gives `null` (then answer 401),
 * never an exception.
 *
 * @example
 * ```ts
 * parseAuthorization('Basic !!!');                                // null
 * parseAuthorization('Digest username="Mufasa", realm="x"')?.username; // 'Mufasa'
 * ```
 */
export function parseAuthorization(header: string | null | undefined): Authorization | null {
  if (!header || header.length > MAX_CREDENTIALS) return null;
  const split = splitScheme(header);
  if (!split) return null;
  const [scheme, rest] = split;
  if (scheme === 'basic') {
    const bytes = decodeBase64(rest);
    if (!bytes) return null;
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return null;
    }
    const colon = text.indexOf(':');
    if (colon === -1) return null;
    return Authorization.basic(text.slice(0, colon), text.slice(colon + 1));
  }
  const { token, parameters } = readCredentials(rest);
  if (scheme === 'bearer' && token === undefined) return null;
  if (token === undefined && rest !== '' && Object.keys(parameters).length === 0) return null;
  return new Authorization(scheme, parameters, token);
}

/**
 * One challenge of a `WWW-Authenticate` header. `realm` reads and writes the `realm` parameter.
 *
 * @example
 * ```ts
 * const challenge = basicChallenge('admin area');
 * String(challenge); // 'Basic realm="admin area", charset="UTF-8"'
 * ```
 */
export class WWWAuthenticate {
  /** The parameters; values are quoted on output. */
  readonly parameters: Record<string, string>;

  constructor(
    /** The scheme as it is written (`Basic`, `Bearer`...). */
    public type: string,
    parameters: Record<string, string> = {},
    /** A token68 challenge instead of parameters (rare). */
    public token?: string,
  ) {
    if (!isToken(type)) throw new TypeError(`invalid auth scheme: ${JSON.stringify(type)}`);
    this.parameters = Object.assign(Object.create(null), parameters);
  }

  /** The protection space, if any. */
  get realm(): string | undefined {
    return this.parameters.realm;
  }

  set realm(value: string | undefined) {
    if (value === undefined) delete this.parameters.realm;
    else this.parameters.realm = value;
  }

  /** The header value; parameter values are always quoted. */
  toString(): string {
    if (this.token !== undefined) return `${this.type} ${this.token}`;
    const keys = Object.keys(this.parameters);
    if (keys.length === 0) return this.type;
    // realm must be a quoted-string (RFC 9110 11.5); quoting all values is always valid.
    const params = keys.map((key) => `${key}="${this.parameters[key].replace(/["\\]/g, '\\$&')}"`);
    return `${this.type} ${params.join(', ')}`;
  }
}

/**
 * Parses a `WWW-Authenticate` header into its challenges (one header may hold several, as in
 * `Basic realm="a", Bearer error="invalid_token"`). Never throws; malformed parts are skipped.
 *
 * @example
 * ```ts
 * parseWwwAuthenticate('Basic realm="a", Bearer realm="b", error="invalid_token"').map(String);
 * // ['Basic realm="a"', 'Bearer realm="b", error="invalid_token"']
 * ```
 */
export function parseWwwAuthenticate(header: string | null | undefined): WWWAuthenticate[] {
  const challenges: WWWAuthenticate[] = [];
  if (!header || header.length > MAX_CREDENTIALS) return challenges;
  let current: WWWAuthenticate | undefined;
  for (const item of splitList(header)) {
    const eq = item.indexOf('=');
    const space = item.search(/[ \t]/);
    // "Scheme", "Scheme token68" and "Scheme key=value" start a challenge; "key=value" continues one.
    const startsChallenge = eq === -1 || (space !== -1 && space < eq);
    if (startsChallenge) {
      const split = splitScheme(item);
      if (!split) {
        current = undefined;
        continue;
      }
      // The scheme as written (splitScheme lower-cases it): as many characters of the trimmed item.
      const scheme = item.trim().slice(0, split[0].length);
      const { token, parameters } = readCredentials(split[1]);
      current = new WWWAuthenticate(scheme, parameters, token);
      challenges.push(current);
    } else if (current) {
      const dict = parseDictHeader(item);
      for (const key in dict) {
        const value = dict[key];
        if (value !== null && current.parameters[key.toLowerCase()] === undefined) current.parameters[key.toLowerCase()] = value;
      }
    }
  }
  return challenges;
}

/**
 * A Basic challenge for `realm`, announcing UTF-8 credentials (RFC 7617).
 *
 * @example
 * ```ts
 * String(basicChallenge('admin')); // 'Basic realm="admin", charset="UTF-8"'
 * ```
 */
export function basicChallenge(realm: string): WWWAuthenticate {
  return new WWWAuthenticate('Basic', { realm, charset: 'UTF-8' });
}

/**
 * A Bearer challenge (RFC 6750), for example with `error="invalid_token"`.
 *
 * @example
 * ```ts
 * String(bearerChallenge({ realm: 'api', error: 'invalid_token' }));
 * // 'Bearer realm="api", error="invalid_token"'
 * ```
 */
export function bearerChallenge(parameters: Record<string, string> = {}): WWWAuthenticate {
  return new WWWAuthenticate('Bearer', parameters);
}
