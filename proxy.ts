import { NextResponse, type NextRequest } from 'next/server';
import { isSecureOrigin } from './lib/config/server';
import { PATHNAME_HEADER } from './lib/http/pathname';
import { contentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from './lib/http/security-headers';

/**
 * Per-request security headers: a Content-Security-Policy with a fresh nonce
 * (Next.js reads it from the request's copy of the header and puts it on its
 * scripts), and HSTS when Tend is served over https. Never an access check:
 * every page and action checks the session itself.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const secure = isSecureOrigin();
  const sso = process.env.OIDC_ISSUER ? [new URL(process.env.OIDC_ISSUER).origin] : [];
  const policy = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === 'development', secure, formTargets: sso });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  // Always overwritten, so a page can trust it: the path, for marking where the visitor is (aria-current).
  requestHeaders.set(PATHNAME_HEADER, request.nextUrl.pathname);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  if (secure) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
