import type { Adapter, AdapterUser } from 'next-auth/adapters';
import { findUserByEmail, findUserById, type SignInUser } from '../services/sign-in-links';
import { findUserBySsoAccount, linkSsoAccount } from '../services/sso';

/**
 * The Auth.js adapter Tend needs for single sign-on: finding an account and
 * linking a provider's identity to it. Sessions stay signed cookies (JWT
 * strategy); accounts are never created here: people join by invitation, so
 * nobody can sign up through a provider. Email sign-in links are Tend's own
 * (lib/services/sign-in-links.ts), not Auth.js's.
 */
const toAdapterUser = (user: SignInUser): AdapterUser & { sessionVersion: number } => ({
  id: user.id,
  email: user.email,
  name: user.name,
  emailVerified: user.emailVerified,
  sessionVersion: user.sessionVersion,
});

export const tendAdapter: Adapter = {
  async createUser() {
    throw new Error('Accounts are created by invitation only.');
  },
  async getUser(id) {
    const user = await findUserById(id);
    return user ? toAdapterUser(user) : null;
  },
  async getUserByEmail(email) {
    const user = await findUserByEmail(email);
    return user ? toAdapterUser(user) : null;
  },
  async getUserByAccount({ provider, providerAccountId }) {
    const user = await findUserBySsoAccount(provider, providerAccountId);
    return user ? toAdapterUser(user) : null;
  },
  async updateUser(user) {
    // Nothing an identity provider says changes a Tend account.
    const current = await findUserById(user.id);
    if (!current) throw new Error('No such account.');
    return toAdapterUser(current);
  },
  async linkAccount(account) {
    await linkSsoAccount(account.userId, account.provider, account.providerAccountId);
    return undefined;
  },
};
