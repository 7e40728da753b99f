import type { ColumnMapping, ImportMapping, ScoreKind, ScoreMetric } from './mapping';
import { metricKeyFromName } from './build-dataset';
import { normalizeName, type MatchableTouchpoint } from './matching';
import { datePart, parseDecimal, parseScore, toDay } from './values';

/**
 * The first guess of a mapping, from header names (and Qualtrics' question texts) and the values in
 * the preview rows. The user sees it and corrects it; a preset saved for the same header wins over it.
 */

/** Survey-tool bookkeeping columns that are never data. */
const METADATA = new Set(
  [
    'startdate',
    'enddate',
    'status',
    'ipaddress',
    'progress',
    'durationinseconds',
    'finished',
    'responseid',
    'recipientlastname',
    'recipientfirstname',
    'recipientemail',
    'externalreference',
    'locationlatitude',
    'locationlongitude',
    'distributionchannel',
    'userlanguage',
    'respondentid',
    'collectorid',
    'emailaddress',
    'firstname',
    'lastname',
    'customdata1',
    'id',
  ].map(normalizeName),
);

/**
 * Header names (normalised: lower case, no spaces or punctuation) that name a group of customers:
 * segment, plan, tier, region, customer type, membership …
 */
const SEGMENT_HEADER =
  /^((customer|user|client|account)?(segment|plan|plantype|tier|region|cohort|membership|subscription|market|country)|(customer|user|client|account)(type|group))$/;

export const DEFAULT_SCALES: Record<ScoreKind, { scaleMin: number; scaleMax: number; topBoxMin?: number }> = {
  nps: { scaleMin: 0, scaleMax: 10 },
  csat: { scaleMin: 1, scaleMax: 5, topBoxMin: 4 },
  ces: { scaleMin: 1, scaleMax: 7, topBoxMin: 5 },
};

export const SCORE_KIND_LABELS: Record<ScoreKind, string> = {
  nps: 'NPS',
  csat: 'CSAT',
  ces: 'CES',
};

interface ColumnFacts {
  name: string;
  text: string;
  filled: number;
  integers: number;
  min: number;
  max: number;
  numbers: number;
  dates: number;
  distinct: Set<string>;
  meanLength: number;
  touchpointHits: number;
}

function factsOf(
  header: string,
  sub: string,
  values: string[],
  touchpointNames: ReadonlySet<string>,
): ColumnFacts {
  const facts: ColumnFacts = {
    name: normalizeName(header),
    text: `${header} ${sub}`.toLowerCase(),
    filled: 0,
    integers: 0,
    min: Infinity,
    max: -Infinity,
    numbers: 0,
    dates: 0,
    distinct: new Set(),
    meanLength: 0,
    touchpointHits: 0,
  };
  let length = 0;
  for (const raw of values) {
    const value = raw.trim();
    if (value === '') continue;
    facts.filled += 1;
    length += value.length;
    facts.distinct.add(value);
    const score = parseScore(value);
    if (typeof score === 'number') {
      facts.integers += 1;
      facts.min = Math.min(facts.min, score);
      facts.max = Math.max(facts.max, score);
    }
    if (parseDecimal(value)) facts.numbers += 1;
    const part = datePart(value);
    if (/\d/.test(part) && (toDay(part, 'dmy') ?? toDay(part, 'mdy'))) facts.dates += 1;
    if (touchpointNames.has(normalizeName(value))) facts.touchpointHits += 1;
  }
  facts.meanLength = facts.filled ? length / facts.filled : 0;
  return facts;
}

function scoreKindOf(f: ColumnFacts): ScoreKind | null {
  const mostlyIntegers = f.filled > 0 && f.integers >= f.filled * 0.8;
  if (/\bnps\b|recommend|net promoter|likely/.test(f.text)) return 'nps';
  if (/\bces\b|effort|easy|ease/.test(f.text)) return 'ces';
  if (/csat|satisf/.test(f.text)) return 'csat';
  if (!mostlyIntegers || !/score|rating|rate\b|^q\d/.test(f.text)) return null;
  if (f.min >= 0 && f.max <= 10 && (f.min === 0 || f.max > 7)) return 'nps';
  if (f.min >= 1 && f.max <= 5) return 'csat';
  if (f.min >= 1 && f.max <= 7) return 'ces';
  return null;
}

export function scoreMetricFor(kind: ScoreKind, header: string, taken: ReadonlySet<string>): ScoreMetric {
  let key: string = kind;
  if (taken.has(key)) key = metricKeyFromName(`${kind}-${header}`);
  let suffix = 2;
  const base = key;
  while (taken.has(key)) key = `${base}-${suffix++}`;
  return { kind, key, label: SCORE_KIND_LABELS[kind], ...DEFAULT_SCALES[kind] };
}

