import { z } from 'zod';
import { DatasetShape, DatasetSummary } from '../domain/dataset';
import { Id } from '../domain/journey';
import { MetricKey } from '../metrics/definitions';

/**
 * The import's vocabulary, shared by the main process (which reads, checks and stores files) and the
 * renderer (which shows the wizard): how each column of a file is read (the mapping), what a file
 * looks like before import (the preview), and what a full pass over it found (the report).
 */

/** What a column means. Columns left as 'ignore' are not read. */
export const RESPONSE_ROLES = ['ignore', 'touchpoint', 'date', 'score', 'comment', 'segment'] as const;
export const AGGREGATE_ROLES = ['ignore', 'touchpoint', 'metric', 'value', 'n', 'period'] as const;
export const ColumnRole = z.enum([
  'ignore',
  'touchpoint',
  'date',
  'score',
  'comment',
  'segment',
  'metric',
  'value',
  'n',
  'period',
]);
export type ColumnRole = z.infer<typeof ColumnRole>;

export const SCORE_KINDS = ['nps', 'csat', 'ces'] as const;
export const ScoreKind = z.enum(SCORE_KINDS);
export type ScoreKind = z.infer<typeof ScoreKind>;

const ScalePoint = z.number().int().min(-100).max(100);

/** A score column: which survey metric it holds and on which scale. */
export const ScoreMetric = z
  .object({
    kind: ScoreKind,
    key: MetricKey,
    label: z.string().trim().min(1).max(200),
    scaleMin: ScalePoint,
    scaleMax: ScalePoint,
    /** CSAT / CES: the lowest score counted in the top box (CSAT 1–5: 4). */
    topBoxMin: ScalePoint.optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.scaleMin >= m.scaleMax)
      ctx.addIssue({
        code: 'custom',
        path: ['scaleMax'],
        message: 'the scale maximum must exceed its minimum',
      });
    if (m.kind === 'nps' && (m.scaleMin !== 0 || m.scaleMax !== 10))
      ctx.addIssue({ code: 'custom', path: ['scaleMin'], message: 'NPS is always asked on 0–10' });
    if (m.topBoxMin !== undefined && (m.topBoxMin <= m.scaleMin || m.topBoxMin > m.scaleMax))
      ctx.addIssue({ code: 'custom', path: ['topBoxMin'], message: 'the top box lies inside the scale' });
  });
export type ScoreMetric = z.infer<typeof ScoreMetric>;

export const ColumnMapping = z
  .object({
    role: ColumnRole,
    /** Only for role 'score'. */
    metric: ScoreMetric.optional(),
  })
  .strict();
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const DATE_FORMATS = ['auto', 'ymd', 'dmy', 'mdy'] as const;
export const DateFormat = z.enum(DATE_FORMATS);
export type DateFormat = z.infer<typeof DateFormat>;

export const MAX_COLUMNS = 2000;

/** How to read a file: one entry per column, in file order. */
export const ImportMapping = z
  .object({
    shape: DatasetShape,
    columns: z.array(ColumnMapping).min(1).max(MAX_COLUMNS),
    dateFormat: DateFormat,
  })
  .strict();
export type ImportMapping = z.infer<typeof ImportMapping>;

