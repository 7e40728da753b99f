import { describe, expect, it } from 'vitest';
import type { PendingComment } from '../../../../shared/import/accumulate';
import {
  PackedCommentsBuilder,
  unpackComments,
  type PackedComments,
} from '../../../../shared/import/comment-table';

/** A worker's comments cross to the main thread packed: unpacked, they are exactly the ones packed. */

const part = {
  touchpoints: ['Checkout', 'Delivery', ''],
  segments: ['Gold', 'Silver'],
  dates: ['2025-03-01 10:00', '14/03/2025', ''],
};

/** Comments with every kind of field: a segment or none, no metric or score, quotes, a newline, an emoji. */
const COMMENTS: PendingComment[] = [
  {
    touchpoint: 'Delivery',
    segment: 'Silver',
    date: '14/03/2025',
    metricKey: 'nps',
    score: 0,
    text: 'Slow,\nbut it worked',
  },
  { touchpoint: 'Checkout', segment: '', date: '', metricKey: null, score: null, text: 'said "ok" 😀' },
  {
    touchpoint: 'Checkout',
    segment: 'Gold',
    date: '2025-03-01 10:00',
    metricKey: 'csat',
    score: 4.5,
    text: 'x',
  },
  {
    touchpoint: 'Delivery',
    segment: 'Gold',
    date: '2025-03-01 10:00',
    metricKey: 'nps',
    score: 10,
    text: '=SUM(A1)',
  },
];

/**
 * `comments` packed as the accumulator packs them: by the part's indexes, flushed after the
 * comments whose index is in `flushAfter` (the accumulator flushes after every block of rows).
 */
function pack(comments: readonly PendingComment[], flushAfter: readonly number[] = []): PackedComments {
  const index = (list: readonly string[], value: string) => {
    const at = list.indexOf(value);
    if (at < 0) throw new Error(`not in the part: ${value}`);
    return at;
  };
  const builder = new PackedCommentsBuilder();
  comments.forEach((c, i) => {
    builder.add(
      index(part.touchpoints, c.touchpoint),
      c.segment === '' ? 0 : index(part.segments, c.segment) + 1,
      index(part.dates, c.date),
      c.metricKey,
      c.score,
      c.text,
    );
    if (flushAfter.includes(i)) builder.flush();
  });
  expect(builder.count).toBe(comments.length);
  return builder.finish();
}

describe('PackedCommentsBuilder / unpackComments', () => {
  it('round-trips every field, in order', () => {
    const comments = COMMENTS;
    const packed = pack(comments);
    expect(packed.count).toBe(4);
    expect(packed.metricKeys).toEqual(['nps', 'csat']);
    expect(Array.from(packed.metric)).toEqual([0, -1, 1, 0]);
    expect(Array.from(packed.score)).toEqual([0, NaN, 4.5, 10]);
    expect(packed.text).toBe(comments.map((c) => c.text).join(''));
    expect(Array.from(packed.length)).toEqual(comments.map((c) => c.text.length));
    const back = unpackComments(part, structuredClone(packed));
    expect(back).toEqual(comments);
  });

  it('unpacks only the first comments when given a limit', () => {
    const comments = COMMENTS;
    const packed = pack(comments);
    for (let limit = 0; limit <= 4; limit++)
      expect(unpackComments(part, structuredClone(packed), limit)).toEqual(comments.slice(0, limit));
    expect(unpackComments(part, packed, 99)).toEqual(comments);
  });

  it('packs no comments', () => {
    const packed = new PackedCommentsBuilder().finish();
    expect(packed.count).toBe(0);
    expect(packed.text).toBe('');
    expect(unpackComments(part, packed)).toEqual([]);
  });
});

describe('PackedCommentsBuilder', () => {
  it('packs the same whether its texts are flushed one by one, together or at the end', () => {
    const comments = COMMENTS;
    const atTheEnd = pack(comments);
    // One text alone, then two together, then the last at finish.
    const flushed = pack(comments, [0, 2]);
    expect(flushed).toEqual(atTheEnd);
    expect(unpackComments(part, structuredClone(flushed))).toEqual(comments);
  });
});
