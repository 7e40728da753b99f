import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium, type LaunchOptions, type Page } from '@playwright/test';
import type { Change } from '../../shared/domain/change-set';
import type { JourneyDocument, Touchpoint } from '../../shared/domain/journey';
import { NODE_SIZE } from '../../shared/graph/grid';
import { closeLibraryDatabase, openLibraryDatabase } from '../../electron/db/connection';
import { JourneyRepository } from '../../electron/db/journey-repository';
import { moveNodes } from '../../renderer/src/state/map-edits';
import { BENCH_COUNTS, BENCH_LANE_HEIGHT, BENCH_STAGE_WIDTH, benchMapContent } from './bench-map';
import { installBenchProbe, type BenchProbe } from './bench-probe';
import { formatTable, summarise, type FrameSummary } from './frame-stats';
import { nodeLabel } from '../../shared/domain/journey';

/**
 * `npm run bench:canvas`: the canvas benchmark (see scripts/bench-canvas.ts, which builds and then
 * calls `runCanvasBench`). It stores a generated map through the real repository in a fresh temp
 * library, starts browser mode on it, and drives Chromium like a user: open the map, click a card,
 * zoom to 100 %, pan, zoom out and in, drag one card. The same gestures then run on a bare React
 * Flow page with default nodes and edges at the same counts. Frame times are requestAnimationFrame
 * deltas collected in the page while a gesture runs.
 */

export interface CanvasBenchOptions {
  launchOptions: LaunchOptions;
  viewport: { width: number; height: number };
  /** out/main/web.js */
  webEntry: string;
  /** The built bare page (out/bench/bare). */
  bareDir: string;
  log?: (line: string) => void;
  /**
   * Write a Chromium performance trace of our pan here (open it in DevTools' Performance panel),
   * and one of the load (navigation until the first click is handled) next to it, `load-trace*`.
   */
  tracePath?: string;
}

interface PageFigures {
  /** Nodes in the DOM inside the React Flow viewport, first seen at the start of a frame. */
  renderedMs: number;
  /** A click on a card is handled: the card shows as selected. */
  interactiveMs: number;
  pan: FrameSummary;
  zoom: FrameSummary;
  drag: FrameSummary;
  /** Cards drawn at 100 % zoom, and in all, after the gestures. */
  nodesInDom: number;
}

const PERSIST_WARMUP = 30;
const PERSIST_RUNS = 300;
const API_RUNS = 150;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const median = (values: readonly number[]) => summarise(values).p50;

