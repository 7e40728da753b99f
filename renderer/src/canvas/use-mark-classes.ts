import { useStore } from '@xyflow/react';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { parseSelectionId } from '../state/ui-store';
import { markClass, type NodeMarks } from './node-marks';

/** Every class a mark can put on a node. */
const MARK_CLASSES = ['is-dimmed', 'is-found', 'is-found-current'] as const;

function classesFor(marks: NodeMarks, id: string): ReadonlySet<string> {
  const target = parseSelectionId(id);
  const classes = markClass(marks, id, target.kind === 'lane' ? target.id : undefined);
  return new Set(classes ? classes.split(' ') : []);
}

const unmarked = (marks: NodeMarks) => !marks.kept && !marks.keptLanes && !marks.found.size && !marks.current;

/** Puts the element's mark classes right; touches the DOM only where they differ. */
function apply(element: Element, marks: NodeMarks) {
  // No find or filter (as when a map opens): only classes left from before can need removing.
  if (unmarked(marks)) {
    for (const name of MARK_CLASSES) if (element.classList.contains(name)) element.classList.remove(name);
    return;
  }
  const id = element.getAttribute('data-id');
  if (!id) return;
  const wanted = classesFor(marks, id);
  for (const name of MARK_CLASSES) {
    if (element.classList.contains(name) !== wanted.has(name))
      element.classList.toggle(name, wanted.has(name));
  }
}

/**
 * The find and filter marks (node-marks.ts) as classes on the canvas's node elements, set here
 * rather than through React Flow: a node object whose class changed is a new object, and fading
 * the cards a filter leaves out of a 2,000-card map made 2,000 new nodes for React Flow to adopt
 * and re-render (0.25 to 1.8 s a toggle). Nodes keep their identity; the classes follow the marks,
 * cards as they mount (a pan brings new ones), and React's own class updates (a selection writes
 * a node's class attribute anew), through one MutationObserver on the canvas's nodes.
 */
export function useMarkClasses(marks: NodeMarks) {
  const domNode = useStore((s) => s.domNode);
  const current = useRef(marks);
  useLayoutEffect(() => {
    current.current = marks;
    domNode?.querySelectorAll('.react-flow__node').forEach((element) => apply(element, marks));
  }, [marks, domNode]);
  useEffect(() => {
    const container = domNode?.querySelector('.react-flow__nodes');
    if (!container) return;
    const observer = new MutationObserver((records) => {
      const marks = current.current;
      for (const record of records) {
        if (record.type === 'attributes') {
          if (record.target instanceof Element && record.target.classList.contains('react-flow__node'))
            apply(record.target, marks);
        } else {
          record.addedNodes.forEach((node) => {
            if (node instanceof Element && node.classList.contains('react-flow__node')) apply(node, marks);
          });
        }
      }
    });
    observer.observe(container, {
      childList: true,
      attributes: true,
      attributeFilter: ['class'],
      subtree: true,
    });
    // Nodes mounted before the observer started.
    container.querySelectorAll('.react-flow__node').forEach((element) => apply(element, current.current));
    return () => observer.disconnect();
  }, [domNode]);
}
