import { ROW_KEEPING_REASONS } from './issue-reasons';
import { RowError } from './row-error';
import type { ImportMapping, IssueExample, IssueReason, ReportIssue, ScoreMetric } from './mapping';
import {
  datePart,
  detectDayOrder,
  parseDecimal,
  parsePeriod,
  parseScore,
  toDay,
  type DayOrder,
} from './values';
import { cutText, cutWithEllipsis } from '../text/cut';
import { PackedCommentsBuilder, unpackComments, type PackedComments } from './comment-table';

/**
 * One pass over a file's data rows, after the mapping is chosen: every row is checked and what it
 * brings is added up, keyed by the touchpoint value as written in the file (matching to the map's
 * touchpoints comes after, so the user can map unmatched values without reading the file again).
 *
 * Raw responses are kept as score counts per (touchpoint value, segment, date as written, metric): a
 * million responses become a few thousand groups. The date format is decided once the whole file has been
 * seen (D/M/Y vs M/D/Y), so dates are converted at the end, per group.
 */

export const MAX_EXAMPLES = 5;
/** Comments kept per import; beyond this they are counted and the report says so. */
export const MAX_COMMENTS = 200_000;
const MAX_COMMENT_CHARS = 2000;
/**
 * Distinct values a segment column may hold. A segment is a group (a plan, a tier, a region); a
 * column with more values is an id or free text mapped by mistake, and would multiply the stored
 * rows by its number of values.
 */
export const MAX_SEGMENTS = 50;
/** Longest segment name kept; the store (electron/db/metrics-data-repository.ts) refuses longer ones. */
export const MAX_SEGMENT_CHARS = 200;
/** Group keys hold date id × SEGMENT_SLOTS + segment id: room for '' and MAX_SEGMENTS more. */
const SEGMENT_SLOTS = 64;

export interface IssueTally {
  count: number;
  examples: IssueExample[];
}

export interface PendingComment {
  touchpoint: string;
  /** '' for no segment. */
  segment: string;
  date: string;
  metricKey: string | null;
  score: number | null;
  text: string;
}

export interface AggregateRow {
  touchpoint: string;
  metric: string;
  value: number;
  percent: boolean;
  n: number | null;
  period: string;
  row: number;
}

/** What a pass hands over: everything later steps need, nothing per row. */
export interface AccumulatedImport {
  shape: ImportMapping['shape'];
  rowsRead: number;
  /** Rows rejected while reading (ragged, no touchpoint, no score …), before date checks. */
  rowsRejected: number;
  issues: Partial<Record<IssueReason, IssueTally>>;
  /** Distinct touchpoint values with the number of rows that carry them. */
  touchpointRows: Map<string, number>;
  metrics: ScoreMetric[];
  groups: ResponseGroupData[];
  comments: PendingComment[];
  commentsDropped: number;
  aggregates: AggregateRow[];
  dateOrderFallback: 'dmy' | 'mdy';
  dateFormat: ImportMapping['dateFormat'];
  hasDate: boolean;
  hasSegment: boolean;
}

/**
 * What one reader of a file hands over: the whole file, or one byte range of it (two workers read a
 * large file's halves; see electron/import/split-pass.ts and merge-parts.ts). Unlike
 * AccumulatedImport it keeps what merging needs to give exactly the result of one reader: every
 * touchpoint value seen (accepted or not) in the order first seen, groups without accepted rows,
 * the row where each segment value first appeared. Row numbers count from the part's first record.
 */
export interface ImportPart extends Omit<AccumulatedImport, 'touchpointRows' | 'groups'> {
  /** Touchpoint values in the order first seen. */
  touchpoints: string[];
  /** Accepted rows per touchpoint (same order). */
  touchpointAccepted: number[];
  /** Indexes into `touchpoints` in the order their first row was accepted. */
  touchpointOrder: number[];
  /** Segment values other than '' in the order first seen, with the row where each first appeared. */
  segments: string[];
  segmentFirstRows: number[];
  /** Dates as written, in the order first seen ('' alone without a date column). */
  dates: string[];
  /** Touchpoint by touchpoint (in `touchpoints` order), each one's groups in the order created; empty ones too. */
  groups: GroupTable;
}

/**
 * Score counts per (touchpoint, date, segment) in flat typed arrays: a few thousand groups pass
 * from a worker thread as a few buffers, not as thousands of objects to clone (that took ~0.1 s).
 */
