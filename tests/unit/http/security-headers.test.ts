import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../lib/http/security-headers';

const directives = (policy: string) => Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('the Content-Security-Policy', () => {
  it('allows scripts only with the nonce, never inline or from elsewhere, and no framing', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'abc123', dev: false, secure: false }));
    expect(policy['script-src']).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['form-action']).toEqual(["'self'"]);
    expect(policy['upgrade-insecure-requests']).toBeUndefined();
  });

  it('adds eval only in development, upgrades requests over https, and lets a form lead to the SSO provider', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'n', dev: true, secure: true, formTargets: ['https://id.example.org'] }));
    expect(policy['script-src']).toContain("'unsafe-eval'");
    expect(policy['upgrade-insecure-requests']).toEqual([]);
    expect(policy['form-action']).toEqual(["'self'", 'https://id.example.org']);
  });
});
