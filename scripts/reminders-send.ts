/**
 * One pass of reminder emails (`npm run reminders:send`), for cron or a
 * platform scheduler: queues the reminders that are owed and sends them.
 * Safe to run while app instances send on their own schedule and while other
 * passes run: each reminder goes out at most once (lib/services/reminders.ts).
 * Prints how many were sent and exits 0 (1 on an error). `--now <ISO time>`
 * runs the pass as of another moment (for testing a schedule).
 */
import { parseArgs } from 'node:util';
import { sendDueReminders } from '../lib/services/reminders';
import { runScript } from './run-script';

async function main() {
  const { values } = parseArgs({ options: { now: { type: 'string' } } });
  let now = () => new Date();
  if (values.now) {
    const at = new Date(values.now);
    if (Number.isNaN(at.getTime())) throw new Error(`--now must be a date and time such as 2026-12-01T10:00:00Z; got "${values.now}".`);
    now = () => at;
  }
  const { sent, failed } = await sendDueReminders(now);
  console.log(`reminders: ${sent} sent, ${failed} to retry`);
}

runScript(main);
