import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';

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