export interface GroupTable {
  count: number;
  /** Per group: an index into ImportPart.touchpoints, into ImportPart.dates, the segment (0: none, k: segments[k − 1]). */
  touchpoint: Int32Array;
  date: Int32Array;
  segment: Int32Array;
  rows: Int32Array;
  /** GROUP_EXAMPLES per group: the file rows of its first min(rows, GROUP_EXAMPLES) rows. */
  examples: Int32Array;
  /** groupStride(metrics) per group: each metric's counts (lowest score first) side by side. */
  counts: Int32Array;
}

/** A table of `count` groups of `stride` counts each, all zero. */
export function newGroupTable(count: number, stride: number): GroupTable {
  return {
    count,
    touchpoint: new Int32Array(count),
    date: new Int32Array(count),
    segment: new Int32Array(count),
    rows: new Int32Array(count),
    examples: new Int32Array(count * GROUP_EXAMPLES),
    counts: new Int32Array(count * stride),
  };
}

/**
 * Copies group `from` of `source` into slot `to` of `target` (tables of `stride` counts per group),
 * with native copies for its examples and counts.
 */
export function copyGroup(
  source: GroupTable,
  from: number,
  target: GroupTable,
  to: number,
  stride: number,
): void {
  target.touchpoint[to] = source.touchpoint[from]!;
  target.date[to] = source.date[from]!;
  target.segment[to] = source.segment[from]!;
  target.rows[to] = source.rows[from]!;
  target.examples.set(
    source.examples.subarray(from * GROUP_EXAMPLES, (from + 1) * GROUP_EXAMPLES),
    to * GROUP_EXAMPLES,
  );
  target.counts.set(source.counts.subarray(from * stride, (from + 1) * stride), to * stride);
}

/** Counts per group: the widths of the metrics' scales added up. */
export function groupStride(metrics: readonly ScoreMetric[]): number {
  return metrics.reduce((sum, m) => sum + m.scaleMax - m.scaleMin + 1, 0);
}

export interface ResponseGroupData {
  touchpoint: string;
  /** '' for no segment (no segment column, or a blank cell). */
  segment: string;
  date: string;
  rows: number;
  counts: (number[] | null)[];
  exampleRows: number[];
}

function columnLabel(headers: readonly string[], index: number): string {
  return headers[index] ?? `column ${index + 1}`;
}

/** Cuts a cell for an example in the report. */
function exampleValue(cell: string | undefined): string | null {
  if (cell === undefined) return null;
  return cutWithEllipsis(cell, 60);
}

/** Examples (file row numbers) kept per group, for "unparseable date" and "ignored" reports. */
export const GROUP_EXAMPLES = MAX_EXAMPLES;

/** The error for a segment column with too many values, at the row where the first one too many appears. */
export function tooManySegments(column: string, rowNumber: number, value: string): RowError {
  return new RowError(
    `The segment column “${column}” holds more than ${MAX_SEGMENTS} different values (row `,
    rowNumber,
    `: “${exampleValue(value)}”). A segment is a group such as a plan, a tier or a region: choose another column as the segment, or none.`,
  );
}

/**
 * 'YYYY-MM-DD' at the start of a cell (alone, or followed by a space or 'T' and a time) as the
 * number YYYYMMDD, or -1. The common case of survey exports, read without making a string.
 */
function isoDateKey(cell: string): number {
  const length = cell.length;
  if (length < 10 || cell.charCodeAt(4) !== 45 || cell.charCodeAt(7) !== 45) return -1;
  if (length > 10) {
    const c10 = cell.charCodeAt(10);
    if (c10 !== 32 && c10 !== 84) return -1;
  }
  let key = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const d = cell.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    key = key * 10 + d;
  }
  return key;
}

const TOUCHPOINT_SLOTS = 1024;
const FAST_TOUCHPOINTS = 64;
const FAST_DATES = 16_384;
const ISO_DATE_SLOTS = 100 * 13 * 32;

/**
 * 'YYYY-MM-DD' at the start of a cell (alone, or followed by a space or 'T' and a time) with a
 * year from 2000 to 2099, as a small number (for an array of date ids), or -1.
 */
