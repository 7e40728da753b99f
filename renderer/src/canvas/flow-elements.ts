import { MarkerType, type XYPosition } from '@xyflow/react';
import type { CSSProperties } from 'react';
import type { Department, FlowEdge, MapNode, Stage } from '../../../shared/domain/journey';
import { bandsExtent, departmentLanes, stageColumns } from '../../../shared/graph/grid';
import { isHandoff } from '../../../shared/graph/rules';
import type { OverlayView } from '../overlay/overlay-view';
import { laneSelectionId, stageSelectionId } from '../state/ui-store';
import { countAttachedPains, noteFlowNode } from './note-elements';
import {
  GRID_NODE_ID,
  HANDLE,
  type GridFlowNode,
  type JourneyFlowEdge,
  type JourneyFlowNode,
} from './flow-types';
import { edgeDimmed, type NodeMarks } from './node-marks';
import { cardSize, laneHeaderWidth, stageHeaderHeight } from './card-size';
import { cardScales } from './card-room';
import { EMOTION_LANE_GAP, emotionCurve, type EmotionSeries } from './emotion-curve';
import { EMOTION_LANE_NODE_ID, emotionLaneNode } from './EmotionLane';
import { NO_HANDLES, cardHandles } from './node-handles';

/**
 * Turns the document into React Flow nodes and edges. A builder keeps the objects it made last
 * time and hands the same object back when nothing it depends on changed: React Flow then skips
 * those nodes entirely, so moving one card re-renders one card.
 */

type Dimensions = { width: number; height: number };

interface Cached<T> {
  deps: readonly unknown[];
  value: T;
}

const sameDeps = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

function memoTable<T>() {
  let previous = new Map<string, Cached<T>>();
  let next = new Map<string, Cached<T>>();
  return {
    get(key: string, deps: readonly unknown[], make: () => T): T {
      const hit = previous.get(key);
      const value = hit && sameDeps(hit.deps, deps) ? hit.value : make();
      next.set(key, hit && hit.value === value ? hit : { deps, value });
      return value;
    },
    /** Forget what was not asked for in this round (removed nodes). */
    commit() {
      previous = next;
      next = new Map();
    },
  };
}

export interface NodeInputs {
  stages: readonly Stage[];
  departments: readonly Department[];
  nodes: readonly MapNode[];
  edges: readonly FlowEdge[];
  selected: ReadonlySet<string>;
  /** Positions of nodes being dragged, ahead of the document. */
  dragging: ReadonlyMap<string, XYPosition>;
  /** The presentation text scale (card-size.ts); 1 when absent. */
  textScale?: number;
  /** The data overlay's values, when it is on. */
  overlay?: OverlayView | null;
  /** The emotion lane under the grid, when shown (EmotionLane.tsx). */
  emotion?: { readOnly: boolean; series?: readonly EmotionSeries[] } | null;
}

const NEUTRAL_LANE_COLOUR = '#8391a5';

export interface NodeBuilder {
  build(input: NodeInputs): JourneyFlowNode[];
  /** Remembers a size React Flow measured, handed back on later nodes so it need not measure again. */
  measured(id: string, dimensions: Dimensions): void;
}

