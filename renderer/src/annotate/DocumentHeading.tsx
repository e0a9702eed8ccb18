/**
 * Above the article: its title and byline, the layer's progress, which layer is shown
 * (one's own, or a colleague's read-only), the ways into comparing and suggestions, and
 * the notices that explain what the reader is looking at.
 */
import type { DocumentSummary } from '../../../shared/api.js';
import type { LayerStatus } from '../../../shared/model/annotations.js';
import type { ReviewSetup } from './review-setup.js';
import { GuessedNote } from './GuessedNote.js';
import { SourceNote } from './SourceNote.js';
import { byline, HEADING_WORDS, LAYER_STATUSES, layerChoices, NO_DATE_WARNING, progressLabel } from './heading-text.js';

interface Props {
  summary: DocumentSummary;
  /** Whose layer is shown, its progress, and whether it may be changed here. */
  layer: { annotator: string; status: LayerStatus; readOnly: boolean };
  onStatus: (status: LayerStatus) => void;
  /** The person using the app, and every annotator with a layer on this document. */
  me: string | null;
  layersHere: readonly string[];
  /** The colleague's layer chosen under "Layer" (null: one's own). */
  viewing: string | null;
  onViewLayer: (annotator: string) => void;
  review: ReviewSetup | null;
  onDetails: () => void;
  onCompare: () => void;
  onSuggest: () => void;
  notices: { adjudication: string | null };
}

export function DocumentHeading({ summary, layer, onStatus, me, layersHere, viewing, onViewLayer, review, onDetails, onCompare, onSuggest, notices }: Props) {
  const { meta } = summary;
  return (
    <div className="document-heading">
      <h1 dir="auto">{meta.title ?? summary.id}</h1>
      {/* Groups wrap as a whole: a label never parts from its menu. */}
      <div className="heading-line muted">
        <span className="heading-group">
          {byline(meta)}
          <GuessedNote meta={meta} />
          <button type="button" className="link" onClick={onDetails}>
            {HEADING_WORDS.details}
          </button>
        </span>
        <label className="heading-group">
          {progressLabel(layer)}:
          <select value={layer.status} disabled={layer.readOnly} onChange={(event) => onStatus(event.target.value as LayerStatus)} aria-label={HEADING_WORDS.progressMenu}>
            {LAYER_STATUSES.map((status) => (
              <option key={status.value} value={status.value}>
                {status.name}
              </option>
            ))}
          </select>
        </label>
        {!review && (
          <label className="heading-group">
            {HEADING_WORDS.layer}:
            {/* The value is read in the handler: a controlled select shows its old value until the state changes. */}
            <select value={viewing ?? me ?? ''} onChange={(event) => onViewLayer(event.target.value)} aria-label={HEADING_WORDS.layerMenu}>
              {layerChoices(me, layersHere).map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {!review && (
          <span className="heading-group">
            <button type="button" className="link" onClick={onCompare}>
              {HEADING_WORDS.compare}
            </button>
            {!layer.readOnly && (
              <button type="button" className="link" onClick={onSuggest}>
                {HEADING_WORDS.suggest}
              </button>
            )}
          </span>
        )}
      </div>
      <SourceNote meta={meta} />
      {layer.readOnly && (
        <p className="notice" role="note">
          {layer.annotator}'s layer, read-only. Choose your own under Layer to tag.
        </p>
      )}
      {review && (
        <p className="notice" role="note">
          Comparing {review.a} (A) and {review.b} (B); decisions and your own tags go into “{review.into}”.
        </p>
      )}
      {notices.adjudication && <p className="banner error">{notices.adjudication}</p>}
      {!meta.published && (
        <p className="warning" role="note">
          {NO_DATE_WARNING}
        </p>
      )}
    </div>
  );
}
