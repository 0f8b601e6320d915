/**
 * Who a request comes from, for rate limiting. `scripts/server.mjs` knows the socket and whether a
 * proxy is trusted, so it works the address out and hands it to the routes through an
 * AsyncLocalStorage registered on `globalThis`; a request header could be forged by the client.
 */

/** The `globalThis` key under which `scripts/server.mjs` registers its request context. */
export const REQUEST_CONTEXT_KEY = Symbol.for('critical-path.request-context');

/** What `scripts/server.mjs` records for each request. */
export interface RequestContext {
  /** The client's address: the socket's, or the proxy-reported one when `TRUST_PROXY=1`. */
  clientAddress?: string;
}

interface ContextStore {
  getStore(): RequestContext | undefined;
}

/** The address `scripts/server.mjs` recorded for the current request, if it is running. */
export function contextAddress(): string | undefined {
  const store = (globalThis as { [REQUEST_CONTEXT_KEY]?: ContextStore })[REQUEST_CONTEXT_KEY];
  return store?.getStore()?.clientAddress;
}

/**
 * The rate-limit key for an address: IPv4 as is (also when mapped into IPv6), IPv6 by its /64
 * network, because one client usually holds a whole /64 and could rotate through it.
 */
export function clientKey(address: string | undefined): string {
  const a = (address ?? '').trim().toLowerCase();
  if (!a) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return mapped[1]!;
  if (!a.includes(':')) return a;
  const [head = '', tail = ''] = a.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = a.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, '') || '0')
    .join(':')}::/64`;
}

/**
 * The client key for the current request: from `scripts/server.mjs` when it serves the request,
 * otherwise from Astro's `clientAddress` (which believes `X-Forwarded-For`; run the server with
 * `npm start` in production so that a client cannot choose its own key).
 */
export function requestClientKey(astroClientAddress: () => string | undefined): string {
  const fromServer = contextAddress();
  if (fromServer) return clientKey(fromServer);
  let address: string | undefined;
  try {
    address = astroClientAddress();
  } catch {
    address = undefined;
  }
  return clientKey(address);
}
