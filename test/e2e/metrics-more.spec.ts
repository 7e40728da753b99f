import type { Page } from '@playwright/test';
import {
  expect,
  test,
  card,
  createOnlineStore,
  loadSampleData,
  openImportWizard,
  overlayBar,
  violations,
} from './fixtures';

/**
 * Issue 4's last pieces, driven like a user: the emotion lane's data-derived curve beside the
 * designed one while the data overlay is on, and (below) the segment column: picked in the import
 * wizard, stored per segment, and chosen in the overlay bar.
 */

const bar = overlayBar;
const dataPoint = (page: Page, metric: string, name: string) =>
  page
    .getByTestId('emotion-data-series')
    .getByRole('img', { name: new RegExp(`^${metric} \\(data\\) at ${name}: `) });

test('the emotion lane draws the overlay metric beside the designed curve, following metric, period and target', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createOnlineStore(page);
  const lane = page.getByTestId('emotion-lane');
  await expect(lane).toBeVisible();
  // Overlay off: the designed curve alone, no legend.
  await expect(page.getByTestId('emotion-data-series')).toHaveCount(0);
  await expect(lane.getByRole('list', { name: 'Curves' })).toHaveCount(0);

  await loadSampleData(page);
  const legend = lane.getByRole('list', { name: 'Curves' });
  await expect(legend.getByRole('listitem')).toHaveText(['Designed emotion', 'NPS (data)']);
  // One diamond per touchpoint asked NPS (11 of 15): the others are gaps, not zeros.
  await expect(page.getByTestId('emotion-data-series').getByRole('img')).toHaveCount(11);
  await expect(dataPoint(page, 'NPS', 'Wrong item: support call')).toHaveAccessibleName(
    /NPS −42, n 250, 95% CI −\d+ to −\d+, below the target \+30/,
  );
  await expect(dataPoint(page, 'NPS', 'Feedback survey')).toHaveCount(0);
  // The n of each point is written beside it.
  await expect(page.getByTestId('emotion-data-series')).toContainText('n 250');

  // The lane with both curves passes axe (WCAG 2.1 AA).
  expect(await violations(page, '[data-testid="emotion-lane"]')).toEqual([]);

  // The designed points stay editable; the data points are not sliders.
  await expect(page.getByRole('slider', { name: /^Emotion of / })).toHaveCount(15);
  const designed = page.getByRole('slider', { name: /^Emotion of Shipping updates: / });
  const before = await designed.getAttribute('aria-valuenow');
  await designed.focus();
  await page.keyboard.press('ArrowDown');
  await expect(designed).toHaveAttribute('aria-valuenow', String(Number(before) - 1));

  // Another period: Q1's support line was −20.
  await bar(page).getByLabel('Period', { exact: true }).selectOption('2025-Q1');
  await expect(dataPoint(page, 'NPS', 'Wrong item: support call')).toHaveAccessibleName(/NPS −20, n 250/);
  await bar(page).getByLabel('Period', { exact: true }).selectOption('latest');

  // Another target moves the centre: −50 is met by the support line.
  const target = bar(page).getByLabel('Target');
  await target.fill('-50');
  await target.press('Enter');
  await expect(dataPoint(page, 'NPS', 'Wrong item: support call')).toHaveAccessibleName(
    /meets the target −50/,
  );

  // Another metric: CSAT's five touchpoints.
  await bar(page).getByLabel('Overlay metric').selectOption('csat');
  await expect(legend.getByRole('listitem')).toHaveText(['Designed emotion', 'CSAT (data)']);
  await expect(page.getByTestId('emotion-data-series').getByRole('img')).toHaveCount(5);
  await expect(dataPoint(page, 'CSAT', 'Wrong item: support call')).toHaveAccessibleName(
    /CSAT 9\d%, n 250, .*meets the target 80%/,
  );

  // Overlay off: the data curve goes, the designed one stays.
  await page.getByRole('button', { name: 'Data overlay', exact: true }).click();
  await expect(page.getByTestId('emotion-data-series')).toHaveCount(0);
  await expect(page.getByRole('slider', { name: /^Emotion of / })).toHaveCount(15);
});

