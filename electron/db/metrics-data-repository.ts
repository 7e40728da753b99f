import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/result';
import {
  ContentHash,
  DatasetShape,
  IsoDay,
  type DatasetSummary,
  type DatasetShape as DatasetShapeType,
} from '../../shared/domain/dataset';
import { Id } from '../../shared/domain/journey';
import { MAX_SEGMENT_CHARS } from '../../shared/import/accumulate';
import type { DatasetRows } from '../../shared/import/build-dataset';
import { MetricDefinition, MetricKey, describeIssues, distributionRejection } from '../../shared/metrics';
import { cutWithEllipsis } from '../../shared/text/cut';

/**
 * The write side of imported metrics data (METRICS-STORAGE.md): one dataset per import, stored in
 * one transaction with everything it brought, listed per map, found by content hash, removed with
 * exactly its rows. The "insights" side reads these tables with its own queries.
 *
 * Input is checked row by row before the first INSERT (cheap hand-written checks rather than a zod
 * parse per row: an import of a million responses hands over tens of thousands of rows), so a bad
 * row is refused with where it is, and nothing is written.
 */

/**
 * A dataset's provenance and its rows, in the shape the import builds (shared/import/build-dataset.ts).
 * A metric is inserted into journey_metrics when the map lacks its key; an existing key is left as it is.
 */
export interface StoreDatasetInput extends DatasetRows {
  journeyId: string;
  dataset: {
    id?: string;
    name: string;
    fileName: string;
    contentHash: string;
    byteSize: number;
    shape: DatasetShapeType;
    sourceFormat: string;
    mapping: unknown;
    rowsAccepted: number;
    rowsRejected: number;
  };
}

export interface StoreDatasetOptions {
  now?: () => Date;
  newId?: () => string;
}

interface DatasetRow {
  id: string;
  journey_id: string;
  name: string;
  file_name: string;
  content_hash: string;
  byte_size: number;
  shape: string;
  source_format: string;
  imported_at: string;
  rows_accepted: number;
  rows_rejected: number;
  mapping: string;
}

/** Comments longer than this are cut (with an ellipsis): a verbatim, not a document. */
export const MAX_COMMENT_CHARS = 10_000;

