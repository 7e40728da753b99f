import { overlayStoreFor } from '../overlay/overlay-store';
import type { Command, CommandContext } from './command-registry';

/** The data overlay's commands: on and off, and the breakdowns panel. */

const mapOpen = (ctx: CommandContext) => {
  const route = ctx.uiStore.getState().route;
  const { doc, journeyId, readOnly } = ctx.documentStore.getState();
  return route.name === 'map' && doc !== null && journeyId === route.id && !readOnly;
};

export const overlayCommands: Command[] = [
  {
    id: 'view.dataOverlay',
    label: 'Data overlay',
    enabled: mapOpen,
    run(ctx) {
      const overlay = overlayStoreFor(ctx.uiStore).getState();
      overlay.setEnabled(!overlay.enabled);
    },
  },
  {
    id: 'view.breakdowns',
    label: 'Breakdowns',
    enabled: mapOpen,
    run(ctx) {
      const overlay = overlayStoreFor(ctx.uiStore).getState();
      overlay.setBreakdownsOpen(!overlay.breakdownsOpen);
    },
  },
];
