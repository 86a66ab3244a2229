import type { NextConfig } from 'next';
import { STATIC_SECURITY_HEADERS } from './lib/http/security-headers';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // PGlite loads its WASM and data files from its own package folder; argon2 and
  // pg are native or Node-only. Keep them out of the server bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', '@node-rs/argon2', 'pg', '@prisma/adapter-pg', 'highs'],
  // The Content-Security-Policy (with a nonce) and HSTS depend on the request and
  // the configured origin: proxy.ts sends them.
  async headers() {
    return [{ source: '/:path*', headers: STATIC_SECURITY_HEADERS }];
  },
};

export default nextConfig;
