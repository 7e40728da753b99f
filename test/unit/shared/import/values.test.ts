import { describe, expect, it } from 'vitest';
import {
  datePart,
  detectDayOrder,
  parseDecimal,
  parsePeriod,
  parseScore,
  toDay,
} from '../../../../shared/import/values';

describe('parseScore', () => {
  it.each([
    ['9', 9],
    ['10', 10],
    [' 7 ', 7],
    ['0', 0],
    ['7.0', 7],
    ['', 'blank'],
    ['   ', 'blank'],
    ['9/10', 'not-a-number'],
    ['N/A', 'not-a-number'],
    ['9.5', 'not-a-number'],
    ['nine', 'not-a-number'],
    ['=1+1', 'not-a-number'],
  ])('%j → %j', (cell, expected) => expect(parseScore(cell)).toBe(expected));
});

describe('parseDecimal', () => {
  it.each([
    ['4.2', { value: 4.2, percent: false }],
    ['4,2', { value: 4.2, percent: false }],
    ['12 %', { value: 12, percent: true }],
    ['1,234.5', { value: 1234.5, percent: false }],
    ['1.234,5', { value: 1234.5, percent: false }],
    ['n/a', null],
    ['', null],
  ])('%j', (cell, expected) => expect(parseDecimal(cell)).toEqual(expected));
});

describe('dates', () => {
  it('cuts the time off timestamps, Qualtrics and US style', () => {
    expect(datePart('2025-03-14 10:22:31')).toBe('2025-03-14');
    expect(datePart('2025-03-14T10:22:31Z')).toBe('2025-03-14');
    expect(datePart('3/14/2025 9:05 AM')).toBe('3/14/2025');
    expect(datePart('14 Mar 2025')).toBe('14 Mar 2025');
  });

  it('reads ISO, day/month, month/day and month names, refusing impossible days', () => {
    expect(toDay('2025-03-14', 'dmy')).toBe('2025-03-14');
    expect(toDay('14/03/2025', 'dmy')).toBe('2025-03-14');
    expect(toDay('03/14/2025', 'mdy')).toBe('2025-03-14');
    expect(toDay('14.03.25', 'dmy')).toBe('2025-03-14');
    expect(toDay('Mar 14, 2025', 'dmy')).toBe('2025-03-14');
    expect(toDay('2025-02-29', 'ymd')).toBeNull();
    expect(toDay('2024-02-29', 'ymd')).toBe('2024-02-29');
    expect(toDay('14/03/2025', 'mdy')).toBeNull();
    expect(toDay('tomorrow', 'dmy')).toBeNull();
  });

  it('decides D/M/Y or M/D/Y for the whole file, and says when it had to assume', () => {
    expect(detectDayOrder(['01/02/2025', '25/02/2025'])).toEqual({ order: 'dmy', assumed: false });
    expect(detectDayOrder(['01/02/2025', '02/25/2025'])).toEqual({ order: 'mdy', assumed: false });
    expect(detectDayOrder(['01/02/2025', '03/04/2025'], 'mdy')).toEqual({ order: 'mdy', assumed: true });
    expect(detectDayOrder(['2025-01-02'])).toEqual({ order: 'ymd', assumed: false });
  });
});

describe('parsePeriod', () => {
  it.each([
    ['2025-Q1', { start: '2025-01-01', end: '2025-03-31' }],
    ['Q4 2024', { start: '2024-10-01', end: '2024-12-31' }],
    ['2025-02', { start: '2025-02-01', end: '2025-02-28' }],
    ['Mar 2025', { start: '2025-03-01', end: '2025-03-31' }],
    ['2025', { start: '2025-01-01', end: '2025-12-31' }],
    ['2025-01-01..2025-01-31', { start: '2025-01-01', end: '2025-01-31' }],
    ['2025-01-01 to 2025-01-07', { start: '2025-01-01', end: '2025-01-07' }],
    ['2025-03-14', { start: '2025-03-14', end: '2025-03-14' }],
    ['Spring', null],
    ['2025-Q5', null],
  ])('%j', (cell, expected) => expect(parsePeriod(cell, 'dmy')).toEqual(expected));
});
