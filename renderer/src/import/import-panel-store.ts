import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/**
 * Which data panel is open over the map: the import wizard or the datasets list. A store of its own
 * so the commands (menu, toolbar, keyboard) can open them without touching the UI store.
 */
export type ImportPanel = 'import' | 'datasets' | null;

interface ImportPanelState {
  panel: ImportPanel;
  open(panel: Exclude<ImportPanel, null>): void;
  close(): void;
}

export const importPanelStore = createStore<ImportPanelState>()((set) => ({
  panel: null,
  open: (panel) => set({ panel }),
  close: () => set({ panel: null }),
}));

export const useImportPanel = () => useStore(importPanelStore, (s) => s.panel);
