import { rmSync } from 'node:fs';
import { startOidcProvider } from '../fixtures/oidc-provider';
import { startSmtpSink } from '../fixtures/smtp-sink';
import { MAIL_DIR } from './mail-dir';


/**
 * Local peers for the run: an SMTP server the app sends real mail to (tests read
 * it from MAIL_DIR), and an OpenID Connect provider for single sign-on.
 */
export default async function globalSetup() {
  rmSync(MAIL_DIR, { recursive: true, force: true });
  const sink = await startSmtpSink({ port: Number(process.env.E2E_SMTP_PORT ?? 2526), dir: MAIL_DIR });
  const oidc = await startOidcProvider({
    port: Number(process.env.E2E_OIDC_PORT ?? 3109),
    redirectUri: `http://localhost:${process.env.E2E_PORT ?? 3100}/api/auth/callback/sso`,
  });
  return async () => {
    await sink.close();
    await oidc.close();
  };
}
