import { useCallback, useId, useRef } from 'react';
import type { DatasetSummary } from '../../../shared/domain/dataset';
import { formatExactTime } from '../app/relative-time';
import { useCommands } from '../commands/commands-context';
import { overlayStoreFor } from '../overlay/overlay-store';
import { Icon } from '../panels/Icon';
import { trapTab, useModalDialog } from '../panels/modal-dialog';
import { useListed } from '../panels/use-listed';
import { importPanelStore } from './import-panel-store';

const FORMAT_NAMES: Record<string, string> = {
  csv: 'CSV',
  tsv: 'Tab-separated',
  qualtrics: 'Qualtrics',
  surveymonkey: 'SurveyMonkey',
  generated: 'Generated',
};

/** The column mapping stored with a dataset, in one line: "Q1 → touchpoint, Q2 → NPS 0–10 …". */
function describeMapping(mapping: unknown): string {
  if (!mapping || typeof mapping !== 'object' || !('columns' in mapping) || !Array.isArray(mapping.columns))
    return '';
  return (
    mapping.columns as {
      column?: string;
      role?: string;
      metric?: { label?: string; scaleMin?: number; scaleMax?: number };
    }[]
  )
    .map((c) =>
      c.role === 'score' && c.metric
        ? `${c.column} → ${c.metric.label} ${c.metric.scaleMin}–${c.metric.scaleMax}`
        : `${c.column} → ${c.role}`,
    )
    .join(', ');
}

/** The map's datasets with their provenance; each can be removed (after a confirmation). */
export function DatasetsDialog({ journeyId, onClose }: { journeyId: string; onClose(): void }) {
  const { ctx } = useCommands();
  const id = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const ref = useModalDialog(closeRef);
  const { list, refresh } = useListed(
    useCallback(() => ctx.api.call('datasets.list', { journeyId }), [ctx, journeyId]),
  );

  const remove = (dataset: DatasetSummary) => {
    ctx.uiStore.getState().askConfirm({
      title: `Remove “${dataset.name}”?`,
      message: `Its ${dataset.rowsAccepted.toLocaleString('en')} imported rows and their comments leave this map. The file itself is not touched; you can import it again.`,
      confirmLabel: 'Remove dataset',
      onConfirm: () => {
        void ctx.api
          .call('datasets.remove', { id: dataset.id })
          .then(() => {
            ctx.uiStore.getState().notify(`Removed “${dataset.name}”.`, 'info');
            overlayStoreFor(ctx.uiStore).getState().dataChanged();
            return refresh();
          })
          .catch((error: unknown) =>
            ctx.uiStore
              .getState()
              .notify(
                `Couldn't remove the dataset: ${error instanceof Error ? error.message : String(error)}`,
                'error',
              ),
          );
      },
    });
  };

  return (
    <dialog
      ref={ref}
      className="dialog dialog--datasets"
      aria-labelledby={`${id}-title`}
      onKeyDown={trapTab}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog__head">
        <div>
          <h2 className="dialog__title" id={`${id}-title`}>
            Datasets
          </h2>
          <p className="dialog__message">
            The data imported into this map, where it came from and how it was read.
          </p>
        </div>
        <button
          ref={closeRef}
          type="button"
          className="icon-button"
          aria-label="Close"
          title="Close (Esc)"
          onClick={onClose}
        >
          <Icon name="close" />
        </button>
      </div>
      {list.status === 'loading' && <p className="muted">Loading…</p>}
      {list.status === 'failed' && (
        <p className="banner banner--error" role="alert">
          Couldn't list the datasets: {list.error}
        </p>
      )}
      {list.status === 'ready' && list.items.length === 0 && (
        <div className="datasets__empty">
          <p className="muted">No data has been imported into this map yet.</p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => importPanelStore.getState().open('import')}
          >
            Import data…
          </button>
        </div>
      )}
      {list.status === 'ready' && list.items.length > 0 && (
        <ul className="datasets__list" aria-label="Imported datasets">
          {list.items.map((dataset) => {
            const mapping = describeMapping(dataset.mapping);
            return (
              <li key={dataset.id} className="datasets__item">
                <div className="datasets__main">
                  <strong className="datasets__name">{dataset.name}</strong>
                  <span className="datasets__meta">
                    {dataset.fileName} · {FORMAT_NAMES[dataset.sourceFormat] ?? dataset.sourceFormat} ·{' '}
                    {dataset.shape === 'responses' ? 'responses' : 'aggregates'} · imported{' '}
                    <time dateTime={dataset.importedAt}>{formatExactTime(dataset.importedAt)}</time>
                  </span>
                  <span className="datasets__meta">
                    {dataset.rowsAccepted.toLocaleString('en')} rows imported,{' '}
                    {dataset.rowsRejected.toLocaleString('en')} left out
                  </span>
                  <span className="datasets__mapping" title={mapping}>
                    {mapping}
                  </span>
                </div>
                <button
                  type="button"
                  className="button button--small button--danger"
                  aria-label={`Remove dataset “${dataset.name}”`}
                  onClick={() => remove(dataset)}
                >
                  <Icon name="trash" size={16} />
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </dialog>
  );
}
