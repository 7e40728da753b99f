import { describe, expect, it } from 'vitest';
import { classifyBreakdown, handoffBreakdown, handoffCheck } from '../../../../shared/metrics/breakdown';
import { value } from './metric-fixtures';

// Service: CSAT (%, Wilson-style intervals given by hand). Experience: NPS.
const csat = (v: number, low: number, high: number, n = 200) => value({ value: v, n, ci: { low, high } });
const nps = (v: number, low: number, high: number, n = 200) =>
  value({
    key: 'nps',
    kind: 'nps',
    family: 'experience',
    unit: 'score',
    estimator: 'mean',
    sd: 80,
    value: v,
    n,
    ci: { low, high },
  });

describe('touchpoint breakdown classification', () => {
  it('healthy: every assessed metric meets its target', () => {
    const b = classifyBreakdown([
      { metric: csat(90, 85, 94), target: 80 },
      { metric: nps(40, 30, 50), target: 30 },
    ]);
    expect(b).toMatchObject({ class: 'healthy', certainty: null, uncertain: false });
    expect(b.service.status).toBe('meets');
    expect(b.experience.status).toBe('meets');
  });

  it('service, confirmed: CSAT 60 [50, 70] against 80 while NPS meets', () => {
    const b = classifyBreakdown([
      { metric: csat(60, 50, 70), target: 80 },
      { metric: nps(40, 30, 50), target: 30 },
    ]);
    expect(b).toMatchObject({ class: 'service', certainty: 'confirmed' });
  });

  it('service, possible: CSAT 75 [65, 84] straddles 80', () => {
    const b = classifyBreakdown([{ metric: csat(75, 65, 84), target: 80 }]);
    expect(b).toMatchObject({ class: 'service', certainty: 'possible', uncertain: true });
    expect(b.experience.status).toBe('absent');
  });

  it('experience ("nice reps, broken journey"): NPS below while CSAT meets', () => {
    const b = classifyBreakdown([
      { metric: csat(92, 88, 95), target: 80 },
      { metric: nps(10, 0, 20), target: 30 },
    ]);
    expect(b).toMatchObject({ class: 'experience', certainty: 'confirmed' });
    expect(b.service).toMatchObject({ status: 'meets', assessed: 1 });
    const possible = classifyBreakdown([
      { metric: csat(92, 88, 95), target: 80 },
      { metric: nps(25, 10, 40), target: 30 },
    ]);
    expect(possible).toMatchObject({ class: 'experience', certainty: 'possible' });
  });

  it('experience with no service metrics at all: still an experience breakdown, service marked absent', () => {
    const b = classifyBreakdown([{ metric: nps(10, 0, 20), target: 30 }]);
    expect(b).toMatchObject({ class: 'experience', certainty: 'confirmed' });
    expect(b.service).toEqual({ status: 'absent', certainty: null, assessed: 0, below: 0 });
  });

  it('both: confirmed only when both families are confirmed', () => {
    const confirmed = classifyBreakdown([
      { metric: csat(60, 50, 70), target: 80 },
      { metric: nps(10, 0, 20), target: 30 },
    ]);
    expect(confirmed).toMatchObject({ class: 'both', certainty: 'confirmed' });
    const possible = classifyBreakdown([
      { metric: csat(60, 50, 70), target: 80 },
      { metric: nps(25, 10, 40), target: 30 },
    ]);
    expect(possible).toMatchObject({ class: 'both', certainty: 'possible' });
    expect(possible.service.certainty).toBe('confirmed');
    expect(possible.experience.certainty).toBe('possible');
  });

  it('a family is confirmed below when any of its below metrics is confirmed', () => {
    const fcr = value({ key: 'fcr', kind: 'fcr', value: 70, n: 200, ci: { low: 63, high: 76 } });
    const b = classifyBreakdown([
      { metric: csat(75, 65, 84), target: 80 },
      { metric: fcr, target: 85 },
    ]);
    expect(b).toMatchObject({ class: 'service', certainty: 'confirmed' });
    expect(b.service).toMatchObject({ below: 2, assessed: 2 });
  });

  it('no-data when nothing has both a value and a target; the family can be overridden', () => {
    const b = classifyBreakdown([
      { metric: csat(90, 85, 94), target: null },
      { metric: value({ key: 'empty', value: null, n: 0 }), target: 80 },
    ]);
    expect(b).toMatchObject({ class: 'no-data', certainty: null });
    expect(b.skipped).toEqual(['csat', 'empty']);
    const filed = classifyBreakdown([{ metric: nps(10, 0, 20), target: 30, family: 'service' }]);
    expect(filed.class).toBe('service');
  });

  it('small samples make the classification uncertain without changing it', () => {
    const b = classifyBreakdown([{ metric: csat(40, 20, 64, 12), target: 80 }]);
    expect(b).toMatchObject({ class: 'service', certainty: 'confirmed', uncertain: true });
  });
});

