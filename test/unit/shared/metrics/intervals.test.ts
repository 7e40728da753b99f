import { describe, expect, it } from 'vitest';
import {
  clampInterval,
  criticalT,
  criticalZ,
  meanInterval,
  normalInterval,
  wilsonInterval,
  Z_95,
} from '../../../../shared/metrics/intervals';
import {
  normalCdf,
  normalQuantile,
  studentTCdf,
  studentTQuantile,
} from '../../../../shared/metrics/probability';

describe('Student t critical values', () => {
  it('match the printed t table (two-sided 95 %: t(0.975, df))', () => {
    // Standard table, 4 decimals.
    const table: [number, number][] = [
      [1, 12.7062],
      [2, 4.3027],
      [4, 2.7764],
      [5, 2.5706],
      [10, 2.2281],
      [30, 2.0423],
      [100, 1.984],
    ];
    for (const [df, t] of table) expect(criticalT(df)).toBeCloseTo(t, 4);
  });

  it('are accurate to well below 1e-6 (reference values to 12 digits)', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062047361747, 9);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.30265272974946, 9);
    expect(studentTQuantile(0.975, 5)).toBeCloseTo(2.57058183563631, 10);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.22813885198627, 10);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.04227245630124, 10);
    expect(studentTQuantile(0.975, 100)).toBeCloseTo(1.98397151852355, 10);
    // 99 % two-sided, df 10: 3.16927267261695.
    expect(criticalT(10, 0.99)).toBeCloseTo(3.16927267261695, 9);
  });

  it('are symmetric, invert the CDF, and approach z as df grows', () => {
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 12);
    expect(studentTQuantile(0.5, 7)).toBe(0);
    for (const df of [3, 7.5, 42, 1234.5])
      for (const p of [0.6, 0.9, 0.975, 0.999])
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 12);
    expect(criticalT(1e7)).toBeCloseTo(Z_95, 6);
    expect(criticalT(Number.POSITIVE_INFINITY)).toBe(Z_95);
  });
});

describe('normal quantiles', () => {
  it('give z = 1.959963984540054 for 95 % and invert Φ', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(Z_95, 13);
    expect(criticalZ()).toBe(Z_95);
    // 90 %: 1.64485362695147; 99 %: 2.5758293035489.
    expect(criticalZ(0.9)).toBeCloseTo(1.64485362695147, 12);
    expect(criticalZ(0.99)).toBeCloseTo(2.5758293035489, 12);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(() => criticalZ(1)).toThrow(RangeError);
  });
});

describe('Wilson score interval', () => {
  it('8 / 10 → [0.4902, 0.9433]', () => {
    // p = 0.8, z² = 3.8415, z²/n = 0.38415
    // centre = (0.8 + 0.19207) / 1.38415 = 0.71674
    // half   = 1.95996 / 1.38415 · √(0.8·0.2/10 + 3.8415/400) = 1.41601 · √0.0256037 = 0.22658
    const w = wilsonInterval(8, 10);
    expect(w.kind).toBe('bounded');
    if (w.kind !== 'bounded') return;
    expect(w.low).toBeCloseTo(0.4902, 4);
    expect(w.high).toBeCloseTo(0.9433, 4);
  });

  it('stays inside [0, 1] at the edges and has no interval for n = 0', () => {
    // 0 / 10: low = 0 exactly, high = z²/n / (1 + z²/n) = 0.38415 / 1.38415 = 0.2775.
    expect(wilsonInterval(0, 10)).toMatchObject({ kind: 'bounded', low: 0 });
    const zero = wilsonInterval(0, 10);
    if (zero.kind === 'bounded') expect(zero.high).toBeCloseTo(0.2775, 4);
    // 1 / 1: centre = (1 + 1.92) / 4.84, half = 1.96/4.84 · √(0 + 3.84/4) → [0.2065, 1].
    const one = wilsonInterval(1, 1);
    expect(one).toMatchObject({ kind: 'bounded', high: 1 });
    if (one.kind === 'bounded') expect(one.low).toBeCloseTo(0.2065, 4);
    expect(wilsonInterval(0, 0)).toEqual({ kind: 'none', reason: 'no-data' });
  });
});

describe('t-interval for a mean', () => {
  it('3, 4, 5, 5, 6, 7: 5 ± t(0.975, 5) · √2 / √6 = [3.5159, 6.4841]', () => {
    // mean 5, s = √2 (see distribution tests), SE = √2/√6 = 0.57735, t(0.975, 5) = 2.5706
    // half width = 2.5706 · 0.57735 = 1.48413
    const m = meanInterval(5, Math.SQRT2, 6);
    expect(m.kind).toBe('bounded');
    if (m.kind !== 'bounded') return;
    expect(m.low).toBeCloseTo(3.5159, 4);
    expect(m.high).toBeCloseTo(6.4841, 4);
  });

  it('is explicit about n = 0 (none) and n = 1 (mean defined, interval unbounded)', () => {
    expect(meanInterval(0, null, 0)).toEqual({ kind: 'none', reason: 'no-data' });
    expect(meanInterval(4, null, 1)).toEqual({ kind: 'unbounded', reason: 'single-observation' });
    // All observations equal: sd 0, the interval collapses to the mean.
    expect(meanInterval(4, 0, 12)).toEqual({ kind: 'bounded', low: 4, high: 4 });
  });
});

describe('normal interval and clamping', () => {
  it('is estimate ± z · se, clipped to a range on request', () => {
    const n = normalInterval(30, 10);
    expect(n.low).toBeCloseTo(30 - 19.59964, 5);
    expect(n.high).toBeCloseTo(30 + 19.59964, 5);
    expect(clampInterval({ low: -130, high: 20 }, -100, 100)).toEqual({ low: -100, high: 20 });
  });
});
