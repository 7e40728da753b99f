import { memo } from 'react';

/**
 * Line icons drawn on a 20×20 grid with the current text colour. Decorative: the button or text
 * next to an icon carries the accessible name.
 */
const PATHS = {
  back: 'M12.5 4.5 7 10l5.5 5.5',
  undo: 'M7 3.5 3.5 7 7 10.5M3.5 7h8a4.5 4.5 0 0 1 0 9H8',
  redo: 'M13 3.5 16.5 7 13 10.5M16.5 7h-8a4.5 4.5 0 0 0 0 9H12',
  plus: 'M10 4v12M4 10h12',
  column: 'M3.5 3.5h5v13h-5zM11.5 3.5h5v13h-5z',
  lane: 'M3.5 3.5h13v5h-13zM3.5 11.5h13v5h-13z',
  card: 'M3.5 5.5h13a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1h-13a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1zM6 9h8M6 11.5h5',
  note: 'M4.5 3.5h11v8l-4 4.5h-7zM11.5 16v-4h4',
  fit: 'M3.5 7.5v-4h4M12.5 3.5h4v4M16.5 12.5v4h-4M7.5 16.5h-4v-4',
  trash: 'M4 6h12M8 6V4h4v2M5.5 6l.8 10h7.4l.8-10M8.5 9v4.5M11.5 9v4.5',
  pencil: 'M13 3.5l3.5 3.5-9 9H4v-3.5zM11 5.5l3.5 3.5',
  copy: 'M7.5 7.5h9v9h-9zM12.5 7.5v-4h-9v9h4',
  close: 'M5 5l10 10M15 5 5 15',
  check: 'M4 10.5 8 14.5 16 6',
  alert: 'M10 3 18 17H2zM10 8v4M10 14.5v.5',
  refresh: 'M15.5 9.5a5.5 5.5 0 1 1-1.6-3.9M16 3.5v3.5h-3.5',
  map: 'M3 5l4.5-1.5 5 2L17 4v11l-4.5 1.5-5-2L3 16zM7.5 3.5v11M12.5 5.5v11',
  person: 'M10 9.5a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM4 17a6 6 0 0 1 12 0',
  lock: 'M5.5 9h9v8h-9zM7.5 9V6.5a2.5 2.5 0 0 1 5 0V9',
  minus: 'M4 10h12',
  camera: 'M3 6.5h3l1.5-2h5l1.5 2h3v9.5H3zM10 13.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
  history: 'M3.5 10a6.5 6.5 0 1 0 2-4.7M3.5 3.5v3.5H7M10 6.5V10l2.5 1.5',
  search: 'M8.5 14a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11zM12.5 12.5 17 17',
  up: 'M5 12.5 10 7.5l5 5',
  down: 'M5 7.5 10 12.5l5-5',
  filter: 'M3 4.5h14l-5.5 6.5v5l-3-1.5v-3.5z',
  votes: 'M4 16.5V11M8 16.5V6M12 16.5V8.5M16 16.5V3.5',
  text: 'M3.5 6V4h9v2M8 4v12M6 16h4M12.5 10.5V9.5h5v1M15 9.5V16M13.8 16h2.4',
  keyboard: 'M2.5 5.5h15v9h-15zM5.5 8.5h1M9.5 8.5h1M13.5 8.5h1M6.5 11.5h7',
  chart: 'M3.5 16.5h13M5.5 13.5v-3M9 13.5V6.5M12.5 13.5v-5M16 13.5V4.5',
  upload: 'M10 13V3.5M6 7.5l4-4 4 4M3.5 12.5v4h13v-4',
  table: 'M3.5 4.5h13v11h-13zM3.5 8.5h13M3.5 12h13M8.5 8.5v7',
  sparkle: 'M10 3v4M10 13v4M3 10h4M13 10h4M5.5 5.5l2 2M12.5 12.5l2 2M14.5 5.5l-2 2M7.5 12.5l-2 2',
  bulb: 'M10 2.5a5.2 5.2 0 0 0-3.1 9.4c.6.5.9 1.1.9 1.9v.4h4.4v-.4c0-.8.3-1.4.9-1.9A5.2 5.2 0 0 0 10 2.5zM7.9 16.5h4.2',
  sticky: 'M3.5 3.5h13v8.5l-4.5 4.5h-8.5zM16.5 12h-4.5v4.5M6.5 7.5h7M6.5 10h4',
  more: 'M3.8 10a1 1 0 1 0 2 0 1 1 0 1 0-2 0zM9 10a1 1 0 1 0 2 0 1 1 0 1 0-2 0zM14.2 10a1 1 0 1 0 2 0 1 1 0 1 0-2 0z',
} as const;

export type IconName = keyof typeof PATHS;

function IconComponent({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}

export const Icon = memo(IconComponent);
