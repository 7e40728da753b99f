import {
  Controls,
  ReactFlow,
  SelectionMode,
  useConnection,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type EdgeTypes,
  type FinalConnectionState,
  type NodeChange,
  type NodeMouseHandler,
  type NodeTypes,
  type OnNodeDrag,
  type XYPosition,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useState, type CSSProperties, type MouseEvent } from 'react';
import { useCommands } from '../commands/commands-context';
import { useOverlayView } from '../overlay/use-overlay';
import { newTouchpointAt } from '../state/grid-edits';
import { startDraft, startRename } from '../state/inline-edit';
import { useRevealDraft } from './use-reveal-draft';
import { useKeepViewOnResize } from './use-keep-view-on-resize';
import { connectNodes, moveNodes } from '../state/map-edits';
import { useDocument, useStores, useUi } from '../state/stores-context';
import { GestureContext, createGestureStore } from './band-gestures';
import { AttachmentEdge } from './AttachmentEdge';
import { FlowEdge } from './FlowEdge';
import { createEdgeBuilder, createNodeBuilder, type EdgeColours } from './flow-elements';
import { FarCardsContext, useRemeasureHandles, type CardDrawing } from './far-cards';
import { FarEdgeLayer } from './FarEdgeLayer';
import { MapOverview } from './MapOverview';
import { GRID_NODE_ID, type JourneyFlowEdge, type JourneyFlowNode } from './flow-types';
import { GridNode, LaneHeaderNode, StageHeaderNode } from './HeaderNodes';
import { EmotionLaneNode, useEmotionLaneShown } from './EmotionLane';
import { useEmotionDataSeries } from './use-emotion-data';
import { NoteNode } from './NoteNode';
import { OpportunityNode } from './OpportunityNode';
import { PainPointNode } from './PainPointNode';
import { TouchpointNode } from './TouchpointNode';
import { ContextMenuHost } from '../panels/ContextMenu';
import { useCanvasCommands } from './use-canvas-commands';
import { useCanvasContent } from './use-canvas-content';
import { useColorScheme } from './use-color-scheme';
import { useFarZoomDecision, useNameLinesDecision } from './use-far-zoom';
import { useInitialViewport } from './use-initial-viewport';
import { useSkipUnchangedMeasures } from './skip-unchanged-measures';
import { useNodeMarks } from './use-node-marks';
import { useMarkClasses } from './use-mark-classes';
import { useWorkshop } from '../workshop/workshop-store';

/** Defined once at module scope: a new object per render would remount every node. */
const nodeTypes: NodeTypes = {
  touchpoint: TouchpointNode,
  painpoint: PainPointNode,
  opportunity: OpportunityNode,
  note: NoteNode,
  stageHeader: StageHeaderNode,
  laneHeader: LaneHeaderNode,
  grid: GridNode,
  emotionLane: EmotionLaneNode,
};

const edgeTypes: EdgeTypes = {
  flow: FlowEdge,
  attachment: AttachmentEdge,
};

const EDGE_COLOURS: Record<'light' | 'dark', EdgeColours> = {
  light: { flow: '#5c6778', handoff: '#b45309', selected: '#2457d6', breakdown: '#b42318' },
  dark: { flow: '#9aa5b8', handoff: '#fbbf24', selected: '#7aa2ff', breakdown: '#ff8a80' },
};

const MINIMAP_COLOURS: Record<string, string> = {
  touchpoint: 'var(--minimap-touchpoint)',
  painpoint: 'var(--minimap-painpoint)',
  opportunity: 'var(--minimap-opportunity)',
  note: 'var(--minimap-note)',
  stageHeader: 'var(--minimap-header)',
  laneHeader: 'var(--minimap-header)',
};

const minimapColour = (node: JourneyFlowNode) =>
  node.type === 'laneHeader' ? node.data.department.colour : (MINIMAP_COLOURS[node.type] ?? 'transparent');

const NO_POSITIONS: ReadonlyMap<string, XYPosition> = new Map();
const NO_EDGES: JourneyFlowEdge[] = [];
/**
 * Fit leaves the minimap's corner free: journeys are wide, so the fit is usually limited by
 * width and reserving room at the bottom costs little, while cards never hide under the minimap.
 */
