import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/result';
import {
  buildMetricsIndex,
  computeBreakdowns,
  computeOverlay,
  computeTouchpointDetail,
  segmentIndex,
  type MetricsIndex,
  type PeriodRequest,
} from '../../shared/analysis/metrics-engine';
import type {
  BreakdownsResult,
  CommentsResult,
  GranularityName,
  MetricSetting,
  MetricSettings,
  MetricSettingsPatch,
  OverlayResult,
  TouchpointDetail,
} from '../../shared/domain/metrics-analysis';
import { defineMetric } from '../../shared/metrics';
import {
  canTakeSample,
  generateOnlineStoreSample,
  SAMPLE_DATASET_NAME,
  SAMPLE_FILE_NAME,
  SAMPLE_METRICS,
  SAMPLE_SEED,
} from '../../shared/sample-data/online-store-sample';
import { findDatasetsByHash, storeDataset } from './metrics-data-repository';
import { MetricsQuery } from './metrics-query';

/**
 * The analysis service behind the `metrics.*` API. It keeps each map's imported data in memory as a
 * MetricsIndex (prefix sums of score counts per touchpoint × metric × day), rebuilt only when the
 * map's datasets change (an import or a removal changes `dataVersion`), so the overlay for another
 * metric, period, target or minimum n is computed from counts without reading score rows again.
 *
 * `overlay` is also what `npm run bench:import` times as "recompute_ms": after the first call has
 * built the index, each further call is one recompute.
 */

export interface AnalysisPeriod {
  granularity: GranularityName;
  period: string;
  minN?: number | undefined;
  /** null or absent: every segment; '' the responses without one; else one segment. */
  segment?: string | null | undefined;
}

/** Which settings a metric kind lets the user change besides family, label and target. */
const EDITABLE: Record<string, readonly (keyof MetricSettingsPatch)[]> = {
  csat: ['scaleMin', 'scaleMax', 'topBoxMin'],
  ces: ['scaleMin', 'scaleMax', 'topBoxMin', 'version', 'report'],
};
const ALWAYS: readonly (keyof MetricSettingsPatch)[] = ['family', 'target', 'label'];

export class MetricsAnalysis {
  readonly query: MetricsQuery;
  private readonly db: Database.Database;
  private readonly cache = new Map<string, { version: string; index: MetricsIndex }>();

  constructor(db: Database.Database) {
    this.db = db;
    this.query = new MetricsQuery(db);
  }

  /** The map's data as an index, from the cache while its datasets are unchanged. */
  index(journeyId: string): MetricsIndex {
    const version = this.query.dataVersion(journeyId);
    const cached = this.cache.get(journeyId);
    if (cached && cached.version === version) return cached.index;
    const index = buildMetricsIndex(this.query.scoreDays(journeyId), this.query.aggregates(journeyId));
    this.cache.set(journeyId, { version, index });
    // One map is looked at at a time; keep a few.
    if (this.cache.size > 4) this.cache.delete(this.cache.keys().next().value!);
    return index;
  }

  /** Drops the cached data of a map (the cache also notices new or removed datasets by itself). */
  invalidate(journeyId?: string): void {
    if (journeyId) this.cache.delete(journeyId);
    else this.cache.clear();
  }

  settings(journeyId: string): MetricSettings {
    this.query.requireJourney(journeyId);
    const index = this.index(journeyId);
    return {
      metrics: this.metricSettings(journeyId, index),
      minN: this.query.minN(journeyId),
      datasetCount: this.query.datasetCount(journeyId),
      segments: index.segments,
    };
  }

  private metricSettings(journeyId: string, index: MetricsIndex): MetricSetting[] {
    return this.query.metrics(journeyId).map((m) => ({
      key: m.key,
      definition: m.definition,
      target: m.target,
      hasData: index.metrics.has(m.key),
    }));
  }

  private setting(journeyId: string, key: string, index: MetricsIndex): MetricSetting {
    const found = this.metricSettings(journeyId, index).find((m) => m.key === key);
    if (!found) throw new AppError('not-found', `This map has no metric "${key}".`);
    return found;
  }

  updateMetric(journeyId: string, key: string, patch: MetricSettingsPatch): MetricSetting {
    this.query.requireJourney(journeyId);
    const current = this.setting(journeyId, key, this.index(journeyId));
    const definition = current.definition;
    const allowed = new Set([...ALWAYS, ...(EDITABLE[definition.kind] ?? [])]);
    const refused = Object.keys(patch).filter((k) => !allowed.has(k as keyof MetricSettingsPatch));
    if (refused.length > 0)
      throw new AppError(
        'invalid-input',
        `${definition.label}: ${refused.join(', ')} cannot be changed for a ${definition.kind} metric.`,
      );
    const { target, ...fields } = patch;
    const next: Record<string, unknown> = { ...definition, ...fields };
    // Defaults that follow from other fields are worked out again from the new ones.
    if ((fields.scaleMin !== undefined || fields.scaleMax !== undefined) && fields.topBoxMin === undefined)
      delete next.topBoxMin;
    if (definition.kind === 'ces') {
      delete next.direction;
      delete next.unit;
    }
    const parsed = defineMetric(next);
    if (!parsed.ok) throw new AppError('invalid-input', `${definition.label}: ${parsed.reason}`);
    const newTarget = target === undefined ? current.target : target;
    if (newTarget !== null) {
      const d = parsed.value;
      const range =
        d.kind === 'nps'
          ? { min: -100, max: 100 }
          : d.unit === '%'
            ? { min: 0, max: 100 }
            : d.kind === 'ces'
              ? { min: d.scaleMin, max: d.scaleMax }
              : d.unit === 'seconds' || d.unit === 'currency'
                ? { min: 0, max: Infinity }
                : { min: -Infinity, max: Infinity };
      if (newTarget < range.min || newTarget > range.max)
        throw new AppError(
          'invalid-input',
          `target: a ${d.label} target lies between ${range.min} and ${range.max}, got ${newTarget}.`,
        );
    }
    this.query.updateMetric(journeyId, parsed.value, newTarget);
    return { ...current, definition: parsed.value, target: newTarget };
  }

