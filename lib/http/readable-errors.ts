import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Next.js answers a page that calls notFound() (someone else's result, a
 * malformed id) with a correct 404 whose HTML is an empty shell: the "couldn't
 * find that page" text arrives only in the script payload, so without
 * JavaScript the page is blank (a known Next.js behaviour; an unmatched URL is
 * rendered properly). A server error does the same. For page navigations,
 * scripts/server.ts passes the response through `withReadableErrors`: when the
 * page answers 404 or 500, what Next wrote is dropped and the real not-found
 * page (Next's own render of app/not-found.tsx) or a plain error page is sent
 * instead. Headers already set (the Content-Security-Policy, cookies) stay.
 */

/** A page load by a browser, not a client-side navigation (RSC), a server action or an asset. */
export function isPageNavigation(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (req.headers.rsc || req.headers['next-action'] || req.headers['next-router-prefetch']) return false;
  const url = req.url ?? '/';
  if (url.startsWith('/_next/') || url.startsWith('/api/')) return false;
  return (req.headers.accept ?? '').includes('text/html');
}

/** Plain HTML for a server error: readable with or without JavaScript, nothing inline to run. */
export const SERVER_ERROR_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Something went wrong · Tend</title></head>
<body><main><h1>Something went wrong on our side</h1>
<p>Your answers are saved as you give them, so nothing you entered is lost. Please try again in a moment.</p>
<p><a href="/">Go to your home page</a></p></main></body></html>
`;

type Write = ServerResponse['write'];
type End = ServerResponse['end'];

/**
 * Runs `handle` for the request; if it answers a page navigation with 404 or
 * 500, replaces the body with `render404` or SERVER_ERROR_PAGE.
 */
export async function withReadableErrors(
  req: IncomingMessage,
  res: ServerResponse,
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  render404: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<void> {
  if (!isPageNavigation(req)) return handle(req, res);
  const write = res.write.bind(res) as Write;
  const end = res.end.bind(res) as End;
  const flushHeaders = res.flushHeaders.bind(res);
  const writeHead = res.writeHead.bind(res) as ServerResponse['writeHead'];
  let replacing: 404 | 500 | null = null;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const decide = () => {
    if (replacing === null && !res.headersSent && (res.statusCode === 404 || res.statusCode >= 500)) replacing = res.statusCode === 404 ? 404 : 500;
    return replacing !== null;
  };
  // Headers leave through any of these (Next's stream, its compression); hold them all back.
  res.flushHeaders = () => {
    if (!decide()) flushHeaders();
  };
  res.writeHead = ((...args: Parameters<ServerResponse['writeHead']>) => {
    if (typeof args[0] === 'number') res.statusCode = args[0];
    return decide() ? res : writeHead(...(args as [number]));
  }) as ServerResponse['writeHead'];
  res.write = ((...args: Parameters<Write>) => (decide() ? true : write(...args))) as Write;
  res.end = ((...args: Parameters<End>) => {
    if (!decide()) return end(...args);
    finish();
    return res;
  }) as End;
  // Next's own pipeline waits for the response to finish, which happens only
  // once the replacement is sent: go on as soon as its end is held back.
  const handled = handle(req, res);
  await Promise.race([handled, done]);
  if (replacing === null) return handled;
  res.write = write;
  res.end = end;
  res.flushHeaders = flushHeaders;
  res.writeHead = writeHead;
  res.removeHeader('content-length');
  res.removeHeader('content-encoding');
  res.removeHeader('transfer-encoding');
  if (replacing === 404) {
    await render404(req, res);
    return;
  }
  res.statusCode = 500;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  end(req.method === 'HEAD' ? undefined : SERVER_ERROR_PAGE);
}
