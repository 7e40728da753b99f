import { useEffect, useId, useMemo, useRef, useState, type DragEvent, type RefObject } from 'react';
import type { DatasetSummary } from '../../../shared/domain/dataset';
import type { Touchpoint } from '../../../shared/domain/journey';
import {
  AGGREGATE_ROLES,
  CELL_ONLY_REASONS,
  ISSUE_LABELS,
  NOTE_REASONS,
  RESPONSE_ROLES,
  type ColumnMapping,
  type ColumnRole,
  type ImportMapping,
  type ImportPreview,
  type ImportReport,
  type ImportStatus,
  type ScoreKind,
} from '../../../shared/import/mapping';
import { DEFAULT_SCALES, SCORE_KIND_LABELS, scoreMetricFor } from '../../../shared/import/guess';
import { useCommands } from '../commands/commands-context';
import { overlayStoreFor } from '../overlay/overlay-store';
import { Icon } from '../panels/Icon';
import { trapTab, useModalDialog } from '../panels/modal-dialog';
import { addTouchpoint } from '../state/map-edits';
import { applyChanges } from '../state/apply-change';
import { EMPTY_SELECTION } from '../state/ui-store';
import { useDocument } from '../state/stores-context';
import { importPanelStore } from './import-panel-store';
import { uploadFile } from './upload';
import { cutText } from '../../../shared/text/cut';

/**
 * The import wizard: choose a file → map its columns (preview, guessed roles and scales, presets)
 * → read it in full (progress, cancel) → decide about touchpoints the map does not have → read the
 * validation report and confirm → one transaction → summary. Nothing is stored before the confirm.
 */

type Step =
  | { name: 'choose'; busy: string | null; error: string | null }
  | { name: 'mapping'; error: string | null }
  | { name: 'reading'; status: ImportStatus | null }
  | { name: 'touchpoints' }
  | { name: 'report'; error: string | null; storing: boolean }
  | { name: 'done'; dataset: DatasetSummary };

/** What the user decided for a touchpoint value of the file. */
type Decision = { kind: 'map'; touchpointId: string } | { kind: 'create' } | { kind: 'ignore' };

