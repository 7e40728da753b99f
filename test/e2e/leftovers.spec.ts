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

test('the overlay bar is one line at 1440×900, tidy and keyboard-reachable on smaller screens', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New from template…' }).click();
  await page.getByRole('button', { name: 'Create Online store purchase' }).click();
  await expect(page.getByTestId('map-title')).toContainText('Online store purchase');
  await page.getByRole('button', { name: 'Data overlay', exact: true }).click();
  const bar = page.getByRole('region', { name: 'Data overlay' });
  await bar.getByRole('button', { name: 'Load sample data' }).click();
  await expect(bar.getByLabel('Overlay metric')).toHaveValue('nps');

  const controls = [
    bar.getByLabel('Overlay metric'),
    bar.getByLabel('Period length'),
    bar.getByLabel('Period', { exact: true }),
    bar.getByLabel('Segment'),
    bar.getByLabel('Target'),
    bar.getByText('Settings', { exact: true }),
    bar.getByRole('button', { name: /^Breakdowns/ }),
    bar.getByRole('button', { name: 'Turn the data overlay off' }),
  ];
  const rows = async () => {
    const tops = new Set<number>();
    for (const control of controls) {
      const box = (await control.boundingBox())!;
      tops.add(Math.round((box.y + box.height / 2) / 20));
    }
    return tops.size;
  };
  expect(await rows()).toBe(1);

  for (const [width, height] of [
    [1280, 720],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    expect(await rows()).toBeLessThanOrEqual(2);
    for (const control of controls) await expect(control).toBeInViewport();
  }

  // The less-used settings, by keyboard: the popover opens, Min n is in it, Escape closes it.
  const settings = bar.getByText('Settings', { exact: true });
  await settings.focus();
  await page.keyboard.press('Enter');
  const minN = bar.getByRole('group', { name: 'Overlay settings' }).getByLabel('Min n');
  await expect(minN).toBeVisible();
  await expect(bar.getByRole('group', { name: 'NPS settings' }).getByLabel('Family')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(minN).toBeFocused();
  await minN.fill('40');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(minN).toBeHidden();
  await expect(settings).toBeFocused();
  await settings.press('Enter');
  await expect(minN).toHaveValue('40');
});
