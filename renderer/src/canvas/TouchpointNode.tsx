import { Handle, Position, type NodeProps } from '@xyflow/react';
import { EditableName, useInlineEditing } from './InlineNameEditor';
import { memo, type CSSProperties } from 'react';
import { CHANNEL_LABELS } from '../../../shared/domain/journey';
import { OverlayBadge } from '../overlay/OverlayBadge';
import { ChannelGlyph, EMOTION_LABELS, EmotionFace, formatEmotion } from './Glyphs';
import { FarTouchpointCard } from './FarCards';
import { HANDLE, type TouchpointFlowNode } from './flow-types';
import { useCardDrawing } from './far-cards';

/** A touchpoint card: what the customer meets, who owns it, how it feels. */
function TouchpointNodeComponent({ data, selected }: NodeProps<TouchpointFlowNode>) {
  const { touchpoint, colour, painCount, painVotes, overlay } = data;
  const editing = useInlineEditing(touchpoint.id);
  const drawing = useCardDrawing();
  if (drawing !== 'near' && !editing)
    return (
      <FarTouchpointCard
        touchpoint={touchpoint}
        colour={colour}
        overlay={overlay}
        selected={selected}
        handles={drawing === 'far'}
      />
    );
  const emotion = formatEmotion(touchpoint.emotion);
  return (
    <div
      className={`tp-card${selected ? ' is-selected' : ''}${overlay?.uncertain ? ' is-uncertain' : ''}`}
      data-testid="touchpoint-card"
      data-overlay-step={overlay ? (overlay.step ?? 'none') : undefined}
      style={{ '--lane-colour': colour } as CSSProperties}
    >
      <Handle type="target" position={Position.Left} id={HANDLE.flowIn} className="handle handle--flow" />
      <div className="tp-card__top">
        <span className={`mode-badge mode-badge--${touchpoint.mode}`}>
          {touchpoint.mode === 'experience' ? 'Experience' : 'Service'}
        </span>
        {!touchpoint.frontstage && <span className="tp-card__backstage">Backstage</span>}
        <span
          className="tp-card__emotion"
          title={`Customer emotion ${emotion} (${EMOTION_LABELS[touchpoint.emotion]})`}
        >
          <EmotionFace value={touchpoint.emotion} />
          <span>{emotion}</span>
        </span>
      </div>
      <EditableName
        editing={editing}
        target={touchpoint.id}
        value={touchpoint.name}
        label="Touchpoint name"
        placeholder="Name this touchpoint"
        className="tp-card__name"
      />
      <div className="tp-card__bottom">
        {overlay ? (
          <OverlayBadge view={overlay} />
        ) : (
          <span className="tp-card__channel">
            <ChannelGlyph channel={touchpoint.channel} />
            {CHANNEL_LABELS[touchpoint.channel]}
          </span>
        )}
        {painCount > 0 && (
          <span
            className="tp-card__pains"
            title={`${painCount} pain point${painCount === 1 ? '' : 's'} attached`}
            aria-label={`${painCount} pain point${painCount === 1 ? '' : 's'}`}
          >
            <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M8 1.5 15 14H1z" fill="currentColor" />
              <path
                d="M8 6v3.6M8 11.4v.4"
                stroke="var(--pain-glyph-mark)"
                strokeWidth="1.6"
                strokeLinecap="round"
              />
            </svg>
            {painCount}
          </span>
        )}
        {painCount > 0 && (
          <span
            className="tp-card__votes"
            title={`${painVotes} vote${painVotes === 1 ? '' : 's'} on its pain points`}
            aria-label={`${painVotes} vote${painVotes === 1 ? '' : 's'}`}
          >
            <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
              <path d="M5 1.5 9 8H1z" fill="currentColor" />
            </svg>
            {painVotes}
          </span>
        )}
      </div>
      <Handle type="source" position={Position.Right} id={HANDLE.flowOut} className="handle handle--flow" />
    </div>
  );
}

export const TouchpointNode = memo(TouchpointNodeComponent);
