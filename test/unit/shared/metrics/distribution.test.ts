import { describe, expect, it } from 'vitest';
import {
  countBetween,
  distributionFromScores,
  distributionMean,
  distributionN,
  distributionRejection,
  distributionSd,
  emptyDistribution,
  mergeDistributions,
  scoreRejection,
  summarizeDistribution,
  summarizeSamples,
  tallyScores,
} from '../../../../shared/metrics/distribution';

const NPS = { min: 0, max: 10 };
const CES = { min: 1, max: 7 };

describe('score distributions', () => {
  it('counts raw scores per point of the scale', () => {
    const built = distributionFromScores([10, 9, 9, 7, 0, 10], NPS);
    expect(built).toEqual({
      ok: true,
      value: { min: 0, max: 10, counts: [1, 0, 0, 0, 0, 0, 0, 1, 0, 2, 2] },
    });
  });

  it('rejects out-of-range, fractional and non-numeric scores with a reason instead of throwing', () => {
    expect(scoreRejection(11, NPS)).toBe('11 is above the scale maximum 10.');
    expect(scoreRejection(-1, NPS)).toBe('-1 is below the scale minimum 0.');
    expect(scoreRejection(7.5, NPS)).toBe('A score must be a whole number, got 7.5.');
    expect(scoreRejection(Number.NaN, NPS)).toMatch(/finite/);
    expect(scoreRejection('7', NPS)).toBe('A score must be a number, got "7".');
    expect(scoreRejection(null, NPS)).toBe('A score must be a number, got nothing.');
    expect(scoreRejection(0, CES)).toBe('0 is below the scale minimum 1.');
    expect(scoreRejection(7, CES)).toBeNull();

    const strict = distributionFromScores([5, 11, 7.5, 3], NPS);
    expect(strict.ok).toBe(false);
    if (!strict.ok) {
      expect(strict.reason).toContain('2 of 4 scores rejected');
      expect(strict.reason).toContain('#2: 11 is above the scale maximum 10.');
      expect(strict.reason).toContain('#3: A score must be a whole number, got 7.5.');
    }
  });

  it('can keep the valid scores and list the rejected ones (lenient import)', () => {
    const tally = tallyScores([5, 'n/a', 7, 99], CES);
    expect(tally.ok).toBe(true);
    if (!tally.ok) return;
    expect(tally.value.distribution.counts).toEqual([0, 0, 0, 0, 1, 0, 1]);
    expect(tally.value.rejected.map((r) => r.index)).toEqual([1, 3]);
  });

  it('refuses unusable scales and malformed distributions', () => {
    expect(emptyDistribution({ min: 5, max: 5 }).ok).toBe(false);
    expect(emptyDistribution({ min: 1.5, max: 5 }).ok).toBe(false);
    expect(emptyDistribution({ min: 0, max: 1000 }).ok).toBe(false);
    expect(distributionRejection({ min: 1, max: 5, counts: [1, 2, 3] })).toMatch(/needs 5 counts/);
    expect(distributionRejection({ min: 1, max: 3, counts: [1, -2, 3] })).toMatch(/score 2/);
    expect(distributionRejection({ min: 1, max: 3, counts: [1, 0.5, 3] })).toMatch(/whole number/);
  });

  it('computes n, mean and the sample sd exactly', () => {
    // Scores 3, 4, 5, 5, 6, 7 on 1–7: n = 6, Σ = 30, mean = 5,
    // deviations −2, −1, 0, 0, 1, 2 → Σ squares = 10, s² = 10 / (6 − 1) = 2, s = √2.
    const d = { min: 1, max: 7, counts: [0, 0, 1, 1, 2, 1, 1] };
    expect(distributionN(d)).toBe(6);
    expect(distributionMean(d)).toBe(5);
    expect(distributionSd(d)).toBeCloseTo(Math.SQRT2, 12);
    expect(countBetween(d, 5, 7)).toBe(4);
  });

  it('has no mean without responses and no sd below two', () => {
    const empty = { min: 1, max: 5, counts: [0, 0, 0, 0, 0] };
    expect(summarizeDistribution(empty)).toEqual({ n: 0, mean: null, sd: null });
    expect(summarizeDistribution({ min: 1, max: 5, counts: [0, 0, 1, 0, 0] })).toEqual({
      n: 1,
      mean: 3,
      sd: null,
    });
    expect(summarizeSamples([])).toEqual({ n: 0, mean: null, sd: null });
    // 100, 200, 300 s: mean 200, s² = (100² + 0 + 100²) / 2 = 10000, s = 100.
    expect(summarizeSamples([100, 200, 300])).toEqual({ n: 3, mean: 200, sd: 100 });
  });

  it('summarizes a recoding (NPS: +100 / 0 / −100)', () => {
    // 5 promoters, 3 passives, 2 detractors: recoded mean (500 − 200) / 10 = 30.
    const d = { min: 0, max: 10, counts: [0, 1, 0, 0, 1, 0, 0, 2, 1, 0, 5] };
    const s = summarizeDistribution(d, (x) => (x >= 9 ? 100 : x <= 6 ? -100 : 0));
    expect(s.n).toBe(10);
    expect(s.mean).toBe(30);
    // Σ (x − 30)² = 5·70² + 3·30² + 2·130² = 24500 + 2700 + 33800 = 61000; s = √(61000 / 9) = 82.3273
    expect(s.sd).toBeCloseTo(82.32726, 4);
  });

  it('merges distributions on the same scale by adding counts, and refuses different scales', () => {
    const a = { min: 1, max: 5, counts: [1, 0, 2, 3, 4] };
    const b = { min: 1, max: 5, counts: [0, 1, 1, 0, 6] };
    expect(mergeDistributions([a, b])).toEqual({
      ok: true,
      value: { min: 1, max: 5, counts: [1, 1, 3, 3, 10] },
    });
    const other = mergeDistributions([a, { min: 1, max: 7, counts: [0, 0, 0, 0, 0, 0, 1] }]);
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.reason).toMatch(/scales differ/);
    expect(mergeDistributions([]).ok).toBe(false);
  });
});
