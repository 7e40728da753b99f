import { randomUUID } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { apiContract } from '../../../../shared/api/contract';
import { dispatch } from '../../../../shared/api/dispatch';
import type { MapNode } from '../../../../shared/domain/journey';
import { OUTLINE_CARD_LIMIT } from '../../../../shared/domain/outline';
import { templateContent } from '../../../../shared/templates';
import { JourneyRepository } from '../../../../electron/db/journey-repository';
import { SnapshotRepository } from '../../../../electron/db/snapshot-repository';
import { MetricsAnalysis } from '../../../../electron/db/metrics-analysis';
import { createHandlerTable } from '../../../../electron/main/handlers/handler-table';
import { openTempLibrary } from '../../../helpers/temp-db';

/** journeys.outlines: every map's geometry for the library's thumbnails, from a real library file. */

async function library() {
  const lib = await openTempLibrary();
  onTestFinished(lib.cleanup);
  const repo = new JourneyRepository(lib.db);
  const handlers = createHandlerTable({
    journeys: repo,
    snapshots: new SnapshotRepository(lib.db, repo),
    metrics: new MetricsAnalysis(lib.db),
    version: '0.1.0',
    transport: 'browser',
  });
  return { repo, handlers };
}

describe('journey outlines', () => {
  it('give each map its stages, lanes and cards in order, exactly as stored', async () => {
    const { repo, handlers } = await library();
    const made = templateContent('online-store', randomUUID);
    const store = repo.create({ name: made.name, content: made.content });
    const blank = repo.create({ name: 'Nothing yet' });
    const result = await dispatch(handlers, 'journeys.outlines', {});
    if (!result.ok) throw new Error(result.error.message);
    // The output holds to its schema.
    const outlines = apiContract['journeys.outlines'].output.parse(result.value);
    expect(outlines.map((o) => o.id).sort()).toEqual([store.id, blank.id].sort());

    const doc = repo.get(store.id);
    const outline = outlines.find((o) => o.id === store.id)!;
    const byOrder = <T extends { order: number }>(items: T[]) => [...items].sort((a, b) => a.order - b.order);
    expect(outline.stages).toEqual(byOrder(doc.stages).map((s) => ({ width: s.width })));
    expect(outline.lanes).toEqual(
      byOrder(doc.departments).map((d) => ({ height: d.height, colour: d.colour })),
    );
    expect(outline.cards).toEqual(doc.nodes.map((n) => ({ kind: n.kind, x: n.x, y: n.y })));
    expect(outline.cardCount).toBe(22);

    expect(outlines.find((o) => o.id === blank.id)).toEqual({
      id: blank.id,
      stages: [],
      lanes: [],
      cards: [],
      cardCount: 0,
    });
  });

  it('follow edits, and draw at most the first OUTLINE_CARD_LIMIT cards of a big map', async () => {
    const { repo } = await library();
    const made = templateContent('blank', randomUUID);
    const { id } = repo.create({ name: 'Big', content: made.content });
    const stage = made.content.stages[0]!;
    const nodes: MapNode[] = Array.from({ length: OUTLINE_CARD_LIMIT + 50 }, (_, i) => ({
      id: randomUUID(),
      kind: 'touchpoint',
      x: i * 10,
      y: i * 5,
      stageId: stage.id,
      departmentId: null,
      name: `Card ${i}`,
      description: '',
      channel: 'web',
      mode: 'experience',
      emotion: 0,
      frontstage: true,
      supportingDepartmentIds: [],
      metricKey: '',
      personaIds: [],
    }));
    repo.applyChanges({
      journeyId: id,
      baseRevision: 0,
      changes: [
        ...nodes.map((value) => ({ op: 'node.add' as const, value })),
        { op: 'stage.update', id: stage.id, fields: { width: 555 } },
      ],
    });
    const [outline] = repo.outlines();
    expect(outline!.cardCount).toBe(OUTLINE_CARD_LIMIT + 50);
    expect(outline!.cards).toHaveLength(OUTLINE_CARD_LIMIT);
    expect(outline!.cards[0]).toEqual({ kind: 'touchpoint', x: 0, y: 0 });
    expect(outline!.stages[0]).toEqual({ width: 555 });
  });

  it('refuse arguments: the method takes none', async () => {
    const { handlers } = await library();
    const result = await dispatch(handlers, 'journeys.outlines', { id: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.message).toContain('journeys.outlines');
    }
  });
});
