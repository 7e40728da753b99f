import { createStore } from 'zustand/vanilla';

/**
 * What the context menu, the shortcuts dialog and the canvas-aware commands share: whether the
 * shortcuts dialog is open, the open context menu, and a bridge to the canvas shown (the pointer
 * and the view in map coordinates), attached by the canvas while it is on screen.
 */

export interface Point {
  x: number;
  y: number;
}

export type MenuEntry = string | '-';

export interface OpenMenu {
  /** Where the menu opens, in window coordinates. */
  x: number;
  y: number;
  /** Accessible name of the menu ("Canvas", "Card", "Stage"). */
  label: string;
  /** Command ids, '-' for a separator. */
  items: readonly MenuEntry[];
}

export interface CanvasBridge {
  /** The pointer in map coordinates while it is over the map, else null. */
  pointer(): Point | null;
  /** The middle of what the view shows, in map coordinates. */
  viewCentre(): Point;
  /** The view's height over its width. */
  viewAspect(): number;
  /** Fits the view to a rectangle in map coordinates. */
  fitBounds(rect: { x: number; y: number; width: number; height: number }): void;
}

interface CommandUiState {
  shortcutsOpen: boolean;
  menu: OpenMenu | null;
  /** Where the open context menu was asked for, in map coordinates ("Add touchpoint here"). */
  anchor: Point | null;
  canvas: CanvasBridge | null;
}

export const commandUi = createStore<CommandUiState>()(() => ({
  shortcutsOpen: false,
  menu: null,
  anchor: null,
  canvas: null,
}));

export const openShortcuts = () => commandUi.setState({ shortcutsOpen: true, menu: null });
export const closeShortcuts = () => commandUi.setState({ shortcutsOpen: false });
export const openMenu = (menu: OpenMenu, anchor: Point | null) => commandUi.setState({ menu, anchor });
export const closeMenu = () => commandUi.setState({ menu: null, anchor: null });

export function attachCanvas(bridge: CanvasBridge): () => void {
  commandUi.setState({ canvas: bridge });
  return () => {
    if (commandUi.getState().canvas === bridge) commandUi.setState({ canvas: null });
  };
}
