import type { Request, Route } from '@playwright/test';
import { expect, test } from './fixtures';

/** Fixes from a code review: each test here failed before its fix. */

test('closing the import dialog while the file is being opened ends that import session', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New blank map' }).click();
  await page.getByRole('button', { name: 'Import data…' }).click();
  const wizard = page.getByRole('dialog', { name: 'Import data' });

  // Hold the server's answer to "open this file" until the dialog is closed.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let beginRequest: Request | null = null;
  await page.route('**/api/imports.begin', async (route: Route) => {
    beginRequest = route.request();
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });
  await wizard.getByLabel('File to import').setInputFiles({
    name: 'late.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Touchpoint,NPS\nSupport call,9\n', 'utf8'),
  });
  await expect(wizard.getByText('Reading late.csv…')).toBeVisible();
  await expect.poll(() => beginRequest !== null).toBe(true);
  await page.keyboard.press('Escape');
  await expect(wizard).toBeHidden();

  const discard = page.waitForRequest('**/api/imports.discard');
  const begun = page.waitForResponse('**/api/imports.begin');
  release();
  const { value } = (await (await begun).json()) as { value: { sessionId: string } };
  expect(JSON.parse((await discard).postData() ?? '{}')).toEqual({ sessionId: value.sessionId });

  // The session (and with it the uploaded file) is gone on the server, and nothing was shown.
  await expect
    .poll(async () => {
      const status = await page.request.post(`${new URL(host.url).origin}/api/imports.status`, {
        headers: { 'x-journey-token': beginRequest!.headers()['x-journey-token']! },
        data: { sessionId: value.sessionId },
      });
      return ((await status.json()) as { error?: { code: string } }).error?.code;
    })
    .toBe('not-found');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('browser mode does not advertise Ctrl+N, which the browser keeps for itself', async ({ page, host }) => {
  await page.goto(host.url);
  // The library's button names no shortcut it cannot honour.
  const newMap = page.getByRole('button', { name: 'New blank map' });
  await expect(newMap).toHaveAttribute('title', 'New blank map');
  await newMap.click();
  await expect(page.getByTestId('stage-header').first()).toBeVisible();

  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const row = dialog.locator('[data-command="map.new"]');
  await expect(row).toContainText('New blank map');
  await expect(row).toContainText('No shortcut');
  await expect(row).not.toContainText(/Ctrl\+N|⌘N/);
  // Searching for the key finds nothing either; the shortcuts that do work are still listed.
  await dialog.getByRole('searchbox', { name: 'Search commands' }).fill('ctrl+n');
  await expect(dialog.locator('[data-command="map.new"]')).toHaveCount(0);
  await dialog.getByRole('searchbox', { name: 'Search commands' }).fill('library');
  await expect(dialog.locator('[data-command="app.library"]')).toContainText(/Ctrl\+Shift\+L|⇧⌘L/);
});
