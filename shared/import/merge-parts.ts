import {
  GROUP_EXAMPLES,
  MAX_COMMENTS,
  MAX_EXAMPLES,
  MAX_SEGMENTS,
  copyGroup,
  groupStride,
  newGroupTable,
  tooManySegments,
  type ImportPart,
  type IssueTally,
} from './accumulate';
import type { IssueReason } from './mapping';
import type { RowError } from './row-error';

/**
 * Merging the parts of one file read by two workers (the first part, then the one that follows it)
 * into exactly what one reader of the whole file gives: counts added up, the earliest examples per
 * reason, touchpoints, segments and groups in the order one reader first meets them, the first
 * MAX_COMMENTS comments. The second part numbers its rows from its first record; `rowOffset` (the
 * first part's record count, header rows included) turns them into the file's row numbers.
 */

/**
 * The segment value that makes one too many when the second part's values follow the first
 * part's: the error one reader would have stopped at, or null.
 */
export function segmentOverflow(
  first: Pick<ImportPart, 'segments'>,
  second: Pick<ImportPart, 'segments' | 'segmentFirstRows'>,
  rowOffset: number,
  column: string,
): RowError | null {
  const known = new Set(first.segments);
  let count = known.size;
  for (let i = 0; i < second.segments.length; i++) {
    const value = second.segments[i]!;
    if (known.has(value)) continue;
    if (count >= MAX_SEGMENTS) return tooManySegments(column, second.segmentFirstRows[i]! + rowOffset, value);
    known.add(value);
    count += 1;
  }
  return null;
}

/** Ids of `values` in `into`, adding the values it lacks (in order). */
function mergeNames(into: string[], index: Map<string, number>, values: readonly string[]): Int32Array {
  const ids = new Int32Array(values.length);
  values.forEach((value, i) => {
    let id = index.get(value);
    if (id === undefined) {
      id = into.length;
      into.push(value);
      index.set(value, id);
    }
    ids[i] = id;
  });
  return ids;
}

/** Segment ids count from 1 ('' is 0): room for the merged values as part of a numeric group key. */
const SEGMENT_SLOTS = MAX_SEGMENTS * 2 + 2;

