import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'rolldown';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listDatasets } from '../../../../electron/db/metrics-data-repository';
import { ImportSessions } from '../../../../electron/import/import-sessions';
import { MAX_COMMENTS } from '../../../../shared/import/accumulate';
import type { ImportMapping } from '../../../../shared/import/mapping';
import { settled } from '../../../helpers/import-sessions';
import { openTempMap, type TempMap } from '../../../helpers/temp-map';
import { SCORE_DAYS } from '../../../helpers/stored-rows';

/**
 * Import sessions reading a file with two real worker threads (split-pass.ts), against the same
 * session reading it in one pass in this thread: the same report, the same stored rows, cancel
 * and errors as before. The worker script is bundled from source for the test, as the app's
 * build does.
 */

let bundleDir: string;
let workerPath: string;
beforeAll(async () => {
  bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'js-worker-'));
  await build({
    input: { 'import-worker': path.resolve('electron/import/import-worker.ts') },
    platform: 'node',
    output: {
      dir: bundleDir,
      format: 'esm',
      entryFileNames: '[name].mjs',
      chunkFileNames: '[name]-[hash].mjs',
    },
    logLevel: 'silent',
  });
  workerPath = path.join(bundleDir, 'import-worker.mjs');
}, 60_000);
afterAll(() => fs.rmSync(bundleDir, { recursive: true, force: true }));

let lib: TempMap;
beforeEach(async () => {
  lib = await openTempMap();
});
afterEach(() => lib.cleanup());

const MAPPING: ImportMapping = {
  shape: 'responses',
  dateFormat: 'auto',
  columns: [
    { role: 'touchpoint' },
    { role: 'date' },
    { role: 'score', metric: { kind: 'nps', key: 'nps', label: 'NPS', scaleMin: 0, scaleMax: 10 } },
    { role: 'segment' },
    { role: 'comment' },
  ],
};

