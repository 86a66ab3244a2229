import { NextResponse } from 'next/server';
import { appOrigin } from '@/lib/config/server';
import { unsubscribeWithToken } from '@/lib/services/reminders';

/**
 * One-click unsubscribe (RFC 8058): mail clients POST
 * "List-Unsubscribe=One-Click" here from the List-Unsubscribe header, and the
 * confirmation page's button posts here too. Works without signing in: the
 * signed, expiring token in the address is the credential. Nothing happens on
 * GET, since mail scanners open links on their own.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ok = await unsubscribeWithToken(token);
  const form = await request.formData().catch(() => null);
  if (form?.get('from') === 'page') {
    return NextResponse.redirect(new URL(`/reminders/stop/${encodeURIComponent(token)}?${ok ? 'done=1' : 'invalid=1'}`, appOrigin()), 303);
  }
  return new NextResponse(ok ? 'Reminder emails stopped.\n' : 'This link has expired or is not valid.\n', {
    status: ok ? 200 : 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