const FIT_PADDING = { top: '28px', left: '28px', right: '28px', bottom: '128px' } as const;
const MIN_ZOOM = 0.05;
const MAX_ZOOM = 2;
const INITIAL_FIT = { padding: FIT_PADDING, minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM } as const;
const LARGE_MAP = 250;
/** Shift-click adds to the selection (as do Ctrl and Cmd); Shift-drag on the pane draws a box. */
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];

/**
 * The canvas adapter: the only component that reads the whole node and edge arrays. It turns
 * them into React Flow elements (reusing unchanged ones), and turns React Flow's gestures back
 * into change ops: drags, connections, selection.
 */
export function JourneyCanvas() {
  const { documentStore, uiStore } = useStores();
  // Cards come with their sizes and handles: React Flow need not measure them again on mount.
  useSkipUnchangedMeasures();
  // Header drags in progress (reorder, resize), shown as a preview until released.
  const [gestures] = useState(createGestureStore);
  const { stages, departments, nodes, edges } = useCanvasContent(gestures);
  const selection = useUi((s) => s.selection);
  // A snapshot: selectable for inspection, nothing else.
  const readOnly = useDocument((s) => s.readOnly);
  const scheme = useColorScheme();
  const flow = useReactFlow<JourneyFlowNode, JourneyFlowEdge>();
  // While a pain point or an opportunity is being attached, show where it can attach.
  const attaching = useConnection((c) =>
    c.inProgress
      ? c.fromNode.type === 'painpoint' || c.fromNode.type === 'opportunity'
        ? c.fromNode.type
        : null
      : null,
  );
  // Zoomed far out, cards show their names only (larger): cheaper to draw and readable from afar.
  // How far is far depends on the map's size (use-far-zoom.ts).
  const far = useFarZoomDecision(nodes.length);
  // Farther still, far names are too small to read and are drawn as lines (use-far-zoom.ts).
  const nameLines = useNameLinesDecision() && far;

  const [dragging, setDragging] = useState<ReadonlyMap<string, XYPosition>>(NO_POSITIONS);
  const [nodeBuilder] = useState(createNodeBuilder);
  const [buildEdges] = useState(createEdgeBuilder);
  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes]);
  const selectedEdges = useMemo(() => new Set(selection.edges), [selection.edges]);
  // Find and filter marks, and the presentation text scale (renderer/src/workshop).
  const marks = useNodeMarks({ stages, departments, nodes, edges });
  useMarkClasses(marks);
  // Far out, cards show large names only: the text scale applies from near enough to read them.
  const textScale = useWorkshop((s) => (far ? 1 : s.textScale));
  const overlay = useOverlayView();
  const emotionShown = useEmotionLaneShown();
  const emotionData = useEmotionDataSeries();
  const emotion = useMemo(
    () => (emotionShown ? { readOnly, series: emotionData } : null),
    [emotionShown, readOnly, emotionData],
  );

  const flowNodes = useMemo(
    () =>
      nodeBuilder.build({
        stages,
        departments,
        nodes,
        edges,
        selected: selectedNodes,
        dragging,
        textScale,
        overlay,
        emotion,
      }),
    [nodeBuilder, stages, departments, nodes, edges, selectedNodes, dragging, textScale, overlay, emotion],
  );
  const flowEdges = useMemo(
    () =>
      buildEdges({
        nodes,
        edges,
        selected: selectedEdges,
        colours: EDGE_COLOURS[scheme],
        marks,
        handoffBreakdowns: overlay?.handoffs,
      }),
    [buildEdges, nodes, edges, selectedEdges, scheme, marks, overlay],
  );

  // Opens fitted to the map, in the first render (see use-initial-viewport.ts).
  const [initialViewport, canvasRef] = useInitialViewport(flowNodes, INITIAL_FIT);

  // A large map far out draws its arrows as one layer (FarEdgeLayer), not as React Flow edges.
  const edgeLayer = far && nodes.length > LARGE_MAP;
  const drawing: CardDrawing = edgeLayer ? 'far-layer' : far ? 'far' : 'near';
  useRemeasureHandles(drawing);

  useViewportController();
  useRevealDraft();
  useKeepViewOnResize(INITIAL_FIT);
  const contextMenus = useCanvasCommands();

  const onNodesChange = useCallback(
    (changes: NodeChange<JourneyFlowNode>[]) => {
      let selected: Set<string> | null = null;
      let moved: Map<string, XYPosition> | null = null;
      let settled: { id: string; x: number; y: number }[] | null = null;
      for (const change of changes) {
        if (change.type === 'select') {
          selected ??= new Set(uiStore.getState().selection.nodes);
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        } else if (change.type === 'position' && change.position) {
          // While dragging, positions stay local; the end of a drag (or an arrow-key move) commits.
          if (change.dragging) {
            moved ??= new Map();
            moved.set(change.id, change.position);
          } else {
            settled ??= [];
            settled.push({ id: change.id, ...change.position });
          }
        } else if (change.type === 'dimensions' && change.dimensions) {
          nodeBuilder.measured(change.id, change.dimensions);
        }
      }
      if (selected) {
        selected.delete(GRID_NODE_ID);
        const ui = uiStore.getState();
        ui.select({ nodes: [...selected], edges: ui.selection.edges });
      }
      if (moved) {
        const positions = moved;
        setDragging((previous) => {
          const next = new Map(previous);
          for (const [id, position] of positions) next.set(id, position);
          return next;
        });
      }
      if (settled) {
        const doc = documentStore.getState().doc;
        // All the cards of one gesture arrive in one call: one change set.
        if (doc) documentStore.getState().apply(moveNodes(doc, settled));
        const ids = settled.map((m) => m.id);
        setDragging((previous) => {
          if (!ids.some((id) => previous.has(id))) return previous;
          const next = new Map(previous);
          for (const id of ids) next.delete(id);
          return next.size ? next : NO_POSITIONS;
        });
      }
    },
    [uiStore, documentStore, nodeBuilder],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<JourneyFlowEdge>[]) => {
      let selected: Set<string> | null = null;
      for (const change of changes) {
        if (change.type === 'select') {
          selected ??= new Set(uiStore.getState().selection.edges);
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        }
      }
      if (selected) {
        const ui = uiStore.getState();
        ui.select({ nodes: ui.selection.nodes, edges: [...selected] });
      }
    },
    [uiStore],
  );

  /** Normally a no-op: the drag's final position change has already committed the move. */
  const onNodeDragStop: OnNodeDrag<JourneyFlowNode> = useCallback(
    (_event, _node, draggedNodes) => {
      const doc = documentStore.getState().doc;
      if (doc) {
        const moves = draggedNodes
          .filter((n) => n.type !== 'grid' && n.type !== 'stageHeader' && n.type !== 'laneHeader')
          .map((n) => ({ id: n.id, x: n.position.x, y: n.position.y }));
        documentStore.getState().apply(moveNodes(doc, moves));
      }
      setDragging(NO_POSITIONS);
    },
    [documentStore],
  );

  const isValidConnection = useCallback(
    (connection: Connection | JourneyFlowEdge) => {
      const doc = documentStore.getState().doc;
      return Boolean(doc && 'change' in connectNodes(doc, connection.source, connection.target));
    },
    [documentStore],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const doc = documentStore.getState().doc;
      if (!doc) return;
      const result = connectNodes(doc, connection.source, connection.target);
      if ('change' in result) documentStore.getState().apply([result.change]);
      else uiStore.getState().notify(result.reason);
    },
    [documentStore, uiStore],
  );

  /** A refused connection says why, rather than silently snapping back. */
  const onConnectEnd = useCallback(
    (_event: globalThis.MouseEvent | TouchEvent, state: FinalConnectionState) => {
      const doc = documentStore.getState().doc;
      if (!doc || state.isValid || !state.fromNode || !state.toNode) return;
      if (state.fromNode.id === state.toNode.id) return;
      const fromSource = state.fromHandle?.type !== 'target';
      const source = fromSource ? state.fromNode.id : state.toNode.id;
      const target = fromSource ? state.toNode.id : state.fromNode.id;
      const result = connectNodes(doc, source, target);
      if ('reason' in result) uiStore.getState().notify(result.reason);
    },
    [documentStore, uiStore],
  );

  /**
   * Double-click on an empty spot: a new touchpoint right there (in that cell's next free spot if
   * the spot is taken), waiting for its name; it is created only once named (see inline-edit.ts).
   */
  const onDoubleClick = useCallback(
    (event: MouseEvent<HTMLDivElement>) => {
      if (!(event.target instanceof Element) || !event.target.classList.contains('react-flow__pane')) return;
      const { doc, readOnly: frozen } = documentStore.getState();
      if (!doc || frozen) return;
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      startDraft({ documentStore, uiStore }, newTouchpointAt(doc, point));
    },
    [documentStore, uiStore, flow],
  );

  /** Double-click on a card, note or header: rename it in place. */
  const onNodeDoubleClick: NodeMouseHandler<JourneyFlowNode> = useCallback(
    (event, node) => {
      if (event.target instanceof Element && event.target.closest('.inline-edit, [role="separator"]')) return;
      if (startRename({ documentStore, uiStore }, node.id)) uiStore.getState().selectOnly(node.id);
    },
    [documentStore, uiStore],
  );

  return (
    <GestureContext.Provider value={gestures}>
      <FarCardsContext.Provider value={drawing}>
        <div
          className={`journey-canvas${attaching ? ` is-attaching is-attaching-${attaching}` : ''}${far ? ' is-far' : ''}${nameLines ? ' is-name-lines' : ''}${readOnly ? ' is-read-only' : ''}${textScale > 1 ? ' is-scaled' : ''}${nodes.length > LARGE_MAP ? ' is-large' : ''}`}
          style={{ '--text-scale': textScale } as CSSProperties}
          onDoubleClick={onDoubleClick}
          ref={canvasRef}
        >
          {initialViewport && (
            <ReactFlow<JourneyFlowNode, JourneyFlowEdge>
              nodes={flowNodes}
              edges={edgeLayer ? NO_EDGES : flowEdges}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onNodeDragStop={onNodeDragStop}
              onConnect={onConnect}
              onConnectEnd={onConnectEnd}
              onNodeDoubleClick={onNodeDoubleClick}
              isValidConnection={isValidConnection}
              nodesDraggable={!readOnly}
              nodesConnectable={!readOnly}
              edgesReconnectable={false}
              deleteKeyCode={null}
              zoomOnDoubleClick={false}
              {...contextMenus}
              multiSelectionKeyCode={MULTI_SELECT_KEYS}
              selectionMode={SelectionMode.Partial}
              defaultViewport={initialViewport}
              minZoom={MIN_ZOOM}
              maxZoom={MAX_ZOOM}
              colorMode={scheme}
              onlyRenderVisibleElements={nodes.length > LARGE_MAP}
              connectionRadius={28}
              proOptions={{ hideAttribution: true }}
              ariaLabelConfig={{ 'controls.fitView.ariaLabel': 'Fit map to window' }}
            >
              {edgeLayer && <FarEdgeLayer nodes={flowNodes} edges={flowEdges} />}
              <Controls showInteractive={false} showFitView={false} position="bottom-left" />
              <MapOverview
                nodes={flowNodes}
                colourOf={minimapColour}
                bgColor="var(--minimap-bg)"
                maskColor="var(--minimap-mask)"
                ariaLabel="Map overview"
                width={168}
                height={104}
              />
            </ReactFlow>
          )}
          <ContextMenuHost />
        </div>
      </FarCardsContext.Provider>
    </GestureContext.Provider>
  );
}

/** Lets the view commands (fit, zoom) reach this canvas while it is shown. */
function useViewportController() {
  const { ctx } = useCommands();
  const flow = useReactFlow();
  useEffect(
    () =>
      ctx.attachViewport({
        fit: () => void flow.fitView({ padding: FIT_PADDING, duration: 250 }),
        zoomIn: () => void flow.zoomIn({ duration: 150 }),
        zoomOut: () => void flow.zoomOut({ duration: 150 }),
      }),
    [ctx, flow],
  );
}