/** Why a mapping cannot be run yet, or null. Said in the words the wizard uses. */
export function mappingProblem(mapping: ImportMapping, headers: readonly string[]): string | null {
  if (mapping.columns.length !== headers.length)
    return `The mapping has ${mapping.columns.length} columns but the file has ${headers.length}.`;
  const count = (role: ColumnRole) => mapping.columns.filter((c) => c.role === role).length;
  if (count('touchpoint') !== 1) return 'Choose exactly one column as the touchpoint.';
  if (mapping.shape === 'responses') {
    if (count('score') === 0) return 'Choose at least one score column (NPS, CSAT or CES).';
    if (count('date') > 1) return 'Choose at most one date column.';
    if (count('comment') > 1) return 'Choose at most one comment column.';
    if (count('segment') > 1) return 'Choose at most one segment column.';
    const keys = new Set<string>();
    for (const [index, column] of mapping.columns.entries()) {
      if (column.role !== 'score') continue;
      if (!column.metric) return `Say which metric the column “${headers[index]}” holds.`;
      if (keys.has(column.metric.key))
        return `Two score columns are both mapped to the metric “${column.metric.key}”.`;
      keys.add(column.metric.key);
    }
    if (mapping.columns.some((c) => ['metric', 'value', 'n', 'period'].includes(c.role)))
      return 'Metric, value, n and period columns belong to aggregate files.';
  } else {
    if (count('metric') !== 1) return 'Choose exactly one column naming the metric.';
    if (count('value') !== 1) return 'Choose exactly one value column.';
    if (count('period') !== 1) return 'Choose exactly one period column.';
    if (count('n') > 1) return 'Choose at most one n column.';
    if (mapping.columns.some((c) => ['score', 'comment', 'date', 'segment'].includes(c.role)))
      return 'Score, date, comment and segment columns belong to files of raw responses.';
  }
  return null;
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export const Delimiter = z.enum(DELIMITERS);
export type Delimiter = z.infer<typeof Delimiter>;

export const FILE_FORMATS = ['csv', 'tsv', 'qualtrics', 'surveymonkey'] as const;
export const FileFormat = z.enum(FILE_FORMATS);
export type FileFormat = z.infer<typeof FileFormat>;

export const ImportPresetSummary = z
  .object({
    id: Id,
    name: z.string(),
    signature: z.string(),
    mapping: ImportMapping,
    updatedAt: z.string(),
  })
  .strict();
export type ImportPresetSummary = z.infer<typeof ImportPresetSummary>;

/** What the wizard shows before anything is read in full. */
export const ImportPreview = z
  .object({
    sessionId: Id,
    fileName: z.string(),
    byteSize: z.number().int().min(0),
    encoding: z.string(),
    delimiter: Delimiter,
    format: FileFormat,
    /** Header rows above the data (Qualtrics 3, SurveyMonkey 2, otherwise 1). */
    headerRows: z.number().int().min(1).max(3),
    headers: z.array(z.string()),
    /** Qualtrics' question text or SurveyMonkey's sub-headers, per column ('' when none). */
    subHeaders: z.array(z.string()),
    /** The first data rows, as text, cut to the header's width. */
    rows: z.array(z.array(z.string())),
    /** The 1-based file row number of rows[0]. */
    firstRowNumber: z.number().int().min(1),
    mapping: ImportMapping,
    /** The header signature that presets are remembered by. */
    signature: z.string(),
    /** The preset the mapping came from, if one matched the header. */
    preset: ImportPresetSummary.nullable(),
    warnings: z.array(z.string()),
  })
  .strict();
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ISSUE_REASONS = [
  'ragged-row',
  'missing-touchpoint',
  'not-a-number',
  'out-of-range',
  'no-score',
  'missing-date',
  'unparseable-date',
  'unparseable-period',
  'duplicate-row',
  'ignored-touchpoint',
  'blank-segment',
] as const;
export const IssueReason = z.enum(ISSUE_REASONS);
export type IssueReason = z.infer<typeof IssueReason>;

export const ISSUE_LABELS: Record<IssueReason, string> = {
  'ragged-row': 'Rows with a different number of fields than the header',
  'missing-touchpoint': 'Rows with no touchpoint',
  'not-a-number': 'Scores that are not whole numbers (like “9/10” or “N/A”)',
  'out-of-range': 'Scores outside the scale',
  'no-score': 'Rows with no valid score',
  'missing-date': 'Rows with no date',
  'unparseable-date': 'Dates that could not be read',
  'unparseable-period': 'Periods that could not be read',
  'duplicate-row': 'Repeated touchpoint × metric × period rows',
  'ignored-touchpoint': 'Rows for touchpoints you chose to ignore',
  'blank-segment': 'Rows with a blank segment',
};

export { CELL_ONLY_REASONS, NOTE_REASONS } from './issue-reasons';

export const IssueExample = z
  .object({ row: z.number().int(), column: z.string().nullable(), value: z.string().nullable() })
  .strict();
export type IssueExample = z.infer<typeof IssueExample>;

export const ReportIssue = z
  .object({ reason: IssueReason, count: z.number().int().min(0), examples: z.array(IssueExample) })
  .strict();
export type ReportIssue = z.infer<typeof ReportIssue>;

export const TouchpointSuggestion = z
  .object({ touchpointId: Id, name: z.string(), similarity: z.number() })
  .strict();

export const TouchpointValue = z
  .object({
    value: z.string(),
    rows: z.number().int().min(0),
    match: z
      .object({ touchpointId: Id, by: z.enum(['metric-key', 'name']) })
      .strict()
      .nullable(),
    suggestions: z.array(TouchpointSuggestion),
  })
  .strict();
export type TouchpointValue = z.infer<typeof TouchpointValue>;

export const ImportReport = z
  .object({
    contentHash: z.string(),
    rowsRead: z.number().int().min(0),
    /** Rows that would be stored if every touchpoint value is mapped. */
    rowsAccepted: z.number().int().min(0),
    rowsRejected: z.number().int().min(0),
    issues: z.array(ReportIssue),
    touchpoints: z.array(TouchpointValue),
    dateFormat: z.enum(['ymd', 'dmy', 'mdy']).nullable(),
    /** Set when the file alone could not tell D/M/Y from M/D/Y. */
    dateFormatAssumed: z.boolean(),
    firstDay: z.string().nullable(),
    lastDay: z.string().nullable(),
    metrics: z.array(z.object({ key: z.string(), label: z.string(), values: z.number().int() }).strict()),
    /** Rows per segment ('' = no segment), in the order first seen; empty without a segment column. */
    segments: z.array(z.object({ value: z.string(), rows: z.number().int().min(0) }).strict()),
    comments: z.number().int().min(0),
    warnings: z.array(z.string()),
    /** Datasets of this map imported from a file with the same bytes. */
    duplicates: z.array(DatasetSummary),
  })
  .strict();
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportState = z.enum(['reading', 'ready', 'failed', 'cancelled', 'committed']);
export type ImportState = z.infer<typeof ImportState>;

export const ImportStatus = z
  .object({
    sessionId: Id,
    state: ImportState,
    rowsRead: z.number().int().min(0),
    bytesRead: z.number().int().min(0),
    totalBytes: z.number().int().min(0),
    report: ImportReport.nullable(),
    error: z.string().nullable(),
  })
  .strict();
export type ImportStatus = z.infer<typeof ImportStatus>;

/** What to do with each distinct touchpoint value of the file at commit. */
export const TouchpointAssignment = z
  .object({ value: z.string().max(1000), touchpointId: Id.nullable() })
  .strict();
export type TouchpointAssignment = z.infer<typeof TouchpointAssignment>;
