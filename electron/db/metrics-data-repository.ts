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
    // Many score days in one statement (see insertRows): a JSON array of
    // [touchpoint_id, metric_key, segment, day, scale_min, scale_max, counts as JSON text] rows.
    insertScoreDays: db.prepare<[string, string]>(
      `INSERT INTO score_days (dataset_id, touchpoint_id, metric_key, segment, day, scale_min, scale_max, counts)
       SELECT ?, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6
       FROM json_each(?) ORDER BY key`,
    ),
    insertAggregate: db.prepare<[string, string, string, string, string, number, number | null]>(
      `INSERT INTO aggregate_values (dataset_id, touchpoint_id, metric_key, period_start, period_end, value, n)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    // One statement for many comments (see insertComments): a JSON array of
    // [touchpoint_id, day, metric_key, score, text, segment] rows.
    insertComments: db.prepare<[string, string]>(
      `INSERT INTO comments (dataset_id, touchpoint_id, day, metric_key, score, text, segment)
       SELECT ?, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5
       FROM json_each(?) ORDER BY key`,
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

function checkId(value: unknown, what: string): string {
  const parsed = Id.safeParse(value);
  if (!parsed.success) throw invalid(`${what}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

function checkMetricKey(value: unknown, what: string): string {
  if (typeof value !== 'string' || !METRIC_KEY_PATTERN.test(value) || value.length > 64) {
    const parsed = MetricKey.safeParse(value);
    throw invalid(`${what}: ${parsed.success ? 'not a metric key' : describeIssues(parsed.error)}`);
  }
  return value;
}
const METRIC_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const dayCache = new Map<string, boolean>();
function checkDay(value: unknown, what: string): string {
  if (typeof value === 'string') {
    let valid = dayCache.get(value);
    if (valid === undefined) {
      valid = IsoDay.safeParse(value).success;
      if (dayCache.size < 100_000) dayCache.set(value, valid);
    }
    if (valid) return value;
  }
  throw invalid(`${what}: "${String(value)}" is not a day written YYYY-MM-DD`);
}

/** A segment as stored: '' for none, else at most MAX_SEGMENT_CHARS of trimmed text. */
function checkSegment(value: unknown, what: string): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') throw invalid(`${what} must be text`);
  if (value !== value.trim()) throw invalid(`${what} "${value}" has spaces around it`);
  if (value.length > MAX_SEGMENT_CHARS)
    throw invalid(`${what} is longer than ${MAX_SEGMENT_CHARS} characters`);
  return value;
}

function checkCount(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw invalid(`${what} must be a whole number ≥ 0, got ${String(value)}`);
  return value;
}

function checkFinite(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw invalid(`${what} must be a finite number, got ${String(value)}`);
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
  const checkRowId = (value: unknown, what: string) => {
    if (!checkedIds.has(value)) checkedIds.add(checkId(value, what));
  };
  const checkRowKey = (value: unknown, what: string) => {
    if (!checkedKeys.has(value)) checkedKeys.add(checkMetricKey(value, what));
  };
  input.scoreDays.forEach((row, index) => {
    const where = `scoreDays[${index}]`;
    checkRowId(row.touchpointId, `${where}.touchpointId`);
    checkRowKey(row.metricKey, `${where}.metricKey`);
    checkDay(row.day, `${where}.day`);
    checkSegment(row.segment, `${where}.segment`);
    const problem = distributionRejection({ min: row.min, max: row.max, counts: row.counts });
    if (problem) throw invalid(`${where}: ${problem}`);
  });
  input.aggregates.forEach((row, index) => {
    const where = `aggregates[${index}]`;
    checkRowId(row.touchpointId, `${where}.touchpointId`);
    checkRowKey(row.metricKey, `${where}.metricKey`);
    checkDay(row.periodStart, `${where}.periodStart`);
    checkDay(row.periodEnd, `${where}.periodEnd`);
    if (row.periodEnd < row.periodStart)
      throw invalid(`${where}: the period ends (${row.periodEnd}) before it starts (${row.periodStart})`);
    checkFinite(row.value, `${where}.value`);
    if (row.n !== null) checkCount(row.n, `${where}.n`);
  });
  input.comments.forEach((row, index) => {
    const where = `comments[${index}]`;
    checkRowId(row.touchpointId, `${where}.touchpointId`);
    if (row.day !== null) checkDay(row.day, `${where}.day`);
    if (row.metricKey !== null) checkRowKey(row.metricKey, `${where}.metricKey`);
    if (row.score !== null) checkFinite(row.score, `${where}.score`);
    checkSegment(row.segment, `${where}.segment`);
    if (typeof row.text !== 'string' || row.text.trim().length === 0)
      throw invalid(`${where}.text cannot be empty`);
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
    insertRows(statements.insertScoreDays, id, input.scoreDays, (row) => [
      [
        row.touchpointId,
        row.metricKey,
        row.segment ?? '',
        row.day,
        row.min,
        row.max,
        JSON.stringify(row.counts),
      ],
      64 + row.counts.length * 4,
    ]);
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
    insertComments(statements, id, input.comments);
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

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** `text` with each lone surrogate replaced by U+FFFD (String.prototype.toWellFormed, ES2024). */
function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** Text of the rows handed to one INSERT statement, at most (UTF-16 units, about). */
const COMMENT_CHUNK_CHARS = 8_000_000;

/**
 * Inserts the comments with as few statements as their size allows (usually one). The FTS5 index
 * is kept by the AFTER INSERT trigger, and FTS5 writes its pending terms out as a new index segment
 * at the end of every statement that touches it: a statement per comment wrote 50,000 one-row
 * segments and merged them (≈ 0.9 s of the 1.1 s the bench's commit took), one statement for all
 * of them writes one. The rows travel as one JSON array per statement; texts are made well-formed
 * first (a lone surrogate becomes U+FFFD, as binding it as a parameter did), so what is stored is
 * exactly what a parameter per row stored.
 */
function insertComments(statements: Statements, datasetId: string, comments: StoreDatasetInput['comments']) {
  insertRows(statements.insertComments, datasetId, comments, (row) => {
    const text = wellFormed(cutWithEllipsis(row.text.trim(), MAX_COMMENT_CHARS));
    return [
      [row.touchpointId, row.day, row.metricKey, row.score, text, row.segment ?? ''],
      text.length + 128,
    ];
  });
}

/**
 * Runs `statement` (dataset id, JSON array of rows) over `rows` in chunks of about
 * COMMENT_CHUNK_CHARS: one statement instead of one per row (better-sqlite3's and SQLite's cost per
 * statement, and FTS5's segment per statement for comments).
 */
function insertRows<T>(
  statement: Database.Statement<[string, string]>,
  datasetId: string,
  rows: readonly T[],
  toRow: (row: T) => [unknown[], number],
): void {
  let chunk: unknown[] = [];
  let chars = 0;
  const flush = () => {
    if (chunk.length === 0) return;
    statement.run(datasetId, JSON.stringify(chunk));
    chunk = [];
    chars = 0;
  };
  for (const row of rows) {
    const [values, size] = toRow(row);
    chunk.push(values);
    chars += size;
    if (chars >= COMMENT_CHUNK_CHARS) flush();
  }
  flush();
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
