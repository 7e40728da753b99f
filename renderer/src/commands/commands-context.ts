import { createContext, useCallback, useContext, useEffect, useSyncExternalStore } from 'react';
import {
  commandForKey,
  formatShortcut,
  shortcutsIn,
  type CommandContext,
  type CommandRegistry,
} from './command-registry';

/** The command registry and the context its commands run in, for components. */
export interface Commands {
  registry: CommandRegistry;
  ctx: CommandContext;
}

export const CommandsContext = createContext<Commands | null>(null);

export function useCommands(): Commands {
  const commands = useContext(CommandsContext);
  if (!commands) throw new Error('CommandsContext is missing: render inside <App>.');
  return commands;
}

export interface CommandView {
  label: string;
  /** "Add stage (Ctrl+N)" style tooltip. */
  title: string;
  enabled: boolean;
  run(): void;
}

/** A command as a button needs it; re-renders only when its enabled state flips. */
export function useCommand(id: string): CommandView {
  const { registry, ctx } = useCommands();
  const command = registry.get(id);
  if (!command) throw new Error(`Unknown command "${id}".`);
  const subscribe = useCallback(
    (listener: () => void) => {
      const offDocument = ctx.documentStore.subscribe(listener);
      const offUi = ctx.uiStore.subscribe(listener);
      return () => {
        offDocument();
        offUi();
      };
    },
    [ctx],
  );
  const enabled = useSyncExternalStore(subscribe, () => command.enabled(ctx));
  const run = useCallback(() => {
    registry.run(id, ctx).catch((error: unknown) => {
      ctx.uiStore.getState().notify(error instanceof Error ? error.message : String(error), 'error');
    });
  }, [registry, ctx, id]);
  const shortcut = shortcutsIn(command, ctx.transport)[0];
  return {
    label: command.label,
    title: shortcut ? `${command.label} (${formatShortcut(shortcut)})` : command.label,
    enabled,
    run,
  };
}

/** Keyboard shortcuts for every registered command, on the whole window. */
export function useCommandShortcuts(): void {
  const { registry, ctx } = useCommands();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      // A modal dialog owns the keyboard while it is open.
      if (ctx.uiStore.getState().confirm || document.querySelector('dialog[open]')) return;
      const command = commandForKey(registry, ctx, event);
      if (!command || !command.enabled(ctx)) return;
      event.preventDefault();
      registry.run(command.id, ctx).catch((error: unknown) => {
        ctx.uiStore.getState().notify(error instanceof Error ? error.message : String(error), 'error');
      });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [registry, ctx]);
}