export function createNodeBuilder(): NodeBuilder {
  const table = memoTable<JourneyFlowNode>();
  const measured = new Map<string, Dimensions>();
  let gridDeps: readonly unknown[] = [];
  let grid: GridFlowNode | null = null;
  let painCounts = new Map<string, { count: number; votes: number }>();
  let painEdges: readonly FlowEdge[] | null = null;
  let painNodes: readonly MapNode[] | null = null;
  let laneCounts = new Map<string, number>();
  let laneNodes: readonly MapNode[] | null = null;
  let scaled = { nodes: null as readonly MapNode[] | null, scale: 1, scales: new Map<string, number>() };

  function build(input: NodeInputs): JourneyFlowNode[] {
    const { stages, departments, nodes, selected, dragging, overlay } = input;
    const scale = input.textScale ?? 1;
    const headerHeight = stageHeaderHeight(scale);
    const laneWidth = laneHeaderWidth(scale);
    const columns = stageColumns(stages);
    const lanes = departmentLanes(departments);
    const width = bandsExtent(columns);
    const height = bandsExtent(lanes);
    const colours = new Map(departments.map((d) => [d.id, d.colour]));

    if (painEdges !== input.edges || painNodes !== nodes) {
      painEdges = input.edges;
      painNodes = nodes;
      painCounts = countAttachedPains(nodes, input.edges);
    }
    if (laneNodes !== nodes) {
      laneNodes = nodes;
      laneCounts = new Map();
      for (const node of nodes) {
        if (node.kind === 'touchpoint' && node.departmentId) {
          laneCounts.set(node.departmentId, (laneCounts.get(node.departmentId) ?? 0) + 1);
        }
      }
    }

    const out: JourneyFlowNode[] = [];
    const deps = [stages, departments];
    if (!grid || !sameDeps(gridDeps, deps)) {
      gridDeps = deps;
      grid = {
        id: GRID_NODE_ID,
        type: 'grid',
        position: { x: 0, y: 0 },
        data: {
          columns,
          lanes: lanes.map((lane) => ({ ...lane, colour: colours.get(lane.id) ?? NEUTRAL_LANE_COLOUR })),
          width,
          height,
        },
        width,
        height,
        measured: { width, height },
        zIndex: -1,
        selectable: false,
        draggable: false,
        connectable: false,
        focusable: false,
        deletable: false,
        className: 'flow-grid',
        handles: NO_HANDLES,
        hidden: width === 0 || height === 0,
      };
    }
    out.push(grid);

    const stageById = new Map(stages.map((s) => [s.id, s]));
    columns.forEach((column, index) => {
      const stage = stageById.get(column.id)!;
      const id = stageSelectionId(stage.id);
      const isSelected = selected.has(id);
      const stageOverlay = overlay?.stages.get(stage.id);
      out.push(
        table.get(id, [stage, column.start, index, isSelected, headerHeight, stageOverlay], () => ({
          id,
          type: 'stageHeader',
          ariaLabel: `Stage ${stage.name}`,
          position: { x: column.start, y: -headerHeight },
          data: { stage, index, overlay: stageOverlay },
          width: column.size,
          height: headerHeight,
          measured: { width: column.size, height: headerHeight },
          handles: NO_HANDLES,
          selected: isSelected,
          draggable: false,
          connectable: false,
          deletable: false,
        })),
      );
    });

    const departmentById = new Map(departments.map((d) => [d.id, d]));
    for (const lane of lanes) {
      const department = departmentById.get(lane.id)!;
      const id = laneSelectionId(department.id);
      const isSelected = selected.has(id);
      const count = laneCounts.get(department.id) ?? 0;
      out.push(
        table.get(id, [department, lane.start, count, isSelected, laneWidth], () => ({
          id,
          type: 'laneHeader',
          ariaLabel: `Lane ${department.name}`,
          position: { x: -laneWidth, y: lane.start },
          data: { department, count },
          width: laneWidth,
          height: lane.size,
          measured: { width: laneWidth, height: lane.size },
          handles: NO_HANDLES,
          selected: isSelected,
          draggable: false,
          connectable: false,
          deletable: false,
        })),
      );
    }

    const emotion = input.emotion;
    if (emotion && width > 0) {
      const data = { axisWidth: laneWidth, width, readOnly: emotion.readOnly, series: emotion.series };
      out.push(
        table.get(
          EMOTION_LANE_NODE_ID,
          [stages, nodes, laneWidth, width, height, emotion.readOnly, emotion.series],
          () => ({
            ...emotionLaneNode({ ...data, points: emotionCurve(stages, nodes) }, height, EMOTION_LANE_GAP),
            handles: NO_HANDLES,
          }),
        ),
      );
    }

    // Where neighbours leave less room than the text scale needs, a card is drawn smaller.
    if (scaled.nodes !== nodes || scaled.scale !== scale)
      scaled = { nodes, scale, scales: cardScales(nodes, scale) };
    for (const node of nodes) {
      const isSelected = selected.has(node.id);
      const position = dragging.get(node.id);
      const x = position?.x ?? node.x;
      const y = position?.y ?? node.y;
      const cardScale = scaled.scales.get(node.id) ?? scale;
      const drawn = cardSize(node.kind, cardScale);
      const size = scale === 1 ? (measured.get(node.id) ?? drawn) : drawn;
      if (node.kind === 'touchpoint') {
        const colour = (node.departmentId && colours.get(node.departmentId)) || NEUTRAL_LANE_COLOUR;
        const pains = painCounts.get(node.id);
        const painCount = pains?.count ?? 0;
        const painVotes = pains?.votes ?? 0;
        const values = overlay ? (overlay.touchpoints.get(node.id) ?? overlay.noData) : undefined;
        out.push(
          table.get(node.id, [node, x, y, isSelected, colour, painCount, painVotes, drawn, values], () => ({
            id: node.id,
            type: 'touchpoint',
            position: { x, y },
            data: { touchpoint: node, colour, painCount, painVotes, overlay: values },
            width: drawn.width,
            height: drawn.height,
            measured: size,
            handles: cardHandles('touchpoint', size),
            selected: isSelected,
            deletable: false,
            ariaLabel: `Touchpoint ${node.name}`,
          })),
        );
      } else if (node.kind === 'opportunity' || node.kind === 'note') {
        const owner =
          node.kind === 'opportunity' && node.ownerDepartmentId
            ? departmentById.get(node.ownerDepartmentId)
            : undefined;
        out.push(
          table.get(node.id, [node, x, y, isSelected, owner, drawn], () =>
            noteFlowNode(
              node,
              { x, y },
              { drawn, measured: size, handles: cardHandles(node.kind, size) },
              isSelected,
              owner,
            ),
          ),
        );
      } else {
        out.push(
          table.get(node.id, [node, x, y, isSelected, drawn], () => ({
            id: node.id,
            type: 'painpoint',
            position: { x, y },
            data: { painPoint: node },
            width: drawn.width,
            height: drawn.height,
            measured: size,
            handles: cardHandles('painpoint', size),
            selected: isSelected,
            deletable: false,
            ariaLabel: `Pain point ${node.name}`,
          })),
        );
      }
      if (cardScale !== scale) {
        const plain = out.pop()!;
        out.push(
          table.get(`${node.id}@scale`, [plain, cardScale], () => ({
            ...plain,
            style: { '--text-scale': cardScale } as CSSProperties,
          })),
        );
      }
    }
    table.commit();
    return out;
  }

  return {
    build,
    measured: (id, dimensions) => void measured.set(id, dimensions),
  };
}

