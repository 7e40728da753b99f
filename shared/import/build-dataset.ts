import type { MetricDefinitionInput } from '../metrics/definitions';
import type { AccumulatedImport, ResolvedDates } from './accumulate';
import type { ScoreMetric } from './mapping';
import { parsePeriod } from './values';
import { cutText } from '../text/cut';

/**
 * Turns an accumulated pass into the rows storeDataset writes, once every touchpoint value of the
 * file has been assigned a touchpoint of the map (or null: ignored). Distributions of values that
 * land on the same touchpoint and day are added up, which is exact for counts.
 */

/** The rows of one dataset as storeDataset (electron/db/metrics-data-repository.ts) takes them. */
export interface DatasetRows {
  metrics: { key: string; definition: MetricDefinitionInput }[];
  scoreDays: {
    touchpointId: string;
    metricKey: string;
    /** The responses' segment (a plan, a region …); '' or absent: no segment. */
    segment?: string;
    day: string;
    min: number;
    max: number;
    /** Responses per score, index 0 holding `min`. */
    counts: readonly number[];
  }[];
  aggregates: {
    touchpointId: string;
    metricKey: string;
    periodStart: string;
    periodEnd: string;
    value: number;
    n: number | null;
  }[];
  comments: {
    touchpointId: string;
    day: string | null;
    metricKey: string | null;
    score: number | null;
    text: string;
    /** The response's segment; '' or absent: no segment. */
    segment?: string;
  }[];
}

export function scoreDefinition(metric: ScoreMetric): MetricDefinitionInput {
  switch (metric.kind) {
    case 'nps':
      return { kind: 'nps', key: metric.key, label: metric.label };
    case 'csat':
      return {
        kind: 'csat',
        key: metric.key,
        label: metric.label,
        scaleMin: metric.scaleMin,
        scaleMax: metric.scaleMax,
        ...(metric.topBoxMin !== undefined ? { topBoxMin: metric.topBoxMin } : {}),
      };
    case 'ces':
      return {
        kind: 'ces',
        key: metric.key,
        label: metric.label,
        scaleMin: metric.scaleMin,
        scaleMax: metric.scaleMax,
        ...(metric.topBoxMin !== undefined ? { topBoxMin: metric.topBoxMin } : {}),
      };
  }
}

/** A metric key from a name in a file: "Churn rate (%)" → "churn-rate". */
export function metricKeyFromName(name: string): string {
  const key = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return key === '' ? 'metric' : key;
}

/** The definition an aggregate metric gets from its name (domain.md's families and directions). */
export function aggregateDefinition(name: string, percent: boolean): MetricDefinitionInput {
  const key = metricKeyFromName(name);
  const label = cutText(name.trim(), 200) || key;
  const n = name.toLowerCase();
  if (/\bnps\b|net promoter/.test(n)) return { kind: 'nps', key, label };
  if (/csat|satisf/.test(n)) return { kind: 'csat', key, label };
  if (/\bces\b|effort/.test(n)) return { kind: 'ces', key, label };
  if (/churn/.test(n)) return { kind: 'churn-rate', key, label };
  if (/retention|retained/.test(n)) return { kind: 'retention-rate', key, label };
  if (/\bclv\b|\bltv\b|lifetime value/.test(n)) return { kind: 'clv', key, label };
  if (/\bfcr\b|first[- ]contact/.test(n)) return { kind: 'fcr', key, label };
  if (/\baht\b|handle time|handling time/.test(n)) return { kind: 'handle-time', key, label };
  if (/first response|response time/.test(n)) return { kind: 'first-response-time', key, label };
  return {
    kind: 'custom',
    key,
    label,
    family: 'experience',
    direction: 'higher-is-better',
    unit: percent ? '%' : 'score',
    interval: 'none',
  };
}

/**
 * Whether no two groups of the file land on the same stored row: every touchpoint value is
 * assigned its own touchpoint and every date as written is its own day (a file writing one day
 * as "2025-03-14" and "14/03/2025" needs its counts added up).
 */
