/**
 * Suggestions for the open document, beside the article where they are drawn dashed.
 * One row per distinct name (with how often it occurs), per date and per claim (claims
 * ranked by check-worthiness), each with its confidence. Accept the occurrence in hand
 * (Enter, or Accept), every occurrence of the row (Accept all N), or every suggestion of
 * one label; reject a row (x: remembered in the layer and not offered again). The
 * threshold hides what is less sure than it.
 */
import type { LabelDef } from '../../../shared/model/labels.js';
import type { SuggestionRow } from '../../../shared/suggest/rows.js';
import type { Suggestion } from '../../../shared/suggest/suggestion.js';

interface Props {
  /** What is shown, in row order; `current` indexes it. */
  suggestions: readonly Suggestion[];
  rows: readonly SuggestionRow[];
  labels: readonly LabelDef[];
  current: number | null;
  threshold: number;
  /** How many are under the threshold. */
  hidden: number;
  onThreshold: (threshold: number) => void;
  onPick: (index: number) => void;
  onAccept: (index: number) => void;
  onAcceptRow: (index: number) => void;
  onRejectRow: (index: number) => void;
  onAcceptLabel: (label: string) => void;
  /** Shown for "tag all occurrences": look in the project's other documents too. */
  onOtherDocuments?: (() => void) | undefined;
  onClose: () => void;
}

const describe = (suggestion: Suggestion) =>
  Object.entries(suggestion.attributes)
    .map(([name, value]) => `${name}: ${String(value)}`)
    .concat(suggestion.claimant ? [`claimant: ${suggestion.claimant.text}`] : [])
    .join(' · ');

const percent = (value: number) => `${Math.round(value * 100)}%`;

export function SuggestPanel({ suggestions, rows, labels, current, threshold, hidden, onThreshold, onPick, onAccept, onAcceptRow, onRejectRow, onAcceptLabel, onOtherDocuments, onClose }: Props) {
  const byLabel = labels.filter((label) => suggestions.some((suggestion) => suggestion.label === label.id));
  const name = (id: string) => labels.find((label) => label.id === id)?.name ?? id;
  let start = 0;
  return (
    <section className="suggest-panel" aria-label="Suggestions">
      <header className="review-header">
        <h2>Suggestions ({suggestions.length})</h2>
        <p className="muted small">Enter accepts the one in hand, x rejects its row, ] and [ move. Nothing is saved until you accept.</p>
        <label className="field inline">
          <span>Confidence at least</span>
          <input type="range" min={0} max={0.95} step={0.05} value={threshold} onChange={(event) => onThreshold(Number(event.target.value))} aria-label="Confidence at least" aria-valuetext={percent(threshold)} />
          <output>{percent(threshold)}</output>
        </label>
        {hidden > 0 && <p className="muted small" role="status">{hidden} less sure hidden</p>}
        <div className="buttons">
          {byLabel.map((label, i) => (
            <button key={label.id} type="button" className={`tag-button fm-label-${labels.indexOf(label)}`} onClick={() => onAcceptLabel(label.id)} data-index={i}>
              Accept all {suggestions.filter((suggestion) => suggestion.label === label.id).length} {label.name.toLowerCase()}
            </button>
          ))}
          {onOtherDocuments && (
            <button type="button" onClick={onOtherDocuments}>
              In other documents…
            </button>
          )}
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </header>
      {suggestions.length === 0 && <p className="muted">Nothing (more) to suggest here.</p>}
      <ol className="suggest-list" aria-label="Suggested spans">
        {rows.map((row) => {
          const first = start;
          start += row.members.length;
          const count = row.members.length;
          const inRow = current !== null && current >= first && current < first + count;
          const shown = row.members[inRow ? (current as number) - first : 0] as Suggestion;
          const at = inRow ? (current as number) : first;
          return (
            <li key={row.key} className={inRow ? 'current' : undefined} aria-current={inRow ? 'true' : undefined}>
              <button type="button" className="link" onClick={() => onPick(inRow && count > 1 ? first + (((current as number) - first + 1) % count) : first)} title={shown.reason}>
                <strong>{name(row.label)}</strong> “{shown.text}”{count > 1 && <span className="muted"> ×{count}</span>}
              </button>
              <div className="muted small">
                {inRow && <span className="in-hand">In hand · </span>}
                {[describe(shown), row.confidence !== null ? `confidence ${percent(row.confidence)}` : null, count > 1 && inRow ? `${(current as number) - first + 1} of ${count}` : null].filter(Boolean).join(' · ')}
              </div>
              <span className="buttons">
                <button type="button" onClick={() => onAccept(at)} aria-label={`Accept ${row.label} “${shown.text}”${count > 1 ? ' here' : ''}`}>
                  Accept{count > 1 ? ' one' : ''}
                </button>
                {count > 1 && (
                  <button type="button" onClick={() => onAcceptRow(at)} aria-label={`Accept all ${count} “${shown.text}”`}>
                    Accept all {count}
                  </button>
                )}
                <button type="button" onClick={() => onRejectRow(at)} aria-label={`Reject ${row.label} “${shown.text}”${count > 1 ? ` (all ${count})` : ''}`}>
                  ×
                </button>
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
