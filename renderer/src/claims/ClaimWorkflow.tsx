/**
 * The checking workflow of one claim: where it stands (unverified → researching → rated →
 * reviewed), the verdict, a second person's sign-off, moving back, and who did what when.
 * The rules are the service's (shared/claims/changes.ts); here they only decide which
 * buttons say why they cannot be pressed.
 */
import { useState } from 'react';
import type { ClaimChange } from '../../../shared/claims/changes.js';
import { CLAIM_STATUSES, RATINGS, type CanonicalClaim, type Rating } from '../../../shared/model/claims.js';
import { RATING_NAMES, STATUS_NAMES, STATUS_SIGNS } from './status.js';

interface Props {
  claim: CanonicalClaim;
  annotator: string | null;
  onChange: (changes: ClaimChange[]) => void;
}

export function ClaimWorkflow({ claim, annotator, onChange }: Props) {
  const [rating, setRating] = useState<Rating>(claim.verdict?.rating ?? 'mixed');
  const [explanation, setExplanation] = useState(claim.verdict?.explanation ?? '');
  const step = CLAIM_STATUSES.indexOf(claim.status);
  const ownVerdict = claim.verdict?.by === annotator;
  const move = (to: CanonicalClaim['status']) => onChange([{ kind: 'move', claimId: claim.id, to }]);
  return (
    <section className="workflow" aria-label="Checking">
      <h3>Checking</h3>
      <ol className="steps" aria-label="Status">
        {CLAIM_STATUSES.map((status, i) => (
          <li key={status} aria-current={status === claim.status ? 'step' : undefined} className={i <= step ? 'done' : undefined}>
            <span aria-hidden="true">{STATUS_SIGNS[status]}</span> {STATUS_NAMES[status]}
          </li>
        ))}
      </ol>
      <div className="buttons start">
        {claim.status === 'unverified' && (
          <button type="button" onClick={() => move('researching')}>
            Start research
          </button>
        )}
        {claim.status === 'rated' && (
          <button type="button" className="primary" disabled={ownVerdict} onClick={() => move('reviewed')} title={ownVerdict ? 'A second person signs off a verdict: you gave this one' : 'Sign off the verdict: the claim is reviewed'}>
            Sign off as reviewed
          </button>
        )}
        {step > 0 && (
          <label className="field inline">
            <span>Move back to</span>
            <select value="" onChange={(event) => event.target.value && move(event.target.value as CanonicalClaim['status'])}>
              <option value="">—</option>
              {CLAIM_STATUSES.slice(0, step).map((status) => (
                <option key={status} value={status}>
                  {STATUS_NAMES[status]}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {claim.status === 'rated' && ownVerdict && <p className="muted small">Waiting for a second person to sign off your verdict.</p>}
      {claim.signOff && (
        <p className="small">
          Signed off by <strong>{claim.signOff.by}</strong>, {when(claim.signOff.at)}.
        </p>
      )}
      <form
        className="verdict"
        aria-label="Verdict"
        onSubmit={(event) => {
          event.preventDefault();
          onChange([{ kind: 'verdict', claimId: claim.id, rating, ...(explanation.trim() ? { explanation: explanation.trim() } : {}) }]);
        }}
      >
        <label className="field">
          <span>Verdict</span>
          <select value={rating} onChange={(event) => setRating(event.target.value as Rating)}>
            {RATINGS.map((value) => (
              <option key={value} value={value}>
                {RATING_NAMES[value]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Why (the review's text)</span>
          <textarea rows={3} value={explanation} onChange={(event) => setExplanation(event.target.value)} />
        </label>
        <div className="buttons start">
          <button type="submit">{claim.verdict ? 'Change the verdict' : 'Rate the claim'}</button>
          {claim.verdict && (
            <span className="muted small">
              Now: {RATING_NAMES[claim.verdict.rating]}, by {claim.verdict.by}, {when(claim.verdict.at)}
            </span>
          )}
        </div>
      </form>
      {claim.history.length > 0 && (
        <details className="history">
          <summary>History ({claim.history.length})</summary>
          <ol>
            {claim.history.map((change, i) => (
              <li key={i}>
                {change.by}: {STATUS_NAMES[change.from]} → {STATUS_NAMES[change.to]}, {when(change.at)}
                {change.note ? ` — ${change.note}` : ''}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

/** A timestamp as a person reads it, in their time zone. */
export function when(at: string): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
