import { importPanelStore } from '../import/import-panel-store';
import type { Command, CommandContext } from './command-registry';

/** Importing survey and operations data into the open map, and the map's datasets. */

const mapEditable = (ctx: CommandContext) => {
  const route = ctx.uiStore.getState().route;
  const { doc, journeyId, readOnly } = ctx.documentStore.getState();
  return route.name === 'map' && doc !== null && journeyId === route.id && !readOnly;
};

export const importCommands: readonly Command[] = [
  {
    id: 'data.import',
    label: 'Import data…',
    enabled: mapEditable,
    run: () => importPanelStore.getState().open('import'),
  },
  {
    id: 'data.datasets',
    label: 'Datasets…',
    enabled: mapEditable,
    run: () => importPanelStore.getState().open('datasets'),
  },
];
