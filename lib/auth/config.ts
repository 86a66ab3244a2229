import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { appOrigin, isSecureOrigin } from '../config/server';
import { signInWithPassword } from '../services/accounts';
import { clientAddress } from '../services/rate-limit';
import { findUserByEmail, findUserById, redeemSignInLink } from '../services/sign-in-links';
import { ssoEmailAllowed } from '../services/sso';
import { tendAdapter } from './adapter';
import { resolveAuthSecret } from './secret';

// Auth.js builds every URL it uses (redirects, the SSO callback) from AUTH_URL
// when it is set, and from the request's Host and X-Forwarded-Host otherwise:
// pin it to the configured origin so no request header can steer a link.
process.env.AUTH_URL = `${appOrigin()}/api/auth`;

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

class InvalidLink extends CredentialsSignin {
  code = 'invalid_link';
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
  // The configured origin decides, not the request: https in APP_URL means Secure cookies.
  useSecureCookies: isSecureOrigin(),
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
    Credentials({
      id: 'email-link',
      name: 'Email link',
      credentials: { token: { label: 'Token' } },
      // Reached only by a POST (the confirmation page, or /api/auth/callback/email-link
      // with Auth.js's CSRF token): following a link never signs anyone in by itself.
      async authorize(raw) {
        const token = typeof raw?.token === 'string' ? raw.token : '';
        const user = await redeemSignInLink(token);
        if (!user) throw new InvalidLink();
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
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
    async signIn({ account, profile }) {
      if (account?.type === 'oidc') {
        // Only a verified email that already belongs to a Tend account (people join by invitation).
        const verified = profile?.email_verified === true && typeof profile.email === 'string';
        return verified && ssoEmailAllowed(profile.email as string) && (await findUserByEmail(profile.email as string)) !== null;
      }
      return true;
    },
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        return token;
      }
      // Every use of a session (pages, /api/auth/session) checks it against the
      // account: after "sign out everywhere" or a password change the old cookie
      // gives no session anywhere, and is cleared rather than renewed.
      const current = token.sub ? await findUserById(token.sub) : null;
      if (!current || current.sessionVersion !== Number(token.sv ?? -1)) return null;
      return token;
    },
    session({ session, token }) {
      // The session cookie carries identity only; roles and data are read per request.
      return { ...session, user: { ...session.user, id: token.sub ?? '' }, sessionVersion: Number(token.sv ?? 0) };
    },
  },
}));
