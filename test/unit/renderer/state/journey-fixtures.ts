import { randomUUID } from 'node:crypto';
import { onTestFinished } from 'vitest';
import type { JourneyDocument } from '../../../../shared/domain/journey';
import { MetricsAnalysis } from '../../../../electron/db/metrics-analysis';
import { SnapshotRepository } from '../../../../electron/db/snapshot-repository';
import { closeLibraryDatabase } from '../../../../electron/db/connection';
import { createHandlerTable } from '../../../../electron/main/handlers/handler-table';
import { openTempMap } from '../../../helpers/temp-map';

/**
 * Shared set-up for the renderer state tests: the sample map stored in a real temp library, and a
 * view of a document that two copies must agree on.
 */

/**
 * The sample map in a fresh temp library. With `ids`, every id (the journey's too) comes from a
 * counter, so two libraries opened with the same prefix hold the same map under the same ids.
 */
export async function openSampleMap(ids?: string) {
  let counter = 0;
  const newId = ids === undefined ? randomUUID : () => `${ids}-${++counter}`;
  const library = await openTempMap({ newId });
  onTestFinished(library.cleanup);
  const { journeys: repo, journeyId: id } = library;
  const snapshots = new SnapshotRepository(library.db, repo, { newId });
  const metrics = new MetricsAnalysis(library.db);
  return {
    repo,
    snapshots,
    metrics,
    id,
    doc: repo.get(id),
    /** The handler table browser mode serves this library with. */
    handlers: () =>
      createHandlerTable({ journeys: repo, snapshots, metrics, version: '0.1.0', transport: 'browser' }),
    /** The library file, to open it again as a restarted app would. */
    file: library.file,
    /** Closes the connection (checkpointing the WAL into the file). */
    close: () => closeLibraryDatabase(library.db),
  };
}

const byId = <T extends { id: string }>(items: readonly T[]) =>
  [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Everything but the journey's timestamps, revision and counts; lists sorted by id. */
export function comparable(doc: JourneyDocument) {
  return {
    journey: { id: doc.journey.id, name: doc.journey.name, description: doc.journey.description },
    stages: byId(doc.stages),
    departments: byId(doc.departments),
    nodes: byId(doc.nodes),
    edges: byId(doc.edges),
    personas: byId(doc.personas),
  };
}

/** mulberry32: a tiny deterministic PRNG, so a failing sequence can be replayed from its seed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T | undefined =>
    items.length === 0 ? undefined : items[Math.floor(next() * items.length)];
  const subset = <T>(items: readonly T[]) => items.filter(() => next() < 0.5);
  return { next, int, pick, subset };
}
