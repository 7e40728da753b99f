import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Importing a Qualtrics export in browser mode, as a CX lead does: choose the file, check the
 * guessed columns, decide about a touchpoint the map lacks, read the report, import, then remove
 * the dataset again. SHOTS=dir saves a screenshot of every step.
 */

const shotsDir = process.env.SHOTS;
async function shot(page: Page, name: string) {
  if (shotsDir) await page.screenshot({ path: `${shotsDir}/${name}.png` });
}

/** A Qualtrics-style export: three header rows, quoted comments with commas and newlines. */
function qualtricsCsv(): string {
  const header = [
    'StartDate',
    'EndDate',
    'Status',
    'Progress',
    'RecordedDate',
    'ResponseId',
    'Q1',
    'Q2',
    'Q3',
    'Q4',
  ];
  const questions = [
    'Start Date',
    'End Date',
    'Response Type',
    'Progress',
    'Recorded Date',
    'Response ID',
    'Which step is this about?',
    'How likely are you to recommend us to a friend?',
    'How satisfied are you with this step?',
    'What could we do better?',
  ];
  const ids = header.map((h) => `"{""ImportId"":""${h === 'Q1' ? 'QID1' : h}""}"`);
  const steps = ['Checkout and payment', 'Product page', 'Shipping updates', 'Gift wrapping'];
  const comments = ['', 'Too many steps, then an error', '"Fast"\nand easy', '=HYPERLINK("http://x")', ''];
  const lines = [header.join(','), questions.map((q) => `"${q}"`).join(','), ids.join(',')];
  for (let i = 0; i < 120; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const stamp = `2025-03-${day} 10:${String(i % 60).padStart(2, '0')}:00`;
    const nps = i === 7 ? '9/10' : i === 11 ? 'N/A' : String((i * 7) % 11);
    const csat = i === 13 ? '8' : String(1 + (i % 5));
    const comment = comments[i % comments.length]!;
    const quoted = comment === '' ? '' : `"${comment.replace(/"/g, '""')}"`;
    lines.push(
      [
        stamp,
        stamp,
        'IP Address',
        '100',
        stamp,
        `R_${1000 + i}`,
        steps[i % steps.length],
        nps,
        csat,
        quoted,
      ].join(','),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

test('a Qualtrics export is mapped, checked, imported and removed again', async ({ page, host }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New from template…' }).click();
  const chooser = page.getByRole('dialog', { name: 'New map from template' });
  await chooser.getByRole('button', { name: 'Create Online store purchase' }).click();
  await expect(page.getByTestId('map-title')).toContainText('Online store purchase');

  // 1. Choose the file.
  await page.getByRole('button', { name: 'Import data…' }).click();
  const wizard = page.getByRole('dialog', { name: 'Import data' });
  await expect(wizard.getByRole('button', { name: 'Choose file…' })).toBeFocused();
  await shot(page, 'import-1-choose');
  await wizard.getByLabel('File to import').setInputFiles({
    name: 'march-survey.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(qualtricsCsv(), 'utf8'),
  });

  // 2. The columns, as guessed: Qualtrics recognised, its bookkeeping columns ignored.
  await expect(wizard.getByText('Qualtrics export')).toBeVisible();
  await expect(wizard.getByText('UTF-8 (with BOM)')).toBeVisible();
  await expect(wizard.getByLabel('Role of column “Q1”')).toHaveValue('touchpoint');
  await expect(wizard.getByLabel('Role of column “RecordedDate”')).toHaveValue('date');
  await expect(wizard.getByLabel('Role of column “Q2”')).toHaveValue('score');
  await expect(wizard.getByLabel('Metric in column “Q2”')).toHaveValue('nps');
  await expect(wizard.getByLabel('Metric in column “Q3”')).toHaveValue('csat');
  await expect(wizard.getByLabel('Top box of column “Q3”')).toHaveValue('4');
  await expect(wizard.getByLabel('Role of column “Q4”')).toHaveValue('comment');
  await expect(wizard.getByLabel('Role of column “StartDate”')).toHaveValue('ignore');
  // A formula-like cell is shown as the text it is.
  await expect(wizard.getByRole('cell', { name: '=HYPERLINK("http://x")' }).first()).toBeVisible();
  await shot(page, 'import-2-columns');
  await wizard.getByRole('button', { name: 'Save preset' }).click();
  await expect(wizard.getByText(/Saved as “march-survey”/)).toBeVisible();
  await wizard.getByRole('button', { name: 'Check the file' }).click();

  // 3. A touchpoint the map does not have: create it.
  await expect(wizard.getByText('“Gift wrapping”', { exact: true })).toBeVisible();
  await expect(wizard.getByText('30 rows', { exact: true })).toBeVisible();
  await shot(page, 'import-3-touchpoints');
  await wizard.getByLabel('What to do with “Gift wrapping”').selectOption('create');
  await wizard.getByRole('button', { name: 'Next: check' }).click();

  // 4. The report: the bad scores, counted, with row and column.
  const issues = wizard.getByRole('table', { name: 'Problems found' });
  await expect(issues.getByRole('row', { name: /not whole numbers/ })).toContainText('row 11, Q2: “9/10”');
  await expect(issues.getByRole('row', { name: /not whole numbers/ })).toContainText('row 15, Q2: “N/A”');
  await expect(issues.getByRole('row', { name: /outside the scale/ })).toContainText('row 17, Q3: “8”');
  await shot(page, 'import-4-report');
  await wizard.getByLabel('Dataset name').fill('March survey');
  await wizard.getByRole('button', { name: /^Import 120 rows$/ }).click();

  // 5. Done.
  await expect(wizard.getByText('Imported “March survey”: 120 rows stored, 0 left out.')).toBeVisible();
  await shot(page, 'import-5-done');
  await wizard.getByRole('button', { name: 'Done' }).click();
  await expect(wizard).toBeHidden();
  // The new touchpoint is on the map, saved, and undoable like any edit.
  await expect(page.getByTestId('touchpoint-card').filter({ hasText: 'Gift wrapping' })).toHaveCount(1);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  // The datasets list (in the map's inspector) shows the provenance; removing asks first.
  await page.getByRole('button', { name: 'Datasets…' }).click();
  const datasets = page.getByRole('dialog', { name: 'Datasets' });
  const item = datasets.getByRole('listitem').filter({ hasText: 'March survey' });
  await expect(item).toContainText('march-survey.csv · Qualtrics · responses');
  await expect(item).toContainText('120 rows imported, 0 left out');
  await expect(item).toContainText('Q2 → NPS 0–10');
  await shot(page, 'import-6-datasets');
  await item.getByRole('button', { name: 'Remove dataset “March survey”' }).click();
  await page.getByRole('button', { name: 'Remove dataset', exact: true }).click();
  await expect(datasets.getByText('No data has been imported into this map yet.')).toBeVisible();
  await datasets.getByRole('button', { name: 'Close' }).click();

  // The same file again: the preset maps it, and nothing says it was imported before (it was removed).
  await page.getByRole('button', { name: 'Import data…' }).click();
  await wizard.getByLabel('File to import').setInputFiles({
    name: 'march-survey.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(qualtricsCsv(), 'utf8'),
  });
  await expect(wizard.getByText('Columns mapped with your preset “march-survey”.')).toBeVisible();
  await wizard.getByRole('button', { name: 'Close' }).click();
});

test('a file that is not a table is refused with a clear message', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New blank map' }).click();
  await page.getByRole('button', { name: 'Import data…' }).click();
  const wizard = page.getByRole('dialog', { name: 'Import data' });
  const bytes = Buffer.alloc(2048);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 256;
  await wizard
    .getByLabel('File to import')
    .setInputFiles({ name: 'book.csv', mimeType: 'text/csv', buffer: bytes });
  await expect(wizard.getByRole('alert')).toContainText('“book.csv” is not a text file');
  await wizard
    .getByLabel('File to import')
    .setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await expect(wizard.getByRole('alert')).toContainText('“empty.csv” is empty');
});
