import type Database from 'better-sqlite3';
import { OUTLINE_CARD_LIMIT, type JourneyOutline } from '../../shared/domain/outline';

/**
 * Every map's outline in three queries (stages, lanes, cards of the whole library), not one full
 * document load per map: the library shows hundreds of thumbnails at once.
 */
export function readJourneyOutlines(db: Database.Database): JourneyOutline[] {
  const journeys = db.prepare<[], { id: string }>('SELECT id FROM journeys ORDER BY rowid').all();
  const stages = db
    .prepare<[], { journey_id: string; width: number }>(
      'SELECT journey_id, width FROM stages ORDER BY journey_id, ord, rowid',
    )
    .all();
  const lanes = db
    .prepare<[], { journey_id: string; height: number; colour: string }>(
      'SELECT journey_id, height, colour FROM departments ORDER BY journey_id, ord, rowid',
    )
    .all();
  // The first cards of each map by insertion, and how many it has in all.
  const cards = db
    .prepare<[number], { journey_id: string; kind: string; x: number; y: number; total: number }>(
      `SELECT journey_id, kind, x, y, total FROM (
         SELECT journey_id, kind, x, y,
           row_number() OVER (PARTITION BY journey_id ORDER BY rowid) AS position,
           count(*) OVER (PARTITION BY journey_id) AS total
         FROM nodes)
       WHERE position <= ? ORDER BY journey_id, position`,
    )
    .all(OUTLINE_CARD_LIMIT);

  const byId = new Map<string, JourneyOutline>();
  const outlines = journeys.map(({ id }) => {
    const outline: JourneyOutline = { id, stages: [], lanes: [], cards: [], cardCount: 0 };
    byId.set(id, outline);
    return outline;
  });
  for (const row of stages) byId.get(row.journey_id)?.stages.push({ width: row.width });
  for (const row of lanes) byId.get(row.journey_id)?.lanes.push({ height: row.height, colour: row.colour });
  for (const row of cards) {
    const outline = byId.get(row.journey_id);
    if (!outline) continue;
    outline.cards.push({ kind: row.kind, x: row.x, y: row.y });
    outline.cardCount = row.total;
  }
  return outlines;
}
