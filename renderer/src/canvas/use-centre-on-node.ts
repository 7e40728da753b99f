import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { departmentLanes, stageColumns } from '../../../shared/graph/grid';
import { useStores } from '../state/stores-context';
import { parseSelectionId } from '../state/ui-store';
import { useWorkshopStore } from '../workshop/workshop-store';
import { cardSize, laneHeaderWidth, stageHeaderHeight } from './card-size';

/** Zoomed out further than this, centring on an item also zooms in so it can be read. */
const READABLE_ZOOM = 0.7;

/**
 * Centres the canvas on a card or a header (canvas ids: node ids, `stage:<id>`, `lane:<id>`),
 * zooming in when the map is too far out to read it. Needs the ReactFlowProvider.
 */
export function useCentreOnNode(): (id: string) => void {
  const flow = useReactFlow();
  const { documentStore } = useStores();
  const workshop = useWorkshopStore();
  return useCallback(
    (id: string) => {
      const doc = documentStore.getState().doc;
      if (!doc) return;
      const scale = workshop.getState().textScale;
      const target = parseSelectionId(id);
      let centre: { x: number; y: number } | null = null;
      if (target.kind === 'stage') {
        const column = stageColumns(doc.stages).find((c) => c.id === target.id);
        if (column) centre = { x: column.start + column.size / 2, y: -stageHeaderHeight(scale) / 2 };
      } else if (target.kind === 'lane') {
        const lane = departmentLanes(doc.departments).find((l) => l.id === target.id);
        if (lane) centre = { x: -laneHeaderWidth(scale) / 2, y: lane.start + lane.size / 2 };
      } else {
        const node = doc.nodes.find((n) => n.id === target.id);
        if (node) {
          const size = cardSize(node.kind, scale);
          centre = { x: node.x + size.width / 2, y: node.y + size.height / 2 };
        }
      }
      if (!centre) return;
      const zoom = Math.max(flow.getZoom(), READABLE_ZOOM);
      const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      void flow.setCenter(centre.x, centre.y, { zoom, duration: still ? 0 : 250 });
    },
    [flow, documentStore, workshop],
  );
}
