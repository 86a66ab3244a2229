/**
 * Runs once when a server process starts. In the Node.js runtime it starts the
 * in-process schedule: queued mail goes out, expired tokens, invitations and
 * limit counters are purged, and closed reporting periods are published, every minute. Every job is safe to run from several
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
}
