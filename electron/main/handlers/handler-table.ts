import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../../shared/api/dispatch';
import type { JourneyRepository } from '../../db/journey-repository';
import type { MetricsAnalysis } from '../../db/metrics-analysis';
import type { SnapshotRepository } from '../../db/snapshot-repository';
import { appHandlers, type AppHandlerDeps } from './app-handlers';
import { importHandlers, type ImportHandlerDeps } from './import-handlers';
import { journeyHandlers } from './journey-handlers';
import { metricsHandlers } from './metrics-handlers';
import { snapshotHandlers } from './snapshot-handlers';

export interface HandlerTableDeps extends AppHandlerDeps {
  journeys: JourneyRepository;
  snapshots: SnapshotRepository;
  /** The analysis of imported data; hosts always pass it, tests of other domains may leave it out. */
  metrics?: MetricsAnalysis;
  newId?: () => string;
  /** Importing data; absent in tests that do not need it. */
  imports?: ImportHandlerDeps;
}

/**
 * The one handler table behind both transports. Each domain contributes its handlers; `satisfies`
 * makes a method missing from the contract a compile error here. No Electron import: tests and the
 * browser-mode host build it as they are.
 */
export function createHandlerTable(deps: HandlerTableDeps): Handlers {
  const newId = deps.newId ?? randomUUID;
  return {
    ...appHandlers(deps),
    ...journeyHandlers({ journeys: deps.journeys, newId }),
    ...snapshotHandlers({ snapshots: deps.snapshots }),
    ...metricsHandlers({ metrics: deps.metrics }),
    ...importHandlers(deps.imports),
  } satisfies Handlers;
}
