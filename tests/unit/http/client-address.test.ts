import { describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_ENV, clientAddressFromHeaders, resolveClientAddress } from '../../../lib/http/client-address';

describe('the client address behind a number of trusted proxies', () => {
  it.each([
    // No proxy: the socket is the client, whatever X-Forwarded-For claims.
    ['203.0.113.5', undefined, 0, '203.0.113.5'],
    ['203.0.113.5', '198.51.100.1', 0, '203.0.113.5'],
    ['::ffff:203.0.113.5', '198.51.100.1, 10.0.0.1', 0, '203.0.113.5'],
    // One proxy (the socket) appends the client it saw; entries to the left are the client's own.
    ['10.0.0.1', '203.0.113.9', 1, '203.0.113.9'],
    ['10.0.0.1', '198.51.100.1, 203.0.113.9', 1, '203.0.113.9'],
    ['10.0.0.1', ['198.51.100.1', '203.0.113.9'], 1, '203.0.113.9'],
    // Two proxies: the second-to-last entry was added by the outer one.
    ['10.0.0.2', '198.51.100.1, 203.0.113.9, 10.0.0.1', 2, '203.0.113.9'],
    // Fewer entries than hops: the leftmost there is.
    ['10.0.0.1', undefined, 1, '10.0.0.1'],
    ['10.0.0.2', '203.0.113.9', 3, '203.0.113.9'],
    [undefined, undefined, 0, 'unknown'],
  ])('socket %s, X-Forwarded-For %j, %d hops → %s', (socket, forwarded, hops, expected) => {
    expect(resolveClientAddress(socket, forwarded, hops)).toBe(expected);
  });

  it('reads the address our server recorded, and trusts nothing under another server', () => {
    const headers = new Headers({ 'x-tend-client-address': '203.0.113.5', 'x-forwarded-for': '198.51.100.1' });
    expect(clientAddressFromHeaders(headers, { [CLIENT_ADDRESS_ENV]: '1' })).toBe('203.0.113.5');
    expect(clientAddressFromHeaders(headers, {})).toBe('unknown');
    expect(clientAddressFromHeaders(new Headers(), { [CLIENT_ADDRESS_ENV]: '1' })).toBe('unknown');
  });
});
