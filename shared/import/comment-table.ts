import type { ImportPart, PendingComment } from './accumulate';

/**
 * A part's comments packed for the trip from a worker thread to the main thread: a column of
 * indexes per field (into the part's touchpoints, segments, dates and a short list of metric keys),
 * the scores in a Float64Array, and all texts in ONE string with their lengths. Structured cloning
 * copies a few buffers and one string instead of tens of thousands of objects (the bench's 25,000
 * comments per worker took 50–220 ms to hand over as objects).
 */
export interface PackedComments {
  count: number;
  touchpoint: Int32Array;
  /** 0: no segment, k: part.segments[k − 1]. */
  segment: Int32Array;
  date: Int32Array;
  /** −1: no metric, else an index into `metricKeys`. */
  metric: Int32Array;
  metricKeys: string[];
  /** NaN: no score (scores are finite numbers). */
  score: Float64Array;
  /** Each text's length in UTF-16 units; the texts one after another in `text`. */
  length: Int32Array;
  text: string;
}

/**
 * Comments added one by one straight into the packed form, with the part's own indexes (the
 * accumulator's, in a worker): no object per comment for the GC to keep and promote, and no
 * packing pass at the end.
 */
export class PackedCommentsBuilder {
  count = 0;
  private capacity = 0;
  private touchpoint = new Int32Array(0);
  private segment = new Int32Array(0);
  private date = new Int32Array(0);
  private metric = new Int32Array(0);
  private score = new Float64Array(0);
  private length = new Int32Array(0);
  private readonly metricKeys: string[] = [];
  private readonly metrics = new Map<string, number>();
  /** Texts added since the last flush: slices of the block they were read from. */
  private texts: string[] = [];
  /** The texts flushed so far, joined block by block. */
  private readonly chunks: string[] = [];

  /** `segment`: 0 for none, k for the part's segments[k − 1]. */
  add(
    touchpoint: number,
    segment: number,
    date: number,
    metricKey: string | null,
    score: number | null,
    text: string,
  ): void {
    const i = this.count;
    if (i === this.capacity) this.grow();
    this.touchpoint[i] = touchpoint;
    this.segment[i] = segment;
    this.date[i] = date;
    let m = -1;
    if (metricKey !== null) {
      m = this.metrics.get(metricKey) ?? -1;
      if (m < 0) {
        m = this.metricKeys.push(metricKey) - 1;
        this.metrics.set(metricKey, m);
      }
    }
    this.metric[i] = m;
    this.score[i] = score ?? NaN;
    this.length[i] = text.length;
    this.texts.push(text);
    this.count = i + 1;
  }

  /**
   * Joins the texts added since the last flush into one string of their own: each is a slice of
   * the block of the file it was read from, and would keep the whole block in memory.
   */
  flush(): void {
    if (this.texts.length === 0) return;
    const joined = this.texts.join('');
    // One text alone is returned by join as it is: copy it.
    this.chunks.push(this.texts.length === 1 ? (joined + '\u0000').slice(0, -1) : joined);
    this.texts = [];
  }

  finish(): PackedComments {
    this.flush();
    const count = this.count;
    return {
      count,
      touchpoint: this.touchpoint.slice(0, count),
      segment: this.segment.slice(0, count),
      date: this.date.slice(0, count),
      metric: this.metric.slice(0, count),
      metricKeys: this.metricKeys,
      score: this.score.slice(0, count),
      length: this.length.slice(0, count),
      text: this.chunks.join(''),
    };
  }

  private grow(): void {
    const capacity = Math.max(1024, this.capacity * 2);
    const int = (from: Int32Array) => {
      const to = new Int32Array(capacity);
      to.set(from);
      return to;
    };
    this.touchpoint = int(this.touchpoint);
    this.segment = int(this.segment);
    this.date = int(this.date);
    this.metric = int(this.metric);
    this.length = int(this.length);
    const score = new Float64Array(capacity);
    score.set(this.score);
    this.score = score;
    this.capacity = capacity;
  }
}

/**
 * The comments again, equal to the ones packed: all of them, or the first `limit` (a second part's
 * comments beyond what the file's limit leaves room for are never made into objects).
 */
export function unpackComments(
  part: Pick<ImportPart, 'touchpoints' | 'segments' | 'dates'>,
  packed: PackedComments,
  limit = packed.count,
): PendingComment[] {
  const segments = ['', ...part.segments];
  const count = Math.max(0, Math.min(limit, packed.count));
  const comments = new Array<PendingComment>(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const end = at + packed.length[i]!;
    const metric = packed.metric[i]!;
    const score = packed.score[i]!;
    comments[i] = {
      touchpoint: part.touchpoints[packed.touchpoint[i]!]!,
      segment: segments[packed.segment[i]!]!,
      date: part.dates[packed.date[i]!]!,
      metricKey: metric < 0 ? null : packed.metricKeys[metric]!,
      score: Number.isNaN(score) ? null : score,
      text: packed.text.slice(at, end),
    };
    at = end;
  }
  if (count === packed.count && at !== packed.text.length)
    throw new Error('The packed comments’ texts do not add up to their lengths.');
  return comments;
}
