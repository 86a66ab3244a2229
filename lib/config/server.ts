import { isIP } from 'node:net';

/**
 * The server's configuration that security depends on, read from the
 * environment in one place. Pure (no framework imports), so the custom server
 * (scripts/server.ts) can check it before it starts and the app can use it at
 * run time; both read the same rules.
 */
type Env = Record<string, string | undefined>;

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return LOOPBACK_NAMES.has(host) || LOOPBACK_NAMES.has(bare) || (isIP(bare) === 4 && bare.startsWith('127.'));
}

/** The port Tend listens on (PORT, default 3000). */
export function listenPort(env: Env = process.env): number {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`PORT must be a port number (1–65535); got "${env.PORT}".`);
  return port;
}

/**
 * The interface Tend listens on (HOST). Unset, it is the loopback interface
 * only: the embedded quick start has demo accounts with a published password
 * and must not be reachable from the network unless someone says so.
 */
export function listenHost(env: Env = process.env): string {
  return env.HOST?.trim() || '127.0.0.1';
}

/**
 * The one origin every link Tend emails (sign-in links, invitations, reminders)
 * is built from, and that decides whether cookies are `Secure` and HSTS is sent.
 * APP_URL when set; otherwise http://localhost:<PORT>, which is right only when
 * Tend listens on loopback (validateServerConfig refuses the other case).
 * Never taken from a request: Host and X-Forwarded-Host are chosen by whoever
 * sends the request.
 */
export function appOrigin(env: Env = process.env): string {
  const raw = env.APP_URL?.trim();
  if (!raw) return `http://localhost:${listenPort(env)}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`APP_URL must be an absolute address such as https://tend.example.org; got "${raw}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`APP_URL must start with https:// (or http:// on one machine); got "${raw}".`);
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new Error(`APP_URL must be an origin only (scheme, host and port), without a path, query or credentials; got "${raw}".`);
  }
  return url.origin;
}

/** Whether people reach Tend over https (APP_URL): cookies are then `Secure` and HSTS is sent. */
export function isSecureOrigin(env: Env = process.env): boolean {
  return appOrigin(env).startsWith('https:');
}

/**
 * How many proxies in front of Tend append to X-Forwarded-For and can be
 * trusted (TRUSTED_PROXY_HOPS, default 0: no proxy, the socket's address is
 * the client). With N, the client is the Nth address from the right of
 * X-Forwarded-For followed by the socket's address.
 */
export function trustedProxyHops(env: Env = process.env): number {
  const raw = env.TRUSTED_PROXY_HOPS?.trim() || '0';
  const hops = Number(raw);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10; got "${raw}".`);
  return hops;
}

export type MailDelivery = 'smtp' | 'log';

/**
 * Where outgoing mail goes: SMTP_URL, or the server log. The log gets the
 * links in the messages (credentials), so in production it needs an explicit
 * MAIL_TO_LOG=1 (the quick start sets it: one person, one machine) and is
 * refused otherwise.
 */
export function mailDelivery(env: Env = process.env): MailDelivery {
  if (env.SMTP_URL?.trim()) return 'smtp';
  if (env.NODE_ENV !== 'production' || env.MAIL_TO_LOG === '1') return 'log';
  throw new Error(
    'No mail server: set SMTP_URL (e.g. smtp://user:password@mail.example.org:587) so sign-in links and invitations can be sent. ' +
      'For a demo on one machine only, MAIL_TO_LOG=1 writes messages, links included, to the server log instead.',
  );
}

export type ServerConfigCheck = { errors: string[]; warnings: string[] };

/** Everything wrong with the configuration, checked before the server starts (and in tests). */
export function validateServerConfig(env: Env = process.env): ServerConfigCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const attempt = (check: () => void) => {
    try {
      check();
    } catch (error) {
      errors.push((error as Error).message);
    }
  };
  attempt(() => listenPort(env));
  attempt(() => appOrigin(env));
  attempt(() => trustedProxyHops(env));
  attempt(() => {
    if (mailDelivery(env) === 'log') {
      warnings.push('No SMTP_URL: outgoing mail, with its sign-in and invitation links, is written to the server log. Use this only on one machine.');
    }
  });
  if (!env.APP_URL?.trim() && !isLoopbackHost(listenHost(env))) {
    errors.push(
      `HOST=${listenHost(env)} makes Tend reachable from the network, so set APP_URL to the address people use (e.g. https://tend.example.org): emailed links are built from it, never from a request.`,
    );
  }
  return { errors, warnings };
}

/** The sender of Tend's emails. */
export function emailFrom(env: Env = process.env): string {
  return env.EMAIL_FROM?.trim() || 'Tend <no-reply@tend.invalid>';
}
