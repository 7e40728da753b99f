import type { JourneyContent } from '../../shared/domain/journey';
import { closeLibraryDatabase, openLibraryDatabase } from '../../electron/db/connection';
import { JourneyRepository } from '../../electron/db/journey-repository';
import { benchMapContent } from '../bench/bench-map';

/**
 * A large map for end-to-end tests: the benchmark map (test/bench/bench-map.ts) cut down to its
 * first 300 touchpoints, the arrows between them and the pain points attached to them. Over 250
 * cards, so the canvas treats it as large.
 */
export function largeBenchMap(): JourneyContent {
  const content = benchMapContent();
  const touchpoints = content.nodes.filter((n) => n.kind === 'touchpoint').slice(0, 300);
  const kept = new Set(touchpoints.map((n) => n.id));
  const edges = content.edges.filter(
    (e) => kept.has(e.targetId) && (kept.has(e.sourceId) || e.kind === 'attachment'),
  );
  const pains = new Set(edges.filter((e) => e.kind === 'attachment').map((e) => e.sourceId));
  const nodes = content.nodes.filter((n) => kept.has(n.id) || pains.has(n.id));
  const ids = new Set(nodes.map((n) => n.id));
  return { ...content, nodes, edges: edges.filter((e) => ids.has(e.sourceId) && ids.has(e.targetId)) };
}

/** Stored through the repository into a library file (the host's), as the benchmark does. */
export async function createStoredMap(dbPath: string, content: JourneyContent, name = 'Large map') {
  const db = await openLibraryDatabase(dbPath);
  try {
    return new JourneyRepository(db).create({ name, content }).id;
  } finally {
    closeLibraryDatabase(db);
  }
}
