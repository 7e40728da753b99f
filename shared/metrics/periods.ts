import { accepted, type Checked, rejected } from './checked';
import type { MetricValue } from './compute';
import { DEFAULT_CONFIDENCE } from './intervals';
import { compareMetricValues, type TwoSampleTest } from './significance';

/**
 * Reporting periods and trends. Dates are ISO calendar dates 'YYYY-MM-DD' (years 0001–9999, no time,
 * no zone: a response's date as the survey tool recorded it). Period keys:
 *
 *   day      2024-03-31
 *   week     2025-W01   ISO 8601 week: weeks start on Monday, week 1 is the week holding the year's
 *                       first Thursday, so a week belongs to the year of its Thursday (2024-12-30 is
 *                       in 2025-W01) and a year has 52 or 53 weeks
 *   month    2024-03
 *   quarter  2024-Q1    Q1 = January–March … Q4 = October–December
 *
 * Calendar arithmetic is done on day numbers (days since 1970-01-01, proleptic Gregorian) with
 * Howard Hinnant's civil-from-days algorithms: exact, and free of Date's time zones.
 */
export type Granularity = 'day' | 'week' | 'month' | 'quarter';
export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month', 'quarter'];

interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01. */
function daysFromCivil({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday, Monday = 1 … Sunday = 7 (1970-01-01 was a Thursday). */
function isoWeekday(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** ISO week-numbering year and week of a day: the year and week of that week's Thursday. */
function isoWeek(days: number): { year: number; week: number } {
  const thursday = days - isoWeekday(days) + 4;
  const { year } = civilFromDays(thursday);
  const week = Math.floor((thursday - daysFromCivil({ year, month: 1, day: 1 })) / 7) + 1;
  return { year, week };
}

/** 52 or 53: the week of 28 December is always the ISO year's last week. */
export function isoWeeksInYear(year: number): number {
  return isoWeek(daysFromCivil({ year, month: 12, day: 28 })).week;
}

/** Monday of ISO week `week` of ISO year `year`: week 1 holds 4 January. */
function isoWeekStart(year: number, week: number): number {
  const jan4 = daysFromCivil({ year, month: 1, day: 4 });
  return jan4 - (isoWeekday(jan4) - 1) + 7 * (week - 1);
}

function formatDay(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Parses 'YYYY-MM-DD' (a real calendar date) into a day number. */
function parseDate(date: string): Checked<number> {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return rejected(`"${date}" is not a date written YYYY-MM-DD.`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR) return rejected(`"${date}": years run from 0001 to 9999.`);
  if (month < 1 || month > 12) return rejected(`"${date}": there is no month ${month}.`);
  if (day < 1 || day > daysInMonth(year, month))
    return rejected(`"${date}": month ${pad(month, 2)} of ${year} has ${daysInMonth(year, month)} days.`);
  return accepted(daysFromCivil({ year, month, day }));
}

/** Whether a string is a valid 'YYYY-MM-DD' date. */
export function isIsoDate(date: string): boolean {
  return parseDate(date).ok;
}

/** The key of the period of the given granularity that holds `date`. */
export function periodKey(date: string, granularity: Granularity): Checked<string> {
  const parsed = parseDate(date);
  if (!parsed.ok) return parsed;
  const days = parsed.value;
  const { year, month } = civilFromDays(days);
  switch (granularity) {
    case 'day':
      return accepted(formatDay(days));
    case 'week': {
      const w = isoWeek(days);
      return accepted(`${pad(w.year, 4)}-W${pad(w.week, 2)}`);
    }
    case 'month':
      return accepted(`${pad(year, 4)}-${pad(month, 2)}`);
    case 'quarter':
      return accepted(`${pad(year, 4)}-Q${Math.floor((month - 1) / 3) + 1}`);
  }
}

type ParsedPeriod =
  | { granularity: 'day'; days: number }
  | { granularity: 'week'; year: number; week: number }
  | { granularity: 'month'; year: number; month: number }
  | { granularity: 'quarter'; year: number; quarter: number };

function parsePeriod(key: string): Checked<ParsedPeriod> {
  if (/^\d{4}-\d{2}-\d{2}$/.test(key)) {
    const days = parseDate(key);
    return days.ok ? accepted({ granularity: 'day', days: days.value }) : days;
  }
  let match = /^(\d{4})-W(\d{2})$/.exec(key);
  if (match) {
    const [year, week] = [Number(match[1]), Number(match[2])];
    if (year < MIN_YEAR) return rejected(`"${key}": years run from 0001 to 9999.`);
    if (week < 1 || week > isoWeeksInYear(year))
      return rejected(`"${key}": ${year} has ISO weeks 01–${isoWeeksInYear(year)}.`);
    return accepted({ granularity: 'week', year, week });
  }
  match = /^(\d{4})-(\d{2})$/.exec(key);
  if (match) {
    const [year, month] = [Number(match[1]), Number(match[2])];
    if (year < MIN_YEAR) return rejected(`"${key}": years run from 0001 to 9999.`);
    if (month < 1 || month > 12) return rejected(`"${key}": there is no month ${month}.`);
    return accepted({ granularity: 'month', year, month });
  }
  match = /^(\d{4})-Q([1-4])$/.exec(key);
  if (match) {
    const year = Number(match[1]);
    if (year < MIN_YEAR) return rejected(`"${key}": years run from 0001 to 9999.`);
    return accepted({ granularity: 'quarter', year, quarter: Number(match[2]) });
  }
  return rejected(`"${key}" is not a period key (YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY-Qn).`);
}

/** The granularity a key is written in, or null when it is not a valid key. */
export function periodGranularity(key: string): Granularity | null {
  const parsed = parsePeriod(key);
  return parsed.ok ? parsed.value.granularity : null;
}

/** First and last day (inclusive) of a period. */
export function periodBounds(key: string): Checked<{ start: string; end: string }> {
  const parsed = parsePeriod(key);
  if (!parsed.ok) return parsed;
  const p = parsed.value;
  switch (p.granularity) {
    case 'day':
      return accepted({ start: formatDay(p.days), end: formatDay(p.days) });
    case 'week': {
      const start = isoWeekStart(p.year, p.week);
      return accepted({ start: formatDay(start), end: formatDay(start + 6) });
    }
    case 'month': {
      const start = daysFromCivil({ year: p.year, month: p.month, day: 1 });
      return accepted({ start: formatDay(start), end: formatDay(start + daysInMonth(p.year, p.month) - 1) });
    }
    case 'quarter': {
      const first = 3 * (p.quarter - 1) + 1;
      const start = daysFromCivil({ year: p.year, month: first, day: 1 });
      const end = daysFromCivil({ year: p.year, month: first + 2, day: daysInMonth(p.year, first + 2) });
      return accepted({ start: formatDay(start), end: formatDay(end) });
    }
  }
}

/** The period `steps` periods away (−1: the previous one), in the same granularity. */
export function shiftPeriodKey(key: string, steps: number): Checked<string> {
  if (!Number.isSafeInteger(steps)) return rejected(`A period shift is a whole number, got ${steps}.`);
  const bounds = periodBounds(key);
  const granularity = periodGranularity(key);
  if (!bounds.ok || granularity === null)
    return bounds.ok ? rejected(`"${key}" is not a period key.`) : bounds;
  const start = parseDate(bounds.value.start);
  if (!start.ok) return start;
  let target: number;
  if (granularity === 'day' || granularity === 'week') {
    target = start.value + steps * (granularity === 'day' ? 1 : 7);
  } else {
    const { year, month } = civilFromDays(start.value);
    const months = year * 12 + (month - 1) + steps * (granularity === 'month' ? 1 : 3);
    target = daysFromCivil({ year: Math.floor(months / 12), month: (months % 12) + 1, day: 1 });
  }
  const { year } = civilFromDays(target);
  if (year < MIN_YEAR || year > MAX_YEAR)
    return rejected(`"${key}" shifted by ${steps} leaves years 0001–9999.`);
  return periodKey(formatDay(target), granularity);
}

/** The period just before: 2025-W01 → 2024-W52, 2024-Q1 → 2023-Q4, 2024-03-01 → 2024-02-29. */
export function previousPeriodKey(key: string): Checked<string> {
  return shiftPeriodKey(key, -1);
}

export function nextPeriodKey(key: string): Checked<string> {
  return shiftPeriodKey(key, 1);
}

/**
 * Trend of a metric from the previous period to the current one.
 *
 * direction: 'up' / 'down' by the sign of current − previous, 'flat' when they are equal up to
 * rounding (|difference| ≤ 1e-9 · max(1, |values|)); null when either period has no data.
 * improved: whether the move is good for the metric's direction (null when flat or no data).
 * significant: the difference passes the two-sided 95 % test for the metric — a two-proportion
 * z-test for proportions, Welch's t-test for means (significance.ts); false when no test applies.
 */
export type TrendDirection = 'up' | 'down' | 'flat';

export interface Trend {
  readonly direction: TrendDirection | null;
  readonly difference: number | null;
  readonly improved: boolean | null;
  readonly significant: boolean;
  readonly test: TwoSampleTest;
}

export function compareTrend(
  current: MetricValue,
  previous: MetricValue,
  confidence: number = DEFAULT_CONFIDENCE,
): Trend {
  const test = compareMetricValues(previous, current, confidence);
  if (current.value === null || previous.value === null || test.difference === null)
    return { direction: null, difference: null, improved: null, significant: false, test };
  const difference = test.difference;
  const tolerance = 1e-9 * Math.max(1, Math.abs(current.value), Math.abs(previous.value));
  const direction: TrendDirection =
    Math.abs(difference) <= tolerance ? 'flat' : difference > 0 ? 'up' : 'down';
  const improved =
    direction === 'flat' ? null : (direction === 'up') === (current.direction === 'higher-is-better');
  return { direction, difference, improved, significant: direction !== 'flat' && test.significant, test };
}
