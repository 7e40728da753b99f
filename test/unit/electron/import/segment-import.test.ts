import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPresetBySignature, savePreset } from '../../../../electron/db/import-preset-repository';
import { MetricsAnalysis } from '../../../../electron/db/metrics-analysis';
import { ImportSessions } from '../../../../electron/import/import-sessions';
import { settled } from '../../../helpers/import-sessions';
import { openTempMap, type TempMap } from '../../../helpers/temp-map';
import { SCORE_DAYS } from '../../../helpers/stored-rows';

/** A file of raw responses with a plan column, from the preview to the overlay per segment. */

let lib: TempMap;
let sessions: ImportSessions;

beforeEach(async () => {
  lib = await openTempMap();
  sessions = new ImportSessions({ db: lib.db, journeys: lib.journeys });
});
afterEach(() => lib.cleanup());

const settle = (sessionId: string) => settled(sessions, sessionId);

const CSV = [
  'Touchpoint,Date,NPS,Plan,Comment',
  'Checkout and payment,2025-03-14,10,Premium,One click',
  'Checkout and payment,2025-03-14,9,Premium,',
  'Checkout and payment,2025-03-14,2,Standard,Too many steps',
  'Checkout and payment,2025-03-15,3,Standard,',
  'Checkout and payment,2025-03-15,0,,No plan on file',
  '',
].join('\n');

describe('importing a segment column', () => {
  it('guesses it, reports rows per segment and blank ones, stores per segment, and the overlay narrows', async () => {
    const preview = sessions.begin({
      journeyId: lib.journeyId,
      filePath: lib.write('plans.csv', CSV),
      fileName: 'plans.csv',
      ownsFile: false,
    });
    expect(preview.mapping.columns.map((c) => c.role)).toEqual([
      'touchpoint',
      'date',
      'score',
      'segment',
      'comment',
    ]);
    sessions.run(preview.sessionId, preview.mapping);
    const status = await settle(preview.sessionId);
    expect(status.error).toBeNull();
    const report = status.report!;
    expect(report.rowsAccepted).toBe(5);
    expect(report.rowsRejected).toBe(0);
    expect(report.segments).toEqual([
      { value: 'Premium', rows: 2 },
      { value: 'Standard', rows: 2 },
      { value: '', rows: 1 },
    ]);
    expect(report.issues).toEqual([
      { reason: 'blank-segment', count: 1, examples: [{ row: 6, column: 'Plan', value: null }] },
    ]);
    const checkout = lib.touchpointIds().get('Checkout and payment')!;
    sessions.commit(preview.sessionId, {
      name: 'Plans',
      assignments: [{ value: 'Checkout and payment', touchpointId: checkout }],
      allowDuplicate: false,
    });

    const segments = lib.db
      .prepare<[], string>(`SELECT segment FROM ${SCORE_DAYS} ORDER BY segment, day`)
      .pluck()
      .all();
    expect(segments).toEqual(['', 'Premium', 'Standard', 'Standard']);
    const analysis = new MetricsAnalysis(lib.db);
    expect(analysis.settings(lib.journeyId).segments).toEqual(['Premium', 'Standard', '']);
    const nps = (segment: string | null) =>
      analysis
        .overlay(lib.journeyId, 'nps', { granularity: 'quarter', period: 'all', segment })
        .touchpoints.find((t) => t.touchpointId === checkout)!;
    expect(nps(null)).toMatchObject({ n: 5, value: -20 });
    expect(nps('Premium')).toMatchObject({ n: 2, value: 100 });
    expect(nps('Standard')).toMatchObject({ n: 2, value: -100 });
    expect(nps('')).toMatchObject({ n: 1, value: -100 });
    const comments = analysis.comments(lib.journeyId, checkout, {
      search: '',
      offset: 0,
      limit: 10,
      segment: 'Standard',
    });
    expect(comments.items.map((c) => c.text)).toEqual(['Too many steps']);
  });

  it('comes back from a saved preset for files with the same header', async () => {
    const file = lib.write('plans.csv', CSV);
    const first = sessions.begin({
      journeyId: lib.journeyId,
      filePath: file,
      fileName: 'plans.csv',
      ownsFile: false,
    });
    const mapping = { ...first.mapping, columns: first.mapping.columns.map((c) => ({ ...c })) };
    savePreset(lib.db, { name: 'Plans export', signature: first.signature, mapping });
    expect(findPresetBySignature(lib.db, first.signature)!.mapping.columns[3]).toEqual({ role: 'segment' });
    const again = sessions.begin({
      journeyId: lib.journeyId,
      filePath: file,
      fileName: 'plans.csv',
      ownsFile: false,
    });
    expect(again.preset?.name).toBe('Plans export');
    expect(again.mapping.columns[3]).toEqual({ role: 'segment' });
  });

  it('stops the check with a message naming the column when it holds too many values to be a segment', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `Checkout and payment,2025-03-14,9,C-${1000 + i},`);
    const file = lib.write('ids.csv', ['Touchpoint,Date,NPS,Plan,Comment', ...rows, ''].join('\n'));
    const preview = sessions.begin({
      journeyId: lib.journeyId,
      filePath: file,
      fileName: 'ids.csv',
      ownsFile: false,
    });
    sessions.run(preview.sessionId, preview.mapping);
    const status = await settle(preview.sessionId);
    expect(status.state).toBe('failed');
    expect(status.error).toBe(
      'The segment column “Plan” holds more than 50 different values (row 52: “C-1050”). A segment is a group such as a plan, a tier or a region: choose another column as the segment, or none.',
    );
    expect(lib.db.prepare('SELECT count(*) FROM score_days').pluck().get()).toBe(0);
  });
  it('keeps one segment for a value longer than 200 characters, cut to its first 200, on every row', async () => {
    const long = `Enterprise ${'x'.repeat(100 * 1024)}`;
    const rows = Array.from({ length: 60 }, (_, i) => `Checkout and payment,2025-03-14,${i % 11},${long},`);
    const file = lib.write('long.csv', ['Touchpoint,Date,NPS,Plan,Comment', ...rows, ''].join('\n'));
    const preview = sessions.begin({
      journeyId: lib.journeyId,
      filePath: file,
      fileName: 'long.csv',
      ownsFile: false,
    });
    const columns = preview.mapping.columns.map((c, i) => (i === 3 ? { role: 'segment' as const } : c));
    sessions.run(preview.sessionId, { ...preview.mapping, columns });
    const status = await settle(preview.sessionId);
    expect(status.error).toBeNull();
    const cut = long.slice(0, 200);
    expect(status.report!.segments).toEqual([{ value: cut, rows: 60 }]);
    const checkout = lib.touchpointIds().get('Checkout and payment')!;
    sessions.commit(preview.sessionId, {
      name: 'Long plan',
      assignments: [{ value: 'Checkout and payment', touchpointId: checkout }],
      allowDuplicate: false,
    });
    expect(lib.db.prepare(`SELECT segment FROM ${SCORE_DAYS}`).pluck().all()).toEqual([cut]);
  });
});
