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
