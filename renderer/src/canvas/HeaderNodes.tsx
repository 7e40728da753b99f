import type { NodeProps } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import { StageAggregate } from '../overlay/OverlayBadge';
import { laneSelectionId, stageSelectionId } from '../state/ui-store';
import { BandResizeHandle, useBandGesture, useBandReorder } from './band-gestures';
import type { GridFlowNode, LaneHeaderFlowNode, StageHeaderFlowNode } from './flow-types';
import { EditableName, useInlineEditing } from './InlineNameEditor';

/** The state classes a header shows while it is dragged or resized. */
const gestureClass = (mode: 'move' | 'resize' | undefined) =>
  mode === 'move' ? ' is-dragging' : mode === 'resize' ? ' is-resizing' : '';

/**
 * A stage column's header: its name and the customer's goal in it. Drag it left or right to
 * reorder the stage (its cards move with it), drag its right edge to resize, double-click or F2 to
 * rename.
 */
function StageHeaderNodeComponent({ data, selected }: NodeProps<StageHeaderFlowNode>) {
  const { stage, index, overlay } = data;
  const target = stageSelectionId(stage.id);
  const editing = useInlineEditing(target);
  const gesture = useBandGesture('stage', stage.id);
  const onPointerDown = useBandReorder('stage', stage.id);
  return (
    <div
      className={`stage-header band-header nopan${selected ? ' is-selected' : ''}${gestureClass(gesture?.mode)}`}
      data-testid="stage-header"
      style={gesture?.mode === 'move' ? { transform: `translateX(${gesture.offset}px)` } : undefined}
      onPointerDown={onPointerDown}
    >
      <div className="stage-header__eyebrow">
        <GripGlyph />
        Stage {index + 1}
        {gesture?.mode === 'resize' && <span className="band-header__size">{gesture.size} px</span>}
      </div>
      <EditableName
        editing={editing}
        target={target}
        value={stage.name}
        label="Stage name"
        className="stage-header__name"
        editClassName="stage-header__edit"
        title={`${stage.name}: drag to reorder, double-click to rename`}
      />
      {overlay ? (
        <StageAggregate view={overlay} />
      ) : stage.goal && !editing ? (
        <div className="stage-header__goal" title={stage.goal}>
          {stage.goal}
        </div>
      ) : null}
      <BandResizeHandle kind="stage" id={stage.id} name={stage.name} size={stage.width} />
    </div>
  );
}
export const StageHeaderNode = memo(StageHeaderNodeComponent);

/**
 * A department lane's header, with a stripe in the department's colour. Drag it up or down to
 * reorder the lane, drag its bottom edge to resize, double-click or F2 to rename.
 */
function LaneHeaderNodeComponent({ data, selected }: NodeProps<LaneHeaderFlowNode>) {
  const { department, count } = data;
  const target = laneSelectionId(department.id);
  const editing = useInlineEditing(target);
  const gesture = useBandGesture('lane', department.id);
  const onPointerDown = useBandReorder('lane', department.id);
  return (
    <div
      className={`lane-header band-header nopan${selected ? ' is-selected' : ''}${gestureClass(gesture?.mode)}`}
      data-testid="lane-header"
      style={
        {
          '--lane-colour': department.colour,
          ...(gesture?.mode === 'move' ? { transform: `translateY(${gesture.offset}px)` } : {}),
        } as CSSProperties
      }
      onPointerDown={onPointerDown}
    >
      <EditableName
        editing={editing}
        target={target}
        value={department.name}
        label="Lane name"
        className="lane-header__name"
        editClassName="lane-header__edit"
        title={`${department.name}: drag to reorder, double-click to rename`}
      />
      <div className="lane-header__count">
        <GripGlyph />
        {count} touchpoint{count === 1 ? '' : 's'}
        {gesture?.mode === 'resize' && <span className="band-header__size">{gesture.size} px</span>}
      </div>
      <BandResizeHandle kind="lane" id={department.id} name={department.name} size={department.height} />
    </div>
  );
}

/** Six dots: the sign that a header can be dragged. */
function GripGlyph() {
  return (
    <svg
      className="band-header__grip"
      width="8"
      height="12"
      viewBox="0 0 8 12"
      aria-hidden="true"
      focusable="false"
    >
      {[2, 6, 10].map((y) => (
        <g key={y}>
          <circle cx="2" cy={y} r="1.1" fill="currentColor" />
          <circle cx="6" cy={y} r="1.1" fill="currentColor" />
        </g>
      ))}
    </svg>
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