/** About 330 KB: more than the head the preview reads, so the pass is what finds a problem at the end. */
function responses(rows: number): string {
  const touchpoints = ['Checkout and payment', 'Delivery', 'Returns desk', '', 'Order confirmation'];
  const scores = ['9', '10', '3', 'N/A', '11', ''];
  const plans = ['Gold', 'Silver', ''];
  const comments = ['', '', '"Slow,\nbut it worked"', 'Fine', '"said ""ok"""'];
  const lines = ['Touchpoint,Date,NPS,Plan,Comment'];
  for (let i = 0; i < rows; i++) {
    const day = 1 + (i % 28);
    const date =
      i % 97 === 3
        ? 'someday'
        : `2025-03-${String(day).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:00`;
    lines.push(
      [touchpoints[i % 5], date, scores[(i * 7) % 6], plans[(i * 5) % 3], comments[(i * 3) % 5]].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Previews `file` and starts its pass with MAPPING; the session's id. */
function start(sessions: ImportSessions, file: string): string {
  const preview = sessions.begin({
    journeyId: lib.journeyId,
    filePath: file,
    fileName: 'big.csv',
    ownsFile: false,
  });
  sessions.run(preview.sessionId, MAPPING);
  return preview.sessionId;
}

async function read(sessions: ImportSessions, file: string) {
  const sessionId = start(sessions, file);
  return { sessionId, status: await settled(sessions, sessionId) };
}

describe('an import read by two worker threads', () => {
  it('reports and stores exactly what one pass in this thread does', async () => {
    const file = lib.write('big.csv', responses(6000));
    const two = new ImportSessions({ db: lib.db, journeys: lib.journeys, workerPath, splitMinBytes: 1 });
    const one = new ImportSessions({ db: lib.db, journeys: lib.journeys });
    const split = await read(two, file);
    const single = await read(one, file);
    expect(split.status.error).toBeNull();
    expect(split.status.state).toBe('ready');
    expect(split.status.rowsRead).toBe(6000);
    expect(split.status.bytesRead).toBe(fs.statSync(file).size);
    expect(split.status.report).toEqual(single.status.report);
    expect(split.status.report!.issues.map((i) => i.reason)).toEqual(
      expect.arrayContaining(['missing-touchpoint', 'not-a-number', 'out-of-range', 'unparseable-date']),
    );

    const assignments = split.status.report!.touchpoints.map((t) => ({
      value: t.value,
      touchpointId: t.match?.touchpointId ?? null,
    }));
    const a = two.commit(split.sessionId, { name: 'Two workers', assignments, allowDuplicate: false });
    const b = one.commit(single.sessionId, { name: 'One pass', assignments, allowDuplicate: true });
    expect(a.rowsAccepted).toBe(b.rowsAccepted);
    expect(a.rowsRejected).toBe(b.rowsRejected);
    expect(a.contentHash).toBe(b.contentHash);
    // Score days in key order; comments in the order they were stored.
    const daysOf = (datasetId: string) =>
      lib.db
        .prepare(
          `SELECT touchpoint_id, metric_key, segment, day, counts FROM ${SCORE_DAYS} WHERE dataset_id = ?
           ORDER BY touchpoint_id, metric_key, segment, day`,
        )
        .all(datasetId);
    const commentsOf = (datasetId: string) =>
      lib.db
        .prepare(
          `SELECT g.touchpoint_id, c.day, c.metric_key, c.score, c.text, g.segment
           FROM comments c JOIN response_groups g ON g.id = c.group_id WHERE g.dataset_id = ? ORDER BY c.id`,
        )
        .all(datasetId);
    expect(daysOf(a.id)).toEqual(daysOf(b.id));
    expect(commentsOf(a.id).length).toBeGreaterThan(100);
    expect(commentsOf(a.id)).toEqual(commentsOf(b.id));
    two.close();
    one.close();
  });

  it('keeps the file’s first comments up to the limit and counts the rest, as one pass does', async () => {
    const rows = MAX_COMMENTS + 5_000;
    const lines = ['Touchpoint,Date,NPS,Plan,Comment'];
    for (let i = 0; i < rows; i++) lines.push(`Delivery,2025-03-14,${i % 11},Gold,c${i}`);
    const file = lib.write('comments.csv', `${lines.join('\n')}\n`);
    const two = new ImportSessions({ db: lib.db, journeys: lib.journeys, workerPath, splitMinBytes: 1 });
    const one = new ImportSessions({ db: lib.db, journeys: lib.journeys });
    const split = await read(two, file);
    const single = await read(one, file);
    expect(split.status.error).toBeNull();
    expect(split.status.report).toEqual(single.status.report);
    expect(split.status.report!.comments).toBe(MAX_COMMENTS);
    expect(split.status.report!.warnings.join(' ')).toContain('5,000 more are counted');

    const [touchpointId] = lib.touchpointIds().values();
    const assignments = [{ value: 'Delivery', touchpointId: touchpointId! }];
    two.commit(split.sessionId, { name: 'Comments', assignments, allowDuplicate: false });
    const stored = lib.db.prepare<[], string>('SELECT text FROM comments ORDER BY id').pluck().all();
    expect(stored).toHaveLength(MAX_COMMENTS);
    expect(stored[0]).toBe('c0');
    expect(stored.at(-1)).toBe(`c${MAX_COMMENTS - 1}`);
    two.close();
    one.close();
  });

  it('says where an unterminated quote near the end is, with the file’s row number', async () => {
    const file = lib.write('big.csv', `${responses(6000)}Delivery,2025-03-02,9,Gold,"never closed\n`);
    const two = new ImportSessions({ db: lib.db, journeys: lib.journeys, workerPath, splitMinBytes: 1 });
    const one = new ImportSessions({ db: lib.db, journeys: lib.journeys });
    const split = await read(two, file);
    const single = await read(one, file);
    expect(single.status.error).toMatch(/^Row 6002, column E: a quoted field is never closed/);
    expect(split.status.state).toBe('failed');
    expect(split.status.error).toBe(single.status.error);
    two.close();
    one.close();
  });

  it('starts its workers with the preview; a newer preview takes them, the older reads with new ones', async () => {
    const file = lib.write('big.csv', responses(3000));
    const two = new ImportSessions({ db: lib.db, journeys: lib.journeys, workerPath, splitMinBytes: 1 });
    const one = new ImportSessions({ db: lib.db, journeys: lib.journeys });
    const begin = () =>
      two.begin({ journeyId: lib.journeyId, filePath: file, fileName: 'big.csv', ownsFile: false });
    const older = begin();
    const newer = begin(); // the older preview's warm workers are stopped
    two.run(older.sessionId, MAPPING);
    two.run(newer.sessionId, MAPPING);
    const [a, b] = [await settled(two, older.sessionId), await settled(two, newer.sessionId)];
    const single = await read(one, file);
    expect(a.report).toEqual(single.status.report);
    expect(b.report).toEqual(single.status.report);
    two.discard(older.sessionId);
    two.discard(newer.sessionId);
    // A preview closed before its pass stops its waiting workers with it.
    const closed = begin();
    two.discard(closed.sessionId);
    expect(() => two.status(closed.sessionId)).toThrow('no longer open');
    two.close();
    one.close();
  });

  it('cancels both workers: nothing is read on, nothing is stored', async () => {
    const file = lib.write('big.csv', responses(6000));
    const two = new ImportSessions({ db: lib.db, journeys: lib.journeys, workerPath, splitMinBytes: 1 });
    const sessionId = start(two, file);
    expect(two.cancel(sessionId).state).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const status = two.status(sessionId);
    expect(status.state).toBe('cancelled');
    expect(status.report).toBeNull();
    expect(listDatasets(lib.db, lib.journeyId)).toEqual([]);
    // The same session reads the file again afterwards.
    two.run(sessionId, MAPPING);
    expect((await settled(two, sessionId)).state).toBe('ready');
    two.close();
  });
});
