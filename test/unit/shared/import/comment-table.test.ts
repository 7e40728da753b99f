import { describe, expect, it } from 'vitest';
import type { PendingComment } from '../../../../shared/import/accumulate';
import { PackedCommentsBuilder, packComments, unpackComments } from '../../../../shared/import/comment-table';

/** A worker's comments cross to the main thread packed: unpacked, they are exactly the ones packed. */

const part = {
  touchpoints: ['Checkout', 'Delivery', ''],
  segments: ['Gold', 'Silver'],
  dates: ['2025-03-01 10:00', '14/03/2025', ''],
};

describe('packComments / unpackComments', () => {
  it('round-trips every field, in order', () => {
    const comments: PendingComment[] = [
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
    const packed = packComments(part, comments);
    expect(packed.count).toBe(4);
    expect(packed.metricKeys).toEqual(['nps', 'csat']);
    const back = unpackComments(part, structuredClone(packed));
    expect(back).toEqual(comments);
  });

  it('unpacks only the first comments when given a limit', () => {
    const comments: PendingComment[] = ['one', 'two 😀', 'three', 'four'].map((text, i) => ({
      touchpoint: i % 2 ? 'Delivery' : 'Checkout',
      segment: i === 2 ? 'Gold' : '',
      date: '',
      metricKey: 'nps',
      score: i,
      text,
    }));
    const packed = packComments(part, comments);
    for (let limit = 0; limit <= 4; limit++)
      expect(unpackComments(part, structuredClone(packed), limit)).toEqual(comments.slice(0, limit));
    expect(unpackComments(part, packed, 99)).toEqual(comments);
  });

  it('packs no comments', () => {
    expect(unpackComments(part, packComments(part, []))).toEqual([]);
  });

  it('refuses a comment naming a value the part does not list', () => {
    const stray: PendingComment = {
      touchpoint: 'Nowhere',
      segment: '',
      date: '',
      metricKey: null,
      score: null,
      text: 'a',
    };
    expect(() => packComments(part, [stray])).toThrow(/touchpoint the part does not list: "Nowhere"/);
  });
});

describe('PackedCommentsBuilder', () => {
  it('gives exactly what packComments gives for the same comments, flushed or not', () => {
    const index = (list: readonly string[], value: string) => list.indexOf(value);
    const comments: PendingComment[] = [
      {
        touchpoint: 'Delivery',
        segment: 'Silver',
        date: '14/03/2025',
        metricKey: 'nps',
        score: 0,
        text: 'a',
      },
      { touchpoint: 'Checkout', segment: '', date: '', metricKey: null, score: null, text: 'said "ok" 😀' },
      { touchpoint: 'Checkout', segment: 'Gold', date: '', metricKey: 'csat', score: 4, text: 'Slow,\nbut' },
      { touchpoint: '', segment: 'Gold', date: '2025-03-01 10:00', metricKey: 'nps', score: 10, text: 'x' },
    ];
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
      if (i === 0 || i === 2) builder.flush(); // one text alone, then two together
    });
    expect(builder.count).toBe(4);
    const packed = builder.finish();
    expect(packed).toEqual(packComments(part, comments));
    expect(unpackComments(part, structuredClone(packed))).toEqual(comments);
    expect(new PackedCommentsBuilder().finish()).toEqual(packComments(part, []));
  });
});