function oneRowPerGroup(
  acc: AccumulatedImport,
  dates: ResolvedDates,
  assignment: ReadonlyMap<string, string | null>,
): boolean {
  const touchpoints = new Set<string>();
  for (const value of acc.touchpointRows.keys()) {
    const id = assignment.get(value);
    if (!id) continue;
    if (touchpoints.has(id)) return false;
    touchpoints.add(id);
  }
  if (!acc.hasDate) return true;
  const days = new Set<string>();
  for (const day of dates.days.values()) {
    if (day === null) continue;
    if (days.has(day)) return false;
    days.add(day);
  }
  return true;
}

/** The rows of a raw-responses file from its score days: the metrics they use and the comments. */
function responseRows(
  acc: AccumulatedImport,
  dayOf: (written: string) => string | null,
  assignment: ReadonlyMap<string, string | null>,
  scoreDays: DatasetRows['scoreDays'],
): DatasetRows {
  const comments: DatasetRows['comments'] = [];
  for (const comment of acc.comments) {
    const touchpointId = assignment.get(comment.touchpoint);
    const day = dayOf(comment.date);
    if (!touchpointId || (acc.hasDate && !day)) continue;
    comments.push({
      touchpointId,
      day,
      metricKey: comment.metricKey,
      score: comment.score,
      text: comment.text,
      segment: comment.segment,
    });
  }
  const used = new Set(scoreDays.map((d) => d.metricKey));
  return {
    metrics: acc.metrics
      .filter((m) => used.has(m.key))
      .map((m) => ({ key: m.key, definition: scoreDefinition(m) })),
    scoreDays,
    aggregates: [],
    comments,
  };
}

export function buildDatasetRows(
  acc: AccumulatedImport,
  dates: ResolvedDates,
  assignment: ReadonlyMap<string, string | null>,
  fallbackDay: string,
): DatasetRows {
  const dayOf = (written: string): string | null =>
    acc.hasDate ? (dates.days.get(written) ?? null) : fallbackDay;
  if (acc.shape === 'responses') {
    // Groups that land on the same stored row (two values assigned one touchpoint, one day
    // written two ways) have their counts added up; when none can, no keys are built.
    const merging = !oneRowPerGroup(acc, dates, assignment);
    /** The counts of the row each key was first stored as. */
    const merged = new Map<string, number[]>();
    const scoreDays: DatasetRows['scoreDays'] = [];
    for (const group of acc.groups) {
      const touchpointId = assignment.get(group.touchpoint);
      const day = dayOf(group.date);
      if (!touchpointId || !day) continue;
      group.counts.forEach((counts, index) => {
        if (!counts) return;
        const metric = acc.metrics[index]!;
        const key = merging ? `${touchpointId}\u0000${metric.key}\u0000${group.segment}\u0000${day}` : '';
        const sums = merging ? merged.get(key) : undefined;
        if (sums) {
          counts.forEach((c, i) => (sums[i]! += c));
          return;
        }
        const copy = [...counts];
        scoreDays.push({
          touchpointId,
          metricKey: metric.key,
          segment: group.segment,
          day,
          min: metric.scaleMin,
          max: metric.scaleMax,
          counts: copy,
        });
        if (merging) merged.set(key, copy);
      });
    }
    return responseRows(acc, dayOf, assignment, scoreDays);
  }
  const order = dates.order ?? 'ymd';
  const metrics = new Map<string, MetricDefinitionInput>();
  const aggregates: DatasetRows['aggregates'] = [];
  const seen = new Set<string>();
  for (const row of acc.aggregates) {
    const touchpointId = assignment.get(row.touchpoint);
    const period = parsePeriod(row.period, order);
    if (!touchpointId || !period) continue;
    const definition = aggregateDefinition(row.metric, row.percent);
    const key = definition.key;
    if (!metrics.has(key)) metrics.set(key, definition);
    // Two file values mapped onto one touchpoint for the same metric and period: the first wins.
    const unique = `${touchpointId}\u0000${key}\u0000${period.start}\u0000${period.end}`;
    if (seen.has(unique)) continue;
    seen.add(unique);
    aggregates.push({
      touchpointId,
      metricKey: key,
      periodStart: period.start,
      periodEnd: period.end,
      value: row.value,
      n: row.n,
    });
  }
  return {
    metrics: [...metrics].map(([key, definition]) => ({ key, definition })),
    scoreDays: [],
    aggregates,
    comments: [],
  };
}
