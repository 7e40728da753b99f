import { useCallback, useEffect, useId, useMemo, useRef, useState, type CSSProperties } from 'react';
import {
  CHANNELS,
  CHANNEL_LABELS,
  PAIN_STATUSES,
  SEVERITIES,
  type Channel,
} from '../../../shared/domain/journey';
import { SEVERITY_LABELS, STATUS_LABELS } from '../canvas/PainPointNode';
import { useDocument } from '../state/stores-context';
import {
  FILTER_KEYS,
  FILTER_LABELS,
  activeFilterCount,
  matchingNodeIds,
  type FilterKey,
} from '../workshop/node-filters';
import { useWorkshop, useWorkshopStore } from '../workshop/workshop-store';
import { Icon } from './Icon';

interface Option {
  value: string;
  label: string;
  swatch?: string;
}

const EMPTY: readonly never[] = [];

/** The options of each filter group, from what the map holds. */
function useFilterOptions(): Record<FilterKey, Option[]> {
  const departments = useDocument((s) => s.doc?.departments ?? EMPTY);
  const personas = useDocument((s) => s.doc?.personas ?? EMPTY);
  const nodes = useDocument((s) => s.doc?.nodes ?? EMPTY);
  return useMemo(() => {
    const used = new Set<Channel>();
    for (const node of nodes) if (node.kind === 'touchpoint') used.add(node.channel);
    return {
      department: [...departments]
        .sort((a, b) => a.order - b.order)
        .map((d) => ({ value: d.id, label: d.name, swatch: d.colour })),
      channel: CHANNELS.filter((c) => used.has(c)).map((c) => ({ value: c, label: CHANNEL_LABELS[c] })),
      mode: [
        { value: 'experience', label: 'Experience (proactive)' },
        { value: 'service', label: 'Service (reactive)' },
      ],
      severity: SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] })),
      persona: [...personas].sort((a, b) => a.order - b.order).map((p) => ({ value: p.id, label: p.name })),
      status: PAIN_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
    };
  }, [departments, personas, nodes]);
}

/**
 * Filters over the map: cards that match stay in full colour, the rest fade (still readable).
 * Values within a group are alternatives; groups combine. Shown under the top bar while open.
 */
export function FilterBar() {
  const open = useWorkshop((s) => s.filterBarOpen);
  return open ? <OpenFilterBar /> : null;
}

function OpenFilterBar() {
  const workshop = useWorkshopStore();
  const filters = useWorkshop((s) => s.filters);
  const nodes = useDocument((s) => s.doc?.nodes ?? EMPTY);
  const edges = useDocument((s) => s.doc?.edges ?? EMPTY);
  const options = useFilterOptions();
  const [openGroup, setOpenGroup] = useState<FilterKey | null>(null);
  const onOpenChange = useCallback(
    (key: FilterKey, isOpen: boolean) =>
      setOpenGroup((current) => (isOpen ? key : current === key ? null : current)),
    [],
  );
  const kept = useMemo(() => matchingNodeIds({ nodes, edges }, filters), [nodes, edges, filters]);
  const active = activeFilterCount(filters);
  return (
    <div className="filter-bar" role="region" aria-label="Filters">
      <span className="filter-bar__label">
        <Icon name="filter" size={16} />
        Filter
      </span>
      <div className="filter-bar__groups">
        {FILTER_KEYS.map((key) => (
          <FilterGroup
            key={key}
            group={key}
            options={options[key]}
            selected={filters[key]}
            open={openGroup === key}
            onOpenChange={onOpenChange}
            onToggle={(value) => workshop.getState().toggleFilter(key, value)}
          />
        ))}
      </div>
      <span className="filter-bar__summary" aria-live="polite" data-testid="filter-summary">
        {kept === null
          ? `${nodes.length} card${nodes.length === 1 ? '' : 's'}, no filter`
          : `${kept.size} of ${nodes.length} card${nodes.length === 1 ? '' : 's'} match`}
      </span>
      <button
        type="button"
        className="button button--small"
        disabled={active === 0}
        onClick={() => workshop.getState().clearFilters()}
      >
        Clear filters
      </button>
      <button
        type="button"
        className="icon-button icon-button--small"
        aria-label="Close filters"
        title="Close filters (clears them)"
        onClick={() => {
          workshop.getState().clearFilters();
          workshop.getState().setFilterBarOpen(false);
        }}
      >
        <Icon name="close" size={16} />
      </button>
    </div>
  );
}

function FilterGroup({
  group,
  options,
  selected,
  open,
  onOpenChange,
  onToggle,
}: {
  group: FilterKey;
  options: readonly Option[];
  selected: readonly string[];
  open: boolean;
  onOpenChange(group: FilterKey, open: boolean): void;
  onToggle(value: string): void;
}) {
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLFieldSetElement>(null);
  const label = FILTER_LABELS[group];

  useEffect(() => {
    if (!open) return;
    panelRef.current?.querySelector('input')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target))
        onOpenChange(group, false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open, group, onOpenChange]);

  const count = selected.length;
  return (
    <div className="filter-group">
      <button
        ref={buttonRef}
        type="button"
        className={`filter-group__button${count ? ' is-active' : ''}`}
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        disabled={options.length === 0}
        title={options.length === 0 ? `No ${label.toLowerCase()} values on this map` : undefined}
        onClick={() => onOpenChange(group, !open)}
      >
        {label}
        {count > 0 && <span className="filter-group__count">{count}</span>}
        <Icon name="down" size={14} />
      </button>
      {open && (
        <fieldset
          ref={panelRef}
          id={`${id}-panel`}
          className="filter-group__panel"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              onOpenChange(group, false);
              buttonRef.current?.focus();
            }
          }}
        >
          <legend className="filter-group__legend">{label}</legend>
          {options.map((option) => (
            <label key={option.value} className="filter-group__option">
              <input
                type="checkbox"
                checked={selected.includes(option.value)}
                onChange={() => onToggle(option.value)}
              />
              {option.swatch && (
                <span
                  className="filter-group__swatch"
                  style={{ '--swatch': option.swatch } as CSSProperties}
                  aria-hidden="true"
                />
              )}
              {option.label}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
