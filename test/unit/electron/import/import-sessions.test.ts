import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listDatasets } from '../../../../electron/db/metrics-data-repository';
import { ImportSessions } from '../../../../electron/import/import-sessions';
import { hashFile } from '../../../helpers/temp-db';
import { settled } from '../../../helpers/import-sessions';
import { openTempMap, type TempMap } from '../../../helpers/temp-map';
import { SCORE_DAYS } from '../../../helpers/stored-rows';

let lib: TempMap;
let journeyId: string;
let sessions: ImportSessions;
let names: Map<string, string>;

beforeEach(async () => {
  let n = 0;
  lib = await openTempMap({ newId: () => `id-${++n}` });
  journeyId = lib.journeyId;
  names = lib.touchpointIds();
  sessions = new ImportSessions({ db: lib.db, journeys: lib.journeys });
});
afterEach(() => lib.cleanup());

const settle = (sessionId: string) => settled(sessions, sessionId);

const count = (table: string) => lib.db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get();

function qualtrics(rows: string[][], eol = '\r\n'): string {
  const header = ['StartDate', 'EndDate', 'Status', 'RecordedDate', 'ResponseId', 'Q1', 'Q2', 'Q3', 'Q4'];
  const questions = [
    'Start Date',
    'End Date',
    'Response Type',
    'Recorded Date',
    'Response ID',
    'Which part of your purchase is this about?',
    'How likely are you to recommend us to a friend?',
    'How satisfied were you with this step?',
    'Tell us why',
  ];
  const ids = header.map((h) => `"{""ImportId"":""${h}""}"`);
  const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return (
    [
      header.join(','),
      questions.map(quote).join(','),
      ids.join(','),
      ...rows.map((r) => r.map(quote).join(',')),
    ].join(eol) + eol
  );
}

const row = (tp: string, nps: string, csat: string, comment = '', date = '2025-03-14 10:22:31') => [
  date,
  date,
  'IP Address',
  date,
  `R_${Math.random().toString(36).slice(2, 10)}`,
  tp,
  nps,
  csat,
  comment,
];

