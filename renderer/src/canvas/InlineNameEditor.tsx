import { useEffect, useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { nameProblem } from '../state/grid-edits';
import { cancelInlineEdit, confirmInlineEdit } from '../state/inline-edit';
import { useStores, useUi } from '../state/stores-context';

/** True while this canvas item (a selection id) is being renamed in place. */
export const useInlineEditing = (target: string) => useUi((s) => s.inlineEdit?.target === target);

/** Puts keyboard focus back on a canvas item once it has rendered without its editor. */
function focusCanvasItem(target: string) {
  requestAnimationFrame(() => {
    const selector = `.react-flow__node[data-id="${CSS.escape(target)}"]`;
    document.querySelector<HTMLElement>(selector)?.focus({ preventScroll: true });
  });
}

/**
 * The name of a card, note or header, edited in place. Enter and blur confirm, Escape cancels, Tab
 * confirms and (on a touchpoint) goes on to a new one after it. An empty name is refused with a
 * message under the field. A new card: Escape drops it; clicking away with its name left empty
 * creates it under its default name.
 */
export function InlineNameEditor({
  target,
  value,
  label,
  placeholder,
  className = '',
}: {
  target: string;
  value: string;
  label: string;
  placeholder?: string;
  className?: string;
}) {
  const stores = useStores();
  const isDraft = useUi((s) => s.inlineEdit?.target === target && s.inlineEdit.draft !== null);
  const [text, setText] = useState(isDraft ? '' : value);
  const [problem, setProblem] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  const problemId = useId();

  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    input.focus({ preventScroll: true });
    input.select();
  }, []);

  const confirm = (next: boolean) => {
    const result = confirmInlineEdit(stores, text, { next });
    if (!result.ok) {
      setProblem(result.problem);
      return false;
    }
    done.current = true;
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // The name's keys are the field's own: none reach the canvas or the window's shortcuts.
    event.stopPropagation();
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      if (confirm(false)) focusCanvasItem(target);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      done.current = true;
      cancelInlineEdit(stores);
      if (!isDraft) focusCanvasItem(target);
    } else if (event.key === 'Tab') {
      event.preventDefault();
      if (confirm(!event.shiftKey) && event.shiftKey) focusCanvasItem(target);
    }
  };

  const onBlur = () => {
    if (done.current || stores.uiStore.getState().inlineEdit?.target !== target) return;
    done.current = true;
    // Clicking away from a new card left empty keeps it, under its default name (Escape drops it).
    const result = confirmInlineEdit(stores, isDraft && !text.trim() ? value : text);
    if (!result.ok) {
      cancelInlineEdit(stores);
      stores.uiStore.getState().notify(`${result.problem} The name stays “${value}”.`, 'error');
    }
  };

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    setText(event.target.value);
    if (problem) setProblem(nameProblem(event.target.value));
  };

  return (
    <div className={`inline-edit nodrag nopan nowheel ${className}`}>
      <input
        ref={ref}
        className={`inline-edit__input${problem ? ' is-invalid' : ''}`}
        type="text"
        value={text}
        maxLength={200}
        aria-label={label}
        placeholder={placeholder}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        spellCheck={false}
        onChange={onChange}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
        onDoubleClick={(event) => event.stopPropagation()}
      />
      {problem && (
        <div className="inline-edit__problem" id={problemId} role="alert">
          {problem}
        </div>
      )}
    </div>
  );
}

/**
 * A canvas item's name as it is drawn: its text (full name on hover), or the in-place editor while
 * it is being renamed. The editor gets `${className}-edit` when no `editClassName` is given.
 */
export function EditableName({
  editing,
  target,
  value,
  label,
  placeholder,
  className,
  editClassName = `${className}-edit`,
  title = value,
}: {
  editing: boolean;
  target: string;
  value: string;
  /** The editor's accessible name ("Touchpoint name"). */
  label: string;
  placeholder?: string;
  /** The name's class; the editor's is derived from it unless given. */
  className: string;
  editClassName?: string;
  title?: string;
}) {
  return editing ? (
    <InlineNameEditor
      target={target}
      value={value}
      label={label}
      {...(placeholder ? { placeholder } : {})}
      className={editClassName}
    />
  ) : (
    <div className={className} title={title}>
      {value}
    </div>
  );
}