function isoDateSlot(cell: string): number {
  const length = cell.length;
  if (length < 10 || cell.charCodeAt(4) !== 45 || cell.charCodeAt(7) !== 45) return -1;
  if (length > 10) {
    const c10 = cell.charCodeAt(10);
    if (c10 !== 32 && c10 !== 84) return -1;
  }
  if (cell.charCodeAt(0) !== 50 || cell.charCodeAt(1) !== 48) return -1; // 20xx
  const y2 = cell.charCodeAt(2) - 48;
  const y3 = cell.charCodeAt(3) - 48;
  const m0 = cell.charCodeAt(5) - 48;
  const m1 = cell.charCodeAt(6) - 48;
  const d0 = cell.charCodeAt(8) - 48;
  const d1 = cell.charCodeAt(9) - 48;
  // A character below '0' makes its value negative: as an unsigned number it is above 9.
  if (y2 >>> 0 > 9 || y3 >>> 0 > 9 || m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return -1;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month > 12 || day > 31) return -1; // one slot per (year, month, day): no two dates share one
  return ((y2 * 10 + y3) * 13 + month) * 32 + day;
}

export class ImportAccumulator {
  private readonly mapping: ImportMapping;
  private readonly headers: readonly string[];
  private readonly width: number;
  private readonly touchpointIndex: number;
  private readonly dateIndex: number;
  private readonly commentIndex: number;
  private readonly segmentIndex: number;
  private readonly scoreColumns: {
    index: number;
    metric: number;
    min: number;
    max: number;
    offset: number;
  }[];
  private readonly aggregateIndex: { metric: number; value: number; n: number; period: number };
  private readonly issues: Partial<Record<IssueReason, IssueTally>> = {};
  /** Comments straight in the form a worker hands them over in (comment-table.ts). */
  private readonly comments = new PackedCommentsBuilder();
  private readonly aggregates: AggregateRow[] = [];
  private readonly aggregateKeys = new Set<string>();
  private commentsDropped = 0;
  private rowsRead = 0;
  private rowsRejected = 0;
  private readonly dateOrderFallback: 'dmy' | 'mdy';

  // Hot path state (once per row of files with millions of rows): touchpoint values and dates
  // are numbered once, and each (touchpoint, date) group is an index into flat typed arrays, so
  // a row costs two map look-ups and a few increments, and allocates nothing.
  private readonly touchpointIds = new Map<string, number>();
  private readonly touchpointValues: string[] = [];
  /** Accepted rows per touchpoint id. */
  private touchpointAccepted: number[] = [];
  /** Touchpoint ids in the order their first row was accepted (the report's order). */
  private readonly touchpointOrder: number[] = [];
  private readonly dateIdsByKey = new Map<number, number>();
  /** Date ids of ISO dates from 2000 to 2099 (isoDateSlot): an array look-up, not a Map's. */
  private readonly dateIdsBySlot = new Int32Array(ISO_DATE_SLOTS).fill(-1);
  /** Touchpoint ids by a slot of their text (touchpointId), −1 for none. */
  private readonly touchpointSlots = new Int32Array(TOUCHPOINT_SLOTS).fill(-1);
  private readonly dateIdsByText = new Map<string, number>();
  private readonly dateTexts: string[] = [];
  /** Segment values numbered once; id 0 is '' (no segment). */
  private readonly segmentIds = new Map<string, number>([['', 0]]);
  private readonly segmentValues: string[] = [''];
  /** The row where each segment id first appeared (index 0, '', unused). */
  private readonly segmentFirstRows: number[] = [0];
  /** Group index + 1 by date id × FAST_TOUCHPOINTS + touchpoint id, for rows without a segment (see group). */
  private fastGroups = new Int32Array(FAST_TOUCHPOINTS * 512);
  /** Per touchpoint id: date id × SEGMENT_SLOTS + segment id → group index. */
  private readonly groupIndex: Map<number, number>[] = [];
  /** Sum of the score columns' scale widths: one group's counts, all metrics side by side. */
  private readonly stride: number;
  private groupCount = 0;
  /** The groups so far (the first groupCount of its `count` slots), in the order created. */
  private groupTable = newGroupTable(0, 0);

