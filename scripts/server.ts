/**
 * Tend's production server (`npm start`): Next.js's request handler behind a
 * plain Node HTTP server, so that
 * - the configuration is checked before anything listens (lib/config/server.ts);
 * - it listens on HOST (loopback unless told otherwise) and PORT;
 * - the client's address comes from the socket, or from X-Forwarded-For only
 *   for the TRUSTED_PROXY_HOPS proxies that append to it (lib/http/client-address.ts);
 * - with no trusted proxy, forwarded headers a client sent are dropped, so
 *   nothing in the app can be steered by them;
 * - a page that answers 404 or 500 is readable without JavaScript (lib/http/readable-errors.ts).
 * Run after `npm run build`: tsx scripts/server.ts
 */
import { createServer } from 'node:http';
import path from 'node:path';
import next from 'next';
import { listenHost, listenPort, trustedProxyHops, validateServerConfig } from '../lib/config/server';
import { CLIENT_ADDRESS_ENV, CLIENT_ADDRESS_HEADER, resolveClientAddress } from '../lib/http/client-address';
import { withReadableErrors } from '../lib/http/readable-errors';

const FORWARDED_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip'];

async function main() {
  (process.env as Record<string, string | undefined>).NODE_ENV ??= 'production';
  const { errors, warnings } = validateServerConfig(process.env);
  for (const warning of warnings) console.warn(`[tend] warning: ${warning}`);
  if (errors.length > 0) {
    for (const error of errors) console.error(`[tend] ${error}`);
    console.error('[tend] not starting: fix the settings above (README: Configuration).');
    process.exit(1);
  }
  const host = listenHost();
  const port = listenPort();
  const hops = trustedProxyHops();
  process.env[CLIENT_ADDRESS_ENV] = '1';

  const app = next({ dev: false, dir: path.resolve(__dirname, '..'), hostname: host, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((req, res) => {
    const client = resolveClientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], hops);
    if (hops === 0) for (const name of FORWARDED_HEADERS) delete req.headers[name];
    req.headers[CLIENT_ADDRESS_HEADER] = client;
    void withReadableErrors(req, res, handle, (r, s) => app.render404(r, s)).catch((error: unknown) => {
      console.error(`[tend] request failed: ${error instanceof Error ? error.name : 'error'}`);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  server.listen(port, host, () => {
    console.info(`[tend] listening on http://${host.includes(':') ? `[${host}]` : host}:${port}`);
  });

  const stop = () => {
    server.close();
    // Release the embedded database's lock cleanly (lib/db/client.ts keeps its closer here).
    const close = (globalThis as { tendDbClose?: () => Promise<void> }).tendDbClose;
    void (close ? close() : Promise.resolve()).finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
