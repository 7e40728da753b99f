import { useReactFlow, type Node } from '@xyflow/react';
import { useCallback, useEffect, useMemo, type MouseEvent as ReactMouseEvent } from 'react';
import { isTypingTarget } from '../commands/command-registry';
import { attachCanvas, commandUi, openMenu, type MenuEntry, type Point } from '../commands/command-ui';
import { useCommands } from '../commands/commands-context';
import { mapOpen } from '../commands/journey-commands';
import { votableIds } from '../workshop/vote-ranking';
import { ALIGN_COMMAND_IDS, copyText, pasteText, removeCopiedCards } from '../commands/selection-commands';
import { parseSelectionId } from '../state/ui-store';
import type { JourneyFlowNode } from './flow-types';

/**
 * The canvas side of the selection and clipboard commands: the context menus (pointer, the
 * ContextMenu key and Shift+F10), the DOM copy, cut and paste events (Ctrl/Cmd+C, X, V and the
 * Electron Edit menu's roles fire them), and the bridge that tells commands where the pointer and
 * the view are.
 */

/** A menu entry: a command id, a separator, or alternatives (the first one registered is shown). */
type Entry = MenuEntry | readonly string[];

/** Renaming in place on the canvas, where that feature is registered; else in the inspector. */
const RENAME: Entry = ['node.rename', 'selection.rename'];

const PANE_MENU: readonly Entry[] = [
  'map.addTouchpointHere',
  'map.addPainPointHere',
  '-',
  'clipboard.paste',
  'selection.selectAll',
  '-',
  'view.fit',
  'view.emotionLane',
  'arrange.tidy',
];

const cardMenu = (several: boolean): Entry[] => [
  ...(several ? [] : [RENAME]),
  'selection.duplicate',
  ...(several ? [] : ['selection.connect']),
  '-',
  'clipboard.copy',
  'clipboard.cut',
  'clipboard.paste',
  ...(several ? (['-', ...ALIGN_COMMAND_IDS] as Entry[]) : []),
  '-',
  'arrange.tidy',
  'selection.delete',
];

/** Stage and lane commands (insert, move, delete with a choice) are listed once registered. */
const STAGE_MENU: readonly Entry[] = [
  'view.zoomToStage',
  ['stage.rename', ...RENAME],
  '-',
  'stage.insertBefore',
  'stage.insertAfter',
  'stage.moveLeft',
  'stage.moveRight',
  '-',
  ['stage.delete', 'selection.delete'],
];
const LANE_MENU: readonly Entry[] = [
  ['lane.rename', ...RENAME],
  '-',
  'lane.insertBefore',
  'lane.insertAfter',
  'lane.moveUp',
  'lane.moveDown',
  '-',
  ['lane.delete', 'selection.delete'],
];

const dialogOpen = () => document.querySelector('dialog[open]') !== null;

