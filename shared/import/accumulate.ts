import {
  CELL_ONLY_REASONS,
  type ImportMapping,
  type IssueExample,
  type IssueReason,
  type ReportIssue,
  type ScoreMetric,
} from './mapping';
import {
  datePart,
  detectDayOrder,
  parseDecimal,
  parsePeriod,
  parseScore,
  toDay,
  type DayOrder,
} from './values';

/**
 * One pass over a file's data rows, after the mapping is chosen: every row is checked and what it
 * brings is added up, keyed by the touchpoint value as written in the file (matching to the map's
 * touchpoints comes after, so the user can map unmatched values without reading the file again).
 *
 * Raw responses are kept as score counts per (touchpoint value, date as written, metric): a million
 * responses become a few thousand groups. The date format is decided once the whole file has been
 * seen (D/M/Y vs M/D/Y), so dates are converted at the end, per group.
 */

export const MAX_EXAMPLES = 5;
/** Comments kept per import; beyond this they are counted and the report says so. */
export const MAX_COMMENTS = 200_000;
const MAX_COMMENT_CHARS = 2000;

export interface IssueTally {
  count: number;
  examples: IssueExample[];
}

interface ResponseGroup {
  touchpoint: string;
  date: string;
  rows: number;
  /** counts[metricIndex][score − scaleMin], allocated on first use. */
  counts: (Int32Array | null)[];
  exampleRows: number[];
}

export interface PendingComment {
  touchpoint: string;
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
}

export interface ResponseGroupData {
  touchpoint: string;
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
  return cell.length > 60 ? `${cell.slice(0, 59)}…` : cell;
}

export class ImportAccumulator {
  private readonly mapping: ImportMapping;
  private readonly headers: readonly string[];
  private readonly width: number;
  private readonly touchpointIndex: number;
  private readonly dateIndex: number;
  private readonly commentIndex: number;
  private readonly scoreColumns: { index: number; metric: number; min: number; max: number }[];
  private readonly aggregateIndex: { metric: number; value: number; n: number; period: number };
  private readonly groups = new Map<string, Map<string, ResponseGroup>>();
  private readonly touchpointRows = new Map<string, number>();
  private readonly issues: Partial<Record<IssueReason, IssueTally>> = {};
  private readonly comments: PendingComment[] = [];
  private readonly aggregates: AggregateRow[] = [];
  private readonly aggregateKeys = new Set<string>();
  private commentsDropped = 0;
  private rowsRead = 0;
  private rowsRejected = 0;
  private readonly dateOrderFallback: 'dmy' | 'mdy';

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
    this.scoreColumns = [];
    mapping.columns.forEach((column, index) => {
      if (column.role === 'score' && column.metric)
        this.scoreColumns.push({
          index,
          metric: this.scoreColumns.length,
          min: column.metric.scaleMin,
          max: column.metric.scaleMax,
        });
    });
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
        this.touchpointRows.set(touchpoint, (this.touchpointRows.get(touchpoint) ?? 0) + 1);
      else this.rowsRejected += 1;
    }
  }

  private addResponse(row: readonly string[], rowNumber: number, touchpoint: string): boolean {
    let date = '';
    if (this.dateIndex >= 0) {
      date = datePart(row[this.dateIndex]!);
      if (date === '') {
        this.issue('missing-date', rowNumber, this.dateIndex);
        return false;
      }
    }
    // Hot path (once per row of files with millions): nested maps instead of a concatenated key,
    // counts added in place, no per-row arrays.
    let byDate = this.groups.get(touchpoint);
    if (!byDate) {
      byDate = new Map();
      this.groups.set(touchpoint, byDate);
    }
    let group = byDate.get(date);
    if (!group) {
      group = { touchpoint, date, rows: 0, counts: this.scoreColumns.map(() => null), exampleRows: [] };
      byDate.set(date, group);
    }
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
      let counts = group.counts[m];
      if (!counts) {
        counts = new Int32Array(column.max - column.min + 1);
        group.counts[m] = counts;
      }
      counts[score - column.min]! += 1;
      if (firstMetric < 0) {
        firstMetric = m;
        firstScore = score;
      }
    }
    if (firstMetric < 0) {
      this.issue('no-score', rowNumber, null);
      return false;
    }
    group.rows += 1;
    if (group.exampleRows.length < MAX_EXAMPLES) group.exampleRows.push(rowNumber);
    if (this.commentIndex >= 0) {
      const raw = row[this.commentIndex]!;
      const text = raw === '' ? '' : raw.trim();
      if (text !== '') {
        if (this.comments.length < MAX_COMMENTS) {
          this.comments.push({
            touchpoint,
            date,
            metricKey: this.scoreMetric(firstMetric)?.key ?? null,
            score: firstScore,
            text: text.length > MAX_COMMENT_CHARS ? `${text.slice(0, MAX_COMMENT_CHARS - 1)}…` : text,
          });
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
    this.aggregates.push({
      touchpoint,
      metric,
      value: value.value,
      percent: value.percent,
      n,
      period,
      row: rowNumber,
    });
    return true;
  }

  finish(): AccumulatedImport {
    return {
      shape: this.mapping.shape,
      rowsRead: this.rowsRead,
      rowsRejected: this.rowsRejected,
      issues: this.issues,
      touchpointRows: this.touchpointRows,
      metrics: this.scoreColumns.map((c) => this.mapping.columns[c.index]!.metric!),
      groups: [...this.groups.values()]
        .flatMap((byDate) => [...byDate.values()])
        .filter((g) => g.rows > 0)
        .map((g) => ({
          touchpoint: g.touchpoint,
          date: g.date,
          rows: g.rows,
          counts: g.counts.map((c) => (c ? Array.from(c) : null)),
          exampleRows: g.exampleRows,
        })),
      comments: this.comments,
      commentsDropped: this.commentsDropped,
      aggregates: this.aggregates,
      dateOrderFallback: this.dateOrderFallback,
      dateFormat: this.mapping.dateFormat,
      hasDate: this.dateIndex >= 0,
    };
  }
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
  // Row-rejecting reasons first, then cell-only ones.
  list.sort((a, b) => Number(CELL_ONLY_REASONS.has(a.reason)) - Number(CELL_ONLY_REASONS.has(b.reason)));
  return {
    rowsAccepted: acc.rowsRead - rejected,
    rowsRejected: rejected,
    issues: list,
    firstDay,
    lastDay,
    metricValues,
  };
}
