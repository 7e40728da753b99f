import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  loadWindowState,
  restoreBounds,
  saveWindowState,
} from '../../../../electron/main/window-state';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'js-window-'));
  dirs.push(dir);
  return join(dir, 'window-state.json');
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window state', () => {
  it('round-trips through its file', () => {
    const file = tempFile();
    const state = { x: 40, y: 30, width: 1200, height: 800, maximized: true };
    saveWindowState(file, state);
    expect(loadWindowState(file)).toEqual(state);
  });

  it('ignores a missing, corrupt or out-of-range file', () => {
    const file = tempFile();
    expect(loadWindowState(file)).toBeNull();
    writeFileSync(file, '{"x":');
    expect(loadWindowState(file)).toBeNull();
    writeFileSync(file, JSON.stringify({ x: 0, y: 0, width: 10, height: 10, maximized: false }));
    expect(loadWindowState(file)).toBeNull();
  });

  it('restores bounds that are on a display, and drops the position of ones that are not', () => {
    const onScreen = { x: 100, y: 100, width: 1000, height: 700, maximized: false };
    expect(restoreBounds(onScreen, screen).bounds).toEqual({ x: 100, y: 100, width: 1000, height: 700 });
    const unplugged = { ...onScreen, x: 3000 };
    expect(restoreBounds(unplugged, screen).bounds).toEqual({ width: 1000, height: 700 });
    expect(restoreBounds(null, screen).bounds).toEqual(DEFAULT_WINDOW_SIZE);
  });
});
