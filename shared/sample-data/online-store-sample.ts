import type { MetricDefinitionInput } from '../metrics/definitions';

/**
 * The sample dataset of the "Online store purchase" template: four quarters (2025) of raw survey
 * responses, generated from a seeded PRNG so that every run produces the same bytes. No data file is
 * typed by hand: the story below is written as parameters, and the responses are drawn from them.
 *
 * The story the analysis must find (see the tests):
 * - the support line (Wrong item: support call) is liked: CSAT around 90 %, well above the 80 % target;
 * - yet NPS there is poor (−20 falling to −42 over the year), so Retention's NPS is far below target
 *   while its service metrics meet theirs: an experience breakdown ("nice reps, broken journey");
 * - Checkout and payment has a poor effort score (CES mean ≈ 3.4 of 7 against 5): a service breakdown,
 *   while its NPS meets the target;
 * - along the hand-off from Sales (Shipping updates) to Customer Service (the support call after the
 *   wrong delivery) NPS drops from about +45 to below −20: the hand-off that loses customers.
 * Everything else meets its targets, and no other hand-off drops beyond the noise.
 *
 * Each category count is allocated exactly from the parameters (largest remainder), and the PRNG
 * decides only which score inside a category, which day, and which comment: the story holds in every
 * quarter and over the whole year, not just on average.
 *
 * Every response carries a plan, the segment column of a real export: "Premium" (30 %) or
 * "Standard". Premium members pay with a saved card in one click, so checkout's effort score is
 * good for them: they gave the best 30 % of checkout's CES scores (a mean above the target 5)
 * while Standard members struggle (a mean of about 3): the checkout service breakdown is a Standard-plan
 * problem. Elsewhere the plan is drawn at random and both segments tell the story of the whole.
 * Plans come from a second PRNG stream, so the responses, days and comments are those of the
 * sample without segments, only split in two.
 */

export const SAMPLE_YEAR = 2025;
export const SAMPLE_SEED = 20_250_101;
/** The sample's segments (a "plan" column) and the share of Premium members. */
export const SAMPLE_SEGMENTS = ['Premium', 'Standard'] as const;
const PREMIUM_SHARE = 0.3;
export const SAMPLE_DATASET_NAME = 'Sample survey responses 2025';
export const SAMPLE_FILE_NAME = 'online-store-sample-2025 (generated)';

export const SAMPLE_METRICS: readonly { key: string; definition: MetricDefinitionInput; target: number }[] = [
  { key: 'nps', definition: { kind: 'nps', key: 'nps', label: 'NPS' }, target: 30 },
  {
    key: 'csat',
    definition: { kind: 'csat', key: 'csat', label: 'CSAT', scaleMin: 1, scaleMax: 5, topBoxMin: 4 },
    target: 80,
  },
  {
    key: 'ces',
    definition: {
      kind: 'ces',
      key: 'ces',
      label: 'CES',
      version: '2.0',
      report: 'mean',
      scaleMin: 1,
      scaleMax: 7,
    },
    target: 5,
  },
];

/** Per touchpoint (by its metric key) and metric: the value in each quarter and responses per quarter. */
interface Plan {
  nps?: { values: [number, number, number, number]; n: number };
  csat?: { values: [number, number, number, number]; n: number };
  ces?: { values: [number, number, number, number]; n: number };
}

