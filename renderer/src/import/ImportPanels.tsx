import { useEffect } from 'react';
import { DatasetsDialog } from './DatasetsDialog';
import { ImportDialog } from './ImportDialog';
import { importPanelStore, useImportPanel } from './import-panel-store';

/** The data panels over a map: the import wizard or the datasets list, whichever is open. */
export function ImportPanels({ journeyId }: { journeyId: string }) {
  const panel = useImportPanel();
  const close = () => importPanelStore.getState().close();
  // A panel belongs to the map it was opened on.
  useEffect(() => () => importPanelStore.getState().close(), [journeyId]);
  if (panel === 'import') return <ImportDialog journeyId={journeyId} onClose={close} />;
  if (panel === 'datasets') return <DatasetsDialog journeyId={journeyId} onClose={close} />;
  return null;
}