describe('a Qualtrics export', () => {
  it('is recognised, mapped by guess, checked, and stored in one dataset', async () => {
    const file = lib.write(
      'survey.csv',
      '\ufeff' +
        qualtrics([
          row('Checkout and payment', '3', '2', 'Too many steps,\nthen an error'),
          row('Checkout and payment', '9', '5'),
          row('checkout & payment', '10', '4', '=SUM(A1:A3)'),
          row('Support call', '9/10', '5'),
          row('Support call', '7', '9'),
          row('', '8', '4'),
          row('Wrong thing', '8', '4'),
          row('Checkout and payment', 'N/A', '', '', '2025-03-15 08:00:00'),
        ]),
    );
    const preview = sessions.begin({ journeyId, filePath: file, fileName: 'survey.csv', ownsFile: false });
    expect(preview.format).toBe('qualtrics');
    expect(preview.headerRows).toBe(3);
    expect(preview.encoding).toBe('UTF-8 (with BOM)');
    expect(preview.firstRowNumber).toBe(4);
    expect(preview.rows[0]![8]).toBe('Too many steps,\nthen an error');
    const roles = preview.mapping.columns.map((c) => c.role);
    expect(roles).toEqual([
      'ignore',
      'ignore',
      'ignore',
      'date',
      'ignore',
      'touchpoint',
      'score',
      'score',
      'comment',
    ]);
    expect(preview.mapping.columns[6]!.metric).toMatchObject({ kind: 'nps', scaleMin: 0, scaleMax: 10 });
    expect(preview.mapping.columns[7]!.metric).toMatchObject({
      kind: 'csat',
      scaleMin: 1,
      scaleMax: 5,
      topBoxMin: 4,
    });

    sessions.run(preview.sessionId, preview.mapping);
    const status = await settle(preview.sessionId);
    expect(status.error).toBeNull();
    const report = status.report!;
    expect(report.rowsRead).toBe(8);
    const issues = Object.fromEntries(report.issues.map((i) => [i.reason, i]));
    expect(issues['missing-touchpoint']).toMatchObject({ count: 1, examples: [{ row: 9, column: 'Q1' }] });
    expect(issues['not-a-number']!.count).toBe(2);
    expect(issues['not-a-number']!.examples[0]).toEqual({ row: 7, column: 'Q2', value: '9/10' });
    expect(issues['not-a-number']!.examples[1]).toEqual({ row: 11, column: 'Q2', value: 'N/A' });
    expect(issues['out-of-range']!.examples[0]).toEqual({ row: 8, column: 'Q3', value: '9' });
    expect(issues['no-score']!.examples[0]!.row).toBe(11);
    expect(report.rowsRejected).toBe(2);
    expect(report.dateFormat).toBe('ymd');
    expect([report.firstDay, report.lastDay]).toEqual(['2025-03-14', '2025-03-14']);
    // Matching: by name ignoring case and punctuation; the unknown value gets suggestions.
    const byValue = Object.fromEntries(report.touchpoints.map((t) => [t.value, t]));
    expect(byValue['checkout & payment']!.match?.touchpointId).toBe(names.get('Checkout and payment'));
    expect(byValue['Wrong thing']!.match).toBeNull();
    expect(byValue['Wrong thing']!.suggestions[0]?.name).toBe('Wrong item: support call');
    expect(count('datasets')).toBe(0); // nothing written before the commit

    await expect(async () =>
      sessions.commit(preview.sessionId, { name: 'March', assignments: [], allowDuplicate: false }),
    ).rejects.toThrow(/Decide what to do/);

    const assignments = report.touchpoints.map((t) => ({
      value: t.value,
      touchpointId: t.match?.touchpointId ?? null,
    }));
    const stored = sessions.commit(preview.sessionId, { name: 'March', assignments, allowDuplicate: false });
    expect(stored).toMatchObject({
      name: 'March',
      fileName: 'survey.csv',
      sourceFormat: 'qualtrics',
      rowsAccepted: 5,
      rowsRejected: 3,
    });
    const checkout = names.get('Checkout and payment')!;
    const nps = lib.db
      .prepare<[string], string>(
        `SELECT counts FROM ${SCORE_DAYS} WHERE touchpoint_id = ? AND metric_key = 'nps'`,
      )
      .pluck()
      .get(checkout)!;
    expect(JSON.parse(nps)).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1]);
    const comments = lib.db.prepare('SELECT text, score, metric_key FROM comments ORDER BY id').all();
    expect(comments).toEqual([
      { text: 'Too many steps,\nthen an error', score: 3, metric_key: 'nps' },
      { text: '=SUM(A1:A3)', score: 10, metric_key: 'nps' },
    ]);
  });

  it('asks before importing the same file into the map again', async () => {
    const file = lib.write('again.csv', qualtrics([row('Checkout and payment', '9', '5')]));
    for (const attempt of [1, 2]) {
      const preview = sessions.begin({ journeyId, filePath: file, fileName: 'again.csv', ownsFile: false });
      sessions.run(preview.sessionId, preview.mapping);
      const { report } = await settle(preview.sessionId);
      const assignments = report!.touchpoints.map((t) => ({
        value: t.value,
        touchpointId: t.match!.touchpointId,
      }));
      if (attempt === 1) {
        expect(report!.duplicates).toEqual([]);
        sessions.commit(preview.sessionId, { name: 'Once', assignments, allowDuplicate: false });
      } else {
        expect(report!.duplicates.map((d) => d.name)).toEqual(['Once']);
        expect(() =>
          sessions.commit(preview.sessionId, { name: 'Twice', assignments, allowDuplicate: false }),
        ).toThrow(/already imported/);
        expect(count('datasets')).toBe(1);
        sessions.commit(preview.sessionId, { name: 'Twice', assignments, allowDuplicate: true });
      }
    }
    expect(listDatasets(lib.db, journeyId).map((d) => d.name)).toEqual(['Twice', 'Once']);
  });

  it('cancel stops the pass and leaves nothing', async () => {
    const file = lib.write('c.csv', qualtrics([row('Checkout and payment', '9', '5')]));
    const preview = sessions.begin({ journeyId, filePath: file, fileName: 'c.csv', ownsFile: false });
    sessions.run(preview.sessionId, preview.mapping);
    expect(sessions.cancel(preview.sessionId).state).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sessions.status(preview.sessionId).state).toBe('cancelled');
    expect(() =>
      sessions.commit(preview.sessionId, { name: 'x', assignments: [], allowDuplicate: false }),
    ).toThrow(/not been read/);
    expect(count('datasets')).toBe(0);
  });
});

