import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { z } from 'zod';

/**
 * The main window's size and position, remembered between launches. Restoring checks the saved
 * bounds against the displays now attached, so a window never opens off-screen.
 */

export const WindowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_SIZE = { width: 1440, height: 900 };

export function loadWindowState(file: string): WindowState | null {
  try {
    const parsed = WindowState.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, file);
}

/** Saved bounds if at least a 100 × 60 corner of them shows on some display; else defaults. */
export function restoreBounds(
  saved: WindowState | null,
  workAreas: readonly Rect[],
): { bounds: Partial<Rect> & { width: number; height: number }; maximized: boolean } {
  if (!saved) return { bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false };
  const visible = workAreas.some((area) => {
    const overlapX = Math.min(saved.x + saved.width, area.x + area.width) - Math.max(saved.x, area.x);
    const overlapY = Math.min(saved.y + saved.height, area.y + area.height) - Math.max(saved.y, area.y);
    return overlapX >= 100 && overlapY >= 60;
  });
  const { x, y, width, height, maximized } = saved;
  return visible ? { bounds: { x, y, width, height }, maximized } : { bounds: { width, height }, maximized };
}
