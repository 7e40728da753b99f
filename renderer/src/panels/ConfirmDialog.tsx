import { useId, useRef } from 'react';
import { trapTab, useModalDialog } from './modal-dialog';

/**
 * A modal confirmation (native <dialog>: focus is trapped, Escape cancels). Focus starts on
 * Cancel, the safe choice.
 */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  onConfirm,
  onCancel,
  alternative,
}: {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  /** A second, non-destructive way to go ahead, shown before the destructive one. */
  alternative?: { label: string; onConfirm(): void } | undefined;
}) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const ref = useModalDialog(cancelRef);
  return (
    <dialog
      ref={ref}
      className={`dialog${alternative ? ' dialog--choice' : ''}`}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      onKeyDown={trapTab}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 className="dialog__title" id={`${id}-title`}>
        {title}
      </h2>
      <p className="dialog__message" id={`${id}-message`}>
        {message}
      </p>
      <div className="dialog__actions">
        <button type="button" className="button" ref={cancelRef} onClick={onCancel}>
          Cancel
        </button>
        {alternative && (
          <button type="button" className="button button--primary" onClick={alternative.onConfirm}>
            {alternative.label}
          </button>
        )}
        <button type="button" className="button button--danger-solid" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

/** The confirmation the UI store asks for, if any. */
export function ConfirmHost({
  request,
  onClose,
}: {
  request: {
    title: string;
    message: string;
    confirmLabel: string;
    onConfirm(): void;
    alternative?: { label: string; onConfirm(): void };
  } | null;
  onClose(): void;
}) {
  if (!request) return null;
  return (
    <ConfirmDialog
      title={request.title}
      message={request.message}
      confirmLabel={request.confirmLabel}
      onCancel={onClose}
      onConfirm={() => {
        onClose();
        request.onConfirm();
      }}
      alternative={
        request.alternative && {
          label: request.alternative.label,
          onConfirm: () => {
            onClose();
            request.alternative!.onConfirm();
          },
        }
      }
    />
  );
}
