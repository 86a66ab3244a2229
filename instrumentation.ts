/**
 * Runs once when a server process starts. In the Node.js runtime it starts the
 * in-process schedule: queued mail goes out, expired tokens, invitations and
 * limit counters are purged, and closed reporting periods are published, every
 * minute; reminder emails go out hourly. Every job is safe to run from several
 * app instances at once (lib/services/maintenance.ts), so each instance runs
 * its own schedule and no coordinator is needed.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.TEND_SCHEDULE === 'off') return;
  const { runScheduledJobs } = await import('./lib/services/maintenance');
  const pass = () =>
    runScheduledJobs().catch((error: unknown) => {
      console.warn(`[jobs] scheduled pass failed: ${error instanceof Error ? error.name : 'error'}`);
    });
  setTimeout(pass, 5_000).unref();
  setInterval(pass, 60_000).unref();

  // Reminder emails, hourly (TEND_REMINDER_PASS_MS to change it; TEND_REMINDERS=off
  // leaves them to `npm run reminders:send`). Each reminder
  // is claimed in the database before it is sent, so every instance and a cron
  // job may run this at the same moment and nobody gets one twice.
  if (process.env.TEND_REMINDERS === 'off') return;
  const { sendDueReminders } = await import('./lib/services/reminders');
  const every = Number(process.env.TEND_REMINDER_PASS_MS) || 3_600_000;
  // One pass at a time in this process (a slow mail server can make a pass outlast the interval).
  let running = false;
  const remind = async () => {
    if (running) return;
    running = true;
    try {
      await sendDueReminders();
    } catch (error: unknown) {
      console.warn(`[reminders] pass failed: ${error instanceof Error ? error.name : 'error'}`);
    } finally {
      running = false;
    }
  };
  setTimeout(() => void remind(), Math.min(every, 30_000)).unref();
  setInterval(() => void remind(), every).unref();
}
