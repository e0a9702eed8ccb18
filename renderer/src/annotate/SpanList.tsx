/**
 * The current annotator's spans on this document (given in text order), grouped by label, with
 * a filter. Long groups show their first part until asked for all, so a document with
 * thousands of spans still opens fast.
 */
import { memo, useEffect, useMemo, useState } from 'react';
import type { Span } from '../../../shared/model/annotations.js';
import type { LabelDef } from '../../../shared/model/labels.js';

const SHOWN_PER_GROUP = 200;

interface Props {
  spans: readonly Span[];
  labels: readonly LabelDef[];
  selectedId: string | null;
  unplaced: readonly string[];
  onPick: (span: Span) => void;
}

export const SpanList = memo(function SpanList({ spans, labels, selectedId, unplaced, onPick }: Props) {
  const [filter, setFilter] = useState('');
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  // For benchmarks: when the list shows these spans (it follows the article by a frame).
  useEffect(() => {
    const frame = requestAnimationFrame(() => setTimeout(() => performance.mark('factmark:panels', { detail: { spans: spans.length } }), 0));
    return () => cancelAnimationFrame(frame);
  }, [spans]);
  // `spans` come in text order (the layer keeps them so): one pass groups them.
  const groups = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const byLabel = new Map(labels.map((label) => [label.id, [] as Span[]]));
    for (const span of spans) {
      if (needle && !`${span.quote.exact} ${span.note ?? ''} ${Object.values(span.attributes).join(' ')}`.toLowerCase().includes(needle)) continue;
      byLabel.get(span.label)?.push(span);
    }
    return labels.map((label, index) => ({ label, index, spans: byLabel.get(label.id) ?? [] }));
  }, [spans, labels, filter]);

  return (
    <section className="span-list" aria-label="Spans">
      <h2 className="pane-title">Spans ({spans.length})</h2>
      <input className="filter" type="search" placeholder="Filter spans" value={filter} onChange={(event) => setFilter(event.target.value)} aria-label="Filter spans" />
      {groups.map(({ label, index, spans: group }) => {
        const all = expanded.has(label.id);
        const shown = all ? group : group.slice(0, SHOWN_PER_GROUP);
        return (
          <div key={label.id} className={`span-group fm-label-${index}`} data-label={label.id}>
            <h3>
              <span className="swatch" aria-hidden="true" /> {label.name} <span className="muted">({group.length})</span>
            </h3>
            <ul>
              {shown.map((span) => (
                <SpanRow key={span.id} span={span} selected={span.id === selectedId} unplaced={unplaced.includes(span.id)} onPick={onPick} />
              ))}
            </ul>
            {group.length > shown.length && (
              <button type="button" className="link" onClick={() => setExpanded(new Set([...expanded, label.id]))}>
                Show all {group.length}
              </button>
            )}
          </div>
        );
      })}
    </section>
  );
});

/** One row; unchanged rows are not rendered again when a span is added elsewhere. */
const SpanRow = memo(function SpanRow({ span, selected, unplaced, onPick }: { span: Span; selected: boolean; unplaced: boolean; onPick: (span: Span) => void }) {
  return (
    <li>
      <button type="button" className="span-item" aria-current={selected ? 'true' : undefined} data-span-id={span.id} onClick={() => onPick(span)} dir="auto">
        {unplaced && <span className="warning" title="Its text is no longer in the document">⚠ </span>}
        {clip(span.quote.exact)}
      </button>
    </li>
  );
});

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 90 ? `${flat.slice(0, 87)}…` : flat;
}
