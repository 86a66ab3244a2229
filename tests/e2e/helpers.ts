import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { ITEM_TEXTS } from '../fixtures/answers';

export const DEMO_PASSWORD = 'tend-demo-password';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Every page visited is scanned: WCAG 2.0–2.2 A and AA rules must all pass. */
export async function expectAccessible(page: Page): Promise<void> {
  // The title may be streamed after the page's first paint: wait for it rather than scan a page without one.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * axe needs scripts to run, so a page seen with JavaScript disabled is scanned by
 * opening the same address, as the same user, in a context that allows them.
 * (Only pages whose GET changes nothing are passed here.)
 */
export async function expectAccessibleWithoutJs(page: Page): Promise<void> {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  const mirror = await browser.newContext({ javaScriptEnabled: true, storageState: await page.context().storageState(), baseURL: new URL(page.url()).origin });
  try {
    const copy = await mirror.newPage();
    await copy.goto(page.url());
    await expectAccessible(copy);
  } finally {
    await mirror.close();
  }
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Hello,/ })).toBeVisible();
}

export function itemGroup(page: Page, text: string): Locator {
  return page.getByRole('group', { name: text, exact: true });
}

export const RESPONSE_LABELS = ['Never', 'Rarely', 'Sometimes', 'Often', 'Very Often'] as const;

/** Clicks an answer (JavaScript on or off). */
export async function answer(page: Page, text: string, value: number): Promise<void> {
  await itemGroup(page, text).getByRole('radio', { name: RESPONSE_LABELS[value - 1], exact: true }).check();
}

/** Presses Tab until `target` has focus (keyboard only), failing after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${target} with Tab`);
}

/** The progress indicator's text, e.g. "12 of 30 answered". */
export function progress(page: Page): Locator {
  return page.locator('#progress-label');
}

/**
 * Presses "Start check-in" (or "Resume check-in", or "Check in early" when none is due); before a first check-in the
 * privacy notice in short comes first: it is scanned with `scan`, then acknowledged.
 */
export async function startCheckIn(page: Page, scan: (page: Page) => Promise<void> = expectAccessible): Promise<void> {
  await page.getByRole('button', { name: /^((Start|Resume) check-in|Check in early)$/ }).click();
  await expect(page).toHaveURL(/\/(privacy\/summary\?continue=check-in|check-ins\/)/);
  if (page.url().includes('/privacy')) {
    await scan(page);
    await page.getByRole('button', { name: 'I understand: start my check-in' }).click();
  }
  await expect(page).toHaveURL(/\/check-ins\/[0-9a-f-]{36}/);
}

/**
 * From the home page, a whole check-in: starts it (acknowledging the privacy
 * notice first when asked, after scanning it with `scan`), gives `answers`
 * (item n gets answers[n - 1]) page by page, submits, and returns the new
 * check-in's id from the result page's address. JavaScript on or off.
 */
export async function completeCheckIn(page: Page, answers: readonly number[], scan: (page: Page) => Promise<void> = expectAccessible): Promise<string> {
  await page.goto('/');
  await startCheckIn(page, scan);
  for (let p = 1; p <= 5; p++) {
    for (let n = (p - 1) * 6 + 1; n <= p * 6; n++) await answer(page, ITEM_TEXTS[n - 1]!, answers[n - 1]!);
    await page.getByRole('button', { name: p < 5 ? 'Next page' : 'Submit check-in' }).click();
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your check-in result');
  return /\/check-ins\/([0-9a-f-]{36})\/result/.exec(page.url())![1]!;
}

/** Waits for an email to `to` in the run's SMTP sink and returns the first link matching `pattern`. */
export async function linkFromMail(to: string, pattern: RegExp): Promise<string> {
  const { readSinkDir, firstLink } = await import('../fixtures/smtp-sink');
  const { MAIL_DIR } = await import('./mail-dir');
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const message = readSinkDir(MAIL_DIR).reverse().find((m) => m.to.includes(to.toLowerCase()));
    const link = message && firstLink(message.raw, pattern);
    if (link) return link;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No email with a link to ${to} arrived`);
}