export interface EdgeInputs {
  nodes: readonly MapNode[];
  edges: readonly FlowEdge[];
  selected: ReadonlySet<string>;
  colours: EdgeColours;
  marks?: NodeMarks;
  /** Hand-off breakdowns found by the data overlay: edge id → label. */
  handoffBreakdowns?: ReadonlyMap<string, string> | null;
}

export interface EdgeColours {
  flow: string;
  handoff: string;
  selected: string;
  breakdown?: string;
}

export function createEdgeBuilder() {
  const table = memoTable<JourneyFlowEdge>();
  return function buildEdges(input: EdgeInputs): JourneyFlowEdge[] {
    const nodesById = new Map(input.nodes.map((n) => [n.id, n]));
    const out: JourneyFlowEdge[] = [];
    for (const edge of input.edges) {
      const source = nodesById.get(edge.sourceId);
      const target = nodesById.get(edge.targetId);
      if (!source || !target) continue;
      const isSelected = input.selected.has(edge.id);
      const handoff = isHandoff(edge, nodesById);
      const dim = edgeDimmed(input.marks, edge.sourceId, edge.targetId) ? ' is-dimmed' : '';
      const breakdown = handoff ? input.handoffBreakdowns?.get(edge.id) : undefined;
      out.push(
        table.get(
          edge.id,
          [edge, handoff, isSelected, input.colours, source.kind, target.kind, dim, breakdown],
          (): JourneyFlowEdge => {
            if (edge.kind === 'attachment') {
              return {
                id: edge.id,
                source: edge.sourceId,
                target: edge.targetId,
                sourceHandle: source.kind === 'touchpoint' ? HANDLE.flowOut : HANDLE.attachOut,
                targetHandle: target.kind === 'painpoint' ? HANDLE.attachIn : HANDLE.flowIn,
                type: 'attachment',
                className: `edge-attachment${dim}`,
                selected: isSelected,
                deletable: false,
                data: { kind: edge.kind, handoff: false },
                ...(edge.label ? { label: edge.label } : {}),
                ariaLabel: source.kind === 'opportunity' ? 'Attached opportunity' : 'Attached pain point',
              };
            }
            const colour = isSelected
              ? input.colours.selected
              : breakdown
                ? (input.colours.breakdown ?? input.colours.handoff)
                : handoff
                  ? input.colours.handoff
                  : input.colours.flow;
            const handoffLabel = breakdown ?? 'Hand-off';
            const label = handoff
              ? edge.label
                ? `${edge.label} · ${handoffLabel}`
                : handoffLabel
              : edge.label;
            return {
              id: edge.id,
              source: edge.sourceId,
              target: edge.targetId,
              sourceHandle: HANDLE.flowOut,
              targetHandle: HANDLE.flowIn,
              type: 'flow',
              className: `${
                breakdown
                  ? 'edge-flow edge-handoff edge-handoff-breakdown'
                  : handoff
                    ? 'edge-flow edge-handoff'
                    : 'edge-flow'
              }${dim}`,
              markerEnd: { type: MarkerType.ArrowClosed, color: colour, width: 16, height: 16 },
              selected: isSelected,
              deletable: false,
              data: { kind: edge.kind, handoff, breakdown: Boolean(breakdown), dimmed: dim !== '' },
              ...(label ? { label } : {}),
              ariaLabel: breakdown
                ? `Customer path (hand-off): ${breakdown}`
                : handoff
                  ? 'Customer path (hand-off)'
                  : 'Customer path',
            };
          },
        ),
      );
    }
    table.commit();
    return out;
  };
}
