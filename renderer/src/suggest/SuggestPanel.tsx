/**
 * Suggestions for the open document, beside the article where they are drawn dashed:
 * accept one (Enter, or its button), reject it (x: it is remembered in the layer and not
 * offered again), or accept every suggestion of one label at once.
 */
import type { LabelDef } from '../../../shared/model/labels.js';
import type { Suggestion } from '../../../shared/suggest/suggestion.js';

interface Props {
  suggestions: readonly Suggestion[];
  labels: readonly LabelDef[];
  current: number | null;
  onPick: (index: number) => void;
  onAccept: (index: number) => void;
  onReject: (index: number) => void;
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

export function SuggestPanel({ suggestions, labels, current, onPick, onAccept, onReject, onAcceptLabel, onOtherDocuments, onClose }: Props) {
  const byLabel = labels.filter((label) => suggestions.some((suggestion) => suggestion.label === label.id));
  return (
    <section className="suggest-panel" aria-label="Suggestions">
      <header className="review-header">
        <h2>Suggestions ({suggestions.length})</h2>
        <p className="muted small">Enter accepts the one in hand, x rejects it, ] and [ move. Nothing is saved until you accept.</p>
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
        {suggestions.map((suggestion, i) => (
          <li key={`${suggestion.label}:${suggestion.start}-${suggestion.end}`} className={i === current ? 'current' : undefined} aria-current={i === current ? 'true' : undefined}>
            <button type="button" className="link" onClick={() => onPick(i)} title={suggestion.reason}>
              <strong>{labels.find((label) => label.id === suggestion.label)?.name ?? suggestion.label}</strong> “{suggestion.text}”
            </button>
            {describe(suggestion) && <div className="muted small">{describe(suggestion)}</div>}
            <span className="buttons">
              <button type="button" onClick={() => onAccept(i)} aria-label={`Accept ${suggestion.label} “${suggestion.text}”`}>
                Accept
              </button>
              <button type="button" onClick={() => onReject(i)} aria-label={`Reject ${suggestion.label} “${suggestion.text}”`}>
                ×
              </button>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
