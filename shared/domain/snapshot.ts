import { z } from 'zod';
import { Id, JourneyContent, JourneyDocument, Name } from './journey';
import { cutWithEllipsis } from '../text/cut';

/**
 * Named snapshots of a map ("Before workshop"): a frozen copy of its content that can be viewed
 * read-only and restored. Stored as JSON in the library (see electron/db/snapshot-repository.ts)
 * and validated against `SnapshotContent` whenever it is read back.
 */

/** What a snapshot freezes: the map's content plus the journey's name and description. */
export const SnapshotContent = JourneyContent.extend({
  name: Name,
  description: z.string().max(5000, 'at most 5000 characters'),
}).strict();
export type SnapshotContent = z.infer<typeof SnapshotContent>;

/** A snapshot as the list shows it, without its content. */
export const SnapshotSummary = z
  .object({
    id: Id,
    journeyId: Id,
    name: z.string(),
    createdAt: z.string(),
    /** The map's revision when the snapshot was taken. */
    revision: z.number().int().min(0),
    touchpointCount: z.number().int().min(0),
  })
  .strict();
export type SnapshotSummary = z.infer<typeof SnapshotSummary>;

/**
 * A snapshot with its content as a map document (its `journey` carries the name and description
 * the map had then, the snapshot's revision and time), so the renderer can draw it like a map.
 */
export const SnapshotWithDocument = z
  .object({
    snapshot: SnapshotSummary,
    document: JourneyDocument,
  })
  .strict();
export type SnapshotWithDocument = z.infer<typeof SnapshotWithDocument>;

/** Names are at most 200 characters; a generated name keeps the quoted part short enough. */
export function beforeRestoringName(snapshotName: string): string {
  const limit = 160;
  const quoted = cutWithEllipsis(snapshotName, limit);
  return `Before restoring “${quoted}”`;
}
