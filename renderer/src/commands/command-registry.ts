import type { ApiClient } from '../api/client';
import type { Route } from '../app/route';
import type { DocumentStore } from '../state/document-store';
import type { UiStore } from '../state/ui-store';

/**
 * Every user command is registered once and serves the toolbar, the keyboard and the Electron
 * menu ('menu:command' events) alike.
 */

export interface ViewportController {
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
}

export interface CommandContext {
  api: ApiClient;
  transport: 'electron' | 'browser';
  documentStore: DocumentStore;
  uiStore: UiStore;
  navigate(route: Route): void;
  /** The canvas's viewport while a map is shown. */
  readonly viewport: ViewportController | null;
  /** The canvas attaches its viewport; the returned function detaches it. */
  attachViewport(controller: ViewportController): () => void;
}

export interface Shortcut {
  /** `KeyboardEvent.key`, compared case-insensitively. */
  key: string;
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  mod?: boolean;
  shift?: boolean;
  /**
   * For a command with `menuAccelerator`: the menu does not carry this shortcut (a menu item has
   * one accelerator), so the keyboard handler serves it in Electron too.
   */
  notInMenu?: boolean;
  /**
   * A browser keeps this key for itself (Ctrl/⌘+N opens a browser window) and never hands it to
   * the page: only the Electron app has it, so browser mode neither advertises nor listens for it.
   */
  electronOnly?: boolean;
}

export interface Command {
  id: string;
  label: string;
  shortcuts?: readonly Shortcut[];
  /**
   * The Electron menu carries this shortcut as an accelerator and sends the command itself; the
   * keyboard handler leaves it alone there, so the command does not run twice.
   */
  menuAccelerator?: boolean;
  /**
   * The shortcuts belong to the text field while the user types in one, even with Ctrl/Cmd: undo
   * and redo there are the field's own.
   */
  skipWhileTyping?: boolean;
  /**
   * The browser owns the key and fires the DOM event the command's listener answers (Ctrl+C fires
   * `copy`): the shortcut is shown, but the keyboard handler never takes it.
   */
  nativeShortcut?: boolean;
  enabled(ctx: CommandContext): boolean;
  run(ctx: CommandContext): void | Promise<void>;
}

export interface CommandRegistry {
  register(command: Command): void;
  get(id: string): Command | undefined;
  all(): readonly Command[];
  /** Runs a command if it exists and is enabled; unknown ids are ignored. */
  run(id: string, ctx: CommandContext): Promise<boolean>;
}

export function createCommandRegistry(commands: readonly Command[] = []): CommandRegistry {
  const byId = new Map<string, Command>();
  const registry: CommandRegistry = {
    register(command) {
      if (byId.has(command.id)) throw new Error(`Command "${command.id}" is registered twice.`);
      byId.set(command.id, command);
    },
    get: (id) => byId.get(id),
    all: () => [...byId.values()],
    async run(id, ctx) {
      const command = byId.get(id);
      if (!command || !command.enabled(ctx)) return false;
      await command.run(ctx);
      return true;
    },
  };
  for (const command of commands) registry.register(command);
  return registry;
}

/** The shortcuts of a command that work where the app runs (see `Shortcut.electronOnly`). */
export function shortcutsIn(command: Command, transport: CommandContext['transport']): readonly Shortcut[] {
  const all = command.shortcuts ?? [];
  return transport === 'electron' ? all : all.filter((s) => !s.electronOnly);
}

export const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function shortcutMatches(shortcut: Shortcut, event: KeyboardEvent): boolean {
  const mod = isMac() ? event.metaKey : event.ctrlKey;
  if (Boolean(shortcut.mod) !== mod) return false;
  if (
    shortcut.key.length === 1 &&
    /[a-z]/i.test(shortcut.key) &&
    Boolean(shortcut.shift) !== event.shiftKey
  ) {
    return false;
  }
  // A declared Shift must match for any key ("Ctrl+Shift+=" is not "Ctrl+=").
  if (shortcut.shift !== undefined && shortcut.shift !== event.shiftKey) return false;
  if (event.altKey) return false;
  return event.key.toLowerCase() === shortcut.key.toLowerCase();
}

const KEY_NAMES: Record<string, string> = { Delete: 'Del', Backspace: '⌫', '=': '+' };

/** "Ctrl+N" or "⌘N", for tooltips. */
export function formatShortcut(shortcut: Shortcut): string {
  const key = KEY_NAMES[shortcut.key] ?? shortcut.key.toUpperCase();
  if (isMac()) return `${shortcut.shift ? '⇧' : ''}${shortcut.mod ? '⌘' : ''}${key}`;
  return [shortcut.mod ? 'Ctrl' : '', shortcut.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}

/** True while the user types in a field: plain keys belong to the field then. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'color', 'range'].includes(type);
  }
  return false;
}

/**
 * Whether a command the Electron menu sent belongs to the text field instead: its accelerator took
 * the key while the user typed, and the command is one that leaves typing alone (Ctrl/⌘+D, K).
 * A click on the menu item always runs it.
 */
export function menuCommandBelongsToField(
  command: Command | undefined,
  how: { byKey: boolean; typing: boolean },
): boolean {
  return Boolean(command?.skipWhileTyping && how.byKey && how.typing);
}

/** The command a key press asks for, if any and if it may run now. */
export function commandForKey(
  registry: CommandRegistry,
  ctx: CommandContext,
  event: KeyboardEvent,
): Command | null {
  const typing = isTypingTarget(event.target);
  for (const command of registry.all()) {
    if (!command.shortcuts || command.nativeShortcut) continue;
    if (typing && command.skipWhileTyping) continue;
    for (const shortcut of shortcutsIn(command, ctx.transport)) {
      if (command.menuAccelerator && ctx.transport === 'electron' && !shortcut.notInMenu) continue;
      if (typing && !shortcut.mod) continue;
      if (shortcutMatches(shortcut, event)) return command;
    }
  }
  return null;
}
