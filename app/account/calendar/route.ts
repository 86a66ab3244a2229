import { createHash } from 'node:crypto';
import { getCurrentUser } from '@/lib/auth/session';
import { nextCheckInCalendar } from '@/lib/calendar/next-check-in';
import { appOrigin } from '@/lib/config/server';
import { DISPLAY_TIME_ZONE } from '@/lib/format/date';
import { getReminderSettings } from '@/lib/services/reminders';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });

/**
 * The signed-in clinician's next check-in as an .ics file for their own
 * calendar. Signed out, or for someone who does not check in, not found.
 */
export async function GET() {
  const actor = await getCurrentUser();
  if (!actor?.organisation) return notFound();
  const reminders = await getReminderSettings(actor);
  if (!reminders) return notFound();
  const uid = `${createHash('sha256').update(`${actor.userId}:${actor.organisation.id}`).digest('hex').slice(0, 32)}@tend`;
  // When the check-in is already due, the event is today.
  const dueAt = reminders.due ? new Date() : reminders.dueAt;
  const { filename, body } = nextCheckInCalendar({ dueAt, timeZone: DISPLAY_TIME_ZONE, origin: appOrigin(), organisationName: reminders.organisationName, uid });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
