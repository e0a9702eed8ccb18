/**
 * The selected span: its label, text, the attributes of its label and a note. Text
 * fields commit when they lose focus or on Enter, so one edit is one undo step. Every
 * field belongs to the span it was drawn for: it is drawn anew when the selection
 * changes, and a draft not yet committed then goes to its own span, never the next one.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { AttributeValue, Span } from '../../../shared/model/annotations.js';
import type { AttributeDef, LabelDef } from '../../../shared/model/labels.js';
import { timexProblem } from '../../../shared/model/timex.js';
import type { SpanPatch } from '../annotate/layer-state.js';
import { isTimexLabel, TimexFields } from './TimexFields.js';

interface Props {
  span: Span;
  spans: readonly Span[];
  labels: readonly LabelDef[];
  onRelabel: (labelId: string) => void;
  /** A change to the span with this id (the one the field was drawn for). */
  onChange: (spanId: string, patch: SpanPatch) => void;
  onDelete: () => void;
  /** Suggest this span's words (and its entity's other names) wherever else they occur. */
  onFindOccurrences?: () => void;
}

export function SpanDetails(props: Props) {
  // A fresh set of fields for each span: no draft outlives the span it was typed for.
  return <SpanFields key={props.span.id} {...props} />;
}

function SpanFields({ span, spans, labels, onRelabel, onChange, onDelete, onFindOccurrences }: Props) {
  const label = labels.find((candidate) => candidate.id === span.label);
  const spanId = span.id;
  const setAttribute = (id: string, value: AttributeValue) => onChange(spanId, { attributes: { [id]: value } });
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
        <TimexFields attributes={label.attributes} values={span.attributes} field={(attribute) => <AttributeField attribute={attribute} value={span.attributes[attribute.id] ?? null} span={span} spans={spans} onChange={(value) => setAttribute(attribute.id, value)} />} />
      ) : (
        label?.attributes.map((attribute) => <AttributeField key={attribute.id} attribute={attribute} value={span.attributes[attribute.id] ?? null} span={span} spans={spans} onChange={(value) => setAttribute(attribute.id, value)} />)
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
    </section>
  );
}

/** A reference menu offers the spans nearest the selected one: a claimant is named close by. */
const NEAREST_REFS = 40;
/** ...looked for within this many characters. */
const NEARBY = 20_000;

function AttributeField({ attribute, value, span, spans, onChange }: { attribute: AttributeDef; value: AttributeValue; span: Span; spans: readonly Span[]; onChange: (value: AttributeValue) => void }) {
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
      return <RefField attribute={attribute} value={value} span={span} spans={spans} onChange={onChange} />;
    case 'timex':
      return <CommitField label={attribute.name} placeholder="e.g. 2020-03-29, 2020-W13, P3D" value={typeof value === 'string' ? value : ''} validate={(text) => (text === '' ? null : timexProblem(text))} onCommit={(text) => onChange(text || null)} />;
    case 'text':
      return <CommitField label={attribute.name} value={typeof value === 'string' ? value : ''} onCommit={(text) => onChange(text || null)} />;
  }
}

/** A reference to another span: the nearest candidates, computed once per change. */
function RefField({ attribute, value, span, spans, onChange }: { attribute: AttributeDef & { type: 'ref' }; value: AttributeValue; span: Span; spans: readonly Span[]; onChange: (value: AttributeValue) => void }) {
  const options = useMemo(() => {
    const allowedLabels = attribute.to.filter((to) => to.startsWith('span')).map((to) => (to === 'span' ? null : to.slice('span:'.length)));
    return spans
      .filter((candidate) => Math.abs(candidate.start - span.start) < NEARBY && candidate.id !== span.id && allowedLabels.some((allowed) => allowed === null || allowed === candidate.label))
      .map((candidate) => ({ candidate, distance: Math.abs(candidate.start - span.start) }))
      .sort((a, b) => a.distance - b.distance)
      .slice(0, NEAREST_REFS)
      .map(({ candidate }) => candidate)
      .sort((a, b) => a.start - b.start);
  }, [attribute, span.id, span.start, spans]);
  return (
    <label className="field">
      <span>{attribute.name}</span>
      <select value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.target.value || null)} aria-label={attribute.name}>
        <option value="">—</option>
        {typeof value === 'string' && !options.some((option) => option.id === value) && <option value={value}>{spans.find((option) => option.id === value)?.quote.exact.slice(0, 60) ?? value}</option>}
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.quote.exact.slice(0, 60)}
          </option>
        ))}
      </select>
    </label>
  );
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