  constructor(
    mapping: ImportMapping,
    headers: readonly string[],
    options: { dateOrderFallback?: 'dmy' | 'mdy' } = {},
  ) {
    this.mapping = mapping;
    this.headers = headers;
    this.width = headers.length;
    const find = (role: string) => mapping.columns.findIndex((c) => c.role === role);
    this.touchpointIndex = find('touchpoint');
    this.dateIndex = find('date');
    this.commentIndex = find('comment');
    this.segmentIndex = find('segment');
    this.scoreColumns = [];
    let offset = 0;
    mapping.columns.forEach((column, index) => {
      if (column.role === 'score' && column.metric) {
        this.scoreColumns.push({
          index,
          metric: this.scoreColumns.length,
          min: column.metric.scaleMin,
          max: column.metric.scaleMax,
          offset,
        });
        offset += column.metric.scaleMax - column.metric.scaleMin + 1;
      }
    });
    this.stride = offset;
    this.aggregateIndex = {
      metric: find('metric'),
      value: find('value'),
      n: find('n'),
      period: find('period'),
    };
    this.dateOrderFallback = options.dateOrderFallback ?? 'dmy';
  }

  private issue(reason: IssueReason, row: number, column: number | null, cell?: string): void {
    let tally = this.issues[reason];
    if (!tally) {
      tally = { count: 0, examples: [] };
      this.issues[reason] = tally;
    }
    tally.count += 1;
    if (tally.examples.length < MAX_EXAMPLES)
      tally.examples.push({
        row,
        column: column === null ? null : columnLabel(this.headers, column),
        value: exampleValue(cell),
      });
  }

  private touchpointId(value: string): number {
    // A slot from the length and three characters, checked with ===: cheaper than a Map look-up,
    // which hashes every character of a new cell string. Another value in the slot: the Map.
    const n = value.length;
    const slot =
      (n * 31 + value.charCodeAt(0) * 7 + value.charCodeAt(n - 1) * 3 + value.charCodeAt(n >> 1)) &
      (TOUCHPOINT_SLOTS - 1);
    const cached = this.touchpointSlots[slot]!;
    if (cached >= 0 && this.touchpointValues[cached] === value) return cached;
    let id = this.touchpointIds.get(value);
    if (cached < 0 && id !== undefined) this.touchpointSlots[slot] = id;
    if (id === undefined) {
      id = this.touchpointValues.length;
      // A private copy: a cell is a slice of a whole block of the file, which it would keep alive.
      const own = ownString(value);
      this.touchpointIds.set(own, id);
      this.touchpointValues.push(own);
      this.touchpointAccepted.push(0);
      this.groupIndex.push(new Map());
      if (cached < 0) this.touchpointSlots[slot] = id;
    }
    return id;
  }

  private accept(touchpointId: number): void {
    if (this.touchpointAccepted[touchpointId]!++ === 0) this.touchpointOrder.push(touchpointId);
  }

  /** The id of a date as written ('' without a date column), or -1 when the cell is blank. */
  private dateId(cell: string): number {
    const slot = isoDateSlot(cell);
    if (slot >= 0) {
      const id = this.dateIdsBySlot[slot]!;
      if (id >= 0) return id;
    }
    const key = slot >= 0 ? -1 : isoDateKey(cell);
    if (key >= 0) {
      const id = this.dateIdsByKey.get(key);
      if (id !== undefined) return id;
    }
    const text = datePart(cell);
    if (text === '') return -1;
    let id = this.dateIdsByText.get(text);
    if (id === undefined) {
      id = this.dateTexts.length;
      const own = ownString(text);
      this.dateTexts.push(own);
      this.dateIdsByText.set(own, id);
    }
    if (slot >= 0) this.dateIdsBySlot[slot] = id;
    else if (key >= 0) this.dateIdsByKey.set(key, id);
    return id;
  }

  /**
   * The id of a row's segment: 0 ('', no segment) without a segment column, −1 for a blank cell
   * (the row goes under no segment, and the report counts it once the row is accepted). A column
   * with more than MAX_SEGMENTS values stops the pass with a message saying so.
   */
  private segmentId(row: readonly string[], rowNumber: number): number {
    if (this.segmentIndex < 0) return 0;
    const cell = row[this.segmentIndex]!;
    const known = this.segmentIds.get(cell);
    if (known !== undefined && cell !== '') return known;
    const trimmed = cell.trim();
    if (trimmed === '') return -1;
    // Cut to the length stored before looking it up: a long value is one segment on every row.
    const value = trimmed.length > MAX_SEGMENT_CHARS ? cutText(trimmed, MAX_SEGMENT_CHARS).trim() : trimmed;
    const seen = this.segmentIds.get(value);
    if (seen !== undefined) return seen;
    if (this.segmentValues.length > MAX_SEGMENTS)
      throw tooManySegments(columnLabel(this.headers, this.segmentIndex), rowNumber, value);
    const own = ownString(value);
    const id = this.segmentValues.length;
    this.segmentValues.push(own);
    this.segmentFirstRows.push(rowNumber);
    this.segmentIds.set(own, id);
    return id;
  }

