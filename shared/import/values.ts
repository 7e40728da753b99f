/**
 * Reading the cells of an import: scores, plain numbers, dates and periods. Pure and fast: these run
 * once per cell of files with millions of rows.
 */

export type ScoreCell = number | 'blank' | 'not-a-number';

/**
 * A survey score: a whole number written plainly ("9", " 10 ", "7.0"). "9/10", "N/A", "nine",
 * "9.5" are not scores. Blank means the question was not answered (not an error).
 */
export function parseScore(cell: string): ScoreCell {
  const length = cell.length;
  if (length === 1) {
    const c = cell.charCodeAt(0) - 48;
    if (c >= 0 && c <= 9) return c;
  } else if (length === 2) {
    const a = cell.charCodeAt(0) - 48;
    const b = cell.charCodeAt(1) - 48;
    if (a >= 1 && a <= 9 && b >= 0 && b <= 9) return a * 10 + b;
  } else if (length === 0) return 'blank';
  const trimmed = cell.trim();
  if (trimmed === '') return 'blank';
  if (!/^[+-]?\d+(\.0+)?$/.test(trimmed)) return 'not-a-number';
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : 'not-a-number';
}

/** A number in an aggregate file: "42", "4.2", "4,2" (decimal comma), "12 %", "1,234.5", "1 234". */
export function parseDecimal(cell: string): { value: number; percent: boolean } | null {
  let text = cell.trim().replace(/[\u00a0\u202f ]/g, '');
  if (text === '') return null;
  const percent = text.endsWith('%');
  if (percent) text = text.slice(0, -1);
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  else if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) text = text.replace(/\./g, '').replace(',', '.');
  else if (/^[+-]?\d*,\d+$/.test(text)) text = text.replace(',', '.');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? { value, percent } : null;
}

// ---------------------------------------------------------------------------------------------
// Dates

export type DayOrder = 'ymd' | 'dmy' | 'mdy';

const TIME_SUFFIX = /[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*([AaPp][Mm])?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * The date part of a date or timestamp cell, without its time: "2025-03-14 10:22:31" (Qualtrics) →
 * "2025-03-14", "3/14/2025 9:05 AM" → "3/14/2025". Blank → ''.
 */
export function datePart(cell: string): string {
  if (cell.length >= 10 && cell.charCodeAt(4) === 45 && cell.charCodeAt(7) === 45) {
    const c10 = cell.charCodeAt(10);
    if (cell.length === 10 || c10 === 32 || c10 === 84) return cell.slice(0, 10);
  }
  const trimmed = cell.trim();
  if (trimmed === '') return '';
  return trimmed.replace(TIME_SUFFIX, '').trim();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface DateFields {
  /** Numeric fields in written order, or a month name resolved. */
  kind: 'iso' | 'numeric' | 'named';
  a: number;
  b: number;
  c: number;
}

function fieldsOf(part: string): DateFields | null {
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(part);
  if (m) return { kind: 'iso', a: +m[1]!, b: +m[2]!, c: +m[3]! };
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(part);
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + +m[3]! : +m[3]!;
    return { kind: 'numeric', a: +m[1]!, b: +m[2]!, c: year };
  }
  m = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?,?[ -](\d{4})$/.exec(part);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
    if (month >= 0) return { kind: 'named', a: +m[3]!, b: month + 1, c: +m[1]! };
  }
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(part);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase());
    if (month >= 0) return { kind: 'named', a: +m[3]!, b: month + 1, c: +m[2]! };
  }
  return null;
}

function isoDay(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 'YYYY-MM-DD' for a date part in the given order, or null when it is not a date. */
export function toDay(part: string, order: DayOrder): string | null {
  const fields = fieldsOf(part);
  if (!fields) return null;
  if (fields.kind === 'iso' || fields.kind === 'named') return isoDay(fields.a, fields.b, fields.c);
  if (order === 'ymd') return null;
  return order === 'dmy' ? isoDay(fields.c, fields.b, fields.a) : isoDay(fields.c, fields.a, fields.b);
}

export interface DayOrderDecision {
  order: DayOrder;
  /** True when nothing in the file told D/M/Y from M/D/Y (every day ≤ 12) and the default was used. */
  assumed: boolean;
}

/**
 * Decides, for a whole file, whether numeric dates are D/M/Y or M/D/Y: a first field above 12 can
 * only be a day, a second field above 12 only a day. When both kinds occur the more common wins (the
 * others are then unreadable and reported); when neither does, `fallback` is used and said so.
 */
export function detectDayOrder(parts: Iterable<string>, fallback: 'dmy' | 'mdy' = 'dmy'): DayOrderDecision {
  let dayFirst = 0;
  let monthFirst = 0;
  let numeric = 0;
  for (const part of parts) {
    const fields = fieldsOf(part);
    if (!fields || fields.kind !== 'numeric') continue;
    numeric += 1;
    if (fields.a > 12 && fields.b <= 12) dayFirst += 1;
    else if (fields.b > 12 && fields.a <= 12) monthFirst += 1;
  }
  if (numeric === 0) return { order: 'ymd', assumed: false };
  if (dayFirst === 0 && monthFirst === 0) return { order: fallback, assumed: true };
  return { order: dayFirst >= monthFirst ? 'dmy' : 'mdy', assumed: false };
}

// ---------------------------------------------------------------------------------------------
// Periods (aggregate files)

export interface Period {
  start: string;
  end: string;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthPeriod(year: number, month: number, months = 1): Period | null {
  if (month < 1 || month > 12 || year < 1900 || year > 2200) return null;
  const endMonth = month + months - 1;
  return {
    start: isoDay(year, month, 1)!,
    end: isoDay(year, endMonth, lastDayOfMonth(year, endMonth))!,
  };
}

/**
 * A period cell: "2025-Q1", "Q1 2025", "2025 Q1", "2025-03" (a month), "Mar 2025", "2025" (a year),
 * "2025-01-01..2025-03-31" or "2025-01-01 to 2025-03-31" (a range), or one day.
 */
export function parsePeriod(cell: string, order: DayOrder): Period | null {
  const text = cell.trim();
  let m = /^(\d{4})[- ]?[Qq]([1-4])$/.exec(text) ?? /^[Qq]([1-4])[- ]?(\d{4})$/.exec(text);
  if (m) {
    const [year, quarter] = /^\d{4}/.test(text) ? [+m[1]!, +m[2]!] : [+m[2]!, +m[1]!];
    return monthPeriod(year, (quarter - 1) * 3 + 1, 3);
  }
  m = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (m) return monthPeriod(+m[1]!, +m[2]!);
  m = /^([A-Za-z]{3,9})\.? (\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase());
    return month >= 0 ? monthPeriod(+m[2]!, month + 1) : null;
  }
  m = /^(\d{4})$/.exec(text);
  if (m) return monthPeriod(+m[1]!, 1, 12);
  const range = /^(.+?)\s*(?:\.\.|–|—| to | - )\s*(.+)$/.exec(text);
  if (range) {
    const start = toDay(datePart(range[1]!), order);
    const end = toDay(datePart(range[2]!), order);
    return start && end && start <= end ? { start, end } : null;
  }
  const day = toDay(datePart(text), order);
  return day ? { start: day, end: day } : null;
}