function prepareStatements(db: Database.Database) {
  return {
    journeyExists: db.prepare<[string], number>('SELECT 1 FROM journeys WHERE id = ?').pluck(),
    datasetExists: db.prepare<[string], number>('SELECT 1 FROM datasets WHERE id = ?').pluck(),
    metricKeys: db.prepare<[string], string>('SELECT key FROM journey_metrics WHERE journey_id = ?').pluck(),
    nextMetricPosition: db
      .prepare<[string], number>(
        'SELECT coalesce(max(position) + 1, 0) FROM journey_metrics WHERE journey_id = ?',
      )
      .pluck(),
    insertMetric: db.prepare<[string, string, string, number]>(
      `INSERT INTO journey_metrics (journey_id, key, definition, target, position)
       VALUES (?, ?, ?, NULL, ?)`,
    ),
    insertDataset: db.prepare<DatasetRow>(
      `INSERT INTO datasets (id, journey_id, name, file_name, content_hash, byte_size, shape,
         source_format, imported_at, rows_accepted, rows_rejected, mapping)
       VALUES (@id, @journey_id, @name, @file_name, @content_hash, @byte_size, @shape,
         @source_format, @imported_at, @rows_accepted, @rows_rejected, @mapping)`,
    ),
    insertScoreDays: new RowInserter(
      db,
      'INSERT INTO score_days (group_id, metric_key, day, scale_min, scale_max, counts)',
      6,
    ),
    insertAggregate: db.prepare<[string, string, string, string, string, number, number | null]>(
      `INSERT INTO aggregate_values (dataset_id, touchpoint_id, metric_key, period_start, period_end, value, n)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertGroup: db.prepare<[string, string, string]>(
      'INSERT INTO response_groups (dataset_id, touchpoint_id, segment) VALUES (?, ?, ?)',
    ),
    lastCommentId: db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM comments').pluck(),
    insertComments: new RowInserter(db, 'INSERT INTO comments (group_id, day, metric_key, score, text)', 5),
    // The search index entries of the comments after `id` (schema v7 has no insert trigger).
    indexComments: db.prepare<[number]>(
      'INSERT INTO comments_fts (rowid, text) SELECT id, text FROM comments WHERE id > ?',
    ),
    datasetById: db.prepare<[string], DatasetRow>('SELECT * FROM datasets WHERE id = ?'),
    datasetsOf: db.prepare<[string], DatasetRow>(
      'SELECT * FROM datasets WHERE journey_id = ? ORDER BY imported_at DESC, rowid DESC',
    ),
    datasetsByHash: db.prepare<[string, string], DatasetRow>(
      `SELECT * FROM datasets WHERE journey_id = ? AND content_hash = ?
       ORDER BY imported_at DESC, rowid DESC`,
    ),
    deleteDataset: db.prepare<[string]>('DELETE FROM datasets WHERE id = ?'),
  };
}

/**
 * Inserts many rows into one table with a statement of ROWS_PER_INSERT rows of parameters: a
 * statement per row costs better-sqlite3 and SQLite more than the row itself (50,000 comments:
 * ~78 ms a row at a time, ~34 ms this way; a JSON array unpacked by json_each took ~55 ms). The
 * statements are prepared once per connection; each use takes a `batch()` of its own, so rows
 * left by a failed transaction can never leak into the next one.
 */
class RowInserter {
  private readonly many: Database.Statement<unknown[]>;
  private readonly one: Database.Statement<unknown[]>;

  constructor(
    db: Database.Database,
    insertInto: string,
    private readonly columns: number,
  ) {
    const row = `(${Array<string>(columns).fill('?').join(', ')})`;
    this.many = db.prepare(`${insertInto} VALUES ${Array<string>(ROWS_PER_INSERT).fill(row).join(', ')}`);
    this.one = db.prepare(`${insertInto} VALUES ${row}`);
  }

  /** `add` takes one row's values in column order; `flush` writes the rows not yet written. */
  batch(): { add: (...row: unknown[]) => void; flush: () => void } {
    const { many, one, columns } = this;
    const values = new Array<unknown>(columns * ROWS_PER_INSERT);
    let filled = 0;
    return {
      add(...row) {
        for (let i = 0; i < columns; i++) values[filled++] = row[i];
        if (filled === values.length) {
          many.run(values);
          filled = 0;
        }
      },
      flush() {
        for (let at = 0; at < filled; at += columns) one.run(values.slice(at, at + columns));
        filled = 0;
      },
    };
  }
}
const ROWS_PER_INSERT = 64;

type Statements = ReturnType<typeof prepareStatements>;
const statementCache = new WeakMap<Database.Database, Statements>();

/** Prepared once per connection. */
function statementsFor(db: Database.Database): Statements {
  let statements = statementCache.get(db);
  if (!statements) {
    statements = prepareStatements(db);
    statementCache.set(db, statements);
  }
  return statements;
}

/** Rows → domain, in one place. */
function toDatasetSummary(row: DatasetRow): DatasetSummary {
  let mapping: unknown;
  try {
    mapping = JSON.parse(row.mapping);
  } catch {
    mapping = null;
  }
  return {
    id: row.id,
    journeyId: row.journey_id,
    name: row.name,
    fileName: row.file_name,
    contentHash: row.content_hash,
    byteSize: row.byte_size,
    shape: row.shape as DatasetShapeType,
    sourceFormat: row.source_format,
    importedAt: row.imported_at,
    rowsAccepted: row.rows_accepted,
    rowsRejected: row.rows_rejected,
    mapping,
  };
}

function invalid(message: string): AppError {
  return new AppError('invalid-input', `The dataset was not stored: ${message}`);
}

/**
 * The row of a list being checked (`comments[12]`), one object moved from row to row: a check names
 * it only when it fails. Names built for every field of every row were a million strings for
 * 200,000 comments, enough garbage to make V8 grow the heap by ~80 MB during the commit.
 */
class RowPlace {
  index = 0;
  constructor(private readonly list: string) {}
  toString(): string {
    return `${this.list}[${this.index}]`;
  }
}

/** What a check names in its message: a field's name, or a row's field. */
type Where = string | RowPlace;
const named = (where: Where, field?: string) => (field === undefined ? `${where}` : `${where}.${field}`);

function checkId(value: unknown, where: Where, field?: string): string {
  const parsed = Id.safeParse(value);
  if (!parsed.success) throw invalid(`${named(where, field)}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

function checkMetricKey(value: unknown, where: Where, field?: string): string {
  if (typeof value !== 'string' || !METRIC_KEY_PATTERN.test(value) || value.length > 64) {
    const parsed = MetricKey.safeParse(value);
    throw invalid(
      `${named(where, field)}: ${parsed.success ? 'not a metric key' : describeIssues(parsed.error)}`,
    );
  }
  return value;
}
const METRIC_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const dayCache = new Map<string, boolean>();
/** Text with something other than white space (what `trim()` removes), tested without a trimmed copy. */
const NOT_BLANK = /\S/;
function checkDay(value: unknown, where: Where, field?: string): string {
  if (typeof value === 'string') {
    let valid = dayCache.get(value);
    if (valid === undefined) {
      valid = IsoDay.safeParse(value).success;
      if (dayCache.size < 100_000) dayCache.set(value, valid);
    }
    if (valid) return value;
  }
  throw invalid(`${named(where, field)}: "${String(value)}" is not a day written YYYY-MM-DD`);
}

/** A segment as stored: '' for none, else at most MAX_SEGMENT_CHARS of trimmed text. */
function checkSegment(value: unknown, where: Where, field?: string): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') throw invalid(`${named(where, field)} must be text`);
  if (value !== value.trim()) throw invalid(`${named(where, field)} "${value}" has spaces around it`);
  if (value.length > MAX_SEGMENT_CHARS)
    throw invalid(`${named(where, field)} is longer than ${MAX_SEGMENT_CHARS} characters`);
  return value;
}

function checkCount(value: unknown, where: Where, field?: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw invalid(`${named(where, field)} must be a whole number ≥ 0, got ${String(value)}`);
  return value;
}

function checkFinite(value: unknown, where: Where, field?: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw invalid(`${named(where, field)} must be a finite number, got ${String(value)}`);
  return value;
}

function checkText(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string') throw invalid(`${what} must be text`);
  const trimmed = value.trim();
  if (trimmed.length === 0) throw invalid(`${what} cannot be empty`);
  if (trimmed.length > max) throw invalid(`${what} is longer than ${max} characters`);
  return trimmed;
}

/**
 * Stores one import: the dataset row with its provenance, the metrics the map lacks, and every
 * score distribution, aggregate value and comment, in ONE transaction: all of it or none of it.
 * Refused with `not-found` for an unknown map and `invalid-input` (naming the row) for bad input.
 */
export function storeDataset(
  db: Database.Database,
  input: StoreDatasetInput,
  options: StoreDatasetOptions = {},
): DatasetSummary {
  const statements = statementsFor(db);
  const journeyId = checkId(input.journeyId, 'journeyId');
  const { dataset } = input;
  const id = checkId(dataset.id ?? (options.newId ?? randomUUID)(), 'dataset.id');
  const name = checkText(dataset.name, 'dataset.name', 200);
  const fileName = checkText(dataset.fileName, 'dataset.fileName', 1000);
  const hash = ContentHash.safeParse(dataset.contentHash);
  if (!hash.success) throw invalid(`dataset.contentHash: ${describeIssues(hash.error)}`);
  const shape = DatasetShape.safeParse(dataset.shape);
  if (!shape.success) throw invalid(`dataset.shape: ${describeIssues(shape.error)}`);
  const sourceFormat = checkText(dataset.sourceFormat, 'dataset.sourceFormat', 64);
  const byteSize = checkCount(dataset.byteSize, 'dataset.byteSize');
  const rowsAccepted = checkCount(dataset.rowsAccepted, 'dataset.rowsAccepted');
  const rowsRejected = checkCount(dataset.rowsRejected, 'dataset.rowsRejected');
  const mapping = JSON.stringify(dataset.mapping ?? null);

  const metrics = input.metrics.map((metric, index) => {
    const key = checkMetricKey(metric.key, `metrics[${index}].key`);
    const parsed = MetricDefinition.safeParse(metric.definition);
    if (!parsed.success) throw invalid(`metrics[${index}].definition: ${describeIssues(parsed.error)}`);
    if (parsed.data.key !== key)
      throw invalid(`metrics[${index}]: the definition's key "${parsed.data.key}" differs from "${key}"`);
    return { key, definition: JSON.stringify(parsed.data) };
  });

  // Tens of thousands of rows name a few touchpoints and metrics: each distinct value is checked once.
  const checkedIds = new Set<unknown>();
  const checkedKeys = new Set<unknown>();
  const checkRowId = (value: unknown, where: RowPlace, field: string) => {
    if (!checkedIds.has(value)) checkedIds.add(checkId(value, where, field));
  };
  const checkRowKey = (value: unknown, where: RowPlace, field: string) => {
    if (!checkedKeys.has(value)) checkedKeys.add(checkMetricKey(value, where, field));
  };
  const day = new RowPlace('scoreDays');
  input.scoreDays.forEach((row, index) => {
    day.index = index;
    checkRowId(row.touchpointId, day, 'touchpointId');
    checkRowKey(row.metricKey, day, 'metricKey');
    checkDay(row.day, day, 'day');
    checkSegment(row.segment, day, 'segment');
    const problem = distributionRejection({ min: row.min, max: row.max, counts: row.counts });
    if (problem) throw invalid(`${day}: ${problem}`);
  });
  const aggregate = new RowPlace('aggregates');
  input.aggregates.forEach((row, index) => {
    aggregate.index = index;
    checkRowId(row.touchpointId, aggregate, 'touchpointId');
    checkRowKey(row.metricKey, aggregate, 'metricKey');
    checkDay(row.periodStart, aggregate, 'periodStart');
    checkDay(row.periodEnd, aggregate, 'periodEnd');
    if (row.periodEnd < row.periodStart)
      throw invalid(`${aggregate}: the period ends (${row.periodEnd}) before it starts (${row.periodStart})`);
    checkFinite(row.value, aggregate, 'value');
    if (row.n !== null) checkCount(row.n, aggregate, 'n');
  });
  const comment = new RowPlace('comments');
  input.comments.forEach((row, index) => {
    comment.index = index;
    checkRowId(row.touchpointId, comment, 'touchpointId');
    if (row.day !== null) checkDay(row.day, comment, 'day');
    if (row.metricKey !== null) checkRowKey(row.metricKey, comment, 'metricKey');
    if (row.score !== null) checkFinite(row.score, comment, 'score');
    checkSegment(row.segment, comment, 'segment');
    if (typeof row.text !== 'string' || !NOT_BLANK.test(row.text))
      throw invalid(`${comment}.text cannot be empty`);
  });

  const importedAt = (options.now ?? (() => new Date()))().toISOString();

  const run = db.transaction((): DatasetSummary => {
    if (statements.journeyExists.get(journeyId) === undefined)
      throw new AppError('not-found', `No journey map with id "${journeyId}".`);
    if (statements.datasetExists.get(id) !== undefined)
      throw new AppError('conflict', `A dataset with id "${id}" already exists.`);

    const existing = new Set(statements.metricKeys.all(journeyId));
    let position = statements.nextMetricPosition.get(journeyId) ?? 0;
    for (const metric of metrics) {
      if (existing.has(metric.key)) continue;
      statements.insertMetric.run(journeyId, metric.key, metric.definition, position);
      existing.add(metric.key);
      position += 1;
    }

    statements.insertDataset.run({
      id,
      journey_id: journeyId,
      name,
      file_name: fileName,
      content_hash: hash.data,
      byte_size: byteSize,
      shape: shape.data,
      source_format: sourceFormat,
      imported_at: importedAt,
      rows_accepted: rowsAccepted,
      rows_rejected: rowsRejected,
      mapping,
    });
    const groups = responseGroups(statements, id);
    insertScoreDays(statements, groups, input.scoreDays);
    for (const row of input.aggregates) {
      statements.insertAggregate.run(
        id,
        row.touchpointId,
        row.metricKey,
        row.periodStart,
        row.periodEnd,
        row.value,
        row.n,
      );
    }
    insertComments(statements, groups, input.comments);
    const stored = statements.datasetById.get(id);
    if (!stored) throw new AppError('internal', `The dataset "${id}" vanished while it was stored.`);
    return toDatasetSummary(stored);
  });
  try {
    return run.immediate();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/UNIQUE constraint failed: (score_days|aggregate_values)/.test(message))
      throw invalid(`two rows name the same touchpoint, metric and day or period (and segment) (${message})`);
    throw error;
  }
}

type ScoreDay = StoreDatasetInput['scoreDays'][number];
type Comment = StoreDatasetInput['comments'][number];

/** A dataset's response groups (schema v7: touchpoint × segment), each created when first needed. */
function responseGroups(
  statements: Statements,
  datasetId: string,
): (touchpointId: string, segment?: string) => number {
  const ids = new Map<string, number>();
  return (touchpointId, segment = '') => {
    const key = `${touchpointId}\u0000${segment}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = Number(statements.insertGroup.run(datasetId, touchpointId, segment).lastInsertRowid);
      ids.set(key, id);
    }
    return id;
  };
}

/** `rows` split by response group, in the order of the groups' ids. */
function byGroup<T extends { touchpointId: string; segment?: string }>(
  groupOf: (touchpointId: string, segment?: string) => number,
  rows: readonly T[],
): [number, T[]][] {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const id = groupOf(row.touchpointId, row.segment);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = []));
    group.push(row);
  }
  return [...groups].sort((a, b) => a[0] - b[0]);
}

const byMetricAndDay = (a: ScoreDay, b: ScoreDay) =>
  a.metricKey < b.metricKey ? -1 : a.metricKey > b.metricKey ? 1 : a.day < b.day ? -1 : a.day > b.day ? 1 : 0;

/**
 * Inserts the score days in their key's order (group, metric, day), so the table's b-tree grows at
 * its end instead of splitting pages all over it (≈ 40 % less time for a year of days).
 */
function insertScoreDays(
  statements: Statements,
  groupOf: ReturnType<typeof responseGroups>,
  rows: readonly ScoreDay[],
) {
  const batch = statements.insertScoreDays.batch();
  for (const [groupId, days] of byGroup(groupOf, rows)) {
    for (const row of days.sort(byMetricAndDay))
      batch.add(groupId, row.metricKey, row.day, row.min, row.max, JSON.stringify(row.counts));
  }
  batch.flush();
}

/**
 * Inserts the comments group by group, in file order within a group (so the (group_id, score)
 * index grows at its end), then their FTS5 entries with one INSERT … SELECT: FTS5 writes its
 * pending terms out as a new index segment at the end of every statement that touches it, and a
 * trigger costs a program run per row. A lone surrogate in a text is stored as U+FFFD (as
 * better-sqlite3 binds any string).
 */
function insertComments(
  statements: Statements,
  groupOf: ReturnType<typeof responseGroups>,
  rows: readonly Comment[],
) {
  if (rows.length === 0) return;
  const after = statements.lastCommentId.get() ?? 0;
  const batch = statements.insertComments.batch();
  for (const [groupId, comments] of byGroup(groupOf, rows)) {
    for (const row of comments)
      batch.add(
        groupId,
        row.day,
        row.metricKey,
        row.score,
        cutWithEllipsis(row.text.trim(), MAX_COMMENT_CHARS),
      );
  }
  batch.flush();
  statements.indexComments.run(after);
}

/** A map's datasets, newest first. */
export function listDatasets(db: Database.Database, journeyId: string): DatasetSummary[] {
  const statements = statementsFor(db);
  if (statements.journeyExists.get(journeyId) === undefined)
    throw new AppError('not-found', `No journey map with id "${journeyId}".`);
  return statements.datasetsOf.all(journeyId).map(toDatasetSummary);
}

/** The map's datasets imported from a file with these bytes (to ask before importing it again). */
export function findDatasetsByHash(
  db: Database.Database,
  journeyId: string,
  contentHash: string,
): DatasetSummary[] {
  return statementsFor(db).datasetsByHash.all(journeyId, contentHash).map(toDatasetSummary);
}

export function getDataset(db: Database.Database, datasetId: string): DatasetSummary {
  const row = statementsFor(db).datasetById.get(datasetId);
  if (!row) throw new AppError('not-found', `No dataset with id "${datasetId}".`);
  return toDatasetSummary(row);
}

/**
 * Removes a dataset and exactly its rows (score days, aggregates, comments and their search index
 * entries go with it by ON DELETE CASCADE and the FTS trigger). The map's metric definitions and
 * targets stay: they are the map's settings, not the dataset's data.
 */
export function removeDataset(db: Database.Database, datasetId: string): void {
  const { changes } = statementsFor(db).deleteDataset.run(datasetId);
  if (changes === 0) throw new AppError('not-found', `No dataset with id "${datasetId}".`);
}
