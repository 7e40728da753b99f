import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/result';
import { defineMetric, type MetricDefinition } from '../../shared/metrics';

/**
 * The read side of imported metrics data (METRICS-STORAGE.md): the map's metric settings, the score
 * distributions per touchpoint × metric × day, aggregate rows, the comments with their FTS5 index,
 * and the bits of the map's structure the analysis needs (stages, lanes, touchpoints, flows). The
 * write side (datasets) belongs to metrics-data-repository.ts; the only writes here are the map's
 * metric settings (family, target, scale …) and its small-sample minimum.
 */

export interface StoredMetric {
  key: string;
  definition: MetricDefinition;
  target: number | null;
  position: number;
}

export interface ScoreDayRow {
  touchpointId: string;
  metricKey: string;
  /** '' for no segment. */
  segment: string;
  day: string;
  min: number;
  max: number;
  counts: number[];
}

export interface AggregateRow {
  touchpointId: string;
  metricKey: string;
  periodStart: string;
  periodEnd: string;
  value: number;
  n: number | null;
}

export interface MapStructure {
  stages: { id: string; name: string; order: number }[];
  departments: { id: string; name: string }[];
  touchpoints: {
    id: string;
    name: string;
    stageId: string | null;
    departmentId: string | null;
    metricKey: string;
  }[];
  flows: { id: string; sourceId: string; targetId: string }[];
}

export interface CommentRow {
  id: number;
  day: string | null;
  metricKey: string | null;
  score: number | null;
  text: string;
}

export interface CommentPage {
  total: number;
  items: CommentRow[];
}

export const DEFAULT_MIN_N = 30;

/**
 * Turns what a user typed into a safe FTS5 query: every word becomes a quoted prefix term, all of
 * them required ("hold music" finds comments holding words starting with "hold" and "music").
 * Quotes and FTS5 operators typed by the user are taken as plain text. Null when nothing is left.
 */
