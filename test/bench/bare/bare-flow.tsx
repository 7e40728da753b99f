/// <reference types="vite/client" />
import {
  ReactFlow,
  ReactFlowProvider,
  applyEdgeChanges,
  applyNodeChanges,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { StrictMode, useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * The benchmark's baseline: React Flow with its default nodes and edges, controlled the way its
 * documentation shows, holding the same nodes (same positions and sizes) and edges as the
 * benchmark map. Built and served by the benchmark only; never part of the app. The canvas takes
 * the size the app's canvas has (?w=&h=), so both show the same part of the map.
 */

interface BenchData {
  nodes: Node[];
  edges: Edge[];
}

function BareFlow({ data }: { data: BenchData }) {
  const [nodes, setNodes] = useState(data.nodes);
  const [edges, setEdges] = useState(data.edges);
  const onNodesChange = useCallback(
    (changes: NodeChange[]) => setNodes((ns) => applyNodeChanges(changes, ns)),
    [],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => setEdges((es) => applyEdgeChanges(changes, es)),
    [],
  );
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      fitView
      minZoom={0.05}
      maxZoom={2}
      onlyRenderVisibleElements
      proOptions={{ hideAttribution: true }}
    />
  );
}

async function main() {
  const params = new URLSearchParams(location.search);
  const root = document.getElementById('root')!;
  root.style.width = `${Number(params.get('w') ?? 1440)}px`;
  root.style.height = `${Number(params.get('h') ?? 900)}px`;
  const data = (await (await fetch('./bench-data.json')).json()) as BenchData;
  createRoot(root).render(
    <StrictMode>
      <ReactFlowProvider>
        <BareFlow data={data} />
      </ReactFlowProvider>
    </StrictMode>,
  );
}

void main();