export function useCanvasCommands() {
  const { registry, ctx } = useCommands();
  const flow = useReactFlow<JourneyFlowNode>();

  /** The menu for what was clicked, with the commands that exist; no separator at either end. */
  const entries = useCallback(
    (list: readonly Entry[]) => {
      const present = list
        .map((entry) => (typeof entry === 'string' ? entry : entry.find((id) => registry.get(id))))
        .filter((id): id is string => id !== undefined && (id === '-' || registry.get(id) !== undefined));
      return present.filter(
        (id, i) => id !== '-' || (i > 0 && i < present.length - 1 && present[i - 1] !== '-'),
      );
    },
    [registry],
  );

  const menuFor = useCallback(
    (selectionIds: readonly string[]): { label: string; items: MenuEntry[] } => {
      const first = selectionIds[0];
      if (!first) return { label: 'Map', items: entries(PANE_MENU) };
      const kind = parseSelectionId(first).kind;
      if (kind === 'stage') return { label: 'Stage', items: entries(STAGE_MENU) };
      if (kind === 'lane') return { label: 'Lane', items: entries(LANE_MENU) };
      const cards = selectionIds.filter((id) => parseSelectionId(id).kind === 'node').length;
      // Pain points (anything that carries votes) offer dot-voting first.
      const doc = ctx.documentStore.getState().doc;
      const votes: Entry[] =
        doc && votableIds(doc, selectionIds).length ? ['votes.add', 'votes.remove', '-'] : [];
      return {
        label: cards > 1 ? `${cards} cards` : 'Card',
        items: entries([...votes, ...cardMenu(cards > 1)]),
      };
    },
    [entries, ctx],
  );

  const onPaneContextMenu = useCallback(
    (event: ReactMouseEvent | MouseEvent) => {
      event.preventDefault();
      if (!mapOpen(ctx)) return;
      const anchor = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      openMenu({ x: event.clientX, y: event.clientY, ...menuFor([]) }, anchor);
    },
    [ctx, flow, menuFor],
  );

  const onNodeContextMenu = useCallback(
    (event: ReactMouseEvent, node: Node) => {
      event.preventDefault();
      if (!mapOpen(ctx) || node.type === 'grid') return;
      const ui = ctx.uiStore.getState();
      // A right-click on something outside the selection selects it first, as on a desktop.
      if (!ui.selection.nodes.includes(node.id)) ui.selectOnly(node.id);
      const selection = ctx.uiStore.getState().selection.nodes;
      const anchor = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      openMenu({ x: event.clientX, y: event.clientY, ...menuFor(selection) }, anchor);
    },
    [ctx, flow, menuFor],
  );

  const onSelectionContextMenu = useCallback(
    (event: ReactMouseEvent) => {
      event.preventDefault();
      if (!mapOpen(ctx)) return;
      const anchor = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      openMenu(
        { x: event.clientX, y: event.clientY, ...menuFor(ctx.uiStore.getState().selection.nodes) },
        anchor,
      );
    },
    [ctx, flow, menuFor],
  );

  // The bridge: where the pointer and the view are, and fitting the view to a stage.
  useEffect(() => {
    let last: Point | null = null;
    const onMove = (event: PointerEvent) => {
      last = { x: event.clientX, y: event.clientY };
    };
    const canvasElement = () => document.querySelector<HTMLElement>('.journey-canvas');
    window.addEventListener('pointermove', onMove, { passive: true });
    const detach = attachCanvas({
      pointer() {
        if (!last) return null;
        const under = document.elementFromPoint(last.x, last.y);
        if (!under?.closest('.journey-canvas') || under.closest('.react-flow__panel')) return null;
        return flow.screenToFlowPosition(last);
      },
      viewCentre() {
        const rect = canvasElement()?.getBoundingClientRect();
        if (!rect) return { x: 0, y: 0 };
        return flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
      },
      viewAspect() {
        const rect = canvasElement()?.getBoundingClientRect();
        return rect && rect.width > 0 ? rect.height / rect.width : 1;
      },
      fitBounds(rect) {
        void flow.fitBounds(rect, { padding: 0.04, duration: 250 });
      },
    });
    return () => {
      window.removeEventListener('pointermove', onMove);
      detach();
    };
  }, [flow]);

  // The ContextMenu key and Shift+F10 open the menu of the focused selection.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'ContextMenu' && !(event.key === 'F10' && event.shiftKey)) return;
      if (isTypingTarget(event.target) || dialogOpen() || !mapOpen(ctx)) return;
      const active = document.activeElement;
      if (active && active !== document.body && !active.closest('.journey-canvas')) return;
      event.preventDefault();
      const selection = ctx.uiStore.getState().selection.nodes;
      const first = selection[0];
      const element = first
        ? document.querySelector(`.react-flow__node[data-id="${CSS.escape(first)}"]`)
        : null;
      const rect = (element ?? document.querySelector('.journey-canvas'))?.getBoundingClientRect();
      if (!rect) return;
      const at = element
        ? { x: rect.left + Math.min(24, rect.width / 2), y: rect.top + rect.height / 2 }
        : { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      openMenu({ ...at, ...menuFor(element ? selection : []) }, flow.screenToFlowPosition(at));
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [ctx, flow, menuFor]);

  // Copy, cut and paste through the system clipboard, as text (docs/clipboard.md).
  useEffect(() => {
    const ours = (event: ClipboardEvent) =>
      mapOpen(ctx) &&
      !isTypingTarget(event.target) &&
      !isTypingTarget(document.activeElement) &&
      !dialogOpen();
    /** A text selection on the page is the user's to copy, not the cards. */
    const textSelected = () => {
      const selected = window.getSelection();
      return Boolean(selected && !selected.isCollapsed && selected.toString().trim());
    };
    const onCopy = (event: ClipboardEvent) => {
      if (!ours(event) || textSelected() || !event.clipboardData) return;
      const text = copyText(ctx);
      if (!text) return;
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
    };
    const onCut = (event: ClipboardEvent) => {
      if (!ours(event) || textSelected() || !event.clipboardData) return;
      if (!registry.get('clipboard.cut')?.enabled(ctx)) return;
      const text = copyText(ctx);
      if (!text) return;
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
      removeCopiedCards(ctx);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (!ours(event) || !event.clipboardData) return;
      if (!registry.get('clipboard.paste')?.enabled(ctx)) return;
      event.preventDefault();
      pasteText(
        ctx,
        event.clipboardData.getData('text/plain'),
        commandUi.getState().canvas?.pointer() ?? null,
      );
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [ctx, registry]);

  return useMemo(
    () => ({ onPaneContextMenu, onNodeContextMenu, onSelectionContextMenu }),
    [onPaneContextMenu, onNodeContextMenu, onSelectionContextMenu],
  );
}
