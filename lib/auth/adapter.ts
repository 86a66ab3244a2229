import type { Adapter, AdapterUser } from 'next-auth/adapters';
import {
  consumeVerificationToken,
  findUserByEmail,
  findUserById,
  markEmailVerified,
  storeVerificationToken,
  type SignInUser,
} from '../services/sign-in-links';
import { findUserBySsoAccount, linkSsoAccount } from '../services/sso';

/**
 * The Auth.js adapter Tend needs for email sign-in links. Sessions stay signed
 * cookies (JWT strategy); accounts are never created here: people join by
 * invitation, so an unknown address cannot sign up through a link.
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
    const updated = await markEmailVerified(user.id, user.emailVerified ?? new Date());
    return toAdapterUser(updated);
  },
  async linkAccount(account) {
    await linkSsoAccount(account.userId, account.provider, account.providerAccountId);
    return undefined;
  },
  async createVerificationToken(token) {
    await storeVerificationToken(token);
    return token;
  },
  async useVerificationToken({ identifier, token }) {
    return consumeVerificationToken(identifier, token);
  },
};
