/**
 * Installed in every benchmark page before its own scripts (Playwright's addInitScript), so it
 * must be self-contained: Playwright sends this function's source, not its imports.
 */
export interface BenchProbe {
  /** performance.now() (ms since navigation start) when nodes were first in the DOM. */
  renderedAt: number | null;
  watchRendered(selector: string): void;
  startFrames(): void;
  /** The requestAnimationFrame deltas since startFrames. */
  stopFrames(): number[];
  /** React Flow's viewport transform. */
  transform(): { x: number; y: number; k: number };
  /** A point near (x, y) where the pointer meets the empty pane (so a drag pans). */
  findPanePoint(x: number, y: number): { x: number; y: number };
  /** The middle of the node nearest (x, y) that is wholly on screen. */
  cardNear(x: number, y: number, selector: string): { x: number; y: number };
}

export function installBenchProbe() {
  let frames: number[] | null = null;
  let last = 0;
  let watching = false;
  // One loop per recording: a loop from an earlier recording ends at its next frame.
  let generation = 0;
  const loop = (own: number) => {
    const tick = (time: number) => {
      if (!frames || own !== generation) return;
      if (last) frames.push(time - last);
      last = time;
      requestAnimationFrame(tick);
    };
    return tick;
  };
  const probe: BenchProbe = {
    renderedAt: null,
    watchRendered(selector) {
      if (watching) return;
      watching = true;
      const check = () => {
        if (document.querySelector(`.react-flow__viewport ${selector}`)) probe.renderedAt = performance.now();
        else requestAnimationFrame(check);
      };
      check();
    },
    startFrames() {
      frames = [];
      last = 0;
      requestAnimationFrame(loop(++generation));
    },
    stopFrames() {
      const out = frames ?? [];
      frames = null;
      return out;
    },
    transform() {
      const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
      const match = /translate\(([-\d.e]+)px,\s*([-\d.e]+)px\)\s*scale\(([-\d.e]+)\)/.exec(
        viewport?.style.transform ?? '',
      );
      if (!match) throw new Error(`No React Flow viewport transform: "${viewport?.style.transform}"`);
      return { x: Number(match[1]), y: Number(match[2]), k: Number(match[3]) };
    },
    findPanePoint(x, y) {
      for (let r = 0; r < 400; r += 4) {
        for (let a = 0; a < 360; a += 15) {
          const px = x + r * Math.cos((a * Math.PI) / 180);
          const py = y + r * Math.sin((a * Math.PI) / 180);
          const el = document.elementFromPoint(px, py);
          if (el?.classList.contains('react-flow__pane')) return { x: px, y: py };
        }
      }
      throw new Error('No empty pane near the centre of the canvas.');
    },
    cardNear(x, y, selector) {
      let best: { x: number; y: number; d: number } | null = null;
      for (const el of document.querySelectorAll(selector)) {
        const box = el.getBoundingClientRect();
        if (box.left < 0 || box.top < 0 || box.right > innerWidth || box.bottom > innerHeight) continue;
        const cx = box.left + box.width / 2;
        const cy = box.top + box.height / 2;
        const d = Math.hypot(cx - x, cy - y);
        if (!best || d < best.d) best = { x: cx, y: cy, d };
      }
      if (!best) throw new Error('No card on screen to drag.');
      return { x: best.x, y: best.y };
    },
  };
  (window as Window & { __benchProbe?: BenchProbe }).__benchProbe = probe;
}