export async function runCanvasBench(options: CanvasBenchOptions): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dir = mkdtempSync(join(tmpdir(), 'journey-bench-'));
  const dbPath = join(dir, 'library.sqlite');
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(dir, { recursive: true, force: true })];
  try {
    // 1. The map, stored through the repository in a fresh library file.
    const content = benchMapContent();
    const db = await openLibraryDatabase(dbPath);
    const repo = new JourneyRepository(db);
    const created = performance.now();
    const { id: journeyId } = repo.create({ name: 'Benchmark map', content });
    const createMs = performance.now() - created;
    const probeNode = content.nodes.find((n): n is Touchpoint => n.id === 'bench-tp-1000')!;

    // 2. Persisting one moved card, in process: the change the canvas makes for a drag, applied
    //    by the repository to the real file (WAL, synchronous=FULL), one transaction each.
    const inProcess: number[] = [];
    let doc: JourneyDocument = repo.get(journeyId);
    for (let i = 0; i < PERSIST_WARMUP + PERSIST_RUNS; i++) {
      const changes = moveNodes(doc, [
        { id: probeNode.id, x: probeNode.x + (i % 2 ? 0 : 12), y: probeNode.y },
      ]);
      const started = performance.now();
      const applied = repo.applyChanges({ journeyId, baseRevision: doc.journey.revision, changes });
      const took = performance.now() - started;
      if (i >= PERSIST_WARMUP) inProcess.push(took);
      doc = withMove(doc, changes, applied.revision);
    }
    closeLibraryDatabase(db);
    log(`Stored the map (${BENCH_COUNTS.touchpoints} touchpoints) in ${createMs.toFixed(0)} ms: ${dbPath}`);

    // 3. Browser mode on that library, and the same move through the HTTP API.
    const host = await startHost(options.webEntry, dbPath);
    cleanups.push(host.stop);
    const apiTimes = await measureApiRoundTrip(host.url, journeyId, probeNode);

    // 4. Bare React Flow at the same counts, served by the bench itself.
    const bare = await serveBare(options.bareDir, bareData(content));
    cleanups.push(() => new Promise<void>((done) => bare.close(() => done())));

    const browser = await chromium.launch(options.launchOptions);
    /** Start and stop a Chromium trace of `page` into `path` (nothing without a path). */
    const tracing = (page: Page, path: string | undefined) => ({
      start: () => (path ? browser.startTracing(page, { path }) : undefined),
      stop: () => (path ? browser.stopTracing().then(() => undefined) : undefined),
    });
    cleanups.push(() => browser.close());
    const context = await browser.newContext({ viewport: options.viewport });
    await context.addInitScript(installBenchProbe);

    const ourPage = await context.newPage();
    const ours = await measurePage(
      ourPage,
      `${host.url}#/map/${journeyId}`,
      '.react-flow__node-touchpoint',
      log,
      tracing(ourPage, options.tracePath),
      tracing(ourPage, options.tracePath?.replace(/pan-trace/, 'load-trace')),
    );
    await waitForDraggedCardSaved(host.url, journeyId, content);
    const canvasBox = await ourPage.locator('.react-flow').boundingBox();
    await ourPage.close();

    const barePage = await context.newPage();
    const size = `w=${Math.round(canvasBox?.width ?? 1440)}&h=${Math.round(canvasBox?.height ?? 900)}`;
    const base = await measurePage(
      barePage,
      `${bare.url}?${size}`,
      '.react-flow__node-default',
      log,
      tracing(barePage, options.tracePath?.replace(/\.json$/, '-bare.json')),
      tracing(
        barePage,
        options.tracePath?.replace(/pan-trace/, 'load-trace').replace(/\.json$/, '-bare.json'),
      ),
    );
    await barePage.close();

    // 5. Report.
    const persistMs = median(inProcess);
    const api = summarise(apiTimes);
    const inProc = summarise(inProcess);
    const ratio = ours.pan.p95 / base.pan.p95;
    log('');
    log(
      `Map: ${BENCH_COUNTS.touchpoints} touchpoints, ${BENCH_COUNTS.flows} flow edges, ${BENCH_COUNTS.painPoints} ` +
        `pain points (attached), ${BENCH_COUNTS.stages} stages × ${BENCH_COUNTS.lanes} lanes; ` +
        `viewport ${options.viewport.width}×${options.viewport.height}, canvas ${size.replace('&', ' ')}`,
    );
    log(
      formatTable(
        ['measure', 'Journey Studio', 'bare React Flow', 'ours / bare', 'goal'],
        [
          [
            'navigation → nodes in DOM',
            ms(ours.renderedMs),
            ms(base.renderedMs),
            ratioOf(ours.renderedMs, base.renderedMs),
            '',
          ],
          [
            'navigation → interactive',
            ms(ours.interactiveMs),
            ms(base.interactiveMs),
            ratioOf(ours.interactiveMs, base.interactiveMs),
            '≤ 1500 ms',
          ],
          ...frameRows('pan at 100 %', ours.pan, base.pan, '≤ 16.7 ms p95, ratio ≤ 1.3'),
          ...frameRows('zoom 100 % → 29 % → 100 %', ours.zoom, base.zoom, ''),
          ...frameRows('drag one card', ours.drag, base.drag, ''),
          ['nodes in DOM at 100 %', String(ours.nodesInDom), String(base.nodesInDom), '', ''],
          [
            'persist one move, in process',
            `${ms(inProc.p50, 3)} median, ${ms(inProc.p95, 3)} p95`,
            '',
            '',
            '≤ 1 ms median',
          ],
          ['persist one move, HTTP API', `${ms(api.p50, 2)} median, ${ms(api.p95, 2)} p95`, '', '', ''],
        ],
      ),
    );
    log(
      'interactive: from navigation start until a click on a card shows it selected (nodes in DOM first, ' +
        'then a real mouse click, then the "selected" class seen in a requestAnimationFrame callback).',
    );
    log(`Frames: requestAnimationFrame deltas while each gesture runs (pan ${ours.pan.count} frames).`);
    log(
      JSON.stringify({
        interactive_ms: round(ours.interactiveMs, 0),
        pan_p50_ms: round(ours.pan.p50, 1),
        pan_p95_ms: round(ours.pan.p95, 1),
        bare_pan_p95_ms: round(base.pan.p95, 1),
        ratio_pan_p95: round(ratio, 2),
        persist_move_ms: round(persistMs, 3),
      }),
    );
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch {
        // Best effort: the temp folder goes last either way.
      }
    }
  }
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const ms = (value: number, digits = 0) => `${value.toFixed(digits)} ms`;
const ratioOf = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '');
const frameRows = (label: string, a: FrameSummary, b: FrameSummary, goal: string): string[][] => [
  [`${label}: frame p50`, ms(a.p50, 1), ms(b.p50, 1), ratioOf(a.p50, b.p50), ''],
  [`${label}: frame p95`, ms(a.p95, 1), ms(b.p95, 1), ratioOf(a.p95, b.p95), goal],
  [`${label}: longest frame`, ms(a.max, 1), ms(b.max, 1), '', ''],
];

