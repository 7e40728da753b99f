import { memo, useEffect, useRef, useState } from 'react';
import type { JourneySummary } from '../../../shared/domain/journey';
import { Icon } from '../panels/Icon';
import type { JourneyOutline } from '../../../shared/domain/outline';
import { MapThumbnail } from './MapThumbnail';
import { formatExactTime, formatRelativeTime } from './relative-time';
import { cutText } from '../../../shared/text/cut';

const EXCERPT_LENGTH = 160;

const excerpt = (text: string) => {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > EXCERPT_LENGTH ? `${cutText(clean, EXCERPT_LENGTH).replace(/\s+\S*$/, '')}…` : clean;
};

interface JourneyCardProps {
  journey: JourneySummary;
  /** The map's geometry for its thumbnail, once loaded. */
  outline?: JourneyOutline | undefined;
  now: number;
  onOpen(journey: JourneySummary): void;
  /** Resolves true when the new name was stored. */
  onRename(journey: JourneySummary, name: string): Promise<boolean>;
  onDuplicate(journey: JourneySummary): void;
  onDelete(journey: JourneySummary): void;
}

/** One map in the library. The whole card opens the map; its actions sit on top. */
function JourneyCardComponent({
  journey,
  outline,
  now,
  onOpen,
  onRename,
  onDuplicate,
  onDelete,
}: JourneyCardProps) {
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(journey.name);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const saving = useRef(false);

  useEffect(() => {
    if (renaming) {
      inputRef.current?.focus();
      inputRef.current?.select();
    }
  }, [renaming]);

  const startRename = () => {
    setDraft(journey.name);
    setError(null);
    setRenaming(true);
  };
  const stopRename = () => {
    setRenaming(false);
    setError(null);
    requestAnimationFrame(() => renameButton.current?.focus());
  };
  const save = async () => {
    if (saving.current) return;
    const name = draft.trim();
    if (!name) {
      setError('A name cannot be empty.');
      return;
    }
    if (name === journey.name) {
      stopRename();
      return;
    }
    saving.current = true;
    const ok = await onRename(journey, name);
    saving.current = false;
    if (ok) stopRename();
  };

  const description = excerpt(journey.description);
  return (
    <li className="journey-card" data-testid="journey-card">
      <div className="journey-card__thumb">
        {outline ? <MapThumbnail outline={outline} name={journey.name} /> : null}
      </div>
      <div className="journey-card__head">
        {renaming ? (
          <div className="journey-card__rename">
            <input
              ref={inputRef}
              className={`field__control journey-card__rename-input${error ? ' is-invalid' : ''}`}
              value={draft}
              maxLength={200}
              aria-label={`New name for ${journey.name}`}
              aria-invalid={error ? true : undefined}
              onChange={(event) => {
                setDraft(event.target.value);
                if (error && event.target.value.trim()) setError(null);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  void save();
                } else if (event.key === 'Escape') {
                  event.preventDefault();
                  stopRename();
                }
              }}
              onBlur={() => {
                if (draft.trim() && draft.trim() !== journey.name) void save();
                else if (!error) stopRename();
              }}
            />
            {error && <p className="field__error">{error}</p>}
          </div>
        ) : (
          <h3 className="journey-card__name">
            <button
              type="button"
              className="journey-card__open"
              aria-label={`Open ${journey.name}`}
              onClick={() => onOpen(journey)}
            >
              {journey.name}
            </button>
          </h3>
        )}
        <div className="journey-card__actions">
          <button
            type="button"
            ref={renameButton}
            className="icon-button"
            aria-label={`Rename ${journey.name}`}
            title="Rename"
            onClick={startRename}
          >
            <Icon name="pencil" />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Duplicate ${journey.name}`}
            title="Duplicate"
            onClick={() => onDuplicate(journey)}
          >
            <Icon name="copy" />
          </button>
          <button
            type="button"
            className="icon-button icon-button--danger"
            aria-label={`Delete ${journey.name}`}
            title="Delete"
            onClick={() => onDelete(journey)}
          >
            <Icon name="trash" />
          </button>
        </div>
      </div>
      <p className={`journey-card__description${description ? '' : ' journey-card__description--empty'}`}>
        {description || 'No description'}
      </p>
      <p className="journey-card__meta">
        <span className="journey-card__stat">
          <Icon name="card" size={16} />
          {journey.touchpointCount} touchpoint{journey.touchpointCount === 1 ? '' : 's'}
        </span>
        <span className="journey-card__stat">
          Changed{' '}
          <time dateTime={journey.updatedAt} title={formatExactTime(journey.updatedAt)}>
            {formatRelativeTime(journey.updatedAt, now)}
          </time>
        </span>
      </p>
    </li>
  );
}

export const JourneyCard = memo(JourneyCardComponent);
