import type { Handlers } from '../../../shared/api/dispatch';
import type { SnapshotRepository } from '../../db/snapshot-repository';

type SnapshotHandlers = Pick<
  Handlers,
  'snapshots.list' | 'snapshots.create' | 'snapshots.get' | 'snapshots.restore' | 'snapshots.delete'
>;

export interface SnapshotHandlerDeps {
  snapshots: SnapshotRepository;
}

/** Named snapshots of a map: arguments arrive validated by the dispatcher. */
export function snapshotHandlers({ snapshots }: SnapshotHandlerDeps): SnapshotHandlers {
  return {
    'snapshots.list': ({ journeyId }) => snapshots.list(journeyId),
    'snapshots.create': ({ journeyId, name }) => snapshots.create(journeyId, name),
    'snapshots.get': ({ id }) => snapshots.get(id),
    'snapshots.restore': ({ id, baseRevision }) => {
      const restored = snapshots.restore(id, baseRevision);
      return { journeyId: restored.before.journeyId, ...restored };
    },
    'snapshots.delete': ({ id }) => {
      snapshots.delete(id);
      return { id };
    },
  };
}