/** The document after a move the repository applied (as the renderer's store would have it). */
function withMove(doc: JourneyDocument, changes: readonly Change[], revision: number): JourneyDocument {
  const fields = new Map(
    changes.flatMap((c) => (c.op === 'touchpoint.update' ? [[c.id, c.fields] as const] : [])),
  );
  return {
    ...doc,
    journey: { ...doc.journey, revision },
    nodes: doc.nodes.map((n) => (fields.has(n.id) ? ({ ...n, ...fields.get(n.id) } as Touchpoint) : n)),
  };
}

// ---------------------------------------------------------------------------------------------
// Browser mode and its API

interface Host {
  url: string;
  stop(): Promise<void>;
}

function startHost(webEntry: string, dbPath: string): Promise<Host> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [webEntry, '--db', dbPath, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open:\s+(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match)
        done({
          url: match[1]!,
          stop: () =>
            new Promise((stopped) => {
              if (child.exitCode !== null) return stopped();
              child.once('exit', () => stopped());
              child.kill('SIGTERM');
            }),
        });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`Browser mode exited with ${code}:\n${output}`)));
  });
}

async function api<T>(url: string, method: string, args: unknown): Promise<T> {
  const { origin, searchParams } = new URL(url);
  const response = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-journey-token': searchParams.get('token') ?? '' },
    body: JSON.stringify(args),
  });
  const result = (await response.json()) as
    { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

const apiGet = (url: string, id: string) => api<JourneyDocument>(url, 'journeys.get', { id });

/** The same one-card move through POST /api/journeys.applyChanges, as the renderer sends it. */
async function measureApiRoundTrip(url: string, journeyId: string, card: Touchpoint): Promise<number[]> {
  let doc = await apiGet(url, journeyId);
  const times: number[] = [];
  for (let i = 0; i < PERSIST_WARMUP + API_RUNS; i++) {
    // Ends on an even run: the card is back where it started when the page loads.
    const changes = moveNodes(doc, [{ id: card.id, x: card.x + (i % 2 ? 0 : 12), y: card.y }]);
    const started = performance.now();
    const applied = await api<{ revision: number }>(url, 'journeys.applyChanges', {
      journeyId,
      baseRevision: doc.journey.revision,
      changes,
    });
    const took = performance.now() - started;
    if (i >= PERSIST_WARMUP) times.push(took);
    doc = withMove(doc, changes, applied.revision);
  }
  return times;
}

// ---------------------------------------------------------------------------------------------
// The bare page

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** React Flow's default nodes and edges for the same map: same ids, positions, sizes and edges. */
function bareData(content: ReturnType<typeof benchMapContent>) {
  return {
    nodes: content.nodes.map((n) => ({
      id: n.id,
      position: { x: n.x, y: n.y },
      data: { label: nodeLabel(n) },
      width: NODE_SIZE[n.kind].width,
      height: NODE_SIZE[n.kind].height,
    })),
    edges: content.edges.map((e) => ({ id: e.id, source: e.sourceId, target: e.targetId })),
  };
}

function serveBare(dir: string, data: unknown): Promise<Server & { url: string }> {
  const json = JSON.stringify(data);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/bench-data.json') {
      res.writeHead(200, { 'content-type': MIME['.json']! });
      return res.end(json);
    }
    const file = resolve(dir, `.${path === '/' ? '/index.html' : path}`);
    if (!file.startsWith(resolve(dir))) return res.writeHead(404).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      done(Object.assign(server, { url: `http://127.0.0.1:${port}/` }));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// In the page

declare global {
  interface Window {
    __benchProbe?: BenchProbe;
  }
}

/** The cell the gestures happen in: stage 4, lane 3, in the middle of the map. */
const FOCUS = { x: 3.5 * BENCH_STAGE_WIDTH, y: 2.5 * BENCH_LANE_HEIGHT };
const FRAME_PACE_MS = 16;

async function measurePage(
  page: Page,
  url: string,
  nodeSelector: string,
  log: (line: string) => void,
  panTrace?: { start(): Promise<void> | undefined; stop(): Promise<void> | undefined },
  loadTrace?: { start(): Promise<void> | undefined; stop(): Promise<void> | undefined },
): Promise<PageFigures> {
  page.on('pageerror', (error) => log(`page error: ${error.message}`));
  await loadTrace?.start();
  await page.goto(url);
  await page.waitForFunction(
    (selector) => {
      const probe = window.__benchProbe!;
      probe.watchRendered(selector);
      return probe.renderedAt !== null;
    },
    nodeSelector,
    { polling: 'raf', timeout: 60_000 },
  );
  const renderedMs = await page.evaluate(() => window.__benchProbe!.renderedAt!);

  // A real click on a card in the middle of the map: handled once the card shows as selected.
  const card = page.locator('.react-flow__node[data-id="bench-tp-1000"]');
  const box = (await card.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const interactiveMs = await (
    await page.waitForFunction(
      () => {
        const el = document.querySelector('.react-flow__node[data-id="bench-tp-1000"]');
        return el?.classList.contains('selected') ? performance.now() : 0;
      },
      undefined,
      { polling: 'raf', timeout: 30_000 },
    )
  ).jsonValue();
  await loadTrace?.stop();

  const pane = (await page.locator('.react-flow').boundingBox())!;
  const centre = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
  await zoomTo(page, 1, pane);

  // Pan: drag the empty pane 720 × 360 px, one pointer move per frame.
  const start = await page.evaluate((c) => window.__benchProbe!.findPanePoint(c.x, c.y), centre);
  await panTrace?.start();
  await page.evaluate(() => window.__benchProbe!.startFrames());
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= 120; i++) {
    await page.mouse.move(start.x - 6 * i, start.y - 3 * i);
    await sleep(FRAME_PACE_MS);
  }
  await page.mouse.up();
  await panTrace?.stop();
  const pan = summarise(await page.evaluate(() => window.__benchProbe!.stopFrames()));
  const nodesInDom = await page.locator('.react-flow__node').count();

  // Zoom out to 29 % (names-only cards below 42 %) and back in, one wheel step per frame.
  await page.mouse.move(centre.x, centre.y);
  await page.evaluate(() => window.__benchProbe!.startFrames());
  for (const deltaY of [...Array<number>(15).fill(60), ...Array<number>(15).fill(-60)]) {
    await page.mouse.wheel(0, deltaY);
    await sleep(FRAME_PACE_MS);
  }
  await sleep(100);
  const zoom = summarise(await page.evaluate(() => window.__benchProbe!.stopFrames()));
  await zoomTo(page, 1, pane);

  // Drag the card nearest the centre 240 × 120 px.
  const grip = await page.evaluate(({ c, selector }) => window.__benchProbe!.cardNear(c.x, c.y, selector), {
    c: centre,
    selector: nodeSelector,
  });
  await page.evaluate(() => window.__benchProbe!.startFrames());
  await page.mouse.move(grip.x, grip.y);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) {
    await page.mouse.move(grip.x + 4 * i, grip.y + 2 * i);
    await sleep(FRAME_PACE_MS);
  }
  await page.mouse.up();
  await sleep(50);
  const drag = summarise(await page.evaluate(() => window.__benchProbe!.stopFrames()));

  return { renderedMs, interactiveMs, pan, zoom, drag, nodesInDom };
}

