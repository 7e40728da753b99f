import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { expect, test as base, type Locator, type Page } from '@playwright/test';
import { JourneyRepository } from '../../electron/db/journey-repository';

/**
 * A browser-mode host per test, on a fresh library file in a temp folder: the same build and the
 * same handler table a user runs with `npm run web`.
 */

const WEB_ENTRY = resolve('out/main/web.js');

export interface HostProcess {
  url: string;
  dbPath: string;
  stop(): Promise<void>;
}

export function startHost(dbPath: string): Promise<HostProcess> {
  return new Promise((resolvePromise, reject) => {
    const child: ChildProcess = spawn(process.execPath, [WEB_ENTRY, '--db', dbPath, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The web host did not start in time:\n${output}`));
    }, 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open:\s+(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({
          url: match[1]!,
          dbPath,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The web host exited with ${code}:\n${output}`));
    });
  });
}

export const test = base.extend<{ host: HostProcess & { restart(): Promise<HostProcess> } }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring.
  host: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'journey-e2e-'));
    const dbPath = join(dir, 'library.sqlite');
    let current = await startHost(dbPath);
    const handle = {
      get url() {
        return current.url;
      },
      dbPath,
      stop: () => current.stop(),
      async restart() {
        await current.stop();
        current = await startHost(dbPath);
        return current;
      },
    };
    await use(handle);
    await current.stop();
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };

/** From the library: "New from template…", then one template; done when the new map is open. */
export async function createFromTemplate(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New from template…' }).click();
  const chooser = page.getByRole('dialog', { name: 'New map from template' });
  await chooser.getByRole('button', { name: `Create ${name}` }).click();
  await expect(chooser).toBeHidden();
  await expect(page.getByTestId('map-title')).toContainText(name);
}

/** The online-store template, the map most tests start from. */
export const createOnlineStore = (page: Page) => createFromTemplate(page, 'Online store purchase');

/** Waits until the save indicator says every edit is written to the library file. */
export const saved = (page: Page) => expect(page.getByTestId('save-status')).toHaveText('Saved');
export const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
/** The data overlay's bar. */
export const overlayBar = (page: Page) => page.getByRole('region', { name: 'Data overlay' });

/** Overlay on, then the sample data loaded: done when the wrong-delivery call shows its colour. */
export async function loadSampleData(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Data overlay', exact: true }).click();
  await overlayBar(page).getByRole('button', { name: 'Load sample data' }).click();
  await expect(card(page, 'Wrong item: support call')).toHaveAttribute('data-overlay-step', '-3');
}

/**
 * In the overlay bar's Settings: each value typed into Min n and confirmed is refused on the field,
 * with the message tied to it; the value it had is then accepted again.
 */
export async function expectMinNRefuses(page: Page, values: string[]): Promise<void> {
  const bar = overlayBar(page);
  await bar.getByText('Settings', { exact: true }).click();
  const minN = bar.getByLabel('Min n');
  const before = await minN.inputValue();
  for (const bad of values) {
    await minN.fill(bad);
    await minN.press('Enter');
    await expect(minN).toHaveAttribute('aria-invalid', 'true');
    await expect(minN).toHaveAccessibleDescription('The minimum n is a whole number from 1 to 100000.');
  }
  await minN.fill(before);
  await minN.press('Enter');
  await expect(minN).toHaveAttribute('aria-invalid', 'false');
}

/** "Import data…" with a CSV file chosen in the wizard; returns the wizard. */
export async function openImportWizard(page: Page, name: string, csv: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Import data…' }).click();
  const wizard = page.getByRole('dialog', { name: 'Import data' });
  await wizard
    .getByLabel('File to import')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  return wizard;
}

/** The canvas's view (pan and zoom), read from React Flow's viewport transform. */
export const viewOf = (page: Page) =>
  page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const m = new DOMMatrixReadOnly(getComputedStyle(viewport).transform);
    return { x: m.e, y: m.f, zoom: m.a };
  });

/** The canvas's zoom, read from React Flow's viewport transform. */
export const zoomOf = async (page: Page) => (await viewOf(page)).zoom;
export const touchpoints = (page: Page) => page.getByTestId('touchpoint-card');
export const card = (page: Page, name: string) => touchpoints(page).filter({ hasText: name });
export const stageHeader = (page: Page, name: string) =>
  page.getByTestId('stage-header').filter({ hasText: name });
export const laneHeader = (page: Page, name: string) =>
  page.getByTestId('lane-header').filter({ hasText: name });

/** "New blank map" in the library; done when the empty map is open. */
export async function newBlankMap(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New blank map' }).click();
  await expect(page.getByTestId('map-title')).toContainText('Untitled journey');
  await expect(page.getByTestId('stage-header')).toHaveCount(5);
}

/** Names the selected stage, lane or card in the inspector and waits until it is saved. */
export async function renameSelected(page: Page, name: string): Promise<void> {
  const field = inspector(page).getByLabel('Name', { exact: true });
  await field.fill(name);
  await field.press('Enter');
  await saved(page);
}

/**
 * Names what an Add command just put on the map (a card, a stage or a lane) in its in-place
 * editor, which has the focus, and confirms with Enter.
 */
export async function nameInPlace(page: Page, name: string): Promise<void> {
  const field = page.locator('.inline-edit__input');
  await expect(field).toBeFocused();
  await field.fill(name);
  await field.press('Enter');
  await expect(field).toBeHidden();
  await saved(page);
}

/** A locator's box once it has stopped moving (the viewport animates after Fit view). */
export async function settledBox(locator: Locator) {
  let previous = await locator.boundingBox();
  for (;;) {
    await locator.page().waitForTimeout(50);
    const current = await locator.boundingBox();
    if (current && previous && current.x === previous.x && current.y === previous.y) return current;
    previous = current;
  }
}

/** Drags from one handle to another the way a user does: press, move in steps, release. */
export async function connect(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await settledBox(from);
  const b = await settledBox(to);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 5, { steps: 8 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

/** The open map as the library stores it, read straight from the database file. */
export function storedMap(page: Page, dbPath: string) {
  const id = /#\/map\/([^/?#]+)/.exec(page.url())![1]!;
  const db = new Database(dbPath, { readonly: true });
  try {
    return new JourneyRepository(db).get(id);
  } finally {
    db.close();
  }
}

/**
 * axe-core's WCAG 2.1 A and AA violations on the page (or only inside `include`), each with the
 * first few elements and why they fail, so a failing test says what to fix.
 */
export async function violations(page: Page, include?: string) {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const result = await builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => ({
    rule: v.id,
    help: v.help,
    nodes: v.nodes
      .slice(0, 5)
      .map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 3).join(' ')}`),
  }));
}

/** Stage names left to right, or lane names top to bottom, as their headers stand on screen. */
async function headerOrder(page: Page, band: 'stage' | 'lane'): Promise<string[]> {
  const entries: { at: number; name: string }[] = [];
  for (const header of await page.getByTestId(`${band}-header`).all()) {
    const box = (await header.boundingBox())!;
    const name = (await header.locator(`.${band}-header__name`).textContent())!;
    entries.push({ at: band === 'stage' ? box.x : box.y, name });
  }
  return entries.sort((a, b) => a.at - b.at).map((e) => e.name);
}
export const stageOrder = (page: Page) => headerOrder(page, 'stage');
export const laneOrder = (page: Page) => headerOrder(page, 'lane');
