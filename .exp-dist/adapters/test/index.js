/**
 * `tsgi/test`: test an App without a server. `Client` sends requests in process, `createEnviron`
 * builds environs, `TestResponse` is what the client returns.
 *
 * @example
 * ```ts
 * import { Client } from 'tsgi/test';
 * const res = await new Client(app).get('/hello');
 * await res.text(); // 'Hello, World!'
 * ```
 * @module
 */
export { Client } from './client.js';
export { TestResponse } from './test-response.js';
export { ClientCookies } from './cookies.js';
export { createEnviron, decodePathInfo, } from '../../request/create-environ.js';
export { encodeForm } from '../../request/encode-form.js';
export { responseFromApp } from '../../response/from-app.js';
//# sourceMappingURL=index.js.map