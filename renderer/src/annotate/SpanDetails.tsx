/**
 * The selected span: its label, text, the attributes of its label and a note. Text
 * fields commit when they lose focus or on Enter, so one edit is one undo step. Every
 * field belongs to the span it was drawn for: it is drawn anew when the selection
 * changes, and a draft not yet committed then goes to its own span, never the next one.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { AttributeValue, Span } from '../../../shared/model/annotations.js';
import type { CanonicalEntity } from '../../../shared/model/entities.js';
import type { AttributeDef, LabelDef } from '../../../shared/model/labels.js';
import { timexProblem } from '../../../shared/model/timex.js';
import type { SpanPatch } from './layer-state.js';
import { RefPicker } from './RefPicker.js';
import { isTimexLabel, TimexFields } from './TimexFields.js';

/** The project's canonical entities, and making a new one (for `ref` fields). */
export interface EntityLinks {
  entities: readonly CanonicalEntity[];
  onCreateEntity?: (entity: { name: string; kind: string; aliases: string[] }) => Promise<CanonicalEntity>;
  /** The kinds an entity may have. */
  entityKinds: readonly string[];
}

interface Props extends EntityLinks {
  span: Span;
  spans: readonly Span[];
  labels: readonly LabelDef[];
  onRelabel: (labelId: string) => void;
  /** A change to the span with this id (the one the field was drawn for). */
  onChange: (spanId: string, patch: SpanPatch) => void;
  onDelete: () => void;
  /** Suggest this span's words (and its entity's other names) wherever else they occur. */
  onFindOccurrences?: () => void;
  /** Who created and changed the span, and when (the sync feature's SpanHistory). */
  history?: ReactNode;
}

export function SpanDetails(props: Props) {
  // A fresh set of fields for each span: no draft outlives the span it was typed for.
  return <SpanFields key={props.span.id} {...props} />;
}

function SpanFields({ span, spans, labels, onRelabel, onChange, onDelete, onFindOccurrences, entities, onCreateEntity, entityKinds, history }: Props) {
  const label = labels.find((candidate) => candidate.id === span.label);
  const spanId = span.id;
  const setAttribute = (id: string, value: AttributeValue) => onChange(spanId, { attributes: { [id]: value } });
  const field = (attribute: AttributeDef) => (
    <AttributeField
      key={attribute.id}
      attribute={attribute}
      value={span.attributes[attribute.id] ?? null}
      span={span}
      spans={spans}
      entities={entities}
      entityKinds={entityKinds}
      {...(onCreateEntity ? { onCreateEntity } : {})}
      onChange={(value) => setAttribute(attribute.id, value)}
    />
  );
  return (
    <section className="span-details" aria-label="Selected span">
      <h2 className="pane-title">Selected span</h2>
      <label className="field">
        <span>Label</span>
        <select value={span.label} onChange={(event) => onRelabel(event.target.value)} aria-label="Label">
          {labels.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name} ({option.key})
            </option>
          ))}
        </select>
      </label>
      <blockquote className="span-text" dir="auto" data-testid="span-text">
        {span.quote.exact}
      </blockquote>
      <p className="muted small">
        Characters {span.start}–{span.end}
      </p>
      {label && isTimexLabel(label.attributes) ? (
        <TimexFields attributes={label.attributes} values={span.attributes} field={(attribute) => field(attribute)} />
      ) : (
        label?.attributes.map((attribute) => field(attribute))
      )}
      <CommitField label="Note" multiline value={span.note ?? ''} onCommit={(note) => onChange(spanId, { note })} />
      {onFindOccurrences && (
        <button type="button" onClick={onFindOccurrences}>
          Tag all occurrences…
        </button>
      )}
      <button type="button" className="danger" onClick={onDelete}>
        Remove span (Delete)
      </button>
      {history}
    </section>
  );
}

interface AttributeFieldProps extends EntityLinks {
  attribute: AttributeDef;
  value: AttributeValue;
  span: Span;
  spans: readonly Span[];
  onChange: (value: AttributeValue) => void;
}

function AttributeField({ attribute, value, span, spans, onChange, entities, onCreateEntity, entityKinds }: AttributeFieldProps) {
  switch (attribute.type) {
    case 'enum':
      return (
        <label className="field">
          <span>{attribute.name}</span>
          <select value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.target.value || null)} aria-label={attribute.name}>
            <option value="">—</option>
            {attribute.values.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </label>
      );
    case 'boolean':
      return (
        <label className="field checkbox">
          <input type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} /> {attribute.name}
        </label>
      );
    case 'ref':
      return <RefPicker attribute={attribute} value={value} span={span} spans={spans} entities={entities} kinds={entityKinds} onChange={onChange} {...(onCreateEntity ? { onCreateEntity } : {})} />;
    case 'timex':
      return <CommitField label={attribute.name} placeholder="e.g. 2020-03-29, 2020-W13, P3D" value={typeof value === 'string' ? value : ''} validate={(text) => (text === '' ? null : timexProblem(text))} onCommit={(text) => onChange(text || null)} />;
    case 'text':
      return <CommitField label={attribute.name} value={typeof value === 'string' ? value : ''} onCommit={(text) => onChange(text || null)} />;
  }
}

interface CommitFieldProps {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  /** Why a draft cannot be committed (then it is kept, with the reason under it), or null. */
  validate?: (draft: string) => string | null;
  multiline?: boolean;
  placeholder?: string;
}

function CommitField({ label, value, onCommit, validate, multiline = false, placeholder }: CommitFieldProps) {
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  // The value as last given or committed, and the latest draft and commit, for the
  // clean-up below (which sees only the first render's closure).
  const latest = useRef({ value, draft, onCommit });
  latest.current = { ...latest.current, draft, onCommit };
  useEffect(() => {
    latest.current.value = value;
    setDraft(value);
  }, [value]);
  const commit = () => {
    const { draft: text, value: committed, onCommit: send } = latest.current;
    const why = validate?.(text) ?? null;
    setProblem(why);
    if (text === committed || why) return;
    latest.current.value = text;
    send(text);
  };
  // Unmounted with a draft (the selection moved on without a blur): it is its span's.
  useEffect(() => () => commit(), []);
  const common = {
    value: draft,
    placeholder,
    'aria-label': label,
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setDraft(event.target.value),
    onBlur: commit,
    onKeyDown: (event: React.KeyboardEvent) => {
      if (event.key === 'Enter' && !(multiline && event.shiftKey)) {
        event.preventDefault();
        commit();
      }
      if (event.key === 'Escape') {
        latest.current.draft = latest.current.value;
        setDraft(latest.current.value);
        setProblem(null);
      }
    },
  };
  const described = problem ? { 'aria-invalid': true, 'aria-describedby': problemId } : {};
  return (
    <label className="field">
      <span>{label}</span>
      {multiline ? <textarea rows={3} {...common} {...described} /> : <input type="text" {...common} {...described} />}
      {problem && (
        <span id={problemId} className="field-problem" role="alert">
          {problem}; not saved
        </span>
      )}
    </label>
  );
}
