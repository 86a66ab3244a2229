import 'server-only';
import { getDb, Prisma } from '../db';
import { findUserById, type SignInUser } from './sign-in-links';

/**
 * Whether single sign-on may vouch for this email. One instance trusts one
 * OpenID Connect provider for every organisation it serves, so OIDC_EMAIL_DOMAINS
 * (a comma-separated list, e.g. "riverside.nhs.uk,riverside.org") limits it to
 * the domains that provider is authoritative for; unset, any address of an
 * existing account (run one instance per organisation's identity provider).
 */
export function ssoEmailAllowed(email: string, env: Record<string, string | undefined> = process.env): boolean {
  const domains = (env.OIDC_EMAIL_DOMAINS ?? '')
    .split(',')
    .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
    .filter(Boolean);
  if (domains.length === 0) return true;
  const domain = email.trim().toLowerCase().split('@').pop() ?? '';
  return domains.includes(domain);
}

/**
 * Single sign-on identities. A first SSO sign-in is matched to an existing Tend
 * account by the provider's verified email (accounts are created by invitation
 * only); the link by the provider's subject is then kept, so later sign-ins
 * follow the subject even if the email changes at the provider.
 */
export async function findUserBySsoAccount(provider: string, providerAccountId: string): Promise<SignInUser | null> {
  const db = await getDb();
  const account = await db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { userId: true },
  });
  return account ? findUserById(account.userId) : null;
}

export async function linkSsoAccount(userId: string, provider: string, providerAccountId: string): Promise<void> {
  const db = await getDb();
  try {
    await db.account.create({ data: { userId, provider, providerAccountId } });
  } catch (error) {
    // Linked already (two sign-ins at once): nothing to do.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
  }
}