  setMinN(journeyId: string, minN: number): MetricSettings {
    this.query.setMinN(journeyId, minN);
    return this.settings(journeyId);
  }

  /**
   * Loads the generated sample survey (shared/sample-data) into a map whose touchpoints carry the
   * online-store template's metric keys, as one dataset (source format 'generated'), and sets the
   * sample's targets where the map has none yet. Loading it twice is refused.
   */
  loadSample(journeyId: string): { datasetId: string; responses: number; comments: number } {
    this.query.requireJourney(journeyId);
    const { touchpoints } = this.query.structure(journeyId);
    if (!canTakeSample(touchpoints))
      throw new AppError(
        'invalid-input',
        'The sample data is about the online-store journey: this map has no touchpoints with the metric keys "shipping", "support-call" and "checkout".',
      );
    const sample = generateOnlineStoreSample(touchpoints);
    const bytes = Buffer.from(JSON.stringify(sample));
    const contentHash = createHash('sha256').update(bytes).digest('hex');
    if (findDatasetsByHash(this.db, journeyId, contentHash).length > 0)
      throw new AppError('conflict', 'The sample data is already loaded on this map.');
    const stored = this.db.transaction(() => {
      const summary = storeDataset(this.db, {
        journeyId,
        dataset: {
          name: SAMPLE_DATASET_NAME,
          fileName: SAMPLE_FILE_NAME,
          contentHash,
          byteSize: bytes.length,
          shape: 'responses',
          sourceFormat: 'generated',
          mapping: { generator: 'online-store-sample', seed: SAMPLE_SEED },
          rowsAccepted: sample.responses,
          rowsRejected: 0,
        },
        metrics: SAMPLE_METRICS.map((m) => ({ key: m.key, definition: m.definition })),
        scoreDays: sample.scoreDays,
        aggregates: [],
        comments: sample.comments,
      });
      for (const m of SAMPLE_METRICS) this.query.setTargetIfUnset(journeyId, m.key, m.target);
      return summary;
    })();
    this.invalidate(journeyId);
    return { datasetId: stored.id, responses: sample.responses, comments: sample.comments.length };
  }

  private request(journeyId: string, period: AnalysisPeriod): PeriodRequest {
    return {
      granularity: period.granularity,
      period: period.period,
      minN: period.minN ?? this.query.minN(journeyId),
      segment: period.segment ?? null,
    };
  }

  /** The map's data narrowed to the period's segment (the whole index for every segment). */
  private dataFor(journeyId: string, period: AnalysisPeriod): MetricsIndex {
    return segmentIndex(this.index(journeyId), period.segment);
  }

  /** One metric on the map in one period: touchpoints, stages, journey. */
  overlay(journeyId: string, metricKey: string, period: AnalysisPeriod): OverlayResult {
    this.query.requireJourney(journeyId);
    const setting = this.setting(journeyId, metricKey, this.index(journeyId));
    return computeOverlay(
      this.dataFor(journeyId, period),
      this.query.structure(journeyId),
      setting,
      this.request(journeyId, period),
    );
  }

  breakdowns(journeyId: string, period: AnalysisPeriod): BreakdownsResult {
    this.query.requireJourney(journeyId);
    const index = this.index(journeyId);
    return computeBreakdowns(
      this.dataFor(journeyId, period),
      this.query.structure(journeyId),
      this.metricSettings(journeyId, index),
      this.request(journeyId, period),
    );
  }

  touchpointDetail(journeyId: string, touchpointId: string, period: AnalysisPeriod): TouchpointDetail {
    this.query.requireJourney(journeyId);
    const index = this.index(journeyId);
    const count = this.query.comments(journeyId, touchpointId, {
      limit: 1,
      segment: period.segment ?? null,
    }).total;
    return computeTouchpointDetail(
      this.dataFor(journeyId, period),
      this.metricSettings(journeyId, index),
      touchpointId,
      this.request(journeyId, period),
      count,
    );
  }

  comments(
    journeyId: string,
    touchpointId: string,
    options: { search: string; offset: number; limit: number; segment?: string | null | undefined },
  ): CommentsResult {
    this.query.requireJourney(journeyId);
    return this.query.comments(journeyId, touchpointId, options);
  }
}
