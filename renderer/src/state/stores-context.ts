import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { DocumentActions, DocumentState, DocumentStore } from './document-store';
import type { UiActions, UiState, UiStore } from './ui-store';

/**
 * The vanilla stores, handed to components through context (one pair per app; tests make their
 * own). Components read them with narrow selectors: pick primitives or entities, never the whole
 * document.
 */
export interface Stores {
  documentStore: DocumentStore;
  uiStore: UiStore;
}

export const StoresContext = createContext<Stores | null>(null);

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('StoresContext is missing: render inside <App>.');
  return stores;
}

export function useDocument<T>(selector: (state: DocumentState & DocumentActions) => T): T {
  return useStore(useStores().documentStore, selector);
}

export function useUi<T>(selector: (state: UiState & UiActions) => T): T {
  return useStore(useStores().uiStore, selector);
}
