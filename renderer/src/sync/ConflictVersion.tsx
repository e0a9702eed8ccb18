/**
 * One version at a conflict, as a person reads it: text as text; a claim's verdict as a
 * verdict ("False", why, who gave it and when), since the choice between two verdicts is
 * made on what they say, not on their JSON; anything else as indented JSON.
 */
import { when } from './time.js';

interface VerdictShape {
  rating: string;
  explanation?: string;
  by: string;
  at: string;
}

function isVerdict(value: unknown): value is VerdictShape {
  if (typeof value !== 'object' || value === null) return false;
  const { rating, by, at, explanation } = value as Record<string, unknown>;
  return typeof rating === 'string' && typeof by === 'string' && typeof at === 'string' && (explanation === undefined || typeof explanation === 'string');
}

/** "mostly-false" as "Mostly false". */
function ratingName(rating: string): string {
  const words = rating.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `absent`: what a missing value means here: removed on that side, or not there before. */
export function ConflictVersion({ value, absent = 'removed' }: { value: unknown; absent?: string }) {
  if (value === undefined) return <em className="muted">{absent}</em>;
  if (typeof value === 'string') return <span className="conflict-text">{value.length > 4000 ? `${value.slice(0, 4000)}…` : value}</span>;
  if (isVerdict(value)) {
    return (
      <span className="conflict-verdict">
        <strong>{ratingName(value.rating)}</strong>
        {value.explanation && <span className="conflict-text">{value.explanation}</span>}
        <span className="muted small">
          by {value.by}, <time dateTime={value.at}>{when(value.at)}</time>
        </span>
      </span>
    );
  }
  return <pre className="conflict-json">{JSON.stringify(value, null, 2)}</pre>;
}
