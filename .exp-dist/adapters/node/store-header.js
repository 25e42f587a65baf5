/**
 * The key as V8's internalized string (the one the property literals below use), so the `switch`
 * compares pointers. Done once per distinct header name (callers cache it).
 *
 * @example
 * ```ts
 * internalize(`HTTP_${'HOST'}`) === 'HTTP_HOST'; // true, and now the same string object
 * ```
 */
export function internalize(key) {
    return Object.keys({ [key]: 0 })[0];
}
/**
 * Sets `environ[key] = value` when the environ has no such key yet, and says whether it did: false
 * for a repeated header, which the caller joins. The check is a named load too, for the same
 * reason as the store (a keyed load of a missing key also goes through the megamorphic cache).
 *
 * @example
 * ```ts
 * storeHeader(environ, 'HTTP_HOST', 'example.com'); // true
 * environ.HTTP_HOST; // 'example.com'
 * storeHeader(environ, 'HTTP_HOST', 'other.example'); // false, environ unchanged
 * ```
 */
export function storeHeader(environ, key, value) {
    switch (key) {
        case 'HTTP_HOST':
            if (environ.HTTP_HOST !== undefined)
                return false;
            environ.HTTP_HOST = value;
            return true;
        case 'HTTP_CONNECTION':
            if (environ.HTTP_CONNECTION !== undefined)
                return false;
            environ.HTTP_CONNECTION = value;
            return true;
        case 'HTTP_USER_AGENT':
            if (environ.HTTP_USER_AGENT !== undefined)
                return false;
            environ.HTTP_USER_AGENT = value;
            return true;
        case 'HTTP_ACCEPT':
            if (environ.HTTP_ACCEPT !== undefined)
                return false;
            environ.HTTP_ACCEPT = value;
            return true;
        case 'HTTP_ACCEPT_ENCODING':
            if (environ.HTTP_ACCEPT_ENCODING !== undefined)
                return false;
            environ.HTTP_ACCEPT_ENCODING = value;
            return true;
        case 'HTTP_ACCEPT_LANGUAGE':
            if (environ.HTTP_ACCEPT_LANGUAGE !== undefined)
                return false;
            environ.HTTP_ACCEPT_LANGUAGE = value;
            return true;
        case 'HTTP_COOKIE':
            if (environ.HTTP_COOKIE !== undefined)
                return false;
            environ.HTTP_COOKIE = value;
            return true;
        case 'CONTENT_TYPE':
            if (environ.CONTENT_TYPE !== undefined)
                return false;
            environ.CONTENT_TYPE = value;
            return true;
        case 'CONTENT_LENGTH':
            if (environ.CONTENT_LENGTH !== undefined)
                return false;
            environ.CONTENT_LENGTH = value;
            return true;
        case 'HTTP_TRANSFER_ENCODING':
            if (environ.HTTP_TRANSFER_ENCODING !== undefined)
                return false;
            environ.HTTP_TRANSFER_ENCODING = value;
            return true;
        case 'HTTP_ORIGIN':
            if (environ.HTTP_ORIGIN !== undefined)
                return false;
            environ.HTTP_ORIGIN = value;
            return true;
        case 'HTTP_REFERER':
            if (environ.HTTP_REFERER !== undefined)
                return false;
            environ.HTTP_REFERER = value;
            return true;
        case 'HTTP_AUTHORIZATION':
            if (environ.HTTP_AUTHORIZATION !== undefined)
                return false;
            environ.HTTP_AUTHORIZATION = value;
            return true;
        case 'HTTP_CACHE_CONTROL':
            if (environ.HTTP_CACHE_CONTROL !== undefined)
                return false;
            environ.HTTP_CACHE_CONTROL = value;
            return true;
        case 'HTTP_PRAGMA':
            if (environ.HTTP_PRAGMA !== undefined)
                return false;
            environ.HTTP_PRAGMA = value;
            return true;
        case 'HTTP_IF_NONE_MATCH':
            if (environ.HTTP_IF_NONE_MATCH !== undefined)
                return false;
            environ.HTTP_IF_NONE_MATCH = value;
            return true;
        case 'HTTP_IF_MODIFIED_SINCE':
            if (environ.HTTP_IF_MODIFIED_SINCE !== undefined)
                return false;
            environ.HTTP_IF_MODIFIED_SINCE = value;
            return true;
        case 'HTTP_UPGRADE_INSECURE_REQUESTS':
            if (environ.HTTP_UPGRADE_INSECURE_REQUESTS !== undefined)
                return false;
            environ.HTTP_UPGRADE_INSECURE_REQUESTS = value;
            return true;
        case 'HTTP_SEC_FETCH_SITE':
            if (environ.HTTP_SEC_FETCH_SITE !== undefined)
                return false;
            environ.HTTP_SEC_FETCH_SITE = value;
            return true;
        case 'HTTP_SEC_FETCH_MODE':
            if (environ.HTTP_SEC_FETCH_MODE !== undefined)
                return false;
            environ.HTTP_SEC_FETCH_MODE = value;
            return true;
        case 'HTTP_SEC_FETCH_DEST':
            if (environ.HTTP_SEC_FETCH_DEST !== undefined)
                return false;
            environ.HTTP_SEC_FETCH_DEST = value;
            return true;
        case 'HTTP_SEC_FETCH_USER':
            if (environ.HTTP_SEC_FETCH_USER !== undefined)
                return false;
            environ.HTTP_SEC_FETCH_USER = value;
            return true;
        case 'HTTP_SEC_CH_UA':
            if (environ.HTTP_SEC_CH_UA !== undefined)
                return false;
            environ.HTTP_SEC_CH_UA = value;
            return true;
        case 'HTTP_SEC_CH_UA_MOBILE':
            if (environ.HTTP_SEC_CH_UA_MOBILE !== undefined)
                return false;
            environ.HTTP_SEC_CH_UA_MOBILE = value;
            return true;
        case 'HTTP_SEC_CH_UA_PLATFORM':
            if (environ.HTTP_SEC_CH_UA_PLATFORM !== undefined)
                return false;
            environ.HTTP_SEC_CH_UA_PLATFORM = value;
            return true;
        case 'HTTP_PRIORITY':
            if (environ.HTTP_PRIORITY !== undefined)
                return false;
            environ.HTTP_PRIORITY = value;
            return true;
        case 'HTTP_X_FORWARDED_FOR':
            if (environ.HTTP_X_FORWARDED_FOR !== undefined)
                return false;
            environ.HTTP_X_FORWARDED_FOR = value;
            return true;
        case 'HTTP_X_FORWARDED_PROTO':
            if (environ.HTTP_X_FORWARDED_PROTO !== undefined)
                return false;
            environ.HTTP_X_FORWARDED_PROTO = value;
            return true;
        case 'HTTP_X_FORWARDED_HOST':
            if (environ.HTTP_X_FORWARDED_HOST !== undefined)
                return false;
            environ.HTTP_X_FORWARDED_HOST = value;
            return true;
        case 'HTTP_X_REAL_IP':
            if (environ.HTTP_X_REAL_IP !== undefined)
                return false;
            environ.HTTP_X_REAL_IP = value;
            return true;
        default:
            if (environ[key] !== undefined)
                return false;
            environ[key] = value;
            return true;
    }
}
//# sourceMappingURL=store-header.js.map