/**
 * The Content-Security-Policy of every page, with a fresh nonce per request
 * (proxy.ts). Scripts run only with the nonce (no 'unsafe-inline' for
 * scripts); Next.js puts it on its own scripts by reading this header. Inline
 * style attributes stay allowed: charts and React set them, and they cannot
 * carry a nonce.
 */
export function contentSecurityPolicy(options: { nonce: string; dev: boolean; secure: boolean; formTargets?: string[] }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // A form may lead to the single sign-on provider (a redirect after the post counts).
    ['form-action', "'self'", ...(options.formTargets ?? [])].join(' '),
    "frame-ancestors 'none'",
    ...(options.secure ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** Sent with every response when people reach Tend over https (APP_URL): two years, subdomains included. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/** Headers that do not depend on the request (next.config.ts sends them with every response). */
export const STATIC_SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), interest-cohort=(), browsing-topics=()',
  },
];
