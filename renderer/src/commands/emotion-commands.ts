import { emotionLaneStore } from '../canvas/EmotionLane';
import type { Command, CommandContext } from './command-registry';

/** The emotion curve lane under the grid: shown or hidden (remembered on this computer). */

const canvasShown = (ctx: CommandContext) => {
  const route = ctx.uiStore.getState().route;
  return route.name === 'map' || route.name === 'snapshot';
};

export const emotionCommands: Command[] = [
  {
    id: 'view.emotionLane',
    label: 'Show emotion curve',
    enabled: canvasShown,
    run() {
      const lane = emotionLaneStore.getState();
      lane.setShown(!lane.shown);
    },
  },
];
