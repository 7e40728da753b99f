import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

/**
 * Native modal <dialog> plumbing shared by every dialog: open it as a modal on mount, put focus
 * where the dialog wants it, and give focus back to where it was when the dialog closes.
 */
export function useModalDialog(initialFocus: RefObject<HTMLElement | null>) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement;
    if (!dialog.open) dialog.showModal();
    const target = initialFocus.current;
    // A text field starts selected, so typing replaces its suggestion.
    if (target instanceof HTMLInputElement) target.select();
    else target?.focus();
    return () => {
      dialog.close();
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, [initialFocus]);
  return ref;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Keeps Tab inside a modal <dialog>: the native modal keeps focus out of the page, this keeps it
 * from leaving for the browser's own chrome. Use as the dialog's onKeyDown.
 */
export function trapTab(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab') return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
