import { closeDb } from '../lib/db';

/**
 * Runs a one-shot script (cron's `npm run jobs`, `npm run reminders:send`):
 * closes the database after it, prints only the message of an error, and
 * exits 1 on one.
 */
export function runScript(main: () => Promise<void>): void {
  main()
    .then(() => closeDb())
    .catch(async (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      await closeDb().catch(() => undefined);
      process.exit(1);
    });
}
