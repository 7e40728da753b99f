import type { Command, CommandContext } from './command-registry';
import { resetVoteChanges, votableIds, voteChanges, voteTotals } from '../workshop/vote-ranking';
import { TEXT_SCALES, formatTextScale, stepTextScale, type TextScale } from '../workshop/text-scale';
import { workshopStoreOf } from '../workshop/workshop-store';

/**
 * The workshop tools' commands: dot-voting, the ranked list, find, filters and the presentation
 * text scale. The toolbar, the keyboard and the Electron menu run these.
 */

const mapShown = (ctx: CommandContext) => {
  const route = ctx.uiStore.getState().route;
  const { doc, journeyId } = ctx.documentStore.getState();
  return route.name === 'map' && doc !== null && journeyId === route.id;
};

const editable = (ctx: CommandContext) =>
  mapShown(ctx) && !ctx.documentStore.getState().readOnly && ctx.uiStore.getState().confirm === null;

/** The selected items that carry votes. */
const selectedVotables = (ctx: CommandContext) => {
  const doc = ctx.documentStore.getState().doc;
  return doc ? votableIds(doc, ctx.uiStore.getState().selection.nodes) : [];
};

function vote(ctx: CommandContext, delta: 1 | -1) {
  const doc = ctx.documentStore.getState().doc;
  if (!doc) return;
  ctx.documentStore.getState().apply(voteChanges(doc, selectedVotables(ctx), delta));
}

const workshop = (ctx: CommandContext) => workshopStoreOf(ctx.uiStore).getState();

const setScale = (ctx: CommandContext, scale: TextScale) => workshop(ctx).setTextScale(scale);

export const workshopCommands: readonly Command[] = [
  {
    id: 'votes.add',
    label: 'Add a vote',
    // "+" is Shift+= on many keyboards; "=" works without Shift.
    shortcuts: [{ key: '+' }, { key: '=' }],
    enabled: (ctx) => editable(ctx) && selectedVotables(ctx).length > 0,
    run: (ctx) => vote(ctx, 1),
  },
  {
    id: 'votes.remove',
    label: 'Remove a vote',
    shortcuts: [{ key: '-' }],
    enabled: (ctx) => {
      if (!editable(ctx)) return false;
      const doc = ctx.documentStore.getState().doc!;
      return voteChanges(doc, selectedVotables(ctx), -1).length > 0;
    },
    run: (ctx) => vote(ctx, -1),
  },
  {
    id: 'votes.reset',
    label: 'Reset all votes…',
    enabled: (ctx) => editable(ctx) && voteTotals(ctx.documentStore.getState().doc!).votes > 0,
    run(ctx) {
      const doc = ctx.documentStore.getState().doc;
      if (!doc) return;
      const { votes, items } = voteTotals(doc);
      ctx.uiStore.getState().askConfirm({
        title: 'Reset all votes?',
        message: `All ${votes} vote${votes === 1 ? '' : 's'} on ${items} item${items === 1 ? '' : 's'} go back to 0. Undo brings them back.`,
        confirmLabel: 'Reset votes',
        onConfirm: () => {
          const current = ctx.documentStore.getState().doc;
          // One gesture: one undo step brings every vote back.
          if (current) ctx.documentStore.getState().apply(resetVoteChanges(current));
        },
      });
    },
  },
  {
    id: 'votes.panel',
    label: 'Votes ranking',
    enabled: mapShown,
    run(ctx) {
      const state = workshop(ctx);
      state.setVotesPanelOpen(!state.votesPanelOpen);
    },
  },
  {
    id: 'find.open',
    label: 'Find on map',
    shortcuts: [{ key: 'f', mod: true }],
    menuAccelerator: true,
    enabled: mapShown,
    run: (ctx) => workshop(ctx).openFind(),
  },
  {
    id: 'view.filter',
    label: 'Filter cards',
    shortcuts: [{ key: 'f', mod: true, shift: true }],
    menuAccelerator: true,
    enabled: mapShown,
    run(ctx) {
      const state = workshop(ctx);
      state.setFilterBarOpen(!state.filterBarOpen);
    },
  },
  {
    id: 'view.textLarger',
    label: 'Larger card text',
    // Ctrl+= zooms the map; with Shift it enlarges the text instead.
    shortcuts: [{ key: '+', mod: true, shift: true }],
    menuAccelerator: true,
    enabled: () => true,
    run: (ctx) => setScale(ctx, stepTextScale(workshop(ctx).textScale, 1)),
  },
  {
    id: 'view.textSmaller',
    label: 'Smaller card text',
    shortcuts: [
      { key: '_', mod: true },
      { key: '-', mod: true, shift: true },
    ],
    menuAccelerator: true,
    enabled: () => true,
    run: (ctx) => setScale(ctx, stepTextScale(workshop(ctx).textScale, -1)),
  },
  {
    id: 'view.textReset',
    label: 'Actual card text size',
    shortcuts: [
      { key: ')', mod: true },
      { key: '0', mod: true, shift: true },
    ],
    menuAccelerator: true,
    enabled: () => true,
    run: (ctx) => setScale(ctx, 1),
  },
  ...TEXT_SCALES.map((scale): Command => ({
    id: `view.textScale${Math.round(scale * 100)}`,
    label: `Card text ${formatTextScale(scale)}`,
    enabled: () => true,
    run: (ctx) => setScale(ctx, scale),
  })),
];
