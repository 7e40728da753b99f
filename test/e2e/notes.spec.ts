import type { Locator, Page } from '@playwright/test';
import { expect, test, connect, inspector, nameInPlace, newBlankMap, saved } from './fixtures';

/**
 * Opportunities, free notes and the emotion curve, end to end in browser mode: made from the
 * toolbar, connected by dragging, edited in the inspector, kept after a reload, undone.
 */

const undo = (page: Page) => page.getByRole('button', { name: 'Undo' });

const flowNode = (card: Locator) =>
  card.locator('xpath=ancestor::div[contains(@class,"react-flow__node")][1]');

test('an opportunity is added from the toolbar and attached to a pain point by dragging', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await newBlankMap(page);

  // Nothing selected: the opportunity lands in the first cell, unattached.
  await page.getByRole('button', { name: 'Add opportunity' }).click();
  await nameInPlace(page, 'Proactive refund updates');
  await expect(inspector(page).getByText('Opportunity', { exact: true })).toBeVisible();
  await inspector(page).getByLabel('Status').selectOption('planned');
  await inspector(page).getByLabel('Owner').selectOption({ label: 'Customer Service' });
  await inspector(page).getByRole('button', { name: 'Add a vote' }).click();
  await saved(page);
  await expect(inspector(page).getByText('Not attached.', { exact: false })).toBeVisible();

  // A touchpoint and a pain point in the same cell.
  await page.getByRole('button', { name: 'Add touchpoint' }).click();
  await nameInPlace(page, 'Refund');
  await page.getByRole('button', { name: 'Add pain point' }).click();
  await nameInPlace(page, 'No refund status updates');

  const opportunity = page.getByTestId('opportunity-note');
  const pain = page.getByTestId('painpoint-note');
  await expect(opportunity).toContainText('Proactive refund updates');
  await expect(opportunity).toContainText('Planned');
  await expect(opportunity.getByLabel('1 vote')).toBeVisible();
  await expect(opportunity.getByLabel('Owner: Customer Service')).toBeVisible();

  await page.getByRole('button', { name: 'Fit view' }).click();
  const edges = page.locator('.react-flow__edge');
  await expect(edges).toHaveCount(0);
  // Dragged onto the pain point's own handle.
  await connect(
    page,
    flowNode(opportunity).locator('.react-flow__handle.source'),
    flowNode(pain).locator('.react-flow__handle.target'),
  );
  await expect(edges).toHaveCount(1);
  await expect(page.locator('.react-flow__edge.edge-attachment')).toHaveCount(1);
  await saved(page);

  await opportunity.click();
  await expect(inspector(page).getByRole('button', { name: 'No refund status updates' })).toBeVisible();
  await pain.click();
  await expect(inspector(page).getByRole('button', { name: /Proactive refund updates/ })).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('opportunity-note')).toContainText('Proactive refund updates');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await page.getByTestId('opportunity-note').click();
  await expect(inspector(page).getByLabel('Status')).toHaveValue('planned');
  await expect(inspector(page).getByLabel('Votes')).toHaveValue('1');

  // Added with a pain point selected, an opportunity comes attached to it: one undo step takes
  // both away, in the library too.
  await page.getByTestId('painpoint-note').click();
  await page.getByRole('button', { name: 'Add opportunity' }).click();
  await nameInPlace(page, 'Status page');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await expect(page.getByTestId('opportunity-note')).toHaveCount(2);
  await undo(page).click();
  await expect(page.getByTestId('opportunity-note')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await saved(page);
  await page.reload();
  await expect(page.getByTestId('opportunity-note')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
});

test('a free note is added, its text and colour edited, and kept after a reload', async ({ page, host }) => {
  await page.goto(host.url);
  await newBlankMap(page);
  await page.getByRole('button', { name: 'Add note' }).click();
  const note = page.getByTestId('free-note');
  await expect(note).toHaveCount(1);
  await expect(note).toContainText('Empty note');

  // The text field has the focus: type, Ctrl+Enter saves.
  const text = inspector(page).getByLabel('Text');
  await expect(text).toBeFocused();
  await page.keyboard.type('Parking lot: loyalty scheme?');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('Ask finance');
  await page.keyboard.press('Control+Enter');
  await saved(page);
  await expect(note).toContainText('Parking lot: loyalty scheme?');
  await expect(note).toContainText('Ask finance');
  await expect(inspector(page).getByRole('heading', { name: 'Parking lot: loyalty scheme?' })).toBeVisible();

  // A colour, undone and redone: one step each.
  await inspector(page).getByRole('radio', { name: 'Pink' }).check();
  await expect(note).toHaveClass(/free-note--pink/);
  await undo(page).click();
  await expect(note).toHaveClass(/free-note--blue/);
  await expect(note).toContainText('Ask finance');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(note).toHaveClass(/free-note--pink/);
  await saved(page);

  await page.reload();
  await expect(page.getByTestId('free-note')).toContainText('Ask finance');
  await expect(page.getByTestId('free-note')).toHaveClass(/free-note--pink/);
});
