import { describe, expect, it } from 'vitest';
import { ssoEmailAllowed } from '../../../lib/services/sso';

describe('which emails single sign-on may vouch for', () => {
  it.each([
    [undefined, 'sam@anywhere.example', true],
    ['riverside.org', 'sam@riverside.org', true],
    ['riverside.org', 'Sam@Riverside.ORG', true],
    ['riverside.org', 'sam@other.org', false],
    ['riverside.org', 'sam@evil-riverside.org', false],
    ['riverside.org', 'sam@sub.riverside.org', false],
    [' @riverside.org , riverside.nhs.uk ', 'sam@riverside.nhs.uk', true],
  ])('OIDC_EMAIL_DOMAINS=%j, %s → %s', (domains, email, allowed) => {
    expect(ssoEmailAllowed(email, { OIDC_EMAIL_DOMAINS: domains })).toBe(allowed);
  });
});
