import { useCallback, type ReactNode } from 'react';
import type { Change } from '../../../shared/domain/change-set';
import { useStores } from '../state/stores-context';

/** The pieces every inspector form shares: applying edits, and a titled section. */

/** Applies change ops to the open map through the document store (saved and undoable). */
export function useApply() {
  const { documentStore } = useStores();
  return useCallback((changes: Change[]) => documentStore.getState().apply(changes), [documentStore]);
}

export function Section({ kind, title, children }: { kind: string; title?: string; children: ReactNode }) {
  return (
    <section className="inspector__section">
      <header className="inspector__header">
        <p className="inspector__eyebrow">{kind}</p>
        {title !== undefined && <h2 className="inspector__title">{title}</h2>}
      </header>
      {children}
    </section>
  );
}