export function guessMapping(
  headers: readonly string[],
  subHeaders: readonly string[],
  rows: readonly (readonly string[])[],
  touchpoints: readonly MatchableTouchpoint[] = [],
): ImportMapping {
  const names = new Set<string>();
  for (const tp of touchpoints) {
    names.add(normalizeName(tp.name));
    if (tp.metricKey) names.add(normalizeName(tp.metricKey));
  }
  const values = (index: number) => rows.map((row) => row[index] ?? '');
  const facts = headers.map((header, index) =>
    factsOf(header, subHeaders[index] ?? '', values(index), names),
  );
  const columns: ColumnMapping[] = headers.map(() => ({ role: 'ignore' }));
  const isMeta = (f: ColumnFacts) => METADATA.has(f.name);

  // Aggregates: a metric-name column and a value column.
  const metricColumn = facts.findIndex((f) => /^(metric|measure|kpi|indicator)s?$/.test(f.name));
  const valueColumn = facts.findIndex((f) => /^(value|score|result|rate)$/.test(f.name));
  const shape = metricColumn >= 0 && valueColumn >= 0 ? 'aggregates' : 'responses';

  // Touchpoint: a header that says so, else the text column whose values are the map's names.
  let touchpoint = facts.findIndex((f) => /touchpoint|touch point/.test(f.text));
  if (touchpoint < 0)
    touchpoint = facts.findIndex(
      (f) => !isMeta(f) && /^(channel|interaction|step|journeystep|contactpoint|stage|tp)$/.test(f.name),
    );
  if (touchpoint < 0) {
    let best = -1;
    facts.forEach((f, index) => {
      if (isMeta(f) || f.touchpointHits === 0) return;
      if (best < 0 || f.touchpointHits > facts[best]!.touchpointHits) best = index;
    });
    touchpoint = best;
  }
  if (touchpoint >= 0) columns[touchpoint] = { role: 'touchpoint' };

  if (shape === 'aggregates') {
    columns[metricColumn] = { role: 'metric' };
    columns[valueColumn] = { role: 'value' };
    const n = facts.findIndex(
      (f, i) => columns[i]!.role === 'ignore' && /^(n|count|responses|samplesize|base)$/.test(f.name),
    );
    if (n >= 0) columns[n] = { role: 'n' };
    const period = facts.findIndex(
      (f, i) => columns[i]!.role === 'ignore' && /period|quarter|month|date|week|year/.test(f.name),
    );
    if (period >= 0) columns[period] = { role: 'period' };
    return { shape, columns, dateFormat: 'auto' };
  }

  // Date: Qualtrics' RecordedDate first, then any date-like header whose values are dates.
  const dateCandidates = facts
    .map((f, index) => ({ f, index }))
    .filter(({ f, index }) => columns[index]!.role === 'ignore' && f.filled > 0 && f.dates >= f.filled * 0.6);
  const date =
    dateCandidates.find(({ f }) => f.name === 'recordeddate') ??
    dateCandidates.find(({ f }) => !isMeta(f) && /date|day|time|submitted|created|when/.test(f.text)) ??
    dateCandidates.find(({ f }) => f.name === 'enddate') ??
    dateCandidates.find(({ f }) => !isMeta(f));
  if (date) columns[date.index] = { role: 'date' };

  const taken = new Set<string>();
  facts.forEach((f, index) => {
    if (columns[index]!.role !== 'ignore' || isMeta(f)) return;
    const kind = scoreKindOf(f);
    if (!kind) return;
    const metric = scoreMetricFor(kind, headers[index]!, taken);
    // A scale that the values exceed is widened to the common alternatives (CSAT 1–7, 1–10).
    // A scale that many values exceed is widened to the common alternatives (CSAT 1–7, 1–10); a
    // few stray values stay out of range and are reported.
    const above = values(index).filter((v) => {
      const s = parseScore(v);
      return typeof s === 'number' && s > metric.scaleMax;
    }).length;
    if (kind !== 'nps' && above >= f.filled * 0.25 && f.max <= 10) {
      metric.scaleMax = f.max <= 7 ? 7 : 10;
      metric.topBoxMin = metric.scaleMax - 1;
    }
    taken.add(metric.key);
    columns[index] = { role: 'score', metric };
  });

  // Segment: a header naming a customer group, over short text values (not numbers, not dates).
  const segment = facts.findIndex(
    (f, index) =>
      columns[index]!.role === 'ignore' &&
      !isMeta(f) &&
      SEGMENT_HEADER.test(f.name) &&
      f.numbers < Math.max(1, f.filled / 2) &&
      f.dates === 0 &&
      f.meanLength <= 40,
  );
  if (segment >= 0) columns[segment] = { role: 'segment' };

  const comment = facts
    .map((f, index) => ({ f, index }))
    .filter(({ f, index }) => columns[index]!.role === 'ignore' && !isMeta(f))
    .find(
      ({ f }) =>
        /comment|verbatim|feedback|why|reason|remark|open|text|explain|better|improve|suggest|tell us|anything else/.test(
          f.text,
        ) ||
        (f.filled > 0 && f.numbers < f.filled / 2 && f.meanLength > 20),
    );
  if (comment) columns[comment.index] = { role: 'comment' };

  return { shape, columns, dateFormat: 'auto' };
}
