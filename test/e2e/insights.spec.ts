import { expect, test, card, createOnlineStore, inspector, saved, violations } from './fixtures';

/**
 * The data overlay end to end, as a CX lead uses it: the online-store sample map, its generated
 * survey data, NPS on the cards, the breakdowns, a breakdown turned into a pain point, and one
 * touchpoint's data and comments in the inspector.
 */

test('the sample data on the map: overlay, breakdowns, a pain point from one, and a touchpoint’s data', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createOnlineStore(page);

  // Overlay on: the map has no data yet and offers the sample.
  const toggle = page.getByRole('button', { name: 'Data overlay', exact: true });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const bar = page.getByRole('region', { name: 'Data overlay' });
  await expect(bar).toContainText('This map has no data yet.');
  await bar.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByText('Sample data loaded: 15,400 responses over four quarters.')).toBeVisible();

  // NPS for the latest quarter: coloured cards with value, n and trend, a legend, stage values.
  await expect(bar.getByLabel('Overlay metric')).toHaveValue('nps');
  await expect(bar.getByLabel('Period', { exact: true })).toHaveValue('latest');
  const support = card(page, 'Wrong item: support call');
  await expect(support).toHaveAttribute('data-overlay-step', '-3');
  await expect(support.getByTestId('overlay-badge')).toContainText('NPS −42');
  await expect(support.getByTestId('overlay-badge')).toContainText('n 250');
  await expect(card(page, 'Shipping updates')).toHaveAttribute('data-overlay-step', /^[123]$/);
  await expect(card(page, 'Feedback survey').getByTestId('overlay-badge')).toHaveText('NPS: no data');
  const legend = page.getByTestId('overlay-legend');
  await expect(legend).toContainText('NPS · 2025-Q4');
  await expect(legend).toContainText('target +30');
  const retention = page.getByTestId('stage-header').filter({ hasText: 'Retention' });
  await expect(retention.getByTestId('stage-aggregate')).toContainText('n 650');
  await expect(page.locator('.react-flow__edge.edge-handoff-breakdown')).toHaveCount(1);
  await expect(page.getByText('Hand-off breakdown: NPS −87 points')).toBeVisible();

  // Another period recomputes: Q1's support line was less bad.
  await bar.getByLabel('Period', { exact: true }).selectOption('2025-Q1');
  await expect(support.getByTestId('overlay-badge')).toContainText('NPS −20');
  await bar.getByLabel('Period', { exact: true }).selectOption('latest');
  await expect(support.getByTestId('overlay-badge')).toContainText('NPS −42');

  // The breakdowns, worst first: checkout (service), the hand-off, the support line (experience).
  await bar.getByRole('button', { name: /^Breakdowns/ }).click();
  const panel = page.getByRole('complementary', { name: 'Breakdowns' });
  const stagesFound = panel.getByTestId('stage-breakdown');
  await expect(stagesFound).toHaveCount(2);
  await expect(stagesFound.filter({ hasText: 'Retention (stage)' })).toContainText('Experience breakdown');
  await expect(stagesFound.filter({ hasText: 'Decision (stage)' })).toContainText('Service breakdown');
  const entries = panel.getByTestId('breakdown-entry');
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toContainText('Service breakdown');
  await expect(entries.nth(0)).toContainText('Checkout and payment');
  await expect(entries.nth(1)).toContainText('Hand-off Sales → Customer Service');
  await expect(entries.nth(2)).toContainText('Experience breakdown');

  // One click: a pain point attached to the support call, with the figures as evidence; undoable.
  const notes = page.getByTestId('painpoint-note');
  await expect(notes).toHaveCount(6);
  await panel.getByRole('button', { name: 'Make pain point: Wrong item: support call' }).click();
  await expect(notes).toHaveCount(7);
  const made = notes.filter({ hasText: 'Experience breakdown: Wrong item: support call' });
  await expect(made).toBeVisible();
  await expect(inspector(page).getByLabel('Evidence')).toHaveValue(/NPS −42 \(n 250, 95% CI/);
  await saved(page);
  await page.keyboard.press('Control+z');
  await expect(notes).toHaveCount(6);
  await page.keyboard.press('Control+Shift+z');
  await expect(notes).toHaveCount(7);
  await saved(page);

  // The entry focuses its touchpoint; the inspector shows its data and searchable comments.
  await entries.nth(2).locator('.ov-finding__focus').click();
  await expect(inspector(page).getByRole('heading', { name: 'Wrong item: support call' })).toBeVisible();
  const data = inspector(page).getByTestId('touchpoint-data');
  await expect(data.getByTestId('metric-detail')).toHaveCount(2);
  await expect(data.getByRole('img', { name: /^NPS over time/ })).toBeVisible();
  await expect(data.getByRole('img', { name: /^Distribution of NPS scores/ })).toBeVisible();
  await expect(data.getByTestId('comment').first()).toContainText('NPS 0');
  await data.getByPlaceholder('Search comments').fill('hold');
  await expect(data.getByText(/matching “hold”/)).toBeVisible();
  const comments = data.getByTestId('comment');
  await expect(comments.first()).toContainText(/hold/i);
  for (const text of await comments.allTextContents()) expect(text.toLowerCase()).toContain('hold');

  // Off restores the plain map; the pain point is saved with the map.
  await toggle.click();
  await expect(page.getByTestId('overlay-badge')).toHaveCount(0);
  await expect(page.locator('[data-overlay-step]')).toHaveCount(0);
  await expect(page.getByTestId('overlay-legend')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('painpoint-note')).toHaveCount(7);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`${colorScheme} theme: the overlay, its legend, the breakdowns and the inspector's data pass axe`, async ({
    page,
    host,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(host.url);
    await createOnlineStore(page);
    await page.getByRole('button', { name: 'Data overlay', exact: true }).click();
    await page.getByRole('button', { name: 'Load sample data' }).click();
    await expect(card(page, 'Wrong item: support call')).toHaveAttribute('data-overlay-step', '-3');
    await page
      .getByRole('region', { name: 'Data overlay' })
      .getByRole('button', { name: /^Breakdowns/ })
      .click();
    await expect(page.getByTestId('breakdown-entry')).toHaveCount(3);
    await page.getByTestId('breakdown-entry').nth(2).locator('.ov-finding__focus').click();
    await expect(inspector(page).getByTestId('metric-detail')).toHaveCount(2);
    await expect(inspector(page).getByTestId('comment').first()).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
}
