import { describe, expect, it } from 'vitest';
import { compareToTarget } from '../../../../shared/metrics/targets';
import { value } from './metric-fixtures';

describe('comparing a value with its target', () => {
  it('higher-is-better: CI wholly below the target → below, confirmed', () => {
    // 60 % [50, 70], target 80: ci.high 70 < 80.
    const c = compareToTarget(value({ value: 60, n: 100, ci: { low: 50, high: 70 } }), 80);
    expect(c).toMatchObject({
      status: 'below',
      certainty: 'confirmed',
      ciStraddles: false,
      uncertain: false,
    });
    expect(c.difference).toBe(-20);
  });

  it('value below but CI reaching the target → possible and uncertain', () => {
    const c = compareToTarget(value({ value: 75, n: 100, ci: { low: 65, high: 84 } }), 80);
    expect(c).toMatchObject({ status: 'below', certainty: 'possible', ciStraddles: true, uncertain: true });
    // Touching the target is not "wholly on the bad side".
    const touching = compareToTarget(value({ value: 70, n: 100, ci: { low: 60, high: 80 } }), 80);
    expect(touching.certainty).toBe('possible');
  });

  it('meets at or above the target; a straddling CI still makes it uncertain', () => {
    expect(compareToTarget(value({ value: 90, n: 100, ci: { low: 85, high: 95 } }), 80)).toMatchObject({
      status: 'meets',
      certainty: null,
      uncertain: false,
    });
    expect(compareToTarget(value({ value: 82, n: 100, ci: { low: 78, high: 86 } }), 80)).toMatchObject({
      status: 'meets',
      ciStraddles: true,
      uncertain: true,
    });
    expect(compareToTarget(value({ value: 80, n: 100, ci: { low: 80, high: 80 } }), 80).status).toBe('meets');
  });

  it('lower-is-better (churn 5 %, CI [3.81, 6.53]): above the target is below par', () => {
    const churn = value({
      key: 'churn',
      kind: 'churn-rate',
      direction: 'lower-is-better',
      value: 5,
      n: 1000,
      ci: { low: 3.81, high: 6.53 },
    });
    expect(compareToTarget(churn, 4)).toMatchObject({
      status: 'below',
      certainty: 'possible',
      ciStraddles: true,
    });
    expect(compareToTarget(churn, 3)).toMatchObject({
      status: 'below',
      certainty: 'confirmed',
      uncertain: false,
    });
    expect(compareToTarget(churn, 7)).toMatchObject({ status: 'meets', uncertain: false });
    expect(compareToTarget(churn, 6)).toMatchObject({ status: 'meets', ciStraddles: true, uncertain: true });
  });

  it('a small sample is uncertain even when its CI is clear of the target', () => {
    const c = compareToTarget(value({ value: 20, n: 10, ci: { low: 5, high: 51 } }), 80);
    expect(c).toMatchObject({ status: 'below', certainty: 'confirmed', smallSample: true, uncertain: true });
  });

  it('without a CI a shortfall is only possible; without a value there is nothing to say', () => {
    const clv = value({ kind: 'clv', unit: 'currency', estimator: 'none', value: 150, n: 500, ci: null });
    expect(compareToTarget(clv, 180)).toMatchObject({
      status: 'below',
      certainty: 'possible',
      uncertain: true,
    });
    expect(compareToTarget(value({ value: null, n: 0 }), 80)).toMatchObject({
      status: 'no-data',
      certainty: null,
      difference: null,
    });
  });
});
