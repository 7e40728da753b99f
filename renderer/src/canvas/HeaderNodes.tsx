import type { NodeProps } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import { StageAggregate } from '../overlay/OverlayBadge';
import type { GridFlowNode, LaneHeaderFlowNode, StageHeaderFlowNode } from './flow-types';

/** A stage column's header: its name and the customer's goal in it. Selectable, not draggable. */
function StageHeaderNodeComponent({ data, selected }: NodeProps<StageHeaderFlowNode>) {
  const { stage, index, overlay } = data;
  return (
    <div className={`stage-header${selected ? ' is-selected' : ''}`} data-testid="stage-header">
      <div className="stage-header__eyebrow">Stage {index + 1}</div>
      <div className="stage-header__name" title={stage.name}>
        {stage.name}
      </div>
      {overlay ? (
        <StageAggregate view={overlay} />
      ) : stage.goal ? (
        <div className="stage-header__goal" title={stage.goal}>
          {stage.goal}
        </div>
      ) : null}
    </div>
  );
}
export const StageHeaderNode = memo(StageHeaderNodeComponent);

/** A department lane's header, with a stripe in the department's colour. */
function LaneHeaderNodeComponent({ data, selected }: NodeProps<LaneHeaderFlowNode>) {
  const { department, count } = data;
  return (
    <div
      className={`lane-header${selected ? ' is-selected' : ''}`}
      data-testid="lane-header"
      style={{ '--lane-colour': department.colour } as CSSProperties}
    >
      <div className="lane-header__name" title={department.name}>
        {department.name}
      </div>
      <div className="lane-header__count">
        {count} touchpoint{count === 1 ? '' : 's'}
      </div>
    </div>
  );
}
export const LaneHeaderNode = memo(LaneHeaderNodeComponent);

/**
 * The grid under the map: a tinted band per stage column and a bordered band per lane, in one
 * node. Never catches the pointer: panning, box selection and double-clicks reach the pane.
 */
function GridNodeComponent({ data }: NodeProps<GridFlowNode>) {
  return (
    <div className="grid-bg" aria-hidden="true">
      {data.columns.map((column, i) => (
        <div
          key={column.id}
          className={`grid-bg__column${i % 2 ? ' grid-bg__column--odd' : ''}`}
          style={{ left: column.start, width: column.size }}
        />
      ))}
      {data.lanes.map((lane) => (
        <div
          key={lane.id}
          className="grid-bg__lane"
          style={{ top: lane.start, height: lane.size, '--lane-colour': lane.colour } as CSSProperties}
        />
      ))}
    </div>
  );
}
export const GridNode = memo(GridNodeComponent);
