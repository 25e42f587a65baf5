import { parseWwwAuthenticate } from '../http/auth.js';
import { parseCacheControl } from '../http/cache-control.js';
import { parseContentDisposition } from '../http/content-disposition.js';
import { parseContentSecurityPolicy } from '../http/csp.js';
import { formatHttpDate, parseHttpDate } from '../http/dates.js';
import { HeaderSet, parseHeaderSet } from '../http/header-set.js';
import { parseContentRange } from '../http/range.js';
import { formatRetryAfter, parseRetryAfter } from '../http/retry-after.js';
/**
 * The base of `Response`: its constructor returns a function whose prototype is the subclass's,
 * so every response is callable as an App while keeping class fields and methods.
 * Arrow functions have no own `prototype`, which keeps the object small.
 */
import vm from 'node:vm';
const FACTORIES = new WeakMap();
function factoryFor(cls) {
    let make = FACTORIES.get(cls);
    if (make === undefined) {
        const ctx = vm.createContext({});
        const fp = vm.runInContext('Function.prototype', ctx);
        for (const key of Reflect.ownKeys(fp)) if (Object.getOwnPropertyDescriptor(fp, key).configurable) delete fp[key];
        Object.setPrototypeOf(fp, cls.prototype);
        const batch = vm.runInContext('(out) => { for (let i = 0; i < 64; i++) { const f = (e, s) => f.serve(e, s); out.push(f); } return out; }', ctx);
        let pool = [];
        make = () => { if (pool.length === 0) pool = batch([]); return pool.pop(); };
        FACTORIES.set(cls, make);
    }
    return make;
}
class CallableApp {
    constructor() {
        return factoryFor(new.target)();
    }
}
/**
 * The typed header properties `Response` inherits. Not used on its own.
 */