const ROLE_LABELS: Record<ColumnRole, string> = {
  ignore: 'Ignore',
  touchpoint: 'Touchpoint',
  date: 'Date',
  score: 'Score',
  comment: 'Comment',
  segment: 'Segment',
  metric: 'Metric name',
  value: 'Value',
  n: 'n (responses)',
  period: 'Period',
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : bytes >= 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${bytes} B`;
const formatCount = (n: number) => n.toLocaleString('en');
const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
const FORMAT_NAMES: Record<string, string> = {
  csv: 'CSV',
  tsv: 'Tab-separated',
  qualtrics: 'Qualtrics export',
  surveymonkey: 'SurveyMonkey export',
};

export function ImportDialog({ journeyId, onClose }: { journeyId: string; onClose(): void }) {
  const { ctx } = useCommands();
  const id = useId();
  const firstRef = useRef<HTMLButtonElement>(null);
  const ref = useModalDialog(firstRef);
  const nodes = useDocument((s) => s.doc?.nodes);
  const touchpoints = useMemo(
    () => (nodes ?? []).filter((n): n is Touchpoint => n.kind === 'touchpoint'),
    [nodes],
  );
  const [step, setStep] = useState<Step>({ name: 'choose', busy: null, error: null });
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [decisions, setDecisions] = useState<Map<string, Decision>>(new Map());
  const [datasetName, setDatasetName] = useState('');
  const [allowDuplicate, setAllowDuplicate] = useState(false);
  const [presetName, setPresetName] = useState('');
  const [presetNote, setPresetNote] = useState<string | null>(null);
  const upload = useRef<AbortController | null>(null);
  const sessionRef = useRef<string | null>(null);
  const closedRef = useRef(false);

  // Leaving the wizard ends the session on the main side (stops a pass, deletes an upload).
  useEffect(() => {
    closedRef.current = false;
    return () => {
      closedRef.current = true;
      upload.current?.abort();
      const sessionId = sessionRef.current;
      if (sessionId) void ctx.api.invoke('imports.discard', { sessionId });
    };
  }, [ctx]);

  // Poll the pass while it reads: the main side answers at once, the UI never waits on the file.
  const reading = step.name === 'reading' ? preview?.sessionId : undefined;
  useEffect(() => {
    if (!reading) return;
    let live = true;
    const tick = async () => {
      try {
        const status = await ctx.api.call('imports.status', { sessionId: reading });
        if (!live) return;
        if (status.state === 'reading') {
          setStep({ name: 'reading', status });
          timer = window.setTimeout(() => void tick(), 150);
        } else if (status.state === 'ready' && status.report) {
          const next = status.report;
          setReport(next);
          setAllowDuplicate(false);
          const unmatched = next.touchpoints.filter((t) => t.match === null);
          setDecisions(
            new Map(
              unmatched.map((t): [string, Decision] => [
                t.value,
                t.suggestions[0] && t.suggestions[0].similarity >= 0.8
                  ? { kind: 'map', touchpointId: t.suggestions[0].touchpointId }
                  : { kind: 'ignore' },
              ]),
            ),
          );
          setStep(
            unmatched.length > 0 ? { name: 'touchpoints' } : { name: 'report', error: null, storing: false },
          );
        } else {
          setStep({ name: 'mapping', error: status.error ?? 'Reading the file was cancelled.' });
        }
      } catch (error) {
        if (live) setStep({ name: 'mapping', error: messageOf(error) });
      }
    };
    let timer = window.setTimeout(() => void tick(), 50);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [ctx, reading]);

  const began = (next: ImportPreview | null) => {
    if (!next) {
      setStep({ name: 'choose', busy: null, error: null });
      return;
    }
    // Closed while the file was being opened: nobody will use this session, so end it now
    // (it holds the uploaded file) and show nothing.
    if (closedRef.current) {
      void ctx.api.invoke('imports.discard', { sessionId: next.sessionId });
      return;
    }
    sessionRef.current = next.sessionId;
    setPreview(next);
    setMapping(next.mapping);
    setPresetName(next.preset?.name ?? next.fileName.replace(/\.[^.]+$/, ''));
    setPresetNote(next.preset ? `Columns mapped with your preset “${next.preset.name}”.` : null);
    setDatasetName(cutText(next.fileName.replace(/\.[^.]+$/, ''), 200) || 'Imported data');
    setStep({ name: 'mapping', error: null });
  };

  const chooseWithDialog = async () => {
    setStep({ name: 'choose', busy: 'Waiting for the file…', error: null });
    try {
      began(await ctx.api.call('imports.begin', { journeyId }));
    } catch (error) {
      setStep({ name: 'choose', busy: null, error: messageOf(error) });
    }
  };

  const chooseFile = async (file: File) => {
    const controller = new AbortController();
    upload.current = controller;
    setStep({ name: 'choose', busy: `Sending ${file.name}…`, error: null });
    try {
      const uploadId = await uploadFile(
        file,
        (sent, total) =>
          setStep({
            name: 'choose',
            busy: `Sending ${file.name}: ${formatBytes(sent)} of ${formatBytes(total)}`,
            error: null,
          }),
        controller.signal,
      );
      setStep({ name: 'choose', busy: `Reading ${file.name}…`, error: null });
      began(await ctx.api.call('imports.begin', { journeyId, uploadId }));
    } catch (error) {
      if (controller.signal.aborted) return;
      setStep({ name: 'choose', busy: null, error: messageOf(error) });
    } finally {
      upload.current = null;
    }
  };

  const run = async () => {
    if (!preview || !mapping) return;
    try {
      const status = await ctx.api.call('imports.run', { sessionId: preview.sessionId, mapping });
      setStep({ name: 'reading', status });
    } catch (error) {
      setStep({ name: 'mapping', error: messageOf(error) });
    }
  };

  const cancelReading = async () => {
    if (!preview) return;
    await ctx.api.invoke('imports.cancel', { sessionId: preview.sessionId });
    setStep({ name: 'mapping', error: 'Reading the file was cancelled. Nothing was imported.' });
  };

  const savePreset = async () => {
    if (!preview || !mapping || presetName.trim() === '') return;
    try {
      const saved = await ctx.api.call('importPresets.save', {
        name: presetName.trim(),
        signature: preview.signature,
        mapping,
      });
      setPresetNote(`Saved as “${saved.name}”: files with these columns will be mapped the same way.`);
    } catch (error) {
      setPresetNote(`Couldn't save the preset: ${messageOf(error)}`);
    }
  };

  /** Creates the touchpoints asked for (one undoable step, saved like any edit), then stores. */
  const commit = async () => {
    if (!preview || !report) return;
    setStep({ name: 'report', error: null, storing: true });
    try {
      const documents = ctx.documentStore.getState();
      const created = new Map<string, string>();
      const toCreate = [...decisions].filter(([, d]) => d.kind === 'create').map(([value]) => value);
      if (toCreate.length > 0 && documents.doc) {
        let doc = documents.doc;
        const changes = [];
        for (const value of toCreate) {
          const edit = addTouchpoint(doc, EMPTY_SELECTION);
          const named = edit.changes.map((change) =>
            change.op === 'node.add' && change.value.id === edit.id
              ? {
                  ...change,
                  value: { ...change.value, name: cutText(value, 200), metricKey: cutText(value, 200) },
                }
              : change,
          );
          doc = applyChanges(doc, named);
          changes.push(...named);
          created.set(value, edit.id);
        }
        documents.apply(changes);
      }
      if (ctx.documentStore.getState().hasPendingWrites()) await ctx.documentStore.getState().flush();
      if (ctx.documentStore.getState().hasPendingWrites())
        throw new Error('The new touchpoints could not be saved yet, so nothing was imported. Try again.');
      const assignments = report.touchpoints.map((t) => {
        if (t.match) return { value: t.value, touchpointId: t.match.touchpointId };
        const decision = decisions.get(t.value) ?? { kind: 'ignore' };
        return {
          value: t.value,
          touchpointId:
            decision.kind === 'map'
              ? decision.touchpointId
              : decision.kind === 'create'
                ? created.get(t.value)!
                : null,
        };
      });
      const dataset = await ctx.api.call('imports.commit', {
        sessionId: preview.sessionId,
        name: datasetName.trim(),
        assignments,
        allowDuplicate,
      });
      sessionRef.current = null;
      // An overlay already on screen recomputes with the new data.
      overlayStoreFor(ctx.uiStore).getState().dataChanged();
      setStep({ name: 'done', dataset });
    } catch (error) {
      setStep({ name: 'report', error: messageOf(error), storing: false });
    }
  };

  const stepIndex = { choose: 0, mapping: 1, reading: 1, touchpoints: 2, report: 3, done: 4 }[step.name];
  const STEPS = ['File', 'Columns', 'Touchpoints', 'Check', 'Done'];

  return (
    <dialog
      ref={ref}
      className="dialog dialog--import"
      aria-labelledby={`${id}-title`}
      onKeyDown={trapTab}
      onCancel={(event) => {
        event.preventDefault();
        if (step.name === 'reading') void cancelReading();
        else if (!(step.name === 'report' && step.storing)) onClose();
      }}
    >
      <div className="dialog__head">
        <div>
          <h2 className="dialog__title" id={`${id}-title`}>
            Import data
          </h2>
          <ol className="import__steps" aria-label="Steps">
            {STEPS.map((label, index) => (
              <li
                key={label}
                className={index === stepIndex ? 'is-current' : index < stepIndex ? 'is-done' : ''}
                aria-current={index === stepIndex ? 'step' : undefined}
              >
                {label}
              </li>
            ))}
          </ol>
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label="Close"
          title="Close (Esc)"
          onClick={onClose}
          disabled={step.name === 'report' && step.storing}
        >
          <Icon name="close" />
        </button>
      </div>

      {step.name === 'choose' && (
        <ChooseStep
          transport={ctx.transport}
          busy={step.busy}
          error={step.error}
          firstRef={firstRef}
          onDialog={() => void chooseWithDialog()}
          onFile={(file) => void chooseFile(file)}
          onCancelUpload={() => {
            upload.current?.abort();
            setStep({ name: 'choose', busy: null, error: null });
          }}
        />
      )}

      {step.name === 'mapping' && preview && mapping && (
        <MappingStep
          preview={preview}
          mapping={mapping}
          error={step.error}
          presetName={presetName}
          presetNote={presetNote}
          onPresetName={setPresetName}
          onSavePreset={() => void savePreset()}
          onChange={setMapping}
          onBack={() => {
            if (sessionRef.current) void ctx.api.invoke('imports.discard', { sessionId: sessionRef.current });
            sessionRef.current = null;
            setPreview(null);
            setStep({ name: 'choose', busy: null, error: null });
          }}
          onNext={() => void run()}
        />
      )}

      {step.name === 'reading' && (
        <ReadingStep
          status={step.status}
          totalBytes={preview?.byteSize ?? 0}
          onCancel={() => void cancelReading()}
        />
      )}

      {step.name === 'touchpoints' && report && (
        <TouchpointsStep
          report={report}
          touchpoints={touchpoints}
          decisions={decisions}
          onDecide={(value, decision) => setDecisions((old) => new Map(old).set(value, decision))}
          onBack={() => setStep({ name: 'mapping', error: null })}
          onNext={() => setStep({ name: 'report', error: null, storing: false })}
        />
      )}

      {step.name === 'report' && report && (
        <ReportStep
          report={report}
          decisions={decisions}
          error={step.error}
          storing={step.storing}
          name={datasetName}
          onName={setDatasetName}
          allowDuplicate={allowDuplicate}
          onAllowDuplicate={setAllowDuplicate}
          onBack={() =>
            setStep(
              report.touchpoints.some((t) => t.match === null)
                ? { name: 'touchpoints' }
                : { name: 'mapping', error: null },
            )
          }
          onConfirm={() => void commit()}
        />
      )}

      {step.name === 'done' && <DoneStep dataset={step.dataset} report={report} onClose={onClose} />}
    </dialog>
  );
}

