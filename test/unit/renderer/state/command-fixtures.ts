import { expect } from 'vitest';
import { ChangeSet, type Change } from '../../../../shared/domain/change-set';
import type { JourneyDocument, MapNode } from '../../../../shared/domain/journey';
import { templateContent } from '../../../../shared/templates';

/** The sample map in memory with readable ids, for the pure arrange, clipboard and tidy tests. */
export function sampleDoc(prefix = 'id'): JourneyDocument {
  let counter = 0;
  const { name, description, content } = templateContent('online-store', () => `${prefix}-${++counter}`);
  return {
    journey: {
      id: `${prefix}-journey`,
      name,
      description,
      createdAt: '2025-03-01T09:00:00.000Z',
      updatedAt: '2025-03-01T09:00:00.000Z',
      revision: 0,
      touchpointCount: content.nodes.filter((n) => n.kind === 'touchpoint').length,
    },
    ...content,
  };
}

/** A card's name (free notes, should the map hold any, have none). */
export const nameOf = (node: MapNode): string => ('name' in node ? node.name : '');

export const named = (doc: JourneyDocument, name: string): MapNode =>
  doc.nodes.find((n) => nameOf(n) === name)!;

/** Ops the API would accept (the saver's change sets are checked against the same schema). */
export const expectValid = (changes: Change[]) => {
  const parsed = ChangeSet.safeParse({ journeyId: 'journey', baseRevision: 0, changes });
  expect(parsed.success ? '' : JSON.stringify(parsed.error.issues[0])).toBe('');
};
