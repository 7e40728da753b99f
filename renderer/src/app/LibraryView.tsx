import { useCallback, useEffect, useMemo, useState } from 'react';
import type { JourneySummary } from '../../../shared/domain/journey';
import { useCommand, useCommands } from '../commands/commands-context';
import { ConfirmDialog } from '../panels/ConfirmDialog';
import { Icon } from '../panels/Icon';
import { JourneyCard } from './JourneyCard';
import { LibraryControls, useLibrarySort, useOutlines } from './LibraryControls';
import { orderLibrary } from './library-order';
import { useNow } from './relative-time';

const newestFirst = (a: JourneySummary, b: JourneySummary) =>
  Date.parse(b.updatedAt) - Date.parse(a.updatedAt);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Every map in the library, newest first, with create, open, rename, duplicate and delete. */
export function LibraryView() {
  const { ctx } = useCommands();
  const { api, uiStore } = ctx;
  const [journeys, setJourneys] = useState<JourneySummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<JourneySummary | null>(null);
  const [busy, setBusy] = useState(false);
  const now = useNow();
  const newBlank = useCommand('map.new');
  const newFromTemplate = useCommand('map.newFromSample');
  const [query, setQuery] = useState('');
  const [sort, setSort] = useLibrarySort();
  // Thumbnails: every map's outline in one call, read again when the list gains a map.
  const [outlinesVersion, setOutlinesVersion] = useState(0);
  const outlines = useOutlines(api, outlinesVersion);
  const shown = useMemo(() => (journeys ? orderLibrary(journeys, query, sort) : []), [journeys, query, sort]);

  const report = useCallback(
    (what: string, error: unknown) => uiStore.getState().notify(`${what}: ${messageOf(error)}`, 'error'),
    [uiStore],
  );

  const refresh = useCallback(async () => {
    try {
      const list = await api.call('journeys.list', {});
      setJourneys([...list].sort(newestFirst));
      setLoadError(null);
    } catch (error) {
      setLoadError(messageOf(error));
    }
  }, [api]);

  useEffect(() => {
    let current = true;
    api.call('journeys.list', {}).then(
      (list) => {
        if (current) setJourneys([...list].sort(newestFirst));
      },
      (error: unknown) => {
        if (current) setLoadError(messageOf(error));
      },
    );
    return () => {
      current = false;
    };
  }, [api]);

  const replace = (summary: JourneySummary) =>
    setJourneys((list) =>
      list ? list.map((j) => (j.id === summary.id ? summary : j)).sort(newestFirst) : list,
    );

  const rename = async (journey: JourneySummary, name: string) => {
    try {
      replace(await api.call('journeys.rename', { id: journey.id, name }));
      return true;
    } catch (error) {
      report(`Couldn't rename “${journey.name}”`, error);
      return false;
    }
  };

  const duplicate = async (journey: JourneySummary) => {
    setBusy(true);
    try {
      const copy = await api.call('journeys.duplicate', { id: journey.id });
      setJourneys((list) => (list ? [copy, ...list].sort(newestFirst) : [copy]));
      setOutlinesVersion((v) => v + 1);
    } catch (error) {
      report(`Couldn't duplicate “${journey.name}”`, error);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (journey: JourneySummary) => {
    setDeleting(null);
    try {
      await api.call('journeys.delete', { id: journey.id });
      setJourneys((list) => (list ? list.filter((j) => j.id !== journey.id) : list));
    } catch (error) {
      report(`Couldn't delete “${journey.name}”`, error);
    }
  };

  const open = (journey: JourneySummary) => ctx.navigate({ name: 'map', id: journey.id });

  return (
    <div className="library">
      <header className="library__header">
        <div className="library__brand">
          <span className="library__logo" aria-hidden="true">
            <Icon name="map" size={22} />
          </span>
          <div>
            <h1 className="library__title">Journey Studio</h1>
            <p className="library__subtitle">Customer journey maps: where service and experience meet</p>
          </div>
        </div>
        <div className="library__actions">
          <button
            type="button"
            className="button"
            onClick={newFromTemplate.run}
            disabled={!newFromTemplate.enabled}
            title="Start from a complete journey: an online store, a SaaS trial, a support case or a café"
            aria-haspopup="dialog"
          >
            <Icon name="sparkle" />
            {newFromTemplate.label}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={newBlank.run}
            disabled={!newBlank.enabled}
            title={newBlank.title}
          >
            <Icon name="plus" />
            {newBlank.label}
          </button>
        </div>
      </header>

      <main className="library__body" aria-busy={journeys === null || busy}>
        {loadError ? (
          <div className="banner banner--error" role="alert">
            <Icon name="alert" />
            <p className="banner__text">Couldn't load your maps: {loadError}</p>
            <button type="button" className="button button--small" onClick={() => void refresh()}>
              Try again
            </button>
          </div>
        ) : journeys === null ? (
          <p className="library__loading">Loading your maps…</p>
        ) : journeys.length === 0 ? (
          <div className="library__empty">
            <div className="library__empty-art" aria-hidden="true">
              <Icon name="map" size={40} />
            </div>
            <h2>Map your first customer journey</h2>
            <p>
              Lay out the stages your customers go through, the touchpoints where they meet you, and the pain
              points along the way. Start from a blank map, or from a complete journey to workshop with your
              team: an online store, a SaaS trial, a support case or a café visit.
            </p>
            <div className="library__empty-actions">
              <button type="button" className="button button--primary" onClick={newBlank.run}>
                <Icon name="plus" />
                Create your first map
              </button>
              <button type="button" className="button" onClick={newFromTemplate.run} aria-haspopup="dialog">
                <Icon name="sparkle" />
                Start from a template
              </button>
            </div>
          </div>
        ) : (
          <>
            <div className="library__list-head">
              <h2 className="library__section-title">
                Your maps{' '}
                <span className="library__count" data-testid="library-count">
                  {shown.length === journeys.length
                    ? journeys.length
                    : `${shown.length} of ${journeys.length}`}
                </span>
              </h2>
              <LibraryControls query={query} onQuery={setQuery} sort={sort} onSort={setSort} />
            </div>
            {shown.length === 0 ? (
              <div className="library__no-match">
                <p>No map has “{query.trim()}” in its name.</p>
                <button type="button" className="button button--small" onClick={() => setQuery('')}>
                  Clear search
                </button>
              </div>
            ) : (
              <ul className="journey-list">
                {shown.map((journey) => (
                  <JourneyCard
                    key={journey.id}
                    journey={journey}
                    outline={outlines.get(journey.id)}
                    now={now}
                    onOpen={open}
                    onRename={rename}
                    onDuplicate={duplicate}
                    onDelete={setDeleting}
                  />
                ))}
              </ul>
            )}
          </>
        )}
      </main>

      {deleting && (
        <ConfirmDialog
          title={`Delete “${deleting.name}”?`}
          message={`The map “${deleting.name}” and its ${deleting.touchpointCount} touchpoint${deleting.touchpointCount === 1 ? '' : 's'}, pain points and personas will be deleted for good. This cannot be undone.`}
          confirmLabel="Delete"
          onConfirm={() => void remove(deleting)}
          onCancel={() => setDeleting(null)}
        />
      )}
    </div>
  );
}
