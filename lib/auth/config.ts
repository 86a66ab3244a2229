import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { signInWithPassword } from '../services/accounts';
import { clientAddress } from '../services/rate-limit';
import { findUserByEmail, sendSignInLink } from '../services/sign-in-links';
import { tendAdapter } from './adapter';
import { resolveAuthSecret } from './secret';

/**
 * Optional single sign-on with any OpenID Connect provider (OIDC_ISSUER,
 * OIDC_CLIENT_ID, OIDC_CLIENT_SECRET; OIDC_NAME names the button). The callback
 * URL to register with the provider is <APP_URL>/api/auth/callback/sso.
 */
export function ssoProviderName(): string | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = process.env;
  return OIDC_ISSUER && OIDC_CLIENT_ID && OIDC_CLIENT_SECRET ? process.env.OIDC_NAME || 'single sign-on' : null;
}

function ssoProviders() {
  const name = ssoProviderName();
  if (!name) return [];
  return [
    {
      id: 'sso',
      name,
      type: 'oidc' as const,
      issuer: process.env.OIDC_ISSUER,
      clientId: process.env.OIDC_CLIENT_ID,
      clientSecret: process.env.OIDC_CLIENT_SECRET,
      // Matching by email is safe here: signIn() below accepts only a verified email of an existing account.
      allowDangerousEmailAccountLinking: true,
    },
  ];
}

/** Sign-in links work once, within this many minutes. */
export const SIGN_IN_LINK_MINUTES = 15;

/** A session ends after 12 hours without activity (it is renewed at most hourly while in use). */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

let secret: string | undefined;

const ZCredentials = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

class InvalidCredentials extends CredentialsSignin {
  code = 'invalid_credentials';
}

/** Too many attempts: the code carries the minutes to wait ("rate_limited:7"). */
class RateLimited extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `rate_limited:${minutes}`;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: (secret ??= resolveAuthSecret()),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  logger: {
    // A wrong password, a used link or a refused single sign-on is routine, not a
    // server error; never log who tried.
    error(error) {
      const type = (error as { type?: string }).type ?? error.name;
      if (['CredentialsSignin', 'AccessDenied', 'Verification'].includes(type)) return;
      console.error('[auth]', error);
    },
  },
  adapter: tendAdapter,
  providers: [
    {
      id: 'email',
      type: 'email',
      name: 'Email link',
      from: '',
      maxAge: SIGN_IN_LINK_MINUTES * 60,
      options: {},
      // Also reachable as a public POST to /api/auth/signin/email: limits and the
      // known-account check live here, not in a page.
      async sendVerificationRequest({ identifier, url, request }) {
        await sendSignInLink(identifier, url, clientAddress(request.headers), SIGN_IN_LINK_MINUTES);
      },
    },
    ...ssoProviders(),
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      // Also reachable as a public POST to /api/auth/callback/credentials: the limits live here, not in a page.
      async authorize(raw, request) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await signInWithPassword(parsed.data.email, parsed.data.password, clientAddress(request.headers));
        if (!result.ok) throw result.reason === 'limited' ? new RateLimited(result.retryAfterMinutes) : new InvalidCredentials();
        const { user } = result;
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async signIn({ user, account, email, profile }) {
      if (account?.type === 'oidc') {
        // Only a verified email that already belongs to a Tend account (people join by invitation).
        const verified = profile?.email_verified === true && typeof profile.email === 'string';
        return verified && (await findUserByEmail(profile.email as string)) !== null;
      }
      if (account?.type !== 'email') return true;
      // Asking for a link always looks the same; following one works only for an existing account.
      if (email?.verificationRequest) return true;
      return !!user.email && (await findUserByEmail(user.email)) !== null;
    },
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      // The session cookie carries identity only; roles and data are read per request.
      return { ...session, user: { ...session.user, id: token.sub ?? '' }, sessionVersion: Number(token.sv ?? 0) };
    },
  },
}));
