/**
 * Signing vectors, computed the same way on Node, Bun, Deno and workerd: fixed secrets, a fixed
 * clock, fixed inputs. `vectors(input)` signs them on the runtime it runs on, verifies the tokens
 * another runtime made (`input.tokens`), seals an encrypted session cookie, and opens the one in
 * `input.sessionCookie`. It imports the source tree and Web APIs only.
 */
import { Request, Response, type App } from '../../../src/index.js';
import {
  getSession, getSignedCookie, Serializer, sessions, setSignedCookie, Signer, TimestampSigner,
} from '../../../src/session/index.js';

/** 2030-01-01T12:00:00Z, in milliseconds. */
export const FIXED_NOW = Date.UTC(2030, 0, 1, 12);
const A = 'runtime-vectors-secret-a-0123456789';
const B = Uint8Array.from({ length: 48 }, (_, i) => (i * 7 + 1) % 256);

const plain = new Signer({ secrets: A });
const salted = new Signer({ secrets: [B, A], salt: 'email-confirm' });
const rotated = new Signer({ secrets: [A, B] });
const oldOnly = new Signer({ secrets: B });
const stamped = new TimestampSigner({ secrets: A, salt: 'login', maxAge: 3600, now: () => FIXED_NOW });
const tokens = new Serializer(stamped);
const UNICODE = 'Zoë ✓ ü 日本 \u{1F600}';
const DATA = { user: 'ada', roles: ['admin'], n: 1.5, nested: { ok: true, none: null } };

export interface VectorInput {
  /** Tokens made elsewhere, by vector name, to verify here. */
  tokens: Record<string, string>;
  /** An encrypted session cookie value made elsewhere, to open here. */
  sessionCookie?: string;
}

export interface VectorOutput {
  /** Tokens made here, by vector name: equal on every runtime. */
  tokens: Record<string, string>;
  /** What verifying `input.tokens` gave here, by vector name (an error's name when refused). */
  verified: Record<string, unknown>;
  /** An encrypted session cookie value sealed here (random IV: differs every time). */
  sessionCookie: string;
  /** The session read here from `input.sessionCookie`. */
  sessionRead: unknown;
}

async function signedCookieValue(): Promise<string> {
  const res = new Response('');
  await setSignedCookie(res, 'user', 'ada; é', stamped);
  return decodeURIComponent(/^user=([^;]*)/.exec(res.headers.get('Set-Cookie') ?? '')![1]);
}

const SIGN: Record<string, () => Promise<string>> = {
  plain: () => plain.sign('hello'),
  unicode: () => salted.sign(UNICODE),
  context: () => plain.sign('ada', { context: 'user' }),
  timestamp: () => stamped.sign('ada'),
  serializer: () => tokens.dumps(DATA),
  cookie: signedCookieValue,
  stale: () => oldOnly.sign('rotate-me'),
};

const VERIFY: Record<string, (token: string) => Promise<unknown>> = {
  plain: (token) => plain.unsign(token),
  unicode: (token) => salted.unsign(token),
  context: (token) => plain.unsign(token, { context: 'user' }),
  timestamp: (token) => stamped.unsign(token),
  serializer: (token) => tokens.loads(token),
  cookie: (token) => getSignedCookie({ cookies: { user: token } }, 'user', stamped),
  stale: (token) => rotated.unsign(token),
};

const app: App = sessions(
  Request.application(async (req) => {
    const session = await getSession(req);
    if (req.path === '/set') for (const [key, value] of Object.entries(DATA)) session.set(key, value);
    return Response.json(session.toJSON());
  }),
  { secrets: [A], encrypt: true },
);

/** Signs, verifies and seals everything on this runtime. */
export async function vectors(input: VectorInput): Promise<VectorOutput> {
  const made: Record<string, string> = {};
  for (const [name, sign] of Object.entries(SIGN)) made[name] = await sign();
  const verified: Record<string, unknown> = {};
  for (const [name, token] of Object.entries(input.tokens)) {
    verified[name] = await VERIFY[name](token).catch((error: Error) => error.name);
  }
  const set = await Request.blank('/set').getResponse(app);
  const sessionCookie = /^session=([^;]*)/.exec(set.headers.get('Set-Cookie') ?? '')?.[1] ?? '';
  const read = input.sessionCookie === undefined
    ? undefined
    : await (await Request.blank('/read', { headers: { Cookie: `session=${input.sessionCookie}` } }).getResponse(app)).json();
  return { tokens: made, verified, sessionCookie, sessionRead: read };
}

/** What `verified` must hold for the tokens of `SIGN`, whichever runtime made them. */
export const EXPECTED_VERIFIED: Record<string, unknown> = {
  plain: { value: 'hello', stale: false },
  unicode: { value: UNICODE, stale: false },
  context: { value: 'ada', stale: false },
  timestamp: { value: 'ada', stale: false, timestamp: FIXED_NOW / 1000 },
  serializer: { value: DATA, stale: false, timestamp: FIXED_NOW / 1000 },
  cookie: { value: 'ada; é', stale: false, timestamp: FIXED_NOW / 1000 },
  stale: { value: 'rotate-me', stale: true },
};

/** The session data `/set` stores. */
export const SESSION_DATA = DATA;
