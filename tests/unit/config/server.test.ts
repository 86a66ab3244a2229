import { describe, expect, it } from 'vitest';
import { appOrigin, isLoopbackHost, isSecureOrigin, listenHost, mailDelivery, trustedProxyHops, validateServerConfig } from '../../../lib/config/server';

describe('the origin of emailed links', () => {
  it.each([
    [{ APP_URL: 'https://tend.example.org' }, 'https://tend.example.org'],
    [{ APP_URL: 'https://tend.example.org/' }, 'https://tend.example.org'],
    [{ APP_URL: ' https://Tend.Example.org:8443 ' }, 'https://tend.example.org:8443'],
    [{}, 'http://localhost:3000'],
    [{ PORT: '3100' }, 'http://localhost:3100'],
  ])('%j gives %s', (env, origin) => {
    expect(appOrigin(env)).toBe(origin);
  });

  it.each([
    ['tend.example.org', /absolute address/],
    ['ftp://tend.example.org', /https:\/\//],
    ['https://tend.example.org/app', /origin only/],
    ['https://user:pw@tend.example.org', /origin only/],
    ['https://tend.example.org/?next=1', /origin only/],
  ])('refuses APP_URL=%s', (value, message) => {
    expect(() => appOrigin({ APP_URL: value })).toThrow(message);
  });

  it('decides Secure cookies and HSTS from the configured origin alone', () => {
    expect(isSecureOrigin({ APP_URL: 'https://tend.example.org' })).toBe(true);
    expect(isSecureOrigin({ APP_URL: 'http://tend.internal' })).toBe(false);
    expect(isSecureOrigin({})).toBe(false);
  });
});

describe('where Tend listens', () => {
  it('defaults to loopback only', () => {
    expect(listenHost({})).toBe('127.0.0.1');
    expect(listenHost({ HOST: '0.0.0.0' })).toBe('0.0.0.0');
  });

  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.3.2.1', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['::', false],
    ['10.0.0.5', false],
  ])('%s is loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});

describe('trusted proxies', () => {
  it.each([
    [undefined, 0],
    ['0', 0],
    ['2', 2],
  ])('TRUSTED_PROXY_HOPS=%s is %d', (value, hops) => {
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: value })).toBe(hops);
  });

  it.each(['-1', '1.5', 'two', '11'])('refuses TRUSTED_PROXY_HOPS=%s', (value) => {
    expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: value })).toThrow(/whole number/);
  });
});

describe('mail delivery', () => {
  it.each([
    [{ SMTP_URL: 'smtp://mail:25', NODE_ENV: 'production' }, 'smtp'],
    [{ NODE_ENV: 'development' }, 'log'],
    [{ NODE_ENV: 'test' }, 'log'],
    [{ NODE_ENV: 'production', MAIL_TO_LOG: '1' }, 'log'],
  ])('%j delivers by %s', (env, delivery) => {
    expect(mailDelivery(env)).toBe(delivery);
  });

  it('refuses to write links to the log in production unless told to', () => {
    expect(() => mailDelivery({ NODE_ENV: 'production' })).toThrow(/set SMTP_URL/);
    expect(() => mailDelivery({ NODE_ENV: 'production', MAIL_TO_LOG: 'yes' })).toThrow(/MAIL_TO_LOG=1/);
  });
});

describe('checking the configuration before starting', () => {
  it('accepts a proper deployment', () => {
    expect(validateServerConfig({ NODE_ENV: 'production', HOST: '0.0.0.0', APP_URL: 'https://tend.example.org', SMTP_URL: 'smtp://mail:25', TRUSTED_PROXY_HOPS: '1' })).toEqual({
      errors: [],
      warnings: [],
    });
  });

  it('accepts the quick start on loopback, warning that mail goes to the log', () => {
    const check = validateServerConfig({ NODE_ENV: 'production', MAIL_TO_LOG: '1' });
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([expect.stringMatching(/written to the server log/)]);
  });

  it('refuses to listen on the network without APP_URL, and production without mail', () => {
    expect(validateServerConfig({ NODE_ENV: 'production', PORT: 'x', MAIL_TO_LOG: '1' }).errors[0]).toMatch(/^PORT must be/);
    const check = validateServerConfig({ NODE_ENV: 'production', HOST: '0.0.0.0' });
    expect(check.errors).toEqual([
      expect.stringMatching(/^No mail server/),
      expect.stringMatching(/^HOST=0\.0\.0\.0 makes Tend reachable/),
    ]);
  });
});
