import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// A real Chromium from the system (Debian's package); Playwright never downloads one.
export const CHROMIUM =
  process.env.CHROMIUM_PATH ?? ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const port = Number(process.env.E2E_PORT ?? 3100);
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2526);
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 3109);

export default defineConfig({
  testDir: 'tests/e2e',
  // One server on one embedded database, two cores: one test at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results/playwright',
  // The multi-instance tests need a PostgreSQL server (PGlite is one process by design).
  projects: [
    { name: 'app', testIgnore: '**/multi-instance/**' },
    ...(process.env.TEST_DATABASE_URL ? [{ name: 'multi-instance', testMatch: '**/multi-instance/**/*.spec.ts' }] : []),
  ],
  use: {
    // Auth.js redirects to localhost; browse there rather than 127.0.0.1.
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'node node_modules/tsx/dist/cli.mjs scripts/e2e-server.ts --fresh',
    url: `http://localhost:${port}/sign-in`,
    env: { E2E_DATA_DIR: '.data/e2e', PORT: String(port), SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      EMAIL_FROM: 'Tend <tend@example.test>',
      // Reminder emails are tested on their own (multi-instance/reminders.spec.ts): none land among other tests' mail.
      TEND_REMINDERS: 'off',
      OIDC_ISSUER: `http://localhost:${oidcPort}`,
      OIDC_CLIENT_ID: 'tend-e2e',
      OIDC_CLIENT_SECRET: 'tend-e2e-client-secret',
      OIDC_NAME: 'Riverside SSO',
    },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
