import { memo } from 'react';
import type { Channel } from '../../../shared/domain/journey';

/** Small glyphs drawn on cards: one per channel, and the customer's emotion as a face. */

const CHANNEL_PATHS: Record<Channel, string> = {
  web: 'M8 1.8a6.2 6.2 0 1 0 0 12.4A6.2 6.2 0 0 0 8 1.8zM1.8 8h12.4M8 1.8c1.8 1.7 2.6 3.8 2.6 6.2S9.8 12.5 8 14.2C6.2 12.5 5.4 10.4 5.4 8S6.2 3.5 8 1.8z',
  'mobile-app': 'M5 1.5h6a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1v-11a1 1 0 0 1 1-1zM7 12.2h2',
  email: 'M2 3.5h12v9H2zM2 4l6 4.8L14 4',
  phone:
    'M4 1.8h2.4l1.2 3.2-1.6 1.1a7.5 7.5 0 0 0 3.9 3.9l1.1-1.6 3.2 1.2V12a1.8 1.8 0 0 1-1.8 1.8A10.4 10.4 0 0 1 2.2 3.6 1.8 1.8 0 0 1 4 1.8z',
  chat: 'M2.5 3h11v7.5H7l-3 2.5v-2.5H2.5z',
  chatbot: 'M3.5 5h9v7.5h-9zM8 5V2.5M6 8.2v.6M10 8.2v.6M6.3 10.7h3.4M1.8 8v2M14.2 8v2',
  social:
    'M4.2 6.3a1.9 1.9 0 1 0 0 3.8 1.9 1.9 0 0 0 0-3.8zM11.8 2.2a1.9 1.9 0 1 0 0 3.8 1.9 1.9 0 0 0 0-3.8zM11.8 10a1.9 1.9 0 1 0 0 3.8 1.9 1.9 0 0 0 0-3.8zM5.9 7.2l4.2-2.1M5.9 9.1l4.2 2.1',
  ads: 'M2.5 6.2h2.5l6-3.2v10l-6-3.2H2.5zM5 9.8l1 3.7h1.8M12.8 6.2a2 2 0 0 1 0 3.6',
  store: 'M2 6.2 3.2 2.5h9.6L14 6.2M2 6.2h12M3 6.2v7.3h10V6.2M6.5 13.5V9.5h3v4',
  'review-sites': 'M8 1.8l1.9 3.9 4.3.6-3.1 3 .7 4.3L8 11.6l-3.8 2 .7-4.3-3.1-3 4.3-.6z',
  'knowledge-base':
    'M2.5 3h4a1.5 1.5 0 0 1 1.5 1.5V13.5a1.5 1.5 0 0 0-1.5-1.5h-4zM13.5 3h-4A1.5 1.5 0 0 0 8 4.5V13.5a1.5 1.5 0 0 1 1.5-1.5h4z',
  mail: 'M2 5.5 8 2.5l6 3v7H2zM2 5.5l6 3 6-3M8 8.5v4',
  other: 'M4 8h.01M8 8h.01M12 8h.01',
};

function ChannelGlyphComponent({ channel }: { channel: Channel }) {
  return (
    <svg
      className="glyph"
      width={14}
      height={14}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={channel === 'other' ? 2.6 : 1.4}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={CHANNEL_PATHS[channel]} />
    </svg>
  );
}
export const ChannelGlyph = memo(ChannelGlyphComponent);

const MOUTHS: Record<number, string> = {
  [-2]: 'M5.2 11.6c1.6-2.2 4-2.2 5.6 0',
  [-1]: 'M5.5 11c1.5-1.1 3.5-1.1 5 0',
  0: 'M5.5 10.4h5',
  1: 'M5.5 9.8c1.5 1.1 3.5 1.1 5 0',
  2: 'M5.2 9.2c1.6 2.4 4 2.4 5.6 0',
};

export const EMOTION_LABELS: Record<number, string> = {
  [-2]: 'very negative',
  [-1]: 'negative',
  0: 'neutral',
  1: 'positive',
  2: 'very positive',
};

export const formatEmotion = (value: number) => (value > 0 ? `+${value}` : String(value));

function EmotionFaceComponent({ value, size = 16 }: { value: number; size?: number }) {
  return (
    <svg
      className={`emotion-face emotion-face--${value < 0 ? 'neg' : value > 0 ? 'pos' : 'neutral'}`}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.4}
      strokeLinecap="round"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="8" cy="8" r="6.6" />
      <path d="M5.9 6.2v.3M10.1 6.2v.3" strokeWidth={1.8} />
      <path d={MOUTHS[value] ?? MOUTHS[0]} />
    </svg>
  );
}
export const EmotionFace = memo(EmotionFaceComponent);
