import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';

/**
 * Screenshots of a template map in the light and the dark theme, kept as artifacts in
 * test-results/screenshots/ (git-ignored) and attached to the test report. The theme follows the
 * operating system, so each test sets the colour scheme the browser reports before opening the app.
 */

const SCREENSHOT_DIR = join('test-results', 'screenshots');

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the online store sample in the ${colorScheme} theme`, async ({ page, host }, testInfo) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(host.url);
    await page.getByRole('button', { name: 'New from template…' }).click();
    const chooser = page.getByRole('dialog', { name: 'New map from template' });
    await chooser.getByRole('button', { name: 'Create Online store purchase' }).click();
    await expect(chooser).toBeHidden();
    await expect(page.getByTestId('map-title')).toContainText('Online store purchase');

    // The map rendered: every card and note is on screen, in the theme asked for, with no error.
    const cards = page.getByTestId('touchpoint-card');
    await expect(cards).toHaveCount(15);
    for (const card of await cards.all()) await expect(card).toBeInViewport();
    await expect(page.getByTestId('painpoint-note')).toHaveCount(6);
    await expect(page.getByTestId('stage-header')).toHaveCount(5);
    await expect(page.getByTestId('lane-header')).toHaveCount(4);
    await expect(page.locator('.react-flow')).toHaveClass(new RegExp(`\\b${colorScheme}\\b`));
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByTestId('save-status')).toHaveText('Saved');

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const path = join(SCREENSHOT_DIR, `online-store-${colorScheme}.png`);
    await page.screenshot({ path });
    await testInfo.attach(`online-store-${colorScheme}`, { path, contentType: 'image/png' });
  });
}
