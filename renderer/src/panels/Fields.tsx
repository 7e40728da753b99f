import {
  useEffect,
  useId,
  useRef,
  useState,
  type ChangeEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useUi } from '../state/stores-context';
import { Icon } from './Icon';
import { parseDecimalInput } from './decimal-input';

/**
 * Inspector fields. Text commits on blur and on Enter (Ctrl/Cmd+Enter in a text area): one change
 * per commit, not per keystroke; Escape puts the stored value back. Selects and toggles commit at
 * once. Every field has a visible label.
 */

export type Validate = (value: string) => string | null;

export const requiredName: Validate = (value) => (value.trim() ? null : 'A name cannot be empty.');

/** Focuses (and selects) a field when the store asks for this entity, e.g. right after adding it. */
function useFocusRequest(
  entityId: string | undefined,
  ref: React.RefObject<HTMLInputElement | HTMLTextAreaElement | null>,
) {
  const request = useUi((s) => (entityId && s.focusRequest?.id === entityId ? s.focusRequest.nonce : 0));
  useEffect(() => {
    if (!request || !ref.current) return;
    ref.current.focus();
    ref.current.select();
  }, [request, ref]);
}

interface TextFieldProps {
  label: string;
  value: string;
  onCommit(value: string): void;
  validate?: Validate;
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
  placeholder?: string;
  hint?: string;
  /** Focus this field when the UI store asks to focus this entity. */
  focusEntityId?: string;
  /** Trim before committing (names). */
  trim?: boolean;
}

export function TextField(props: TextFieldProps) {
  const {
    label,
    value,
    onCommit,
    validate,
    multiline,
    rows = 3,
    maxLength,
    placeholder,
    hint,
    focusEntityId,
    trim,
  } = props;
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const editing = useRef(false);
  useFocusRequest(focusEntityId, ref);

  // Follow the stored value when it changes elsewhere, unless the user is typing here.
  useEffect(() => {
    if (!editing.current) {
      setDraft(value);
      setError(null);
    }
  }, [value]);

  const commit = () => {
    const next = trim ? draft.trim() : draft;
    const problem = validate?.(next) ?? null;
    setError(problem);
    if (problem) return false;
    editing.current = false;
    if (next !== draft) setDraft(next);
    if (next !== value) onCommit(next);
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      editing.current = false;
      setDraft(value);
      setError(null);
    } else if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit();
    }
  };

  const onChange = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    editing.current = true;
    setDraft(event.target.value);
    if (error) setError(validate?.(trim ? event.target.value.trim() : event.target.value) ?? null);
  };

  const describedBy =
    [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    ref,
    value: draft,
    onChange,
    onKeyDown,
    onBlur: () => {
      if (!commit()) editing.current = true;
    },
    maxLength,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    className: `field__control${error ? ' is-invalid' : ''}`,
  };
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {multiline ? <textarea {...common} rows={rows} /> : <input type="text" {...common} />}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  unit?: string;
  onCommit(value: number): void;
  /** − and + buttons beside the field, committing at once. */
  stepper?: boolean;
  /** Names of the − and + buttons; they must not repeat the field's label. */
  stepLabels?: { down: string; up: string };
}

