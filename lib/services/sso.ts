import 'server-only';
import { getDb, Prisma } from '../db';
import { findUserById, type SignInUser } from './sign-in-links';

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
