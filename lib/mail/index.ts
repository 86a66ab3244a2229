import 'server-only';
import type { Transporter } from 'nodemailer';

/**
 * Outgoing email over SMTP (SMTP_URL, e.g. smtp://user:pass@mail.example.org:587;
 * EMAIL_FROM). With no SMTP configured — the embedded quick start — messages are
 * written to the server log instead, so links still reach whoever runs it.
 */
export type Mail = { to: string; subject: string; text: string };

let transport: Promise<Transporter> | undefined;

export function emailFrom(): string {
  return process.env.EMAIL_FROM || 'Tend <no-reply@tend.invalid>';
}

export async function sendMail(mail: Mail): Promise<void> {
  const url = process.env.SMTP_URL;
  if (!url) {
    console.info(`[mail] no SMTP_URL set: the message below was not sent.\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n[mail] end`);
    return;
  }
  transport ??= import('nodemailer').then(({ createTransport }) => createTransport(url));
  await (await transport).sendMail({ from: emailFrom(), to: mail.to, subject: mail.subject, text: mail.text });
}
