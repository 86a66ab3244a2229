import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isPageNavigation } from '../../../lib/http/readable-errors';

const request = (method: string, url: string, headers: Record<string, string>) => ({ method, url, headers }) as unknown as IncomingMessage;

describe('which responses get a readable error page', () => {
  it.each([
    ['a browser loading a page', request('GET', '/check-ins/x/result', { accept: 'text/html,application/xhtml+xml' }), true],
    ['a HEAD of a page', request('HEAD', '/history', { accept: 'text/html' }), true],
    ['a client-side navigation (RSC)', request('GET', '/history', { accept: 'text/html', rsc: '1' }), false],
    ['a prefetch', request('GET', '/history', { accept: 'text/html', 'next-router-prefetch': '1' }), false],
    ['a server action', request('POST', '/history', { accept: 'text/html', 'next-action': 'abc' }), false],
    ['a form post', request('POST', '/history', { accept: 'text/html' }), false],
    ['a script', request('GET', '/_next/static/chunks/a.js', { accept: '*/*' }), false],
    ['the auth API', request('GET', '/api/auth/session', { accept: 'text/html' }), false],
    ['a script-like client', request('GET', '/history', { accept: '*/*' }), false],
  ])('%s: %s', (_label, req, expected) => {
    expect(isPageNavigation(req)).toBe(expected);
  });
});