// -------------------------------------------------------------------------------------------------

function ChooseStep({
  transport,
  busy,
  error,
  firstRef,
  onDialog,
  onFile,
  onCancelUpload,
}: {
  transport: 'electron' | 'browser';
  busy: string | null;
  error: string | null;
  firstRef: RefObject<HTMLButtonElement | null>;
  onDialog(): void;
  onFile(file: File): void;
  onCancelUpload(): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !busy) onFile(file);
  };
  return (
    <div className="import__body">
      <div
        className={`import__drop${over ? ' is-over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <p className="import__drop-title">
          A survey export (Qualtrics, SurveyMonkey) or a spreadsheet saved as CSV or tab-separated text
        </p>
        <p className="muted">
          One row per response (touchpoint, scores, date, comment), or one row per touchpoint, metric and
          period (value and n).
          {transport === 'browser' && ' Drop the file here, or choose it.'}
        </p>
        <button
          ref={firstRef}
          type="button"
          className="button button--primary"
          disabled={busy !== null}
          onClick={() => (transport === 'electron' ? onDialog() : input.current?.click())}
        >
          Choose file…
        </button>
        <input
          ref={input}
          type="file"
          className="visually-hidden"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          aria-label="File to import"
          tabIndex={-1}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) onFile(file);
          }}
        />
      </div>
      <p className="import__datasets-link">
        <button
          type="button"
          className="button button--small"
          onClick={() => importPanelStore.getState().open('datasets')}
        >
          <Icon name="table" size={16} />
          Datasets already imported into this map…
        </button>
      </p>
      {busy && (
        <div className="import__status" role="status">
          <span>{busy}</span>
          {transport === 'browser' && (
            <button type="button" className="button button--small" onClick={onCancelUpload}>
              Cancel
            </button>
          )}
        </div>
      )}
      {error && <ErrorBanner text={error} />}
    </div>
  );
}

function ErrorBanner({ text }: { text: string }) {
  return (
    <div className="banner banner--error import__error" role="alert">
      <Icon name="alert" />
      <p className="banner__text">{text}</p>
    </div>
  );
}

// -------------------------------------------------------------------------------------------------

function MappingStep(props: {
  preview: ImportPreview;
  mapping: ImportMapping;
  error: string | null;
  presetName: string;
  presetNote: string | null;
  onPresetName(name: string): void;
  onSavePreset(): void;
  onChange(mapping: ImportMapping): void;
  onBack(): void;
  onNext(): void;
}) {
  const { preview, mapping } = props;
  const id = useId();
  const roles = mapping.shape === 'responses' ? RESPONSE_ROLES : AGGREGATE_ROLES;
  const setColumn = (index: number, column: ColumnMapping) =>
    props.onChange({ ...mapping, columns: mapping.columns.map((c, i) => (i === index ? column : c)) });
  const setRole = (index: number, role: ColumnRole) => {
    if (role === 'score') {
      const taken = new Set(mapping.columns.flatMap((c) => (c.metric ? [c.metric.key] : [])));
      const header = preview.headers[index] ?? '';
      const kind: ScoreKind = /nps|recommend/i.test(header)
        ? 'nps'
        : /ces|effort|easy/i.test(header)
          ? 'ces'
          : 'csat';
      setColumn(index, { role, metric: scoreMetricFor(kind, header, taken) });
    } else setColumn(index, { role });
  };
  const problem = mappingProblemText(mapping, preview.headers);
  return (
    <div className="import__body">
      <p className="import__facts">
        <strong>{preview.fileName}</strong> · {formatBytes(preview.byteSize)} · {FORMAT_NAMES[preview.format]}{' '}
        · {preview.encoding} · {DELIMITER_NAMES[preview.delimiter]}-separated
        {preview.headerRows > 1 && ` · ${preview.headerRows} header rows`}
      </p>
      {preview.warnings.map((warning) => (
        <p key={warning} className="banner banner--warning import__note">
          <Icon name="alert" size={16} /> {warning}
        </p>
      ))}
      <div className="import__options">
        <label className="import__option">
          <span>Each row is</span>
          <select
            className="field__control field__control--select"
            value={mapping.shape}
            onChange={(event) => {
              const shape = event.target.value as ImportMapping['shape'];
              props.onChange({ ...mapping, shape, columns: mapping.columns.map(() => ({ role: 'ignore' })) });
            }}
          >
            <option value="responses">one response (raw survey data)</option>
            <option value="aggregates">one touchpoint × metric × period (aggregates)</option>
          </select>
        </label>
        <label className="import__option">
          <span>Dates are written</span>
          <select
            className="field__control field__control--select"
            value={mapping.dateFormat}
            onChange={(event) =>
              props.onChange({ ...mapping, dateFormat: event.target.value as ImportMapping['dateFormat'] })
            }
          >
            <option value="auto">detect from the file</option>
            <option value="ymd">year-month-day (2025-03-14)</option>
            <option value="dmy">day/month/year (14/03/2025)</option>
            <option value="mdy">month/day/year (03/14/2025)</option>
          </select>
        </label>
      </div>
      <div className="import__table-wrap" tabIndex={0} role="region" aria-label="Preview of the first rows">
        <table className="import__table">
          <thead>
            <tr>
              <th scope="col" className="import__rownum">
                Row
              </th>
              {preview.headers.map((header, index) => {
                const column = mapping.columns[index]!;
                return (
                  <th scope="col" key={index} className={column.role !== 'ignore' ? 'is-mapped' : undefined}>
                    <div className="import__header" title={preview.subHeaders[index] || header}>
                      {header}
                    </div>
                    {preview.subHeaders[index] && (
                      <div className="import__subheader">{preview.subHeaders[index]}</div>
                    )}
                    <select
                      className="field__control field__control--select import__role"
                      aria-label={`Role of column “${header}”`}
                      value={column.role}
                      onChange={(event) => setRole(index, event.target.value as ColumnRole)}
                    >
                      {(roles as readonly ColumnRole[]).map((role) => (
                        <option key={role} value={role}>
                          {ROLE_LABELS[role]}
                        </option>
                      ))}
                    </select>
                  </th>
                );
              })}
            </tr>
            {mapping.columns.some((c) => c.role === 'score') && (
              <tr className="import__scale-row">
                <th scope="row" className="import__rownum">
                  Scale
                </th>
                {preview.headers.map((header, index) => {
                  const column = mapping.columns[index]!;
                  return (
                    <td key={index} className={column.role === 'score' ? 'is-mapped' : undefined}>
                      {column.role === 'score' && column.metric && (
                        <ScoreEditor
                          header={header}
                          column={column}
                          onChange={(next) => setColumn(index, next)}
                        />
                      )}
                    </td>
                  );
                })}
              </tr>
            )}
          </thead>
          <tbody>
            {preview.rows.map((row, r) => (
              <tr key={r}>
                <th scope="row" className="import__rownum">
                  {preview.firstRowNumber + r}
                </th>
                {row.map((cell, c) => (
                  <td key={c} className={mapping.columns[c]?.role !== 'ignore' ? 'is-mapped' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="import__preset">
        <label htmlFor={`${id}-preset`}>Remember this mapping for files with these columns as</label>
        <input
          id={`${id}-preset`}
          className="field__control"
          value={props.presetName}
          maxLength={200}
          onChange={(event) => props.onPresetName(event.target.value)}
        />
        <button
          type="button"
          className="button button--small"
          disabled={props.presetName.trim() === ''}
          onClick={props.onSavePreset}
        >
          Save preset
        </button>
      </div>
      {props.presetNote && (
        <p className="muted import__note" role="status">
          {props.presetNote}
        </p>
      )}
      {props.error && <ErrorBanner text={props.error} />}
      <div className="dialog__actions">
        {problem && <p className="import__problem">{problem}</p>}
        <button type="button" className="button" onClick={props.onBack}>
          Another file
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={problem !== null}
          onClick={props.onNext}
        >
          Check the file
        </button>
      </div>
    </div>
  );
}

function mappingProblemText(mapping: ImportMapping, headers: readonly string[]): string | null {
  const count = (role: ColumnRole) => mapping.columns.filter((c) => c.role === role).length;
  if (count('touchpoint') !== 1) return 'Choose one column as the touchpoint.';
  if (mapping.shape === 'responses') {
    if (count('score') === 0) return 'Choose at least one score column.';
    if (count('date') > 1) return 'Choose at most one date column.';
    if (count('comment') > 1) return 'Choose at most one comment column.';
    if (count('segment') > 1) return 'Choose at most one segment column.';
    const keys = mapping.columns.flatMap((c) => (c.metric ? [c.metric.key] : []));
    if (new Set(keys).size !== keys.length) return 'Two score columns have the same metric key.';
  } else {
    for (const role of ['metric', 'value', 'period'] as const)
      if (count(role) !== 1) return `Choose one ${ROLE_LABELS[role].toLowerCase()} column.`;
    if (count('n') > 1) return 'Choose at most one n column.';
  }
  return headers.length === mapping.columns.length ? null : 'The mapping does not fit this file.';
}

function ScoreEditor({
  header,
  column,
  onChange,
}: {
  header: string;
  column: ColumnMapping;
  onChange(column: ColumnMapping): void;
}) {
  const metric = column.metric!;
  const set = (patch: Partial<typeof metric>) => onChange({ ...column, metric: { ...metric, ...patch } });
  const scales = SCALE_CHOICES[metric.kind];
  const scaleValue = `${metric.scaleMin}-${metric.scaleMax}`;
  return (
    <div className="import__score">
      <select
        className="field__control field__control--select"
        aria-label={`Metric in column “${header}”`}
        value={metric.kind}
        onChange={(event) => {
          const kind = event.target.value as ScoreKind;
          onChange({
            ...column,
            metric: {
              ...metric,
              kind,
              key: metric.key === metric.kind ? kind : metric.key,
              label: SCORE_KIND_LABELS[kind],
              ...DEFAULT_SCALES[kind],
            },
          });
        }}
      >
        {(['nps', 'csat', 'ces'] as const).map((kind) => (
          <option key={kind} value={kind}>
            {SCORE_KIND_LABELS[kind]}
          </option>
        ))}
      </select>
      <select
        className="field__control field__control--select"
        aria-label={`Scale of column “${header}”`}
        value={scaleValue}
        disabled={metric.kind === 'nps'}
        onChange={(event) => {
          const [min, max] = event.target.value.split('-').map(Number) as [number, number];
          set({
            scaleMin: min,
            scaleMax: max,
            topBoxMin: metric.kind === 'nps' ? undefined : Math.max(min + 1, max - 1),
          });
        }}
      >
        {scales.map(([min, max]) => (
          <option key={`${min}-${max}`} value={`${min}-${max}`}>
            {min}–{max}
          </option>
        ))}
      </select>
      {metric.kind !== 'nps' && (
        <select
          className="field__control field__control--select"
          aria-label={`Top box of column “${header}”`}
          value={metric.topBoxMin ?? metric.scaleMax - 1}
          onChange={(event) => set({ topBoxMin: Number(event.target.value) })}
        >
          {Array.from({ length: metric.scaleMax - metric.scaleMin }, (_, i) => metric.scaleMin + 1 + i).map(
            (from) => (
              <option key={from} value={from}>
                top box {from}–{metric.scaleMax}
              </option>
            ),
          )}
        </select>
      )}
    </div>
  );
}

const SCALE_CHOICES: Record<ScoreKind, [number, number][]> = {
  nps: [[0, 10]],
  csat: [
    [1, 5],
    [1, 7],
    [1, 10],
    [0, 10],
  ],
  ces: [
    [1, 7],
    [1, 5],
  ],
};

// -------------------------------------------------------------------------------------------------

function ReadingStep({
  status,
  totalBytes,
  onCancel,
}: {
  status: ImportStatus | null;
  totalBytes: number;
  onCancel(): void;
}) {
  const bytes = status?.bytesRead ?? 0;
  const total = status?.totalBytes ?? totalBytes;
  const share = total > 0 ? Math.min(1, bytes / total) : 0;
  return (
    <div className="import__body">
      <p>Reading and checking every row. Nothing is stored yet.</p>
      <progress
        className="import__progress"
        max={total || 1}
        value={bytes}
        aria-label="Reading the file"
        aria-valuetext={`${Math.round(share * 100)}%`}
      />
      <p className="import__counts" role="status">
        {formatCount(status?.rowsRead ?? 0)} rows · {formatBytes(bytes)} of {formatBytes(total)} (
        {Math.round(share * 100)}%)
      </p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
      </div>
    </div>
  );
}

// -------------------------------------------------------------------------------------------------

function TouchpointsStep(props: {
  report: ImportReport;
  touchpoints: Touchpoint[];
  decisions: Map<string, Decision>;
  onDecide(value: string, decision: Decision): void;
  onBack(): void;
  onNext(): void;
}) {
  const unmatched = props.report.touchpoints.filter((t) => t.match === null);
  const matched = props.report.touchpoints.filter((t) => t.match !== null);
  const nameOf = (touchpointId: string) => props.touchpoints.find((t) => t.id === touchpointId)?.name ?? '—';
  return (
    <div className="import__body">
      <p>
        {unmatched.length === 1 ? 'One touchpoint' : `${unmatched.length} touchpoints`} in the file{' '}
        {unmatched.length === 1 ? 'is' : 'are'} not on this map. Map each to a touchpoint, create it, or
        ignore its rows. {matched.length > 0 && `${matched.length} matched by name or metric key.`}
      </p>
      <ul className="import__unmatched">
        {unmatched.map((value) => {
          const decision = props.decisions.get(value.value) ?? { kind: 'ignore' };
          const selectValue = decision.kind === 'map' ? `map:${decision.touchpointId}` : decision.kind;
          return (
            <li key={value.value} className="import__unmatched-item">
              <div className="import__unmatched-name">
                <strong>“{value.value}”</strong>
                <span className="muted">
                  {formatCount(value.rows)} row{value.rows === 1 ? '' : 's'}
                </span>
              </div>
              <div className="import__suggestions">
                {value.suggestions.map((s) => (
                  <button
                    key={s.touchpointId}
                    type="button"
                    className={`button button--small${decision.kind === 'map' && decision.touchpointId === s.touchpointId ? ' is-chosen' : ''}`}
                    aria-pressed={decision.kind === 'map' && decision.touchpointId === s.touchpointId}
                    onClick={() => props.onDecide(value.value, { kind: 'map', touchpointId: s.touchpointId })}
                  >
                    Map to {s.name}
                  </button>
                ))}
              </div>
              <select
                className="field__control field__control--select"
                aria-label={`What to do with “${value.value}”`}
                value={selectValue}
                onChange={(event) => {
                  const v = event.target.value;
                  props.onDecide(
                    value.value,
                    v === 'create'
                      ? { kind: 'create' }
                      : v === 'ignore'
                        ? { kind: 'ignore' }
                        : { kind: 'map', touchpointId: v.slice(4) },
                  );
                }}
              >
                <option value="ignore">Ignore these rows</option>
                <option value="create">Create touchpoint “{cutText(value.value, 60)}”</option>
                <optgroup label="Map to">
                  {props.touchpoints.map((t) => (
                    <option key={t.id} value={`map:${t.id}`}>
                      {t.name}
                    </option>
                  ))}
                </optgroup>
              </select>
            </li>
          );
        })}
      </ul>
      {matched.length > 0 && (
        <details className="import__matched">
          <summary>Matched touchpoints ({matched.length})</summary>
          <ul>
            {matched.map((t) => (
              <li key={t.value}>
                “{t.value}” → {nameOf(t.match!.touchpointId)} ({formatCount(t.rows)} rows, by{' '}
                {t.match!.by === 'metric-key' ? 'metric key' : 'name'})
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={props.onBack}>
          Back to columns
        </button>
        <button type="button" className="button button--primary" onClick={props.onNext}>
          Next: check
        </button>
      </div>
    </div>
  );
}

// -------------------------------------------------------------------------------------------------

function ReportStep(props: {
  report: ImportReport;
  decisions: Map<string, Decision>;
  error: string | null;
  storing: boolean;
  name: string;
  onName(name: string): void;
  allowDuplicate: boolean;
  onAllowDuplicate(allow: boolean): void;
  onBack(): void;
  onConfirm(): void;
}) {
  const id = useId();
  const { report } = props;
  const ignoredRows = report.touchpoints
    .filter((t) => t.match === null && (props.decisions.get(t.value)?.kind ?? 'ignore') === 'ignore')
    .reduce((sum, t) => sum + t.rows, 0);
  const accepted = report.rowsAccepted - ignoredRows;
  const rejected = report.rowsRejected + ignoredRows;
  const duplicate = report.duplicates[0];
  const nameProblem = props.name.trim() === '' ? 'Give the dataset a name.' : null;
  const blocked = accepted <= 0 || nameProblem !== null || (duplicate !== undefined && !props.allowDuplicate);
  return (
    <div className="import__body">
      <div className="import__summary">
        <div className="import__figure">
          <span className="import__figure-value">{formatCount(accepted)}</span>
          <span>rows to import</span>
        </div>
        <div className={`import__figure${rejected > 0 ? ' is-warning' : ''}`}>
          <span className="import__figure-value">{formatCount(rejected)}</span>
          <span>rows left out</span>
        </div>
        <div className="import__figure">
          <span className="import__figure-value">{report.metrics.map((m) => m.label).join(', ') || '—'}</span>
          <span>
            {report.firstDay ? `${report.firstDay} to ${report.lastDay}` : 'no dates'}
            {report.comments > 0 && ` · ${formatCount(report.comments)} comments`}
          </span>
        </div>
      </div>
      {report.segments.length > 0 && (
        <p className="import__segments" data-testid="import-segments">
          <strong>Segments:</strong>{' '}
          {report.segments
            .map((s) => `${s.value === '' ? 'No segment' : s.value} (${formatCount(s.rows)} rows)`)
            .join(', ')}
        </p>
      )}
      {report.warnings.map((warning) => (
        <p key={warning} className="banner banner--warning import__note">
          <Icon name="alert" size={16} /> {warning}
        </p>
      ))}
      {report.issues.length === 0 && ignoredRows === 0 ? (
        <p className="import__ok">
          <Icon name="check" size={16} /> Every row was read without a problem.
        </p>
      ) : (
        <table className="import__issues" aria-label="Problems found">
          <thead>
            <tr>
              <th scope="col">Problem</th>
              <th scope="col">Count</th>
              <th scope="col">Examples (row, column: value)</th>
            </tr>
          </thead>
          <tbody>
            {report.issues.map((issue) => (
              <tr key={issue.reason}>
                <th scope="row">
                  {ISSUE_LABELS[issue.reason]}
                  {CELL_ONLY_REASONS.has(issue.reason) && (
                    <span className="import__issue-note">
                      Only the cell is left out; the row's other values count.
                    </span>
                  )}
                  {NOTE_REASONS.has(issue.reason) && (
                    <span className="import__issue-note">The rows are imported, under “No segment”.</span>
                  )}
                </th>
                <td>{formatCount(issue.count)}</td>
                <td>
                  {issue.examples
                    .map(
                      (e) =>
                        `row ${e.row}${e.column ? `, ${e.column}` : ''}${e.value !== null ? `: “${e.value}”` : ''}`,
                    )
                    .join('; ')}
                </td>
              </tr>
            ))}
            {ignoredRows > 0 && (
              <tr>
                <th scope="row">{ISSUE_LABELS['ignored-touchpoint']}</th>
                <td>{formatCount(ignoredRows)}</td>
                <td>
                  {report.touchpoints
                    .filter(
                      (t) =>
                        t.match === null && (props.decisions.get(t.value)?.kind ?? 'ignore') === 'ignore',
                    )
                    .map((t) => `“${t.value}”`)
                    .join(', ')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      {duplicate && (
        <div className="banner banner--warning import__note" role="alert">
          <Icon name="alert" />
          <div className="banner__text">
            <p>
              <strong>This file was imported into this map before</strong> as “{duplicate.name}” on{' '}
              {new Date(duplicate.importedAt).toLocaleString()}. Importing it again counts its responses
              twice.
            </p>
            <label className="import__check">
              <input
                type="checkbox"
                checked={props.allowDuplicate}
                onChange={(event) => props.onAllowDuplicate(event.target.checked)}
              />
              Import it again anyway
            </label>
          </div>
        </div>
      )}
      <div className="import__name">
        <label htmlFor={`${id}-name`}>Dataset name</label>
        <input
          id={`${id}-name`}
          className={`field__control${nameProblem ? ' is-invalid' : ''}`}
          value={props.name}
          maxLength={200}
          onChange={(event) => props.onName(event.target.value)}
        />
      </div>
      {props.error && <ErrorBanner text={props.error} />}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={props.onBack} disabled={props.storing}>
          Back
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={blocked || props.storing}
          onClick={props.onConfirm}
        >
          {props.storing ? 'Importing…' : `Import ${formatCount(Math.max(0, accepted))} rows`}
        </button>
      </div>
    </div>
  );
}

function DoneStep({
  dataset,
  report,
  onClose,
}: {
  dataset: DatasetSummary;
  report: ImportReport | null;
  onClose(): void;
}) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <div className="import__body">
      <p className="import__ok" role="status">
        <Icon name="check" size={18} /> Imported “{dataset.name}”: {formatCount(dataset.rowsAccepted)} rows
        stored, {formatCount(dataset.rowsRejected)} left out.
      </p>
      {report && (
        <ul className="import__done-list">
          {report.metrics.map((m) => (
            <li key={m.key}>
              {m.label}: {formatCount(m.values)} scores
            </li>
          ))}
          {report.comments > 0 && <li>{formatCount(report.comments)} comments, searchable</li>}
        </ul>
      )}
      <p className="muted">It is listed under Datasets, where it can be removed again.</p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={() => importPanelStore.getState().open('datasets')}>
          Show datasets
        </button>
        <button ref={closeRef} type="button" className="button button--primary" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}
