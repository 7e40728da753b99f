import { describe, expect, it } from 'vitest';
import {
  compareTrend,
  isoWeeksInYear,
  nextPeriodKey,
  periodBounds,
  periodGranularity,
  periodKey,
  previousPeriodKey,
} from '../../../../shared/metrics/periods';
import { unwrap, value } from './metric-fixtures';

const key = (date: string, granularity: 'day' | 'week' | 'month' | 'quarter') =>
  unwrap(periodKey(date, granularity));

describe('period keys', () => {
  it('bucket a date by day, ISO week, month and quarter', () => {
    // 2024-12-30 is a Monday; that week's Thursday is 2025-01-02, so it is week 1 of 2025.
    expect(key('2024-12-30', 'week')).toBe('2025-W01');
    expect(key('2024-12-29', 'week')).toBe('2024-W52');
    expect(key('2024-03-31', 'quarter')).toBe('2024-Q1');
    expect(key('2024-04-01', 'quarter')).toBe('2024-Q2');
    expect(key('2024-03-31', 'month')).toBe('2024-03');
    expect(key('2024-03-31', 'day')).toBe('2024-03-31');
    // 53-week years: 2020 (leap, starts Wednesday) and 2026 (starts Thursday).
    expect(key('2021-01-03', 'week')).toBe('2020-W53');
    expect(key('2027-01-01', 'week')).toBe('2026-W53');
    expect(key('2026-01-01', 'week')).toBe('2026-W01');
    expect([isoWeeksInYear(2020), isoWeeksInYear(2024), isoWeeksInYear(2026)]).toEqual([53, 52, 53]);
  });

  it('agree with an independent Date-based ISO week for every day of 1999–2031', () => {
    const day = 86_400_000;
    for (let t = Date.UTC(1999, 0, 1); t <= Date.UTC(2031, 11, 31); t += day) {
      const date = new Date(t);
      const thursday = new Date(t + (3 - ((date.getUTCDay() + 6) % 7)) * day);
      const year = thursday.getUTCFullYear();
      const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / day / 7) + 1;
      const expected = `${year}-W${String(week).padStart(2, '0')}`;
      const iso = date.toISOString().slice(0, 10);
      if (key(iso, 'week') !== expected) expect(`${iso} → ${key(iso, 'week')}`).toBe(`${iso} → ${expected}`);
    }
  });

  it('refuse dates and keys that do not exist', () => {
    for (const bad of ['2024-02-30', '2023-02-29', '2024-13-01', '24-01-01', '2024-1-01', '0000-01-01', ''])
      expect(periodKey(bad, 'day').ok).toBe(false);
    expect(periodKey('2024-02-29', 'day').ok).toBe(true);
    for (const bad of ['2024-W53', '2024-W00', '2024-Q5', '2024-00', 'last week'])
      expect(previousPeriodKey(bad).ok).toBe(false);
    expect(periodGranularity('2020-W53')).toBe('week');
    expect(periodGranularity('2024-Q3')).toBe('quarter');
    expect(periodGranularity('nonsense')).toBeNull();
  });

  it('step to the previous and next period', () => {
    expect(unwrap(previousPeriodKey('2025-W01'))).toBe('2024-W52');
    expect(unwrap(previousPeriodKey('2021-W01'))).toBe('2020-W53');
    expect(unwrap(nextPeriodKey('2020-W53'))).toBe('2021-W01');
    expect(unwrap(previousPeriodKey('2024-Q1'))).toBe('2023-Q4');
    expect(unwrap(nextPeriodKey('2024-Q4'))).toBe('2025-Q1');
    expect(unwrap(previousPeriodKey('2024-01'))).toBe('2023-12');
    expect(unwrap(previousPeriodKey('2024-03-01'))).toBe('2024-02-29');
    expect(unwrap(previousPeriodKey('2023-03-01'))).toBe('2023-02-28');
    expect(previousPeriodKey('0001-01-01').ok).toBe(false);
  });

  it('give the first and last day of a period', () => {
    expect(unwrap(periodBounds('2025-W01'))).toEqual({ start: '2024-12-30', end: '2025-01-05' });
    expect(unwrap(periodBounds('2024-02'))).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(unwrap(periodBounds('2024-Q1'))).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(unwrap(periodBounds('2024-Q4'))).toEqual({ start: '2024-10-01', end: '2024-12-31' });
  });
});

describe('trend between two periods', () => {
  it('CSAT 80 % → 85 % on 400 each: up, improved, not significant (z = 1.86)', () => {
    // p̂ = 660/800 = 0.825, SE = √(0.825·0.175·(2/400)) = 0.026868, z = 0.05/0.026868 = 1.861 < 1.96.
    const trend = compareTrend(value({ value: 85, n: 400 }), value({ value: 80, n: 400 }));
    expect(trend).toMatchObject({ direction: 'up', difference: 5, improved: true, significant: false });
    expect(trend.test.statistic).toBeCloseTo(1.861, 3);
  });

  it('the same move on 1000 each is significant (z = 2.94)', () => {
    const trend = compareTrend(value({ value: 85, n: 1000 }), value({ value: 80, n: 1000 }));
    expect(trend).toMatchObject({ direction: 'up', significant: true });
    expect(trend.test.statistic).toBeCloseTo(2.9424, 4);
  });

  it('reads direction against the metric: churn going up is not an improvement', () => {
    const churn = (v: number) =>
      value({ key: 'churn', kind: 'churn-rate', direction: 'lower-is-better', value: v, n: 1000 });
    expect(compareTrend(churn(8), churn(5))).toMatchObject({
      direction: 'up',
      improved: false,
      significant: true,
    });
  });

  it('flat when equal, nothing when a period has no data', () => {
    expect(compareTrend(value({ value: 80, n: 400 }), value({ value: 80, n: 100 }))).toMatchObject({
      direction: 'flat',
      improved: null,
      significant: false,
    });
    expect(compareTrend(value({ value: 80, n: 400 }), value({ value: null, n: 0 }))).toMatchObject({
      direction: null,
      difference: null,
      significant: false,
    });
  });
});
