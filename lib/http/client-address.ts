/**
 * The client's address for per-client limits. Only our own server
 * (scripts/server.ts) knows the socket's address, so it works the address out
 * and passes it to the app in CLIENT_ADDRESS_HEADER, overwriting anything a
 * client sent under that name. X-Forwarded-For is read only for as many hops
 * as TRUSTED_PROXY_HOPS says proxies append to it: every entry to the left of
 * those was written by the client and proves nothing.
 */
export const CLIENT_ADDRESS_HEADER = 'x-tend-client-address';

/** Set in the server's own process once it fills CLIENT_ADDRESS_HEADER on every request. */
export const CLIENT_ADDRESS_ENV = 'TEND_CLIENT_ADDRESS_FROM_SERVER';

/**
 * @param socketAddress the TCP peer (the nearest proxy, or the client itself)
 * @param forwardedFor the X-Forwarded-For header(s) as received
 * @param hops how many proxies in front of Tend append to X-Forwarded-For
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  const socket = normalise(socketAddress ?? '') || 'unknown';
  if (hops === 0) return socket;
  const forwarded = [forwardedFor ?? []]
    .flat()
    .flatMap((value) => value.split(','))
    .map((part) => normalise(part.trim()))
    .filter(Boolean);
  // The chain as the outermost trusted proxy saw it: [...client-written, added by proxies..., socket].
  const chain = [...forwarded, socket];
  return chain[Math.max(0, chain.length - 1 - hops)]!;
}

/** "::ffff:10.0.0.1" and "10.0.0.1" are one client. */
function normalise(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

/** The client's address as our server recorded it; "unknown" under any other server (e.g. `next dev`). */
export function clientAddressFromHeaders(headers: Headers, env: Record<string, string | undefined> = process.env): string {
  if (env[CLIENT_ADDRESS_ENV] !== '1') return 'unknown';
  return headers.get(CLIENT_ADDRESS_HEADER) || 'unknown';
}
