import type { Handlers } from '../../../shared/api/dispatch';
import type { MetricsAnalysis } from '../../db/metrics-analysis';

type MetricsHandlers = Pick<
  Handlers,
  | 'metrics.settings'
  | 'metrics.updateMetric'
  | 'metrics.setMinN'
  | 'metrics.overlay'
  | 'metrics.breakdowns'
  | 'metrics.touchpointDetail'
  | 'metrics.comments'
  | 'metrics.loadSample'
>;

export interface MetricsHandlerDeps {
  metrics: MetricsAnalysis;
}

/** The analysis of a map's imported data: settings, overlay, breakdowns, touchpoint detail, comments. */
export function metricsHandlers({ metrics }: MetricsHandlerDeps): MetricsHandlers {
  return {
    'metrics.settings': ({ journeyId }) => metrics.settings(journeyId),
    'metrics.updateMetric': ({ journeyId, key, patch }) => metrics.updateMetric(journeyId, key, patch),
    'metrics.setMinN': ({ journeyId, minN }) => metrics.setMinN(journeyId, minN),
    'metrics.overlay': ({ journeyId, metricKey, granularity, period, minN }) =>
      metrics.overlay(journeyId, metricKey, { granularity, period, minN }),
    'metrics.breakdowns': ({ journeyId, granularity, period, minN }) =>
      metrics.breakdowns(journeyId, { granularity, period, minN }),
    'metrics.touchpointDetail': ({ journeyId, touchpointId, granularity, period, minN }) =>
      metrics.touchpointDetail(journeyId, touchpointId, { granularity, period, minN }),
    'metrics.comments': ({ journeyId, touchpointId, search, offset, limit }) =>
      metrics.comments(journeyId, touchpointId, { search, offset, limit }),
    'metrics.loadSample': ({ journeyId }) => metrics.loadSample(journeyId),
  };
}