/** Zooms with the mouse wheel, around the focus cell, until the zoom is `target`. */
async function zoomTo(
  page: Page,
  target: number,
  pane: { x: number; y: number; width: number; height: number },
) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const { k, x, y } = await page.evaluate(() => window.__benchProbe!.transform());
    if (Math.abs(k - target) < 0.001) return;
    // Aim at the focus cell when it is on screen, else at the centre of the canvas.
    const sx = Math.min(Math.max(pane.x + x + FOCUS.x * k, pane.x + 10), pane.x + pane.width - 10);
    const sy = Math.min(Math.max(pane.y + y + FOCUS.y * k, pane.y + 10), pane.y + pane.height - 10);
    await page.mouse.move(sx, sy);
    // React Flow zooms by 2^(−deltaY × 0.002) per wheel event.
    await page.mouse.wheel(0, -Math.log2(target / k) / 0.002);
    await page.waitForTimeout(200);
  }
  const { k } = await page.evaluate(() => window.__benchProbe!.transform());
  throw new Error(`Could not zoom to ${target}: the zoom is ${k}.`);
}

/** The drag is real only if the library has the card where it was dropped. */
async function waitForDraggedCardSaved(
  url: string,
  journeyId: string,
  content: ReturnType<typeof benchMapContent>,
) {
  const original = new Map(content.nodes.map((n) => [n.id, n]));
  for (let attempt = 0; attempt < 100; attempt++) {
    const stored = await apiGet(url, journeyId);
    const moved = stored.nodes.filter((n) => n.x !== original.get(n.id)?.x || n.y !== original.get(n.id)?.y);
    if (moved.length === 1) return;
    if (moved.length > 1) throw new Error(`${moved.length} cards moved; the bench dragged one.`);
    await sleep(100);
  }
  throw new Error('The dragged card was not saved.');
}
