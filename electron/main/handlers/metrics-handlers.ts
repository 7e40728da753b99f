import type { Handlers } from '../../../shared/api/dispatch';
import { AppError } from '../../../shared/api/result';
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
  metrics: MetricsAnalysis | undefined;
}

/** The analysis of a map's imported data: settings, overlay, breakdowns, touchpoint detail, comments. */
export function metricsHandlers({ metrics: given }: MetricsHandlerDeps): MetricsHandlers {
  const service = () => {
    if (!given) throw new AppError('internal', 'This host was started without the metrics service.');
    return given;
  };
  const metrics = {
    settings: (...a: Parameters<MetricsAnalysis['settings']>) => service().settings(...a),
    updateMetric: (...a: Parameters<MetricsAnalysis['updateMetric']>) => service().updateMetric(...a),
    setMinN: (...a: Parameters<MetricsAnalysis['setMinN']>) => service().setMinN(...a),
    overlay: (...a: Parameters<MetricsAnalysis['overlay']>) => service().overlay(...a),
    breakdowns: (...a: Parameters<MetricsAnalysis['breakdowns']>) => service().breakdowns(...a),
    touchpointDetail: (...a: Parameters<MetricsAnalysis['touchpointDetail']>) =>
      service().touchpointDetail(...a),
    comments: (...a: Parameters<MetricsAnalysis['comments']>) => service().comments(...a),
    loadSample: (...a: Parameters<MetricsAnalysis['loadSample']>) => service().loadSample(...a),
  };
  return {
    'metrics.settings': ({ journeyId }) => metrics.settings(journeyId),
    'metrics.updateMetric': ({ journeyId, key, patch }) => metrics.updateMetric(journeyId, key, patch),
    'metrics.setMinN': ({ journeyId, minN }) => metrics.setMinN(journeyId, minN),
    'metrics.overlay': ({ journeyId, metricKey, granularity, period, minN, segment }) =>
      metrics.overlay(journeyId, metricKey, { granularity, period, minN, segment }),
    'metrics.breakdowns': ({ journeyId, granularity, period, minN, segment }) =>
      metrics.breakdowns(journeyId, { granularity, period, minN, segment }),
    'metrics.touchpointDetail': ({ journeyId, touchpointId, granularity, period, minN, segment }) =>
      metrics.touchpointDetail(journeyId, touchpointId, { granularity, period, minN, segment }),
    'metrics.comments': ({ journeyId, touchpointId, search, offset, limit, segment }) =>
      metrics.comments(journeyId, touchpointId, { search, offset, limit, segment }),
    'metrics.loadSample': ({ journeyId }) => metrics.loadSample(journeyId),
  };
}
