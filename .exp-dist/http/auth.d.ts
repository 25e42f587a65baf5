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
export declare class Authorization {
    /** The scheme, lowercase. */
    readonly type: string;
    /** Auth parameters (Basic: `username` and `password`). */
    readonly parameters: Readonly<Record<string, string>>;
    /** The token68 credential (Bearer and other token schemes). */
    readonly token?: string | undefined;
    constructor(
    /** The scheme, lowercase. */
    type: string, 
    /** Auth parameters (Basic: `username` and `password`). */
    parameters?: Readonly<Record<string, string>>, 
    /** The token68 credential (Bearer and other token schemes). */
    token?: string | undefined);
    /** Builds Basic credentials; both parts are sent as UTF-8. */
    static basic(username: string, password: string): Authorization;
    /** Builds Bearer credentials. */
    static bearer(token: string): Authorization;
    /** The user name (Basic, Digest), if any. */
    get username(): string | undefined;
    /** The password (Basic), if any. */
    get password(): string | undefined;
    /**
     * The header value again.
     *
     * @example
     * ```ts
     * String(Authorization.basic('user', 'pass')); // 'Basic dXNlcjpwYXNz'
     * ```
     */
    toString(): string;
}
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
export declare function parseAuthorization(header: string | null | undefined): Authorization | null;
/**
 * One challenge of a `WWW-Authenticate` header. `realm` reads and writes the `realm` parameter.
 *
 * @example
 * ```ts
 * const challenge = basicChallenge('admin area');
 * String(challenge); // 'Basic realm="admin area", charset="UTF-8"'
 * ```
 */
export declare class WWWAuthenticate {
    /** The scheme as it is written (`Basic`, `Bearer`...). */
    type: string;
    /** A token68 challenge instead of parameters (rare). */
    token?: string | undefined;
    /** The parameters; values are quoted on output. */
    readonly parameters: Record<string, string>;
    constructor(
    /** The scheme as it is written (`Basic`, `Bearer`...). */
    type: string, parameters?: Record<string, string>, 
    /** A token68 challenge instead of parameters (rare). */
    token?: string | undefined);
    /** The protection space, if any. */
    get realm(): string | undefined;
    set realm(value: string | undefined);
    /** The header value; parameter values are always quoted. */
    toString(): string;
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
export declare function parseWwwAuthenticate(header: string | null | undefined): WWWAuthenticate[];
/**
 * A Basic challenge for `realm`, announcing UTF-8 credentials (RFC 7617).
 *
 * @example
 * ```ts
 * String(basicChallenge('admin')); // 'Basic realm="admin", charset="UTF-8"'
 * ```
 */
export declare function basicChallenge(realm: string): WWWAuthenticate;
/**
 * A Bearer challenge (RFC 6750), for example with `error="invalid_token"`.
 *
 * @example
 * ```ts
 * String(bearerChallenge({ realm: 'api', error: 'invalid_token' }));
 * // 'Bearer realm="api", error="invalid_token"'
 * ```
 */
export declare function bearerChallenge(parameters?: Record<string, string>): WWWAuthenticate;
//# sourceMappingURL=auth.d.ts.map