import {
  GROUP_EXAMPLES,
  MAX_COMMENTS,
  MAX_EXAMPLES,
  MAX_SEGMENTS,
  tooManySegments,
  type ImportPart,
  type IssueTally,
  type ResponseGroupData,
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

function groupKey(group: ResponseGroupData): string {
  return `${group.date}\u0000${group.segment}`;
}

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

  // Touchpoints: the first part's, then the second's new ones, each in the order first seen.
  const touchpoints = [...first.touchpoints];
  const touchpointAccepted = [...first.touchpointAccepted];
  const index = new Map(touchpoints.map((value, i) => [value, i]));
  const fromSecond = second.touchpoints.map((value, i) => {
    let id = index.get(value);
    if (id === undefined) {
      id = touchpoints.length;
      touchpoints.push(value);
      touchpointAccepted.push(0);
      index.set(value, id);
    }
    touchpointAccepted[id]! += second.touchpointAccepted[i]!;
    return id;
  });
  const touchpointOrder = [...first.touchpointOrder];
  const accepted = new Set(touchpointOrder);
  for (const id of second.touchpointOrder) {
    const merged = fromSecond[id]!;
    if (!accepted.has(merged)) {
      accepted.add(merged);
      touchpointOrder.push(merged);
    }
  }

  const segments = [...first.segments];
  const segmentFirstRows = [...first.segmentFirstRows];
  const knownSegments = new Set(segments);
  second.segments.forEach((value, i) => {
    if (knownSegments.has(value)) return;
    knownSegments.add(value);
    segments.push(value);
    segmentFirstRows.push(second.segmentFirstRows[i]! + rowOffset);
  });

  // Groups: per touchpoint, the first part's groups, then the second's new (date, segment) pairs.
  const byTouchpoint = new Map<string, { list: ResponseGroupData[]; keys: Map<string, ResponseGroupData> }>();
  for (const value of touchpoints) byTouchpoint.set(value, { list: [], keys: new Map() });
  const copy = (group: ResponseGroupData, offset: number): ResponseGroupData => ({
    ...group,
    counts: group.counts.map((c) => (c ? [...c] : null)),
    exampleRows: group.exampleRows.map((row) => row + offset),
  });
  for (const group of first.groups) {
    const entry = byTouchpoint.get(group.touchpoint)!;
    const own = copy(group, 0);
    entry.list.push(own);
    entry.keys.set(groupKey(group), own);
  }
  for (const group of second.groups) {
    const entry = byTouchpoint.get(group.touchpoint)!;
    const existing = entry.keys.get(groupKey(group));
    if (!existing) {
      const own = copy(group, rowOffset);
      entry.list.push(own);
      entry.keys.set(groupKey(group), own);
      continue;
    }
    existing.rows += group.rows;
    group.counts.forEach((counts, metric) => {
      if (!counts) return;
      const into = existing.counts[metric];
      if (!into) existing.counts[metric] = [...counts];
      else counts.forEach((c, i) => (into[i]! += c));
    });
    for (const row of group.exampleRows)
      if (existing.exampleRows.length < GROUP_EXAMPLES) existing.exampleRows.push(row + rowOffset);
  }
  const groups = [...byTouchpoint.values()].flatMap((entry) => entry.list);

  const room = Math.max(0, MAX_COMMENTS - first.comments.length);
  const comments = [...first.comments, ...second.comments.slice(0, room)];
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
    groups,
    comments,
    commentsDropped,
    aggregates: [],
  };
}