export function ftsQuery(search: string): string | null {
  const words = search
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

export class MetricsQuery {
  private readonly db: Database.Database;
  private readonly s;

  constructor(db: Database.Database) {
    this.db = db;
    this.s = {
      journeyExists: db.prepare<[string], number>('SELECT 1 FROM journeys WHERE id = ?').pluck(),
      metrics: db.prepare<
        [string],
        { key: string; definition: string; target: number | null; position: number }
      >(
        'SELECT key, definition, target, position FROM journey_metrics WHERE journey_id = ? ORDER BY position, key',
      ),
      updateMetric: db.prepare<[string, number | null, string, string]>(
        'UPDATE journey_metrics SET definition = ?, target = ? WHERE journey_id = ? AND key = ?',
      ),
      dataVersion: db
        .prepare<[string], string | null>(
          `SELECT group_concat(id || '@' || imported_at, ',') FROM
             (SELECT id, imported_at FROM datasets WHERE journey_id = ? ORDER BY id)`,
        )
        .pluck(),
      setTargetIfUnset: db.prepare<[number, string, string]>(
        'UPDATE journey_metrics SET target = ? WHERE journey_id = ? AND key = ? AND target IS NULL',
      ),
      minN: db
        .prepare<[string], number>('SELECT min_n FROM journey_analysis_settings WHERE journey_id = ?')
        .pluck(),
      setMinN: db.prepare<[string, number]>(
        `INSERT INTO journey_analysis_settings (journey_id, min_n) VALUES (?, ?)
         ON CONFLICT (journey_id) DO UPDATE SET min_n = excluded.min_n`,
      ),
      datasetCount: db
        .prepare<[string], number>('SELECT count(*) FROM datasets WHERE journey_id = ?')
        .pluck(),
      scoreDays: db.prepare<
        [string],
        {
          touchpoint_id: string;
          metric_key: string;
          segment: string;
          day: string;
          scale_min: number;
          scale_max: number;
          counts: string;
        }
      >(
        `SELECT g.touchpoint_id, s.metric_key, g.segment, s.day, s.scale_min, s.scale_max, s.counts
           FROM datasets d
           JOIN response_groups g ON g.dataset_id = d.id
           JOIN score_days s ON s.group_id = g.id
          WHERE d.journey_id = ?`,
      ),
      aggregates: db.prepare<
        [string],
        {
          touchpoint_id: string;
          metric_key: string;
          period_start: string;
          period_end: string;
          value: number;
          n: number | null;
        }
      >(
        `SELECT a.touchpoint_id, a.metric_key, a.period_start, a.period_end, a.value, a.n
           FROM aggregate_values a JOIN datasets d ON d.id = a.dataset_id
          WHERE d.journey_id = ?`,
      ),
      stages: db.prepare<[string], { id: string; name: string; ord: number }>(
        'SELECT id, name, ord FROM stages WHERE journey_id = ? ORDER BY ord',
      ),
      departments: db.prepare<[string], { id: string; name: string }>(
        'SELECT id, name FROM departments WHERE journey_id = ? ORDER BY ord',
      ),
      touchpoints: db.prepare<
        [string],
        {
          id: string;
          name: string;
          stage_id: string | null;
          department_id: string | null;
          metric_key: string | null;
        }
      >(
        `SELECT id, name, stage_id, department_id, metric_key FROM nodes
          WHERE journey_id = ? AND kind = 'touchpoint'`,
      ),
      flows: db.prepare<[string], { id: string; source_id: string; target_id: string }>(
        `SELECT id, source_id, target_id FROM edges WHERE journey_id = ? AND kind = 'flow'`,
      ),
    };
  }

  /** Throws not-found when the map does not exist. */
  requireJourney(journeyId: string): void {
    if (this.s.journeyExists.get(journeyId) === undefined)
      throw new AppError('not-found', 'This map no longer exists.');
  }

  /** The map's metrics in their order; a stored definition that no longer parses is skipped. */
  metrics(journeyId: string): StoredMetric[] {
    const out: StoredMetric[] = [];
    for (const row of this.s.metrics.all(journeyId)) {
      let raw: unknown;
      try {
        raw = JSON.parse(row.definition);
      } catch {
        continue;
      }
      const parsed = defineMetric(raw);
      if (parsed.ok)
        out.push({ key: row.key, definition: parsed.value, target: row.target, position: row.position });
    }
    return out;
  }

  /** Writes a metric's definition and target; the definition must keep its key. */
  updateMetric(journeyId: string, definition: MetricDefinition, target: number | null): void {
    const result = this.s.updateMetric.run(JSON.stringify(definition), target, journeyId, definition.key);
    if (result.changes === 0) throw new AppError('not-found', `This map has no metric "${definition.key}".`);
  }

  /** Sets a metric's target unless the user has set one already. */
  setTargetIfUnset(journeyId: string, key: string, target: number): void {
    this.s.setTargetIfUnset.run(target, journeyId, key);
  }

  /** The small-sample minimum n of the map (default 30). */
  minN(journeyId: string): number {
    return this.s.minN.get(journeyId) ?? DEFAULT_MIN_N;
  }

  setMinN(journeyId: string, minN: number): void {
    this.requireJourney(journeyId);
    this.s.setMinN.run(journeyId, minN);
  }

  /** Changes whenever a dataset of the map is added or removed: the analysis cache's key. */
  dataVersion(journeyId: string): string {
    return this.s.dataVersion.get(journeyId) ?? '';
  }

  datasetCount(journeyId: string): number {
    return this.s.datasetCount.get(journeyId) ?? 0;
  }

  scoreDays(journeyId: string): ScoreDayRow[] {
    return this.s.scoreDays.all(journeyId).map((r) => ({
      touchpointId: r.touchpoint_id,
      metricKey: r.metric_key,
      segment: r.segment,
      day: r.day,
      min: r.scale_min,
      max: r.scale_max,
      counts: JSON.parse(r.counts) as number[],
    }));
  }

  aggregates(journeyId: string): AggregateRow[] {
    return this.s.aggregates.all(journeyId).map((r) => ({
      touchpointId: r.touchpoint_id,
      metricKey: r.metric_key,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      value: r.value,
      n: r.n,
    }));
  }

  /** Stages, lanes, touchpoints and flow edges as saved: what stage aggregates and hand-offs need. */
  structure(journeyId: string): MapStructure {
    return {
      stages: this.s.stages.all(journeyId).map((s) => ({ id: s.id, name: s.name, order: s.ord })),
      departments: this.s.departments.all(journeyId),
      touchpoints: this.s.touchpoints.all(journeyId).map((t) => ({
        id: t.id,
        name: t.name,
        stageId: t.stage_id,
        departmentId: t.department_id,
        metricKey: t.metric_key ?? '',
      })),
      flows: this.s.flows
        .all(journeyId)
        .map((e) => ({ id: e.id, sourceId: e.source_id, targetId: e.target_id })),
    };
  }

  /**
   * A touchpoint's comments from the map's datasets, lowest scores first (comments without a score
   * last), then newest first; `search` matches words by prefix through FTS5; `segment` keeps one
   * segment's ('' for the comments without one), null or absent every segment's.
   */
  comments(
    journeyId: string,
    touchpointId: string,
    options: { search?: string; offset?: number; limit?: number; segment?: string | null } = {},
  ): CommentPage {
    const offset = options.offset ?? 0;
    const limit = options.limit ?? 20;
    const match = ftsQuery(options.search ?? '');
    const segment = options.segment ?? undefined;
    const where = `c.group_id IN (
        SELECT g.id FROM response_groups g JOIN datasets d ON d.id = g.dataset_id
        WHERE g.touchpoint_id = @touchpointId AND d.journey_id = @journeyId
        ${segment !== undefined ? 'AND g.segment = @segment' : ''})
      ${match ? 'AND c.id IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH @match)' : ''}`;
    const params = { journeyId, touchpointId, match, offset, limit, segment };
    const run = <T>(sql: string) => this.db.prepare<typeof params, T>(sql);
    const clean = match ? params : { ...params, match: undefined };
    const bind = Object.fromEntries(Object.entries(clean).filter(([, v]) => v !== undefined));
    const total = run<{ total: number }>(`SELECT count(*) AS total FROM comments c WHERE ${where}`).get(
      bind as typeof params,
    )!.total;
    const items = run<{
      id: number;
      day: string | null;
      metric_key: string | null;
      score: number | null;
      text: string;
    }>(
      `SELECT c.id, c.day, c.metric_key, c.score, c.text FROM comments c WHERE ${where}
        ORDER BY c.score IS NULL, c.score ASC, c.day DESC, c.id ASC
        LIMIT @limit OFFSET @offset`,
    ).all(bind as typeof params);
    return {
      total,
      items: items.map((r) => ({
        id: r.id,
        day: r.day,
        metricKey: r.metric_key,
        score: r.score,
        text: r.text,
      })),
    };
  }
}