  private group(touchpointId: number, dateId: number, segmentId: number): number {
    // The common case (one of the first 64 touchpoints, one of the first 16,384 dates, no segment)
    // in an array: slot + 1, 0 for none yet.
    const fast = segmentId === 0 && touchpointId < FAST_TOUCHPOINTS && dateId < FAST_DATES;
    const slot = dateId * FAST_TOUCHPOINTS + touchpointId;
    if (fast) {
      if (slot >= this.fastGroups.length) this.growFast(slot);
      const known = this.fastGroups[slot]!;
      if (known > 0) return known - 1;
    }
    const byDate = this.groupIndex[touchpointId]!;
    const key = dateId * SEGMENT_SLOTS + segmentId;
    let group = byDate.get(key);
    if (group === undefined) {
      group = this.groupCount++;
      if (group === this.groupTable.count) this.grow();
      this.groupTable.touchpoint[group] = touchpointId;
      this.groupTable.date[group] = dateId;
      this.groupTable.segment[group] = segmentId;
      byDate.set(key, group);
    }
    if (fast) this.fastGroups[slot] = group + 1;
    return group;
  }

  private growFast(slot: number): void {
    const grown = new Int32Array(
      Math.min(FAST_TOUCHPOINTS * FAST_DATES, Math.max(slot + 1, this.fastGroups.length * 2)),
    );
    grown.set(this.fastGroups);
    this.fastGroups = grown;
  }

  private grow(): void {
    const old = this.groupTable;
    const grown = newGroupTable(Math.max(1024, old.count * 2), this.stride);
    grown.touchpoint.set(old.touchpoint);
    grown.date.set(old.date);
    grown.segment.set(old.segment);
    grown.rows.set(old.rows);
    grown.examples.set(old.examples);
    grown.counts.set(old.counts);
    this.groupTable = grown;
  }

