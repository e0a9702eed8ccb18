/**
 * The selected span: its label, text, the attributes of its label and a note. Text
 * fields commit when they lose focus or on Enter, so one edit is one undo step. Every
 * field belongs to the span it was drawn for: it is drawn anew when the selection
 * changes, and a draft not yet committed then goes to its own span, never the next one.
 */
import type { ReactNode } from 'react';
import type { AttributeValue, Span } from '../../../shared/model/annotations.js';
import type { CanonicalEntity } from '../../../shared/model/entities.js';
import type { AttributeDef, LabelDef } from '../../../shared/model/labels.js';
import { timexProblem } from '../../../shared/model/timex.js';
import type { SpanPatch } from './layer-state.js';
import { RefPicker } from './RefPicker.js';
import { CommitField } from '../ui/CommitField.js';
import { isTimexLabel, TimexFields } from './TimexFields.js';
import type { PageStart } from '../../../shared/text/pages.js';
import { SpanPages } from './SpanPages.js';
import { ClaimLinkField, type ClaimLinking } from './ClaimLinkField.js';

/** What `ref` fields point at: the project's canonical entities (and making one), and its canonical claims. */
export interface EntityLinks {
  entities: readonly CanonicalEntity[];
  claimLinking?: ClaimLinking | undefined;
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
  /** Where the pages of the document's PDF begin, to say which page the span is on. */
  pages?: readonly PageStart[] | undefined;
  /** Who created and changed the span, and when (the sync feature's SpanHistory). */
  history?: ReactNode;
}

export function SpanDetails(props: Props) {
  // A fresh set of fields for each span: no draft outlives the span it was typed for.
  return <SpanFields key={props.span.id} {...props} />;
}

function SpanFields({ span, spans, labels, onRelabel, onChange, onDelete, onFindOccurrences, entities, onCreateEntity, entityKinds, claimLinking, pages, history }: Props) {
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
      claimLinking={claimLinking}
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
        <SpanPages pages={pages} start={span.start} end={span.end} />
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

function AttributeField({ attribute, value, span, spans, onChange, entities, onCreateEntity, entityKinds, claimLinking }: AttributeFieldProps) {
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
      if (attribute.to.includes('claim') && claimLinking) return <ClaimLinkField attribute={attribute} value={value} span={span} linking={claimLinking} onChange={onChange} />;
      return <RefPicker attribute={attribute} value={value} span={span} spans={spans} entities={entities} kinds={entityKinds} onChange={onChange} {...(onCreateEntity ? { onCreateEntity } : {})} />;
    case 'timex':
      return <CommitField label={attribute.name} placeholder="e.g. 2020-03-29, 2020-W13, P3D" value={typeof value === 'string' ? value : ''} validate={(text) => (text === '' ? null : timexProblem(text))} onCommit={(text) => onChange(text || null)} />;
    case 'text':
      return <CommitField label={attribute.name} value={typeof value === 'string' ? value : ''} onCommit={(text) => onChange(text || null)} />;
  }
}