describe('encodings, delimiters and shapes', () => {
  const plain =
    'Touchpoint;Date;CSAT;Comment\r\nSupport call;14/03/2025;5;Très bien, merci\r\nSupport call;15/03/2025;4;Déçu\r\n';

  it.each([
    [
      'UTF-16 LE with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(plain, 'utf16le')]),
      'UTF-16 LE (with BOM)',
    ],
    ['UTF-16 LE without BOM', Buffer.from(plain, 'utf16le'), 'UTF-16 LE'],
    [
      'UTF-16 BE with BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(plain, 'utf16le').swap16()]),
      'UTF-16 BE (with BOM)',
    ],
    ['UTF-16 BE without BOM', Buffer.from(plain, 'utf16le').swap16(), 'UTF-16 BE'],
    ['Windows-1252', Buffer.from(plain, 'latin1'), 'Windows-1252'],
    ['UTF-8', Buffer.from(plain, 'utf8'), 'UTF-8'],
  ])('%s is detected and decoded', async (_label, bytes, encoding) => {
    const file = lib.write('enc.csv', bytes);
    const preview = sessions.begin({ journeyId, filePath: file, fileName: 'enc.csv', ownsFile: false });
    expect(preview.encoding).toBe(encoding);
    expect(preview.delimiter).toBe(';');
    expect(preview.headers).toEqual(['Touchpoint', 'Date', 'CSAT', 'Comment']);
    expect(preview.rows[0]).toEqual(['Support call', '14/03/2025', '5', 'Très bien, merci']);
    sessions.run(preview.sessionId, preview.mapping);
    const { report } = await settle(preview.sessionId);
    expect(report!.dateFormat).toBe('dmy');
    expect(report!.rowsAccepted).toBe(2);
  });

  it.each([
    ['tab', '\t', 'tsv'],
    ['pipe', '|', 'csv'],
    ['comma', ',', 'csv'],
  ])('detects the %s delimiter', (_label, delimiter, format) => {
    const file = lib.write(
      'd.txt',
      ['Touchpoint', 'NPS', 'Date'].join(delimiter) +
        '\nSupport call' +
        delimiter +
        '9' +
        delimiter +
        '2025-01-01\n',
    );
    const preview = sessions.begin({ journeyId, filePath: file, fileName: 'd.txt', ownsFile: false });
    expect(preview.delimiter).toBe(delimiter);
    expect(preview.format).toBe(format);
  });

  it('recognises a SurveyMonkey export (two header rows) and reads its dates as month/day', async () => {
    const file = lib.write(
      'sm.csv',
      'Respondent ID,Collector ID,Start Date,End Date,Touchpoint,How likely are you to recommend us?\r\n' +
        ',,,,Response,Response\r\n' +
        '1,9,03/04/2025 10:00:00 AM,03/04/2025 10:05:00 AM,Support call,9\r\n' +
        '2,9,03/05/2025 10:00:00 AM,03/05/2025 10:05:00 AM,Support call,4\r\n',
    );
    const preview = sessions.begin({ journeyId, filePath: file, fileName: 'sm.csv', ownsFile: false });
    expect(preview.format).toBe('surveymonkey');
    expect(preview.headerRows).toBe(2);
    expect(preview.mapping.columns.map((c) => c.role)).toEqual([
      'ignore',
      'ignore',
      'ignore',
      'date',
      'touchpoint',
      'score',
    ]);
    sessions.run(preview.sessionId, preview.mapping);
    const { report } = await settle(preview.sessionId);
    expect(report!.dateFormat).toBe('mdy');
    expect(report!.dateFormatAssumed).toBe(true);
    expect(report!.firstDay).toBe('2025-03-04');
  });

  it('imports aggregates: touchpoint, metric, value, n, period', async () => {
    const file = lib.write(
      'agg.csv',
      'Touchpoint,Metric,Value,n,Period\nShipping updates,Churn rate,4.2%,1200,2025-Q1\nShipping updates,Churn rate,3.9%,,2025-Q2\nShipping updates,FCR,71,300,Spring\n',
    );
    const preview = sessions.begin({ journeyId, filePath: file, fileName: 'agg.csv', ownsFile: false });
    expect(preview.mapping.shape).toBe('aggregates');
    expect(preview.mapping.columns.map((c) => c.role)).toEqual([
      'touchpoint',
      'metric',
      'value',
      'n',
      'period',
    ]);
    sessions.run(preview.sessionId, preview.mapping);
    const { report } = await settle(preview.sessionId);
    expect(report!.issues).toEqual([
      { reason: 'unparseable-period', count: 1, examples: [{ row: 4, column: null, value: 'Spring' }] },
    ]);
    sessions.commit(preview.sessionId, {
      name: 'Churn',
      assignments: [{ value: 'Shipping updates', touchpointId: names.get('Shipping updates')! }],
      allowDuplicate: false,
    });
    expect(
      lib.db
        .prepare(
          'SELECT metric_key, period_start, period_end, value, n FROM aggregate_values ORDER BY period_start',
        )
        .all(),
    ).toEqual([
      { metric_key: 'churn-rate', period_start: '2025-01-01', period_end: '2025-03-31', value: 4.2, n: 1200 },
      { metric_key: 'churn-rate', period_start: '2025-04-01', period_end: '2025-06-30', value: 3.9, n: null },
    ]);
    expect(
      lib.db.prepare("SELECT json_extract(definition, '$.kind') FROM journey_metrics").pluck().all(),
    ).toEqual(['churn-rate']);
  });

  it('reads dates in three formats, deciding day/month order for the whole file', async () => {
    const file = lib.write(
      'dates.csv',
      'Touchpoint,Date,NPS\nSupport call,2025-03-14,9\nSupport call,25/03/2025,9\nSupport call,03/04/2025,9\nSupport call,14 Mar 2025,9\nSupport call,2025-02-30,9\nSupport call,someday,9\n',
    );
    const preview = sessions.begin({ journeyId, filePath: file, fileName: 'dates.csv', ownsFile: false });
    sessions.run(preview.sessionId, preview.mapping);
    const { report } = await settle(preview.sessionId);
    expect(report!.dateFormat).toBe('dmy');
    const bad = report!.issues.find((i) => i.reason === 'unparseable-date')!;
    expect(bad.count).toBe(2);
    expect(bad.examples.map((e) => [e.row, e.value])).toEqual([
      [6, '2025-02-30'],
      [7, 'someday'],
    ]);
    expect([report!.firstDay, report!.lastDay]).toEqual(['2025-03-14', '2025-04-03']);
  });
});