  /** Adds data rows; `firstRow` is the 1-based file row number of rows[0]. */
  addRows(rows: readonly (readonly string[])[], firstRow: number, rowNumbers?: readonly number[]): void {
    const responses = this.mapping.shape === 'responses';
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const rowNumber = rowNumbers ? rowNumbers[i]! : firstRow + i;
      if (row.length === 1 && row[0] === '' && this.width > 1) continue; // a blank line
      this.rowsRead += 1;
      if (row.length !== this.width) {
        this.rowsRejected += 1;
        this.issue('ragged-row', rowNumber, null, `${row.length} fields, the header has ${this.width}`);
        continue;
      }
      const cell = row[this.touchpointIndex]!;
      const touchpoint =
        cell.length > 0 && cell.charCodeAt(0) > 32 && cell.charCodeAt(cell.length - 1) > 32
          ? cell
          : cell.trim();
      if (touchpoint === '') {
        this.rowsRejected += 1;
        this.issue('missing-touchpoint', rowNumber, this.touchpointIndex);
        continue;
      }
      if (
        responses
          ? this.addResponse(row, rowNumber, touchpoint)
          : this.addAggregate(row, rowNumber, touchpoint)
      )
        continue;
      this.rowsRejected += 1;
    }
    this.comments.flush();
  }

  private addResponse(row: readonly string[], rowNumber: number, touchpoint: string): boolean {
    let dateId = 0;
    if (this.dateIndex >= 0) {
      dateId = this.dateId(row[this.dateIndex]!);
      if (dateId < 0) {
        this.issue('missing-date', rowNumber, this.dateIndex);
        return false;
      }
    } else if (this.dateTexts.length === 0) {
      this.dateTexts.push('');
    }
    const segmentCell = this.segmentId(row, rowNumber);
    const segmentId = segmentCell < 0 ? 0 : segmentCell;
    const touchpointId = this.touchpointId(touchpoint);
    const group = this.group(touchpointId, dateId, segmentId);
    const base = group * this.stride;
    const table = this.groupTable;
    const counts = table.counts;
    let firstMetric = -1;
    let firstScore = 0;
    const columns = this.scoreColumns;
    for (let m = 0; m < columns.length; m++) {
      const column = columns[m]!;
      const cell = row[column.index]!;
      const score = parseScore(cell);
      if (score === 'blank') continue;
      if (score === 'not-a-number') {
        this.issue('not-a-number', rowNumber, column.index, cell);
        continue;
      }
      if (score < column.min || score > column.max) {
        this.issue('out-of-range', rowNumber, column.index, cell);
        continue;
      }
      counts[base + column.offset + score - column.min]! += 1;
      if (firstMetric < 0) {
        firstMetric = m;
        firstScore = score;
      }
    }
    if (firstMetric < 0) {
      this.issue('no-score', rowNumber, null);
      return false;
    }
    if (segmentCell < 0) this.issue('blank-segment', rowNumber, this.segmentIndex);
    const seen = table.rows[group]!++;
    if (seen < GROUP_EXAMPLES) table.examples[group * GROUP_EXAMPLES + seen] = rowNumber;
    this.accept(touchpointId);
    if (this.commentIndex >= 0) {
      const raw = row[this.commentIndex]!;
      const text = raw === '' ? '' : raw.trim();
      if (text !== '') {
        if (this.comments.count < MAX_COMMENTS) {
          this.comments.add(
            touchpointId,
            segmentId,
            dateId,
            this.scoreMetric(firstMetric)?.key ?? null,
            firstScore,
            cutWithEllipsis(text, MAX_COMMENT_CHARS),
          );
        } else this.commentsDropped += 1;
      }
    }
    return true;
  }

  private scoreMetric(index: number): ScoreMetric | null {
    const column = this.scoreColumns[index];
    return column ? (this.mapping.columns[column.index]?.metric ?? null) : null;
  }

  private addAggregate(row: readonly string[], rowNumber: number, touchpoint: string): boolean {
    const { metric: metricIndex, value: valueIndex, n: nIndex, period: periodIndex } = this.aggregateIndex;
    const metric = row[metricIndex]!.trim();
    if (metric === '') {
      this.issue('no-score', rowNumber, metricIndex);
      return false;
    }
    const valueCell = row[valueIndex]!;
    const value = parseDecimal(valueCell);
    if (!value) {
      this.issue('not-a-number', rowNumber, valueIndex, valueCell);
      return false;
    }
    let n: number | null = null;
    if (nIndex >= 0 && row[nIndex]!.trim() !== '') {
      const parsed = parseDecimal(row[nIndex]!);
      if (!parsed || !Number.isSafeInteger(parsed.value) || parsed.value < 0 || parsed.percent) {
        this.issue('not-a-number', rowNumber, nIndex, row[nIndex]);
        return false;
      }
      n = parsed.value;
    }
    const period = row[periodIndex]!.trim();
    if (period === '') {
      this.issue('missing-date', rowNumber, periodIndex);
      return false;
    }
    const key = `${touchpoint}\u0000${metric.toLowerCase()}\u0000${period}`;
    if (this.aggregateKeys.has(key)) {
      this.issue('duplicate-row', rowNumber, null, `${touchpoint} · ${metric} · ${period}`);
      return false;
    }
    this.aggregateKeys.add(key);
    const touchpointId = this.touchpointId(touchpoint);
    this.accept(touchpointId);
    this.aggregates.push({
      touchpoint: this.touchpointValues[touchpointId]!,
      metric: ownString(metric),
      value: value.value,
      percent: value.percent,
      n,
      period: ownString(period),
      row: rowNumber,
    });
    return true;
  }

  /** Segment values other than '' seen so far, with the row where each first appeared. */
  segmentsSeen(): { segments: string[]; segmentFirstRows: number[] } {
    return { segments: this.segmentValues.slice(1), segmentFirstRows: this.segmentFirstRows.slice(1) };
  }

  /** Everything added, in the form parts of one file are merged in (merge-parts.ts). */
  finishPart(): ImportPart {
    const { part, comments } = this.finishPackedPart();
    part.comments = unpackComments(part, comments);
    return part;
  }

  /** finishPart with the comments packed, for a worker to hand over (`part.comments` is empty). */
  finishPackedPart(): { part: ImportPart; comments: PackedComments } {
    const stride = this.stride;
    const count = this.groupCount;
    const groups = newGroupTable(count, stride);
    // Touchpoint by touchpoint, dates in the order they were first seen.
    let to = 0;
    for (const byDate of this.groupIndex) {
      for (const g of byDate.values()) {
        copyGroup(this.groupTable, g, groups, to, stride);
        to += 1;
      }
    }
    const part: ImportPart = {
      shape: this.mapping.shape,
      rowsRead: this.rowsRead,
      rowsRejected: this.rowsRejected,
      issues: this.issues,
      touchpoints: this.touchpointValues,
      touchpointAccepted: this.touchpointAccepted,
      touchpointOrder: this.touchpointOrder,
      ...this.segmentsSeen(),
      metrics: this.scoreColumns.map((c) => this.mapping.columns[c.index]!.metric!),
      dates: this.dateTexts,
      groups,
      comments: [],
      commentsDropped: this.commentsDropped,
      aggregates: this.aggregates,
      dateOrderFallback: this.dateOrderFallback,
      dateFormat: this.mapping.dateFormat,
      hasDate: this.dateIndex >= 0,
      hasSegment: this.segmentIndex >= 0,
    };
    return { part, comments: this.comments.finish() };
  }

  finish(): AccumulatedImport {
    return importFromPart(this.finishPart());
  }
}