export function NumberField({
  label,
  value,
  min,
  max,
  step = 1,
  unit,
  onCommit,
  stepper,
  stepLabels,
}: NumberFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) {
      setDraft(String(value));
      setError(null);
    }
  }, [value]);

  const parse = (text: string): number | string => {
    const n = parseDecimalInput(text);
    if (n === null) {
      if (text.trim() === '') return 'Enter a number.';
      return step === 1
        ? 'Enter a whole number in digits, like 12.'
        : 'Enter a decimal number, like 12 or 4.5.';
    }
    if (step === 1 && !Number.isInteger(n)) return 'Enter a whole number.';
    if (n < min || n > max) return `Enter a number from ${min} to ${max}.`;
    return n;
  };
  const commit = () => {
    const parsed = parse(draft);
    if (typeof parsed === 'string') {
      setError(parsed);
      return;
    }
    editing.current = false;
    setError(null);
    setDraft(String(parsed));
    if (parsed !== value) onCommit(parsed);
  };
  const nudge = (delta: number) => {
    const next = Math.min(max, Math.max(min, value + delta));
    editing.current = false;
    setError(null);
    setDraft(String(next));
    if (next !== value) onCommit(next);
  };
  const input = (
    <input
      id={id}
      type="number"
      inputMode="numeric"
      className={`field__control field__control--number${error ? ' is-invalid' : ''}`}
      value={draft}
      min={min}
      max={max}
      step={step}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
      onChange={(event) => {
        editing.current = true;
        setDraft(event.target.value);
      }}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          editing.current = false;
          setDraft(String(value));
          setError(null);
        }
      }}
    />
  );
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="field__row">
        {stepper && (
          <button
            type="button"
            className="icon-button icon-button--bordered"
            aria-label={stepLabels?.down ?? 'Decrease'}
            title={stepLabels?.down ?? 'Decrease'}
            disabled={value <= min}
            onClick={() => nudge(-step)}
          >
            <Icon name="minus" size={16} />
          </button>
        )}
        {input}
        {stepper && (
          <button
            type="button"
            className="icon-button icon-button--bordered"
            aria-label={stepLabels?.up ?? 'Increase'}
            title={stepLabels?.up ?? 'Increase'}
            disabled={value >= max}
            onClick={() => nudge(step)}
          >
            <Icon name="plus" size={16} />
          </button>
        )}
        {unit && <span className="field__unit">{unit}</span>}
      </div>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T | '';
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  /** Shown when the value is empty (e.g. a card outside any stage). */
  emptyLabel?: string;
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  emptyLabel,
}: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="field__control field__control--select"
        value={value}
        onChange={(event) => {
          const next = options.find((o) => o.value === event.target.value);
          if (next) onChange(next.value);
        }}
      >
        {value === '' && <option value="">{emptyLabel ?? '—'}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface SegmentedFieldProps<T extends string | number> {
  label: string;
  value: T;
  options: readonly { value: T; label: ReactNode; text: string; title?: string; tone?: string }[];
  onChange(value: T): void;
}

/** A row of radio buttons styled as a segmented control; arrow keys move between them. */
export function SegmentedField<T extends string | number>({
  label,
  value,
  options,
  onChange,
}: SegmentedFieldProps<T>) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" id={`${id}-label`}>
        {label}
      </label>
      <div className="segmented" role="radiogroup" aria-labelledby={`${id}-label`}>
        {options.map((option) => {
          const checked = option.value === value;
          return (
            <label
              key={String(option.value)}
              className={`segmented__option${checked ? ' is-checked' : ''}${option.tone ? ` segmented__option--${option.tone}` : ''}`}
              title={option.title}
            >
              <input
                type="radio"
                name={id}
                value={String(option.value)}
                checked={checked}
                aria-label={option.text}
                onChange={() => onChange(option.value)}
              />
              <span aria-hidden="true">{option.label}</span>
            </label>
          );
        })}
      </div>
    </div>
  );
}

interface CheckboxListProps {
  label: string;
  options: readonly { value: string; label: string; swatch?: string }[];
  values: readonly string[];
  onChange(values: string[]): void;
  empty: string;
}

export function CheckboxList({ label, options, values, onChange, empty }: CheckboxListProps) {
  const id = useId();
  return (
    <div className="field" role="group" aria-labelledby={`${id}-label`}>
      <label className="field__label" id={`${id}-label`}>
        {label}
      </label>
      {options.length === 0 ? (
        <p className="field__hint">{empty}</p>
      ) : (
        <div className="checklist">
          {options.map((option) => (
            <label key={option.value} className="checklist__item">
              <input
                type="checkbox"
                checked={values.includes(option.value)}
                onChange={(event) =>
                  onChange(
                    event.target.checked
                      ? [...values, option.value]
                      : values.filter((v) => v !== option.value),
                  )
                }
              />
              {option.swatch && (
                <span className="swatch" style={{ background: option.swatch }} aria-hidden="true" />
              )}
              <span>{option.label}</span>
            </label>
          ))}
        </div>
      )}
    </div>
  );
}

export function ColourField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const ref = useRef<HTMLInputElement>(null);
  const latest = useRef({ value, onChange });
  useEffect(() => {
    latest.current = { value, onChange };
  }, [value, onChange]);
  // Follow the stored value when it changes (adjusting state during render, not in an effect).
  const [synced, setSynced] = useState(value);
  if (synced !== value) {
    setSynced(value);
    setDraft(value);
  }
  // React's onChange fires on every `input` while the picker is dragged; the native `change`
  // event fires once when a colour is chosen: that is the commit.
  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    const onNativeChange = () => {
      const next = input.value.toLowerCase();
      if (/^#[0-9a-f]{6}$/.test(next) && next !== latest.current.value.toLowerCase())
        latest.current.onChange(next);
    };
    input.addEventListener('change', onNativeChange);
    return () => input.removeEventListener('change', onNativeChange);
  }, []);
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="field__row">
        <input
          ref={ref}
          id={id}
          type="color"
          className="field__colour"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <code className="field__unit">{draft}</code>
      </div>
    </div>
  );
}

/** A read-only value in the inspector. */
export function ReadOnlyField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field field--readonly">
      <span className="field__label">{label}</span>
      <div className="field__value">{children}</div>
    </div>
  );
}

/** A read-only value shown in a labelled, read-only text box. */
export function ReadOnlyText({ label, value }: { label: string; value: string }) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input id={id} type="text" className="field__control field__control--readonly" value={value} readOnly />
    </div>
  );
}
