import { test as base, expect, type BrowserContext } from '@playwright/test';

/**
 * Playwright's `test`, with one addition: every browser context a test opens
 * (its own, and any from `browser.newContext()`) is watched for Content
 * Security Policy violations, and a test that caused one fails at its end.
 * So every page the suite visits, with JavaScript or without, runs under the
 * policy proxy.ts sends.
 */
const violations: string[] = [];
const watched = new WeakSet<BrowserContext>();

function watch(context: BrowserContext): void {
  if (watched.has(context)) return;
  watched.add(context);
  context.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(`${message.page()?.url() ?? '?'}: ${message.text()}`);
  });
  context.on('weberror', (error) => {
    if (/Content Security Policy/i.test(error.error().message)) violations.push(error.error().message);
  });
}

/** Hands over (and forgets) the violations seen so far: for a test that causes one on purpose. */
export function takeViolations(): string[] {
  return violations.splice(0);
}

export const test = base.extend<{ cspWatch: void }>({
  context: async ({ context }, provide) => {
    watch(context);
    await provide(context);
  },
  cspWatch: [
    async ({ browser }, provide) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const context = await newContext(...args);
        watch(context);
        return context;
      };
      violations.length = 0;
      await provide();
      browser.newContext = newContext;
      expect(violations, 'Content Security Policy violations in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Page, Locator } from '@playwright/test';