export class ResponseHeaderAccessors extends CallableApp {
    // Each getter parses the header afresh, so it never disagrees with `headers`; the objects it
    // returns (CacheControl, HeaderSet, ContentSecurityPolicy) write their changes back.
    /** Cache-Control as a typed object: `res.cacheControl.maxAge = 60` updates the header. */
    get cacheControl() {
        return parseCacheControl(this.headers.get('Cache-Control'), writeBack(this, 'Cache-Control'));
    }
    set cacheControl(value) { setTyped(this, 'Cache-Control', value); }
    /** Vary as a case-insensitive set: `res.vary.add('Accept-Encoding')`. */
    get vary() { return parseHeaderSet(this.headers.get('Vary'), writeBack(this, 'Vary')); }
    set vary(value) { setList(this, 'Vary', value); }
    /** Allow as a set of methods. */
    get allow() { return parseHeaderSet(this.headers.get('Allow'), writeBack(this, 'Allow')); }
    set allow(value) { setList(this, 'Allow', value); }
    /** Content-Language as a set of tags. */
    get contentLanguage() { return parseHeaderSet(this.headers.get('Content-Language'), writeBack(this, 'Content-Language')); }
    set contentLanguage(value) { setList(this, 'Content-Language', value); }
    /** Access-Control-Allow-Origin (`*` or an origin). */
    get accessControlAllowOrigin() { return this.headers.get('Access-Control-Allow-Origin'); }
    set accessControlAllowOrigin(value) { setTyped(this, 'Access-Control-Allow-Origin', value); }
    /** Access-Control-Allow-Credentials: true when the header is `true`. */
    get accessControlAllowCredentials() { return this.headers.get('Access-Control-Allow-Credentials') === 'true'; }
    set accessControlAllowCredentials(value) { setTyped(this, 'Access-Control-Allow-Credentials', value ? 'true' : undefined); }
    /** Access-Control-Allow-Methods as a set. */
    get accessControlAllowMethods() { return parseHeaderSet(this.headers.get('Access-Control-Allow-Methods'), writeBack(this, 'Access-Control-Allow-Methods')); }
    set accessControlAllowMethods(value) { setList(this, 'Access-Control-Allow-Methods', value); }
    /** Access-Control-Allow-Headers as a set. */
    get accessControlAllowHeaders() { return parseHeaderSet(this.headers.get('Access-Control-Allow-Headers'), writeBack(this, 'Access-Control-Allow-Headers')); }
    set accessControlAllowHeaders(value) { setList(this, 'Access-Control-Allow-Headers', value); }
    /** Access-Control-Expose-Headers as a set. */
    get accessControlExposeHeaders() { return parseHeaderSet(this.headers.get('Access-Control-Expose-Headers'), writeBack(this, 'Access-Control-Expose-Headers')); }
    set accessControlExposeHeaders(value) { setList(this, 'Access-Control-Expose-Headers', value); }
    /** Access-Control-Max-Age in seconds. */
    get accessControlMaxAge() {
        const value = this.headers.get('Access-Control-Max-Age');
        return value !== undefined && /^\d{1,10}$/.test(value) ? Number(value) : undefined;
    }
    set accessControlMaxAge(value) { setTyped(this, 'Access-Control-Max-Age', value == null ? value : Math.max(0, Math.floor(value))); }
    /** Content-Range, or null when absent or malformed. */
    get contentRange() { return parseContentRange(this.headers.get('Content-Range')); }
    set contentRange(value) { setTyped(this, 'Content-Range', value); }
    /** Accept-Ranges (`bytes` or `none`). */
    get acceptRanges() { return this.headers.get('Accept-Ranges'); }
    set acceptRanges(value) { setTyped(this, 'Accept-Ranges', value); }
    /** Retry-After as a Date (seconds are counted from now); set seconds or a Date. */
    get retryAfter() { return parseRetryAfter(this.headers.get('Retry-After')); }
    set retryAfter(value) { setTyped(this, 'Retry-After', value == null ? value : formatRetryAfter(value)); }
    /** Content-Security-Policy as a directive map that writes back. */
    get contentSecurityPolicy() {
        return parseContentSecurityPolicy(this.headers.get('Content-Security-Policy'), writeBack(this, 'Content-Security-Policy'));
    }
    set contentSecurityPolicy(value) { setTyped(this, 'Content-Security-Policy', value); }
    /** Content-Security-Policy-Report-Only, like `contentSecurityPolicy`. */
    get contentSecurityPolicyReportOnly() {
        const name = 'Content-Security-Policy-Report-Only';
        return parseContentSecurityPolicy(this.headers.get(name), writeBack(this, name));
    }
    set contentSecurityPolicyReportOnly(value) { setTyped(this, 'Content-Security-Policy-Report-Only', value); }
    /** The WWW-Authenticate challenges; assign one or a list (`basicChallenge('admin')`) to replace them. */
    get wwwAuthenticate() {
        return this.headers.getAll('WWW-Authenticate').flatMap((value) => parseWwwAuthenticate(value));
    }
    set wwwAuthenticate(value) {
        this.headers.delete('WWW-Authenticate');
        for (const challenge of value == null ? [] : typeof value === 'string' || !Array.isArray(value) ? [value] : value) {
            this.headers.append('WWW-Authenticate', String(challenge));
        }
    }
    /** Content-Disposition parsed (`type`, `filename`); set a value built with `formatContentDisposition`. */
    get contentDisposition() { return parseContentDisposition(this.headers.get('Content-Disposition')); }
    set contentDisposition(value) { setTyped(this, 'Content-Disposition', value); }
    /** Last-Modified as a Date; set a Date or a millisecond timestamp. */
    get lastModified() { return parseHttpDate(this.headers.get('Last-Modified')); }
    set lastModified(value) { setDate(this, 'Last-Modified', value); }
    /** Expires as a Date. */
    get expires() { return parseHttpDate(this.headers.get('Expires')); }
    set expires(value) { setDate(this, 'Expires', value); }
    /** Date as a Date. */
    get date() { return parseHttpDate(this.headers.get('Date')); }
    set date(value) { setDate(this, 'Date', value); }
}
// Helpers of the accessors below. Module functions rather than private methods: a private method
// gives every response an extra hidden "brand" property, and a response is a function object,
// whose own properties V8 keeps out of line (see `CallableApp`).
function writeBack(res, name) {
    return (value) => res.headers.setOrDelete(name, String(value) || undefined);
}
function setTyped(res, name, value) {
    res.headers.setOrDelete(name, value === null || value === undefined ? undefined : String(value) || undefined);
}
function setList(res, name, value) {
    setTyped(res, name, value == null || typeof value === 'string' ? value : new HeaderSet(value));
}
function setDate(res, name, value) {
    res.headers.setOrDelete(name, value === null || value === undefined ? undefined : formatHttpDate(value));
}
//# sourceMappingURL=header-accessors.js.map