const STORY: Record<string, Plan> = {
  'search-ad': { nps: { values: [34, 36, 35, 35], n: 120 } },
  'social-post': { nps: { values: [40, 41, 39, 40], n: 100 } },
  influencer: { nps: { values: [54, 56, 55, 55], n: 80 } },
  'product-page': { nps: { values: [39, 38, 40, 39], n: 300 } },
  reviews: { nps: { values: [51, 50, 52, 51], n: 200 } },
  'return-question': { csat: { values: [84, 85, 83, 84], n: 150 } },
  chatbot: { csat: { values: [82, 83, 82, 83], n: 250 } },
  checkout: {
    ces: { values: [3.2, 3.3, 3.5, 3.6], n: 400 },
    nps: { values: [36, 37, 38, 38], n: 400 },
  },
  'thank-you': { nps: { values: [42, 41, 42, 43], n: 350 } },
  shipping: { nps: { values: [45, 46, 44, 45], n: 400 } },
  'support-call': {
    csat: { values: [90, 91, 90, 91], n: 250 },
    nps: { values: [-20, -28, -35, -42], n: 250 },
  },
  refund: { csat: { values: [90, 90, 89, 90], n: 150 } },
  survey: { csat: { values: [91, 92, 91, 92], n: 200 } },
  recommendation: { nps: { values: [42, 43, 41, 42], n: 150 } },
  referral: { nps: { values: [48, 47, 49, 48], n: 100 } },
};

/** The metric keys of the touchpoints the story needs: a map holding them can take the sample. */
export const SAMPLE_TOUCHPOINT_KEYS: readonly string[] = Object.keys(STORY);

type Band = 'low' | 'mid' | 'high';

const COMMENTS: Record<string, Partial<Record<Band, readonly string[]>>> = {
  'search-ad': {
    high: ['The ad showed exactly the shoes I was looking for.', 'Clear price in the ad, no surprises.'],
    mid: ['Fine ad, nothing special.', 'I clicked because it was the first result.'],
    low: ['The ad promised a discount I never found.'],
  },
  'social-post': {
    high: ['Loved the gift guide, saved me a lot of time.', 'Great ideas in the post.'],
    mid: ['Nice pictures, not many prices.'],
    low: ['Too many sponsored posts in my feed.'],
  },
  influencer: {
    high: ['Trusted the recommendation and it was spot on.', 'She runs in them herself, that convinced me.'],
    mid: ['Good tip, but I checked reviews anyway.'],
    low: ['Felt like an advert, not a real opinion.'],
  },
  'product-page': {
    high: ['Photos and sizes were clear.', 'Delivery date shown up front, very useful.'],
    mid: ['Forty colour options is a lot to scroll through.', 'Good page, a bit long.'],
    low: ['Too many options on one page, I almost gave up.', 'Could not tell which size to pick.'],
  },
  reviews: {
    high: ['Honest reviews helped me decide.', 'Lots of reviews from real runners.'],
    mid: ['Reviews were fine but mostly about other sizes.'],
    low: ['Reviews looked fake to me.'],
  },
  'return-question': {
    high: ['Quick answer about gift returns, thank you.', 'Support replied within the hour.'],
    mid: ['Got an answer, but only the next day.'],
    low: ['The return policy was hidden in the fine print.', 'Had to email twice to get an answer.'],
  },
  chatbot: {
    high: ['The chatbot knew the delivery times.', 'Found the size chart through the bot in seconds.'],
    mid: ['The bot was okay for simple questions.'],
    low: ['The chatbot kept sending me the same link.', 'Could not reach a person through the bot.'],
  },
  checkout: {
    high: ['Paid in a minute.', 'Smooth checkout this time.'],
    mid: ['Checkout works, but the delivery options are confusing.', 'Too many steps before paying.'],
    low: [
      'Like navigating a palace blindfolded.',
      'Payment failed twice and I had to type my address again.',
      'Why do I need an account to buy a gift?',
      'Too many steps, unclear delivery options, nearly gave up.',
    ],
  },
  'thank-you': {
    high: ['Clear confirmation email with the delivery date.', 'Nice thank-you page.'],
    mid: ['Confirmation came quickly.'],
    low: ['The confirmation email went to spam.'],
  },
  shipping: {
    high: ['Tracking updates were spot on.', 'Arrived a day early.'],
    mid: ['Updates came, but late in the day.'],
    low: ['No update for three days.'],
  },
  'support-call': {
    high: [
      'The agent was lovely and sorted it out quickly.',
      'Friendly rep, apologised and sent the right pair.',
      'Great phone support, very kind.',
    ],
    mid: ['Nice agent, but I was on hold for a long time.', 'Helpful, once I got through.'],
    low: [
      'The rep was nice, but socks instead of shoes for a gift? I will not order again.',
      'On hold for 50 minutes just to say you sent the wrong thing.',
      'Lovely agent, but I should never have had to call.',
      'The gift was ruined: wrong item and a week to fix it.',
      'Friendly support cannot fix a wrong delivery on a birthday.',
    ],
  },
  refund: {
    high: ['Refund arrived in two days.', 'Replacement shipped straight away.'],
    mid: ['Refund came, but without any update in between.'],
    low: ['No word on the refund for ten days.'],
  },
  survey: {
    high: ['Short survey, happy to help.', 'Good that you ask.'],
    mid: ['The survey was a bit long.'],
    low: ['Another survey after all that?'],
  },
  recommendation: {
    high: ['The suggestions actually matched what I like.', 'Bought the socks it suggested, ironic.'],
    mid: ['Some suggestions were good.'],
    low: ['Recommended the exact shoes I already bought.'],
  },
  referral: {
    high: ['Sent the invite to two friends.', 'The discount for both of us is nice.'],
    mid: ['Maybe later.'],
    low: ['Too many emails asking me to invite friends.'],
  },
};

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; the same seed gives the same stream. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits n into whole counts proportional to the weights (largest remainder). */
export function allocate(n: number, weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (n * w) / total);
  const counts = exact.map(Math.floor);
  let left = n - counts.reduce((s, c) => s + c, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i]! += 1;
    left -= 1;
  }
  return counts;
}

/** Scores 0–10 whose NPS is as close to `nps` as whole responses allow; a quarter of them passives. */
function npsScores(nps: number, n: number): number[] {
  const passives = Math.round(n * 0.22);
  const rest = n - passives;
  const net = Math.round((nps * n) / 100);
  let promoters = Math.round((rest + net) / 2);
  promoters = Math.max(0, Math.min(rest, promoters));
  const detractors = rest - promoters;
  const scores: number[] = [];
  allocate(promoters, [55, 45]).forEach((c, i) => scores.push(...new Array<number>(c).fill(9 + i)));
  allocate(passives, [50, 50]).forEach((c, i) => scores.push(...new Array<number>(c).fill(7 + i)));
  allocate(detractors, [4, 3, 4, 6, 8, 12, 14]).forEach((c, i) =>
    scores.push(...new Array<number>(c).fill(i)),
  );
  return scores;
}

/** Scores 1–5 with `pct` % in the top box (4–5). */
function csatScores(pct: number, n: number): number[] {
  const top = Math.round((pct * n) / 100);
  const scores: number[] = [];
  allocate(top, [45, 55]).forEach((c, i) => scores.push(...new Array<number>(c).fill(4 + i)));
  allocate(n - top, [25, 30, 45]).forEach((c, i) => scores.push(...new Array<number>(c).fill(1 + i)));
  return scores;
}

/** Scores 1–7 spread around `mean` (a discretised bell, σ = 1.3). */
function cesScores(mean: number, n: number): number[] {
  const weights = [1, 2, 3, 4, 5, 6, 7].map((s) => Math.exp(-((s - mean) ** 2) / (2 * 1.3 ** 2)));
  const scores: number[] = [];
  allocate(n, weights).forEach((c, i) => scores.push(...new Array<number>(c).fill(1 + i)));
  return scores;
}

