import { z } from 'zod';
import { ChangeSet } from '../domain/change-set';
import { Id, JourneyDocument, JourneySummary, Name } from '../domain/journey';
import {
  BreakdownsResult,
  CommentsRequest,
  CommentsResult,
  GranularitySchema,
  MetricSetting,
  MetricSettings,
  MetricSettingsPatch,
  MinN,
  OverlayRequest,
  OverlayResult,
  PeriodChoice,
  SegmentChoice,
  TouchpointDetail,
  TouchpointDetailRequest,
} from '../domain/metrics-analysis';
import { SnapshotSummary, SnapshotWithDocument } from '../domain/snapshot';
import { JourneyOutline } from '../domain/outline';
import { MetricKey } from '../metrics/definitions';
import { DatasetSummary } from '../domain/dataset';
import {
  ImportMapping,
  ImportPresetSummary,
  ImportPreview,
  ImportStatus,
  TouchpointAssignment,
} from '../import/mapping';
import type { Result } from './result';

/**
 * The one API contract. Every method is named once here, as `domain.verb`, with a zod schema for
 * its single argument and for its result. The Electron IPC transport and the browser-mode HTTP
 * transport both carry exactly these calls to one handler table, which validates every argument.
 */

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({
  input,
  output,
});
const Empty = z.object({}).strict();

export const TEMPLATE_IDS = ['blank', 'online-store', 'saas-trial', 'support-case', 'cafe-visit'] as const;
export const TemplateId = z.enum(TEMPLATE_IDS);
export type TemplateId = z.infer<typeof TemplateId>;

export const apiContract = {
  'app.info': method(Empty, z.object({ version: z.string(), transport: z.enum(['electron', 'browser']) })),
  'journeys.list': method(Empty, z.array(JourneySummary)),
  'journeys.outlines': method(Empty, z.array(JourneyOutline)),
  'journeys.get': method(z.object({ id: Id }).strict(), JourneyDocument),
  'journeys.create': method(
    z
      .object({
        name: Name.optional(),
        template: TemplateId.default('blank'),
      })
      .strict(),
    JourneySummary,
  ),
  'journeys.rename': method(z.object({ id: Id, name: Name }).strict(), JourneySummary),
  'journeys.duplicate': method(z.object({ id: Id, name: Name.optional() }).strict(), JourneySummary),
  'journeys.delete': method(z.object({ id: Id }).strict(), z.object({ id: Id })),
  'journeys.applyChanges': method(ChangeSet, z.object({ revision: z.number().int(), updatedAt: z.string() })),
  'snapshots.list': method(z.object({ journeyId: Id }).strict(), z.array(SnapshotSummary)),
  'snapshots.create': method(z.object({ journeyId: Id, name: Name }).strict(), SnapshotSummary),
  'snapshots.get': method(z.object({ id: Id }).strict(), SnapshotWithDocument),
  'snapshots.restore': method(
    z.object({ id: Id, baseRevision: z.number().int().min(0) }).strict(),
    z.object({ journeyId: Id, revision: z.number().int(), updatedAt: z.string(), before: SnapshotSummary }),
  ),
  'snapshots.delete': method(z.object({ id: Id }).strict(), z.object({ id: Id })),
  'metrics.settings': method(z.object({ journeyId: Id }).strict(), MetricSettings),
  'metrics.updateMetric': method(
    z.object({ journeyId: Id, key: MetricKey, patch: MetricSettingsPatch }).strict(),
    MetricSetting,
  ),
  'metrics.setMinN': method(z.object({ journeyId: Id, minN: MinN }).strict(), MetricSettings),
  'metrics.overlay': method(OverlayRequest, OverlayResult),
  'metrics.breakdowns': method(
    z
      .object({
        journeyId: Id,
        granularity: GranularitySchema.default('quarter'),
        period: PeriodChoice.default('latest'),
        minN: MinN.optional(),
        segment: SegmentChoice.optional(),
      })
      .strict(),
    BreakdownsResult,
  ),
  'metrics.touchpointDetail': method(TouchpointDetailRequest, TouchpointDetail),
  'metrics.comments': method(CommentsRequest, CommentsResult),
  'metrics.loadSample': method(
    z.object({ journeyId: Id }).strict(),
    z.object({ datasetId: Id, responses: z.number().int(), comments: z.number().int() }),
  ),
  // Importing data (see shared/import): begin reads the head of a file (the open-file dialog in
  // Electron when no uploadId is given; null when the user cancels it), run reads it in full in a
  // worker, status reports progress and the validation report, commit stores it in one transaction.
  'imports.begin': method(
    z.object({ journeyId: Id, uploadId: Id.optional() }).strict(),
    ImportPreview.nullable(),
  ),
  'imports.run': method(z.object({ sessionId: Id, mapping: ImportMapping }).strict(), ImportStatus),
  'imports.status': method(z.object({ sessionId: Id }).strict(), ImportStatus),
  'imports.cancel': method(z.object({ sessionId: Id }).strict(), ImportStatus),
  'imports.commit': method(
    z
      .object({
        sessionId: Id,
        name: Name,
        assignments: z.array(TouchpointAssignment).max(100_000),
        allowDuplicate: z.boolean().default(false),
      })
      .strict(),
    DatasetSummary,
  ),
  'imports.discard': method(z.object({ sessionId: Id }).strict(), z.object({ sessionId: Id })),
  'datasets.list': method(z.object({ journeyId: Id }).strict(), z.array(DatasetSummary)),
  'datasets.remove': method(z.object({ id: Id }).strict(), z.object({ id: Id })),
  'importPresets.list': method(Empty, z.array(ImportPresetSummary)),
  'importPresets.save': method(
    z.object({ name: Name, signature: z.string().min(1).max(100), mapping: ImportMapping }).strict(),
    ImportPresetSummary,
  ),
  'importPresets.delete': method(z.object({ id: Id }).strict(), z.object({ id: Id })),
} as const;

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>;
export type ApiArgs<M extends ApiMethod> = z.output<ApiContract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<ApiContract[M]['output']>;

export const API_METHODS = Object.keys(apiContract) as ApiMethod[];
export const isApiMethod = (name: unknown): name is ApiMethod =>
  typeof name === 'string' && Object.hasOwn(apiContract, name);

/** Events main sends to the renderer (Electron only: the application menu lives there). */
export const apiEvents = {
  /** `byKey`: sent by the menu item's accelerator rather than a click. */
  'menu:command': z.object({ command: z.string().max(100), byKey: z.boolean().optional() }).strict(),
} as const;
export type ApiEvent = keyof typeof apiEvents;
export type ApiEventPayload<E extends ApiEvent> = z.output<(typeof apiEvents)[E]>;

/** What the preload exposes on `window.journeyStudio` and the browser transport mimics. */
export interface ApiBridge {
  invoke<M extends ApiMethod>(method: M, args: ApiInput<M>): Promise<Result<ApiOutput<M>>>;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void;
}

export { BRIDGE_GLOBAL } from './bridge-global';
/** The IPC channel that carries API calls (the only one). */
export const IPC_INVOKE_CHANNEL = 'api:invoke';