describe('hand-off breakdown', () => {
  it('flags a significant drop: CSAT 90 % (180/200) → 80 % (160/200), z = −2.80', () => {
    const check = handoffCheck(csat(90, 85, 93), csat(80, 74, 85));
    expect(check).toMatchObject({ worse: true, flagged: true });
    expect(check.test).toMatchObject({ test: 'two-proportion-z', significant: true, difference: -10 });
    expect(check.test.statistic).toBeCloseTo(-2.8006, 4);
  });

  it('does not flag the same drop on 20 responses each (z = −0.89)', () => {
    const check = handoffCheck(csat(90, 70, 97, 20), csat(80, 58, 92, 20));
    expect(check).toMatchObject({ worse: true, flagged: false });
    expect(check.test.statistic).toBeCloseTo(-0.8856, 4);
  });

  it('does not flag a significant improvement, and reads lower-is-better the right way round', () => {
    expect(handoffCheck(csat(80, 74, 85), csat(90, 85, 93))).toMatchObject({ worse: false, flagged: false });
    // Churn 5 % (50/1000) upstream → 8 % (80/1000) downstream: z = 2.72, worse for a lower-is-better metric.
    const churn = (v: number) =>
      value({
        key: 'churn',
        kind: 'churn-rate',
        direction: 'lower-is-better',
        family: 'experience',
        value: v,
        n: 1000,
      });
    const check = handoffCheck(churn(5), churn(8));
    expect(check).toMatchObject({ worse: true, flagged: true });
    expect(check.test.statistic).toBeCloseTo(2.7211, 4);
  });

  it('tests means with Welch: NPS 40 (sd 80, n 200) → 10 (sd 90, n 150)', () => {
    const up = nps(40, 29, 51);
    const down = { ...nps(10, -4, 24, 150), sd: 90 };
    const check = handoffCheck(up, down);
    expect(check).toMatchObject({ worse: true, flagged: true });
    expect(check.test.test).toBe('welch-t');
  });

  it('never flags a metric without a sampling model, nor different metrics', () => {
    const clv = (v: number) =>
      value({
        key: 'clv',
        kind: 'clv',
        unit: 'currency',
        estimator: 'none',
        family: 'experience',
        value: v,
        n: 500,
      });
    expect(handoffCheck(clv(300), clv(100))).toMatchObject({ worse: true, flagged: false });
    expect(handoffCheck(csat(90, 85, 93), { ...csat(50, 40, 60), key: 'csat-chat' }).flagged).toBe(false);
  });

  it('checks every metric shared by both ends of the edge', () => {
    const result = handoffBreakdown([csat(90, 85, 93), nps(40, 30, 50)], [csat(80, 74, 85), nps(42, 30, 54)]);
    expect(result.flagged).toBe(true);
    expect(result.checks.map((c) => [c.key, c.flagged])).toEqual([
      ['csat', true],
      ['nps', false],
    ]);
  });
});
