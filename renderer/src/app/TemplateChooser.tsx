import { useId, useRef, useState, type CSSProperties } from 'react';
import {
  describeCounts,
  TEMPLATE_CATALOGUE,
  type TemplateCatalogueEntry,
  type WorkshopTemplateId,
} from '../../../shared/templates';
import { useCommands } from '../commands/commands-context';
import { createMap } from '../commands/journey-commands';
import { Icon } from '../panels/Icon';
import { trapTab, useModalDialog } from '../panels/modal-dialog';

/**
 * "New map from template": the workshop templates as cards; choosing one creates the map and opens
 * it. A native modal <dialog>: the page behind is inert, Tab cycles inside, Escape closes. Focus
 * starts on the first card and returns to where it was when the chooser closes without a map.
 */
export function TemplateChooser({ onClose }: { onClose(): void }) {
  const { ctx } = useCommands();
  const firstCard = useRef<HTMLButtonElement>(null);
  const [creating, setCreating] = useState<WorkshopTemplateId | null>(null);
  const id = useId();

  const ref = useModalDialog(firstCard);

  const choose = async (entry: TemplateCatalogueEntry) => {
    if (creating) return;
    setCreating(entry.id);
    const created = await createMap(ctx, entry.id);
    if (created) onClose();
    else setCreating(null);
  };

  return (
    <dialog
      ref={ref}
      className="dialog dialog--wide template-chooser"
      aria-label="New map from template"
      aria-describedby={`${id}-intro`}
      aria-busy={creating !== null}
      onKeyDown={trapTab}
      onCancel={(event) => {
        event.preventDefault();
        if (!creating) onClose();
      }}
    >
      <div className="template-chooser__head">
        <div>
          <h2 className="dialog__title">New map from template</h2>
          <p className="dialog__message" id={`${id}-intro`}>
            Complete journeys to start a workshop from. Everything on the map can be renamed, moved or deleted
            once it is open.
          </p>
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label="Close"
          title="Close (Esc)"
          onClick={onClose}
          disabled={creating !== null}
        >
          <Icon name="close" />
        </button>
      </div>

      <ul className="template-grid">
        {TEMPLATE_CATALOGUE.map((entry, index) => {
          const described = `${id}-${entry.id}`;
          const busy = creating === entry.id;
          return (
            <li key={entry.id}>
              <button
                type="button"
                ref={index === 0 ? firstCard : undefined}
                className={`template-card${busy ? ' is-busy' : ''}`}
                aria-label={`Create ${entry.name}`}
                aria-describedby={`${described}-description ${described}-counts`}
                aria-disabled={creating !== null || undefined}
                onClick={() => void choose(entry)}
              >
                <TemplatePreview entry={entry} />
                <span className="template-card__name">{entry.name}</span>
                <span className="template-card__description" id={`${described}-description`}>
                  {entry.description}
                </span>
                <span className="template-card__meta">
                  <span id={`${described}-counts`}>{describeCounts(entry.counts)}</span>
                  {entry.persona && (
                    <span className="template-card__persona">
                      <Icon name="person" size={15} />
                      {entry.persona}
                    </span>
                  )}
                </span>
                <span className="template-card__action" aria-hidden="true">
                  {busy ? 'Creating…' : 'Create map'}
                </span>
              </button>
            </li>
          );
        })}
      </ul>

      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose} disabled={creating !== null}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}

/** A thumbnail of the map: lanes in their colours, a small block per touchpoint in its cell. */
function TemplatePreview({ entry }: { entry: TemplateCatalogueEntry }) {
  return (
    <span className="template-preview" aria-hidden="true">
      {entry.cells.map((row, lane) => (
        <span
          key={lane}
          className="template-preview__lane"
          style={
            {
              '--lane': entry.laneColours[lane],
              gridTemplateColumns: `repeat(${row.length}, 1fr)`,
            } as CSSProperties
          }
        >
          {row.map((count, stage) => (
            <span key={stage} className="template-preview__cell">
              {Array.from({ length: count }, (_, i) => (
                <span key={i} className="template-preview__card" />
              ))}
            </span>
          ))}
        </span>
      ))}
    </span>
  );
}