/** A part that is the whole file, as later steps take it. */
export function importFromPart(part: ImportPart): AccumulatedImport {
  const touchpointRows = new Map<string, number>();
  for (const id of part.touchpointOrder)
    touchpointRows.set(part.touchpoints[id]!, part.touchpointAccepted[id]!);
  const table = part.groups;
  const stride = groupStride(part.metrics);
  const widths = part.metrics.map((m) => m.scaleMax - m.scaleMin + 1);
  const groups: ResponseGroupData[] = [];
  // Plain loops: Array.from over typed arrays (an iterator per call) cost ~20 ms for 5,000 groups.
  const copy = (from: Int32Array, start: number, length: number): number[] => {
    const list = new Array<number>(length);
    for (let i = 0; i < length; i++) list[i] = from[start + i]!;
    return list;
  };
  for (let g = 0; g < table.count; g++) {
    const rows = table.rows[g]!;
    if (rows === 0) continue;
    let from = g * stride;
    const counts: (number[] | null)[] = [];
    for (const width of widths) {
      let any = false;
      for (let i = 0; i < width && !any; i++) any = table.counts[from + i]! > 0;
      counts.push(any ? copy(table.counts, from, width) : null);
      from += width;
    }
    const segment = table.segment[g]!;
    groups.push({
      touchpoint: part.touchpoints[table.touchpoint[g]!]!,
      segment: segment === 0 ? '' : part.segments[segment - 1]!,
      date: part.dates[table.date[g]!]!,
      rows,
      counts,
      exampleRows: copy(table.examples, g * GROUP_EXAMPLES, Math.min(rows, GROUP_EXAMPLES)),
    });
  }
  return {
    shape: part.shape,
    rowsRead: part.rowsRead,
    rowsRejected: part.rowsRejected,
    issues: part.issues,
    touchpointRows,
    metrics: part.metrics,
    groups,
    comments: part.comments,
    commentsDropped: part.commentsDropped,
    aggregates: part.aggregates,
    dateOrderFallback: part.dateOrderFallback,
    dateFormat: part.dateFormat,
    hasDate: part.hasDate,
    hasSegment: part.hasSegment,
  };
}

/**
 * A copy of a string that does not share memory with the string it came from. A cell PapaParse
 * returns is a slice of the whole block it parsed; keeping it would keep the block.
 */
function ownString(value: string): string {
  return value.length < 13 ? value : (value + '\u0000').slice(0, -1);
}

// ---------------------------------------------------------------------------------------------
// After the pass: dates resolved, rows counted

export interface ResolvedDates {
  order: DayOrder | null;
  assumed: boolean;
  /** date as written → 'YYYY-MM-DD', or null when unreadable. */
  days: Map<string, string | null>;
}

