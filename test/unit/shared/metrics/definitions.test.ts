import { describe, expect, it } from 'vitest';
import {
  defineMetric,
  METRIC_KINDS,
  MetricDefinition,
  surveyScale,
} from '../../../../shared/metrics/definitions';

const parse = (input: unknown) => {
  const result = defineMetric(input);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

describe('metric definitions', () => {
  it('fill family, direction and unit per domain.md', () => {
    const expected: Record<string, [string, string, string]> = {
      nps: ['experience', 'higher-is-better', 'score'],
      csat: ['service', 'higher-is-better', '%'],
      ces: ['service', 'higher-is-better', 'score'],
      'churn-rate': ['experience', 'lower-is-better', '%'],
      'retention-rate': ['experience', 'higher-is-better', '%'],
      clv: ['experience', 'higher-is-better', 'currency'],
      fcr: ['service', 'higher-is-better', '%'],
      'handle-time': ['service', 'lower-is-better', 'seconds'],
      'first-response-time': ['service', 'lower-is-better', 'seconds'],
    };
    for (const kind of METRIC_KINDS.filter((k) => k !== 'custom')) {
      const d = parse({ kind, key: kind, label: kind });
      expect([d.family, d.direction, d.unit]).toEqual(expected[kind]);
    }
  });

  it('let the user move a metric to the other family, but not flip a fixed direction', () => {
    expect(parse({ kind: 'nps', key: 'nps', label: 'NPS', family: 'service' }).family).toBe('service');
    const flipped = defineMetric({ kind: 'nps', key: 'nps', label: 'NPS', direction: 'lower-is-better' });
    expect(flipped.ok).toBe(false);
    if (!flipped.ok) expect(flipped.reason).toMatch(/^direction: /);
  });

  it('configure the CSAT scale and top box (default 1–5, top box 4–5; two top points otherwise)', () => {
    const standard = parse({ kind: 'csat', key: 'csat', label: 'CSAT' });
    expect(standard).toMatchObject({ scaleMin: 1, scaleMax: 5, topBoxMin: 4 });
    expect(parse({ kind: 'csat', key: 'c7', label: 'CSAT 7', scaleMax: 7 })).toMatchObject({ topBoxMin: 6 });
    expect(parse({ kind: 'csat', key: 'c10', label: 'CSAT 10', scaleMax: 10, topBoxMin: 8 })).toMatchObject({
      topBoxMin: 8,
    });
    const bad = defineMetric({ kind: 'csat', key: 'c', label: 'C', scaleMax: 5, topBoxMin: 6 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toMatch(/^topBoxMin: /);
    expect(defineMetric({ kind: 'csat', key: 'c', label: 'C', scaleMin: 5, scaleMax: 5 }).ok).toBe(false);
    expect(defineMetric({ kind: 'csat', key: 'c', label: 'C', scaleMax: 4.5 }).ok).toBe(false);
  });

  it('derive the CES direction from its version and the unit from its report', () => {
    expect(parse({ kind: 'ces', key: 'ces', label: 'CES' })).toMatchObject({
      version: '2.0',
      direction: 'higher-is-better',
      unit: 'score',
      scaleMin: 1,
      scaleMax: 7,
      topBoxMin: 5,
    });
    expect(parse({ kind: 'ces', key: 'ces1', label: 'CES 1.0', version: '1.0', scaleMax: 5 })).toMatchObject({
      direction: 'lower-is-better',
      topBoxMin: 4,
    });
    expect(parse({ kind: 'ces', key: 'agree', label: 'CES %', report: 'top-box' }).unit).toBe('%');
    expect(
      defineMetric({ kind: 'ces', key: 'x', label: 'x', version: '1.0', direction: 'higher-is-better' }).ok,
    ).toBe(false);
  });

  it('make the user state family, direction and unit of a custom metric', () => {
    expect(defineMetric({ kind: 'custom', key: 'x', label: 'Orders on time' }).ok).toBe(false);
    const onTime = parse({
      kind: 'custom',
      key: 'on-time',
      label: 'Orders on time',
      family: 'experience',
      direction: 'higher-is-better',
      unit: '%',
      interval: 'proportion',
    });
    expect(onTime.kind === 'custom' && onTime.interval).toBe('proportion');
    const wrongUnit = { ...onTime, unit: 'seconds' };
    expect(defineMetric(wrongUnit).ok).toBe(false);
  });

  it('refuse bad keys and labels, and round-trip a parsed definition', () => {
    expect(defineMetric({ kind: 'nps', key: 'has space', label: 'NPS' }).ok).toBe(false);
    expect(defineMetric({ kind: 'nps', key: 'nps', label: '   ' }).ok).toBe(false);
    expect(defineMetric({ kind: 'bogus', key: 'b', label: 'B' }).ok).toBe(false);
    const ces = parse({ kind: 'ces', key: 'ces', label: 'CES', version: '1.0', report: 'top-box' });
    expect(MetricDefinition.parse(ces)).toEqual(ces);
    expect(surveyScale(ces)).toEqual({ min: 1, max: 7 });
    expect(surveyScale(parse({ kind: 'nps', key: 'n', label: 'N' }))).toEqual({ min: 0, max: 10 });
    expect(surveyScale(parse({ kind: 'clv', key: 'clv', label: 'CLV' }))).toBeNull();
  });
});