describe('bad input: a clear message, and nothing written', () => {
  function refuse(name: string, content: string | Buffer, message: RegExp) {
    const file = lib.write(name, content);
    const before = hashFile(lib.file);
    expect(() => sessions.begin({ journeyId, filePath: file, fileName: name, ownsFile: false })).toThrow(
      message,
    );
    expect(hashFile(lib.file)).toBe(before);
  }

  it('an empty file', () => refuse('empty.csv', '', /“empty.csv” is empty/));
  it('a file of blank lines', () => refuse('blank.csv', '\r\n\r\n', /is empty/));
  it('a header only', () => refuse('header.csv', 'Touchpoint,NPS,Date\n', /header row but no data rows/));
  it('a binary file renamed .csv', () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    Buffer.from('PK\u0003\u0004').copy(bytes);
    refuse('workbook.csv', bytes, /not a text file/);
  });
  it('an unterminated quote', () =>
    refuse(
      'quote.csv',
      'Touchpoint,NPS,Comment\nSupport call,9,"fine\nSupport call,8,ok\n',
      /Row 2, column C: a quoted field is never closed/,
    ));
  it('a 10,000-column row', () =>
    refuse(
      'wide.csv',
      Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',') + '\n' + '1,'.repeat(9999) + '1\n',
      /has 10,000 columns/,
    ));

  it('ragged rows and a 10,000-column data row are rejected with their row numbers', async () => {
    const file = lib.write(
      'ragged.csv',
      'Touchpoint,NPS,Date\nSupport call,9,2025-01-01\nSupport call,9\nSupport call,9,2025-01-01,extra\n' +
        'Support call,' +
        '9,'.repeat(9_999) +
        '\n',
    );
    const preview = sessions.begin({ journeyId, filePath: file, fileName: 'ragged.csv', ownsFile: false });
    sessions.run(preview.sessionId, preview.mapping);
    const { report } = await settle(preview.sessionId);
    const ragged = report!.issues.find((i) => i.reason === 'ragged-row')!;
    expect(ragged.count).toBe(3);
    expect(ragged.examples.map((e) => [e.row, e.value])).toEqual([
      [3, '2 fields, the header has 3'],
      [4, '4 fields, the header has 3'],
      [5, '10001 fields, the header has 3'],
    ]);
    expect(report!.rowsAccepted).toBe(1);
  });

  it('duplicate column names are told apart and named in a warning', () => {
    const file = lib.write('dup.csv', 'Touchpoint,Score,Score\nSupport call,9,4\n');
    const preview = sessions.begin({ journeyId, filePath: file, fileName: 'dup.csv', ownsFile: false });
    expect(preview.headers).toEqual(['Touchpoint', 'Score', 'Score (2)']);
    expect(preview.warnings).toEqual([
      '2 columns are named “Score” (columns B, C); they are shown as “Score”, “Score (2)”.',
    ]);
  });

  it('a touchpoint column with only blanks', async () => {
    const file = lib.write('blanks.csv', 'Touchpoint,NPS\n,9\n,8\n ,7\n');
    const preview = sessions.begin({ journeyId, filePath: file, fileName: 'blanks.csv', ownsFile: false });
    const mapping = {
      ...preview.mapping,
      columns: [{ role: 'touchpoint' as const }, preview.mapping.columns[1]!],
    };
    sessions.run(preview.sessionId, mapping);
    const status = await settle(preview.sessionId);
    expect(status.state).toBe('failed');
    expect(status.error).toBe(
      'The touchpoint column “Touchpoint” is blank in every row (rows 2–4). Choose the column that names the touchpoint.',
    );
    expect(count('datasets')).toBe(0);
  });

  it('an unterminated quote past the head of a big file fails the pass, writing nothing', async () => {
    const good = 'Support call,9,fine\n'.repeat(20_000);
    const file = lib.write(
      'late.csv',
      `Touchpoint,NPS,Comment\n${good}Support call,9,"never closed\n${good}`,
    );
    const preview = sessions.begin({ journeyId, filePath: file, fileName: 'late.csv', ownsFile: false });
    sessions.run(preview.sessionId, preview.mapping);
    const status = await settle(preview.sessionId);
    expect(status.state).toBe('failed');
    expect(status.error).toMatch(/^Row 20002, column C: a quoted field is never closed/);
    expect(count('datasets')).toBe(0);
  });

  it('a file that disappears before the pass: a clear message without the internal path, the detail logged', async () => {
    const logged: unknown[] = [];
    sessions = new ImportSessions({
      db: lib.db,
      journeys: lib.journeys,
      logError: (_where, error) => logged.push(error),
    });
    const file = lib.write('upload-7f3a.tmp', 'Touchpoint,NPS\nSupport call,9\n');
    const preview = sessions.begin({ journeyId, filePath: file, fileName: 'survey.csv', ownsFile: true });
    fs.rmSync(file);
    sessions.run(preview.sessionId, preview.mapping);
    const status = await settle(preview.sessionId);
    expect(status.state).toBe('failed');
    expect(status.error).toMatch(
      /^Journey Studio could not finish reading “survey.csv”: .*Choose the file again/,
    );
    expect(status.error).not.toContain(lib.dir);
    expect(status.error).not.toContain('upload-7f3a');
    expect(status.error).not.toContain('ENOENT');
    expect(String(logged[0])).toContain('upload-7f3a.tmp');
    expect(count('datasets')).toBe(0);
  });

  it('a worker that fails mid-pass: the user learns how far it got, never the temp path', async () => {
    // A real worker thread that reports progress and then fails the way a read error does.
    const workerPath = path.join(lib.dir, 'failing-worker.mjs');
    fs.writeFileSync(
      workerPath,
      `import { parentPort, workerData } from 'node:worker_threads';
       parentPort.postMessage({ type: 'progress', rows: 1200, bytes: 40000 });
       setTimeout(() => { throw new Error("EIO: i/o error, read '" + workerData.filePath + "'"); }, 20);`,
    );
    const logged: unknown[] = [];
    sessions = new ImportSessions({
      db: lib.db,
      journeys: lib.journeys,
      workerPath,
      logError: (_where, error) => logged.push(error),
    });
    const file = lib.write('upload-9c1e.tmp', 'Touchpoint,NPS\nSupport call,9\n');
    const preview = sessions.begin({ journeyId, filePath: file, fileName: 'big survey.csv', ownsFile: true });
    sessions.run(preview.sessionId, preview.mapping);
    const status = await settle(preview.sessionId);
    expect(status.state).toBe('failed');
    expect(status.error).toMatch(
      /^Journey Studio could not finish reading “big survey.csv” after reading 1,200 data rows: /,
    );
    expect(status.error).not.toContain(lib.dir);
    expect(status.error).not.toContain('EIO');
    expect(String(logged[0])).toContain('upload-9c1e.tmp');
    sessions.discard(preview.sessionId);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('a file name with control or direction characters is shown and stored without them', async () => {
    const hostile = 'plan\u0000s\n\u001b[31m\u202Evsc.exe\u2066.csv';
    const empty = lib.write('empty.csv', '');
    expect(() => sessions.begin({ journeyId, filePath: empty, fileName: hostile, ownsFile: false })).toThrow(
      '“plans[31mvsc.exe.csv” is empty: there is nothing to import.',
    );
    const file = lib.write('ok.csv', 'Touchpoint,NPS\nSupport call,9\n');
    const preview = sessions.begin({ journeyId, filePath: file, fileName: hostile, ownsFile: false });
    expect(preview.fileName).toBe('plans[31mvsc.exe.csv');
    const blank = sessions.begin({ journeyId, filePath: file, fileName: '\u0007\u202E', ownsFile: false });
    expect(blank.fileName).toBe('unnamed file');
    sessions.run(preview.sessionId, preview.mapping);
    expect((await settle(preview.sessionId)).error).toBeNull();
    sessions.commit(preview.sessionId, {
      name: 'Hostile name',
      assignments: [{ value: 'Support call', touchpointId: [...names.values()][0]! }],
      allowDuplicate: false,
    });
    expect(lib.db.prepare('SELECT file_name FROM datasets').pluck().all()).toEqual(['plans[31mvsc.exe.csv']);
  });

  it('a mapping without a touchpoint or score column is refused before reading', () => {
    const file = lib.write('m.csv', 'Touchpoint,NPS\nSupport call,9\n');
    const preview = sessions.begin({ journeyId, filePath: file, fileName: 'm.csv', ownsFile: false });
    expect(() =>
      sessions.run(preview.sessionId, {
        ...preview.mapping,
        columns: [{ role: 'ignore' }, { role: 'ignore' }],
      }),
    ).toThrow(/exactly one column as the touchpoint/);
  });
});
