import 'server-only';
import type { Transporter } from 'nodemailer';
import { emailFrom, mailDelivery } from '../config/server';

/**
 * Sends one message now, over SMTP (SMTP_URL; EMAIL_FROM), or to the server
 * log where lib/config/server.ts allows it (development, or MAIL_TO_LOG=1):
 * production without a mail server refuses rather than log a link. Code that
 * sends mail on someone's behalf does not call this directly: it writes to the
 * outbox (./outbox.ts), which calls this after the response.
 */
export type Mail = {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe on reminders. */
  headers?: Record<string, string>;
};

let transport: { url: string; transporter: Promise<Transporter> } | undefined;

export { emailFrom };

export async function deliverMail(mail: Mail): Promise<void> {
  if (mailDelivery() === 'log') {
    const extra = Object.entries(mail.headers ?? {}).map(([name, value]) => `\n${name}: ${value}`).join('');
    console.info(`[mail] no SMTP_URL set: the message below was not sent.\nTo: ${mail.to}\nSubject: ${mail.subject}${extra}\n\n${mail.text}\n[mail] end`);
    return;
  }
  const url = process.env.SMTP_URL as string;
  if (transport?.url !== url) transport = { url, transporter: import('nodemailer').then(({ createTransport }) => createTransport(url)) };
  await (await transport.transporter).sendMail({ from: emailFrom(), to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers });
}
