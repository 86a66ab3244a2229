import { PROQOL5 } from '../../lib/instruments/proqol5';
import { SUBSCALE_ITEMS, REVERSED_ITEMS } from '../../lib/scoring';
import { completeCheckIn, expectAccessibleWithoutJs, signIn } from './helpers';
import { expect, test, type Page } from './test';

// Plain form posts: the quickest way through two whole check-ins.
test.use({ javaScriptEnabled: false });

/** Answers giving every subscale 30, then the changes asked for. */
function answersWith(change: (n: number) => number | undefined): number[] {
  return PROQOL5.items.map((item) => change(item.number) ?? 3);
}

async function checkIn(page: Page, answers: number[]): Promise<void> {
  await completeCheckIn(page, answers, expectAccessibleWithoutJs);
}

test('a result says what changed, calls only a reliable change real, and brings support to the top when burnout is high', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'e2e-result@example.test');

  // First check-in: 30 on every scale. Nothing to compare with; support sits at the foot.
  await checkIn(page, answersWith(() => undefined));
  await expect(page.getByText('From your next check-in, this page will also show what has changed since this one.')).toBeVisible();
  const headings = page.getByRole('heading', { level: 2 });
  await expect(headings.first()).toHaveText('Compassion satisfaction');
  await expect(headings.last()).toHaveText('Support contacts');
  // Every scale moderate: the guidance acknowledges some strain, as the burnout text does, never that nothing calls for attention.
  await expect(page.getByRole('heading', { name: 'Keeping some strain from building' })).toBeVisible();
  await expect(page.getByText(/Nothing in these scores calls for special attention/)).toHaveCount(0);
  // One check-in: the history has its table, and says the trend comes later.
  await page.goto('/history');
  await expect(page.getByText('Your one check-in so far. Your trend appears from the second check-in.')).toBeVisible();
  await expect(page.getByRole('table', { name: /^Burnout: your score$/ }).locator('tbody tr')).toHaveCount(1);
  await expectAccessibleWithoutJs(page);

  // Second: burnout 30 → 50 (a real change), STS 30 → 33 (within the ups and downs), CS the same.
  const burnout = new Set(SUBSCALE_ITEMS.burnout);
  const stsUp = new Set(SUBSCALE_ITEMS.secondaryTraumaticStress.slice(0, 3));
  await checkIn(page, answersWith((n) => (burnout.has(n) ? (REVERSED_ITEMS.includes(n) ? 1 : 5) : stsUp.has(n) ? 4 : undefined)));
  await expectAccessibleWithoutJs(page);
  const card = (name: string) => page.getByRole('region', { name });
  await expect(card('Burnout')).toContainText(/A real change since \d+ \w+ \d{4}: burnout is 20 points higher\./);
  await expect(card('Secondary traumatic stress')).toContainText(/3 points higher than on \d+ \w+ \d{4}: within the normal ups and downs of the questionnaire\./);
  await expect(card('Secondary traumatic stress')).not.toContainText('A real change');
  await expect(card('Compassion satisfaction')).toContainText(/The same as on \d+ \w+ \d{4}\./);
  // High burnout: support first, before the scores, with the line for a crisis.
  await expect(headings.first()).toHaveText('Support is here if you want it');
  await expect(page.getByText(/If you are in crisis or feel unsafe right now/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Support is here if you want it' })).toContainText('Staff wellbeing service');
  await expect(page.getByRole('heading', { name: 'Easing the weight of work' })).toBeVisible();

  // The history's burnout table calls the jump a real change; the small STS rise is not.
  await page.goto('/history');
  await expect(page.getByRole('table', { name: /^Burnout:/ }).locator('tbody tr').first()).toContainText('+20, real change');
  await expect(page.getByRole('table', { name: /^Secondary traumatic stress:/ }).locator('tbody tr').first().locator('td').last()).toHaveText('+3');

  // The support contacts are one link away from every page.
  await page.getByRole('contentinfo').getByRole('link', { name: 'Support' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Support');
  await expect(page.getByRole('listitem').filter({ hasText: 'Employee Assistance Programme' }).getByRole('link')).toHaveAttribute('href', 'https://eap.example.org');
  await expect(page.getByRole('link', { name: '020 7946 0321' })).toHaveAttribute('href', 'tel:02079460321');
  await expectAccessibleWithoutJs(page);
});
