/**
 * One pass of Tend's scheduled jobs (`npm run jobs`), for cron or a platform
 * scheduler: sends queued mail and purges expired tokens, invitations and limit
 * counters, and publishes the figures of reporting periods that have closed.
 * Safe to run while app instances run their own schedules.
 * Prints what it did and exits 0 (1 on an error).
 */
import { runScript } from './run-script';
import { runScheduledJobs } from '../lib/services/maintenance';

async function main() {
  const { mail, purged, periodsPublished } = await runScheduledJobs();
  console.log(`mail: ${mail.sent} sent, ${mail.failed} to retry`);
  console.log(`purged: ${purged.tokens} tokens, ${purged.invites} invitations, ${purged.limitBuckets} limit counters, ${purged.outbox} expired messages, ${purged.reminders} reminder records of finished cycles`);
  console.log(`reporting periods published: ${periodsPublished}`);
}

runScript(main);