/** `first` followed by `second` (aggregate files are read by one reader: their duplicate check spans the file). */
export function mergeImportParts(first: ImportPart, second: ImportPart, rowOffset: number): ImportPart {
  if (first.shape !== 'responses' || second.shape !== 'responses')
    throw new Error('Only parts of a raw-responses file are merged.');

  const issues: Partial<Record<IssueReason, IssueTally>> = {};
  for (const [reason, tally] of Object.entries(first.issues) as [IssueReason, IssueTally][])
    issues[reason] = { count: tally.count, examples: [...tally.examples] };
  for (const [reason, tally] of Object.entries(second.issues) as [IssueReason, IssueTally][]) {
    const merged = (issues[reason] ??= { count: 0, examples: [] });
    merged.count += tally.count;
    for (const example of tally.examples)
      if (merged.examples.length < MAX_EXAMPLES)
        merged.examples.push({ ...example, row: example.row + rowOffset });
  }

  // Touchpoints, dates and segments: the first part's, then the second's new ones, in the order first seen.
  const touchpoints = [...first.touchpoints];
  const touchpointIds = mergeNames(
    touchpoints,
    new Map(touchpoints.map((v, i) => [v, i])),
    second.touchpoints,
  );
  const touchpointAccepted = touchpoints.map((_, i) => first.touchpointAccepted[i] ?? 0);
  second.touchpointAccepted.forEach((rows, i) => (touchpointAccepted[touchpointIds[i]!]! += rows));
  const touchpointOrder = [...first.touchpointOrder];
  const accepted = new Set(touchpointOrder);
  for (const id of second.touchpointOrder) {
    const merged = touchpointIds[id]!;
    if (!accepted.has(merged)) {
      accepted.add(merged);
      touchpointOrder.push(merged);
    }
  }
  const dates = [...first.dates];
  const dateIds = mergeNames(dates, new Map(dates.map((v, i) => [v, i])), second.dates);
  const segments = [...first.segments];
  const segmentIndex = new Map(segments.map((v, i) => [v, i]));
  const segmentIds = mergeNames(segments, segmentIndex, second.segments);
  const segmentFirstRows = [...first.segmentFirstRows];
  for (let i = first.segments.length; i < segments.length; i++) {
    const from = second.segments.indexOf(segments[i]!);
    segmentFirstRows.push(second.segmentFirstRows[from]! + rowOffset);
  }
  /** A second-part group's segment (0: none, k: segments[k − 1]) as a merged one. */
  const segmentOf = (id: number) => (id === 0 ? 0 : segmentIds[id - 1]! + 1);

  // Groups: per touchpoint, the first part's groups, then the second's new (date, segment) pairs.
  const a = first.groups;
  const b = second.groups;
  const stride = groupStride(first.metrics);
  const perTouchpoint: number[][] = touchpoints.map(() => []); // group refs: i ≥ 0 first part, −1 − j second part
  const keys: Map<number, number>[] = touchpoints.map(() => new Map());
  for (let i = 0; i < a.count; i++) {
    const tp = a.touchpoint[i]!;
    perTouchpoint[tp]!.push(i);
    keys[tp]!.set(a.date[i]! * SEGMENT_SLOTS + a.segment[i]!, i);
  }
  /** Second-part groups added into a first-part group: [first index, second index]. */
  const into: [number, number][] = [];
  for (let j = 0; j < b.count; j++) {
    const tp = touchpointIds[b.touchpoint[j]!]!;
    const key = dateIds[b.date[j]!]! * SEGMENT_SLOTS + segmentOf(b.segment[j]!);
    const existing = keys[tp]!.get(key);
    if (existing !== undefined) into.push([existing, j]);
    else {
      perTouchpoint[tp]!.push(-1 - j);
      keys[tp]!.set(key, -1 - j);
    }
  }
  const count = a.count + b.count - into.length;
  const groups = newGroupTable(count, stride);
  const positionOfFirst = new Int32Array(a.count);
  let to = 0;
  perTouchpoint.forEach((refs, tp) => {
    for (const ref of refs) {
      if (ref >= 0) {
        positionOfFirst[ref] = to;
        // Native copies: this runs once per import, before V8 has optimised it, where a loop per
        // value cost ~3 ms for 5,500 groups.
        copyGroup(a, ref, groups, to, stride);
      } else {
        const j = -1 - ref;
        groups.touchpoint[to] = tp;
        groups.date[to] = dateIds[b.date[j]!]!;
        groups.segment[to] = segmentOf(b.segment[j]!);
        groups.rows[to] = b.rows[j]!;
        const kept = Math.min(b.rows[j]!, GROUP_EXAMPLES);
        for (let k = 0; k < kept; k++)
          groups.examples[to * GROUP_EXAMPLES + k] = b.examples[j * GROUP_EXAMPLES + k]! + rowOffset;
        groups.counts.set(b.counts.subarray(j * stride, (j + 1) * stride), to * stride);
      }
      to += 1;
    }
  });
  for (const [i, j] of into) {
    const g = positionOfFirst[i]!;
    const had = groups.rows[g]!;
    for (let k = had; k < GROUP_EXAMPLES && k - had < b.rows[j]!; k++)
      groups.examples[g * GROUP_EXAMPLES + k] = b.examples[j * GROUP_EXAMPLES + k - had]! + rowOffset;
    groups.rows[g] = had + b.rows[j]!;
    for (let k = 0; k < stride; k++) groups.counts[g * stride + k]! += b.counts[j * stride + k]!;
  }

  const room = Math.max(0, MAX_COMMENTS - first.comments.length);
  // concat copies natively; a spread here ran element by element in the interpreter (~1 ms for 50,000).
  const comments = first.comments.concat(second.comments.slice(0, room));
  const commentsDropped =
    first.commentsDropped + second.commentsDropped + Math.max(0, second.comments.length - room);

  return {
    ...first,
    rowsRead: first.rowsRead + second.rowsRead,
    rowsRejected: first.rowsRejected + second.rowsRejected,
    issues,
    touchpoints,
    touchpointAccepted,
    touchpointOrder,
    segments,
    segmentFirstRows,
    dates,
    groups,
    comments,
    commentsDropped,
    aggregates: [],
  };
}