const QUARTER_START_MONTH = [1, 4, 7, 10];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function quarterDays(year: number, quarter: number): string[] {
  const days: string[] = [];
  for (let m = QUARTER_START_MONTH[quarter]!; m < QUARTER_START_MONTH[quarter]! + 3; m++) {
    for (let d = 1; d <= DAYS_IN_MONTH[m - 1]!; d++)
      days.push(`${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  }
  return days;
}

export interface SampleScoreDay {
  touchpointId: string;
  metricKey: string;
  segment: string;
  day: string;
  min: number;
  max: number;
  counts: number[];
}

export interface SampleComment {
  touchpointId: string;
  day: string;
  metricKey: string;
  score: number;
  text: string;
  segment: string;
}

export interface SampleDataset {
  responses: number;
  scoreDays: SampleScoreDay[];
  comments: SampleComment[];
}

const SCALES = { nps: { min: 0, max: 10 }, csat: { min: 1, max: 5 }, ces: { min: 1, max: 7 } } as const;

function band(metric: keyof typeof SCALES, score: number): Band {
  if (metric === 'nps') return score >= 9 ? 'high' : score >= 7 ? 'mid' : 'low';
  if (metric === 'csat') return score >= 4 ? 'high' : score === 3 ? 'mid' : 'low';
  return score >= 5 ? 'high' : score >= 4 ? 'mid' : 'low';
}

/**
 * The sample responses for a map's touchpoints, matched by their metric keys (the template's keys).
 * Touchpoints whose key the story does not know get nothing. Deterministic for a given seed.
 */
export function generateOnlineStoreSample(
  touchpoints: readonly { id: string; metricKey: string }[],
  seed: number = SAMPLE_SEED,
): SampleDataset {
  const random = mulberry32(seed);
  // A second stream for the plans: the first one draws exactly what it drew before segments.
  const plans = mulberry32(seed ^ 0x5e6_3e47);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const scoreDays: SampleScoreDay[] = [];
  const comments: SampleComment[] = [];
  let responses = 0;
  // Iterate in the story's order, not the map's, so the stream does not depend on node order.
  const byKey = new Map(touchpoints.map((t) => [t.metricKey.trim(), t.id]));
  for (const [key, plan] of Object.entries(STORY)) {
    const touchpointId = byKey.get(key);
    if (!touchpointId) continue;
    for (const metric of ['nps', 'csat', 'ces'] as const) {
      const spec = plan[metric];
      if (!spec) continue;
      const { min, max } = SCALES[metric];
      for (let q = 0; q < 4; q++) {
        const value = spec.values[q]!;
        const scores =
          metric === 'nps'
            ? npsScores(value, spec.n)
            : metric === 'csat'
              ? csatScores(value, spec.n)
              : cesScores(value, spec.n);
        const days = quarterDays(SAMPLE_YEAR, q);
        // Scores come sorted from lowest to highest: at checkout, Premium gave the last (best) 30 %.
        const premiumFrom =
          key === 'checkout' && metric === 'ces'
            ? scores.length - Math.round(scores.length * PREMIUM_SHARE)
            : -1;
        const perDay = new Map<string, number[]>();
        for (const [i, score] of scores.entries()) {
          const day = pick(days);
          const segment =
            premiumFrom >= 0
              ? i >= premiumFrom
                ? 'Premium'
                : 'Standard'
              : plans() < PREMIUM_SHARE
                ? 'Premium'
                : 'Standard';
          const slot = `${segment}\u0000${day}`;
          const counts = perDay.get(slot) ?? new Array<number>(max - min + 1).fill(0);
          counts[score - min]! += 1;
          perDay.set(slot, counts);
          responses += 1;
          if (random() < 0.12) {
            const texts = COMMENTS[key]?.[band(metric, score)];
            if (texts && texts.length > 0)
              comments.push({ touchpointId, day, metricKey: metric, score, text: pick(texts), segment });
          }
        }
        for (const slot of [...perDay.keys()].sort()) {
          const [segment, day] = slot.split('\u0000') as [string, string];
          scoreDays.push({
            touchpointId,
            metricKey: metric,
            segment,
            day,
            min,
            max,
            counts: perDay.get(slot)!,
          });
        }
      }
    }
  }
  return { responses, scoreDays, comments };
}

/** Whether a map can take the sample: it holds the touchpoints the story is about. */
export function canTakeSample(touchpoints: readonly { metricKey: string }[]): boolean {
  const keys = new Set(touchpoints.map((t) => t.metricKey.trim()));
  return ['shipping', 'support-call', 'checkout'].every((k) => keys.has(k));
}
