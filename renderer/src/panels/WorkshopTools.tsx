import { useEffect } from 'react';
import { useCommand } from '../commands/commands-context';
import { TEXT_SCALES, formatTextScale, parseTextScale } from '../workshop/text-scale';
import { activeFilterCount } from '../workshop/node-filters';
import { useWorkshop, useWorkshopStore } from '../workshop/workshop-store';
import { Icon, type IconName } from './Icon';

/** A toolbar toggle for a registered command, showing whether its panel is open. */
function ToggleButton({
  command,
  icon,
  pressed,
  badge,
  text,
}: {
  command: string;
  icon: IconName;
  pressed: boolean;
  badge?: number;
  /** The visible label, which is also the accessible name (the title gives the full label). */
  text: string;
}) {
  const view = useCommand(command);
  return (
    <button
      type="button"
      className={`button button--toolbar${pressed ? ' is-pressed' : ''}`}
      aria-pressed={pressed}
      onClick={view.run}
      disabled={!view.enabled}
      title={view.title}
    >
      <Icon name={icon} />
      <span>{text}</span>
      {badge ? (
        <>
          <b className="toolbar-badge" aria-hidden="true">
            {badge}
          </b>
          <span className="visually-hidden"> ({badge} active)</span>
        </>
      ) : null}
    </button>
  );
}

/** The workshop tools in the map's toolbar: votes, find, filters, text size. */
export function WorkshopTools() {
  const votesOpen = useWorkshop((s) => s.votesPanelOpen);
  const filterOpen = useWorkshop((s) => s.filterBarOpen);
  const filterCount = useWorkshop((s) => activeFilterCount(s.filters));
  const textScale = useWorkshop((s) => s.textScale);
  const workshop = useWorkshopStore();
  const find = useCommand('find.open');
  return (
    <div className="toolbar toolbar--workshop" role="toolbar" aria-label="Workshop tools">
      <ToggleButton command="votes.panel" icon="votes" pressed={votesOpen} text="Votes" />
      <button
        type="button"
        className="icon-button icon-button--toolbar"
        aria-label={find.label}
        title={find.title}
        disabled={!find.enabled}
        onClick={find.run}
      >
        <Icon name="search" />
      </button>
      <ToggleButton
        command="view.filter"
        icon="filter"
        pressed={filterOpen}
        badge={filterCount}
        text="Filter"
      />
      <label className="text-scale" title="Card text size for a projector (Ctrl+Shift++ / Ctrl+Shift+−)">
        <Icon name="text" />
        <span className="visually-hidden">Card text size</span>
        <select
          className="text-scale__select"
          value={String(textScale)}
          onChange={(event) => workshop.getState().setTextScale(parseTextScale(event.target.value))}
        >
          {TEXT_SCALES.map((scale) => (
            <option key={scale} value={String(scale)}>
              {formatTextScale(scale)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** Find and filters belong to one map: opening another starts without them. */
export function useWorkshopResetOnMap(journeyId: string) {
  const workshop = useWorkshopStore();
  useEffect(() => {
    workshop.getState().resetForMap();
  }, [workshop, journeyId]);
}
