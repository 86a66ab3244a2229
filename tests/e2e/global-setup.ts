import { rmSync } from 'node:fs';
import { startSmtpSink } from '../fixtures/smtp-sink';

export const MAIL_DIR = '.data/e2e-mail';

/** A local SMTP server for the run: the app sends real mail to it, tests read it from MAIL_DIR. */
export default async function globalSetup() {
  rmSync(MAIL_DIR, { recursive: true, force: true });
  const sink = await startSmtpSink({ port: Number(process.env.E2E_SMTP_PORT ?? 2526), dir: MAIL_DIR });
  return () => sink.close();
}