test('the segment picker narrows cards, stage values, breakdowns and the inspector to one plan', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createOnlineStore(page);
  await loadSampleData(page);
  const segment = bar(page).getByLabel('Segment');
  await expect(segment).toHaveValue('*');
  await expect(segment.locator('option')).toHaveText(['All segments', 'Premium', 'Standard']);

  // Checkout's effort score: below target for everyone, met by Premium members, worse for Standard.
  await bar(page).getByLabel('Overlay metric').selectOption('ces');
  const checkout = card(page, 'Checkout and payment');
  await expect(checkout.getByTestId('overlay-badge')).toContainText('n 400');
  await expect(checkout).toHaveAttribute('data-overlay-step', /^-/);
  await segment.selectOption({ label: 'Premium' });
  await expect(checkout.getByTestId('overlay-badge')).toContainText('n 120');
  await expect(checkout).toHaveAttribute('data-overlay-step', /^[123]$/);
  const decision = page.getByTestId('stage-header').filter({ hasText: 'Decision' });
  await expect(decision.getByTestId('stage-aggregate')).toContainText('n 120');
  await expect(page.getByTestId('overlay-legend')).toContainText('CES · 2025-Q4 · Premium');
  await segment.selectOption({ label: 'Standard' });
  await expect(checkout.getByTestId('overlay-badge')).toContainText('n 280');
  await expect(checkout).toHaveAttribute('data-overlay-step', '-3');

  // Breakdowns follow: checkout is a service breakdown for Standard, not for Premium.
  await bar(page)
    .getByRole('button', { name: /^Breakdowns/ })
    .click();
  const panel = page.getByRole('complementary', { name: 'Breakdowns' });
  const entries = panel.getByTestId('breakdown-entry');
  await expect(entries.filter({ hasText: 'Checkout and payment' })).toHaveCount(1);
  await segment.selectOption({ label: 'Premium' });
  await expect(entries.filter({ hasText: 'Checkout and payment' })).toHaveCount(0);
  await expect(
    entries.filter({ hasText: 'Experience breakdown' }).filter({ hasText: 'Wrong item: support call' }),
  ).toHaveCount(1);

  // The inspector's chart and comments follow the segment too.
  await checkout.click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const data = inspector.getByTestId('touchpoint-data');
  const comments = data.getByText(/^Comments \(\d+\)$/);
  await expect(comments).toBeVisible();
  const premiumComments = Number(/\d+/.exec((await comments.textContent())!)![0]);
  await segment.selectOption('*');
  await expect(comments).not.toHaveText(`Comments (${premiumComments})`);
  const allComments = Number(/\d+/.exec((await comments.textContent())!)![0]);
  expect(allComments).toBeGreaterThan(premiumComments);
  await expect(checkout.getByTestId('overlay-badge')).toContainText('n 400');
});

/** Raw responses with a membership column the guess does not know: Gold members love checkout. */
function membershipCsv(): string {
  const lines = ['Step,Submitted,Recommend (0-10),Member level,Why'];
  for (let i = 0; i < 90; i++) {
    const day = `2025-03-${String(1 + (i % 28)).padStart(2, '0')}`;
    const level = i % 3 === 0 ? 'Gold' : i === 1 || i === 2 ? '' : 'Basic';
    const nps = level === 'Gold' ? 9 + (i % 2) : i % 7;
    lines.push(
      ['Checkout and payment', day, String(nps), level, i === 3 ? '"Saved card, one click"' : ''].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

test('a segment column picked in the import wizard becomes the overlay’s segment choice', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(host.url);
  await createOnlineStore(page);
  const wizard = await openImportWizard(page, 'members.csv', membershipCsv());

  // The guess leaves "Member level" alone; the user makes it the segment.
  const role = wizard.getByLabel('Role of column “Member level”');
  await expect(role).toHaveValue('ignore');
  await expect(role.locator('option', { hasText: 'Segment' })).toHaveCount(1);
  await role.selectOption('segment');
  await expect(wizard.getByLabel('Role of column “Step”')).toHaveValue('touchpoint');
  await wizard.getByRole('button', { name: 'Check the file' }).click();

  // The check: rows per segment, and the two blank cells noted (kept, under "No segment").
  await expect(wizard.getByTestId('import-segments')).toHaveText(
    'Segments: Basic (58 rows), Gold (30 rows), No segment (2 rows)',
  );
  const issues = wizard.getByRole('table', { name: 'Problems found' });
  const blank = issues.getByRole('row', { name: /blank segment/ });
  await expect(blank).toContainText('2');
  await expect(blank).toContainText('row 3, Member level');
  await expect(blank).toContainText('The rows are imported, under “No segment”.');
  await wizard.getByRole('button', { name: /^Import 90 rows$/ }).click();
  await expect(wizard.getByText(/Imported “members”: 90 rows stored/)).toBeVisible();
  await wizard.getByRole('button', { name: 'Done' }).click();

  // The overlay offers the segments; Gold members' checkout NPS is +100.
  await page.getByRole('button', { name: 'Data overlay', exact: true }).click();
  const segment = bar(page).getByLabel('Segment');
  await expect(segment.locator('option')).toHaveText(['All segments', 'Basic', 'Gold', 'No segment']);
  const checkout = card(page, 'Checkout and payment');
  await expect(checkout.getByTestId('overlay-badge')).toContainText('n 90');
  await segment.selectOption({ label: 'Gold' });
  await expect(checkout.getByTestId('overlay-badge')).toContainText('NPS +100');
  await expect(checkout.getByTestId('overlay-badge')).toContainText('n 30');
  await segment.selectOption({ label: 'No segment' });
  await expect(checkout.getByTestId('overlay-badge')).toContainText('n 2');
  await segment.selectOption({ label: 'Basic' });
  await expect(checkout.getByTestId('overlay-badge')).toContainText('n 58');
  await expect(checkout.getByTestId('overlay-badge')).toContainText('NPS −100');
});