/** Decides the file's date order (unless the mapping fixes it) and converts every distinct date. */
export function resolveDates(acc: AccumulatedImport): ResolvedDates {
  const written = new Set<string>();
  if (acc.shape === 'responses') for (const g of acc.groups) written.add(g.date);
  else for (const a of acc.aggregates) written.add(a.period);
  if (acc.shape === 'responses' && !acc.hasDate) return { order: null, assumed: false, days: new Map() };
  let order: DayOrder;
  let assumed = false;
  if (acc.dateFormat === 'auto') {
    const decision = detectDayOrder(written, acc.dateOrderFallback);
    order = decision.order;
    assumed = decision.assumed;
  } else order = acc.dateFormat;
  const days = new Map<string, string | null>();
  if (acc.shape === 'responses') for (const date of written) days.set(date, toDay(date, order));
  return { order, assumed, days };
}

export interface ReportCounts {
  rowsAccepted: number;
  rowsRejected: number;
  issues: ReportIssue[];
  firstDay: string | null;
  lastDay: string | null;
  metricValues: number[];
  /** Accepted rows per segment ('' for none), in the order first seen; empty without a segment column. */
  segmentRows: Map<string, number>;
}

/**
 * Rows accepted and rejected once dates are known and touchpoint values are assigned (values
 * assigned null are "ignored": their rows are rejected with that reason).
 */
export function countReport(
  acc: AccumulatedImport,
  dates: ResolvedDates,
  ignored: ReadonlySet<string> = new Set(),
): ReportCounts {
  const issues: Partial<Record<IssueReason, IssueTally>> = {};
  for (const [reason, tally] of Object.entries(acc.issues) as [IssueReason, IssueTally][])
    issues[reason] = { count: tally.count, examples: [...tally.examples] };
  const add = (reason: IssueReason, rows: number, examples: IssueExample[]) => {
    const tally = (issues[reason] ??= { count: 0, examples: [] });
    tally.count += rows;
    for (const example of examples) if (tally.examples.length < MAX_EXAMPLES) tally.examples.push(example);
  };
  let rejected = acc.rowsRejected;
  let firstDay: string | null = null;
  let lastDay: string | null = null;
  const metricValues = acc.metrics.map(() => 0);
  const segmentRows = new Map<string, number>();
  const see = (day: string) => {
    if (firstDay === null || day < firstDay) firstDay = day;
    if (lastDay === null || day > lastDay) lastDay = day;
  };
  if (acc.shape === 'responses') {
    for (const group of acc.groups) {
      const day = acc.hasDate ? dates.days.get(group.date) : null;
      if (acc.hasDate && !day) {
        rejected += group.rows;
        add(
          'unparseable-date',
          group.rows,
          group.exampleRows.map((row) => ({ row, column: null, value: group.date })),
        );
        continue;
      }
      if (ignored.has(group.touchpoint)) {
        rejected += group.rows;
        add(
          'ignored-touchpoint',
          group.rows,
          group.exampleRows.map((row) => ({ row, column: null, value: group.touchpoint })),
        );
        continue;
      }
      if (day) see(day);
      if (acc.hasSegment) segmentRows.set(group.segment, (segmentRows.get(group.segment) ?? 0) + group.rows);
      group.counts.forEach((counts, metric) => {
        if (counts) metricValues[metric]! += counts.reduce((s, c) => s + c, 0);
      });
    }
  } else {
    for (const row of acc.aggregates) {
      const period = dates.order ? parsePeriod(row.period, dates.order) : null;
      if (!period) {
        rejected += 1;
        add('unparseable-period', 1, [{ row: row.row, column: null, value: row.period }]);
        continue;
      }
      if (ignored.has(row.touchpoint)) {
        rejected += 1;
        add('ignored-touchpoint', 1, [{ row: row.row, column: null, value: row.touchpoint }]);
        continue;
      }
      see(period.start);
      see(period.end);
    }
  }
  const list: ReportIssue[] = (Object.entries(issues) as [IssueReason, IssueTally][])
    .filter(([, tally]) => tally.count > 0)
    .map(([reason, tally]) => ({ reason, count: tally.count, examples: tally.examples }));
  // Row-rejecting reasons first, then those that keep the row (cell-only, blank segment).
  list.sort((a, b) => Number(ROW_KEEPING_REASONS.has(a.reason)) - Number(ROW_KEEPING_REASONS.has(b.reason)));
  return {
    rowsAccepted: acc.rowsRead - rejected,
    rowsRejected: rejected,
    issues: list,
    firstDay,
    lastDay,
    metricValues,
    segmentRows,
  };
}
