import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const dir = mkdtempSync(join(tmpdir(), 'shot-'));
const child = spawn(process.execPath, ['out/main/web.js', '--db', join(dir, 'lib.sqlite'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
const url = await new Promise((res) => { let out = ''; child.stdout.on('data', (c) => { out += c; const m = /Open:\s+(\S+)/.exec(out); if (m) res(m[1]); }); });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const scheme of ['light', 'dark']) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, colorScheme: scheme });
  await page.goto(url);
  await page.getByRole('button', { name: 'New from template…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Create Online store purchase' }).click();
  await page.waitForTimeout(800);
  // add a note next to the refund opportunity
  await page.getByTestId('opportunity-note').first().click();
  await page.getByRole('button', { name: 'Add note' }).click();
  await page.keyboard.type('Ask finance: can refunds be paid in 2 days?');
  await page.keyboard.press('Control+Enter');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/shot-${scheme}-full.png` });
  // zoom to the opportunity
  const box = await page.getByTestId('opportunity-note').first().boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 4; i++) { await page.mouse.wheel(0, -200); await page.waitForTimeout(100); }
  await page.waitForTimeout(400);
  await page.getByTestId('opportunity-note').first().click();
  await page.waitForTimeout(200);
  await page.screenshot({ path: `/tmp/shot-${scheme}-zoom.png` });
  await page.close();
}
await browser.close();
child.kill();
