/**
 * The side panel of the compare view: a legend with the count of each kind of
 * difference, the progress of the review, the current difference with both versions
 * and their attribute differences, and the decisions (accept A, accept B, reject; or
 * tag your own version in the article).
 */
import type { AttributeValue, Span } from '../../../shared/model/annotations.js';
import type { Decision } from '../../../shared/review/adjudicate.js';
import { DIFFERENCE_KINDS, isDisagreement, type Comparison } from '../../../shared/review/compare.js';
import { plural } from '../../../shared/text/plural.js';
import { CLASS_LABELS, CLASS_NAMES } from './review-classes.js';
import type { ReviewSetup } from '../annotate/review-setup.js';

interface Props {
  setup: ReviewSetup;
  comparison: Comparison;
  decisions: readonly Decision[];
  /** Index of the current difference, or null. */
  current: number | null;
  onPick: (index: number) => void;
  onStep: (direction: 1 | -1) => void;
  onAccept: (side: 'a' | 'b') => void;
  onReject: () => void;
  onAcceptMatches: () => void;
  onAgreement: () => void;
  onClose: () => void;
}

export const DECISION_TEXT: Record<Decision, string> = { open: 'open', 'accepted-a': 'A accepted', 'accepted-b': 'B accepted', edited: 'own version', rejected: 'rejected' };

const show = (value: AttributeValue | undefined) => (value === undefined ? '—' : Array.isArray(value) ? value.join(', ') : String(value));

function Version({ name, who, span }: { name: string; who: string; span: Span | undefined }) {
  return (
    <div className="review-version">
      <strong>
        {name} ({who})
      </strong>
      {span ? (
        <p>
          <span className="review-label">{span.label}</span> {span.start}–{span.end}: <q dir="auto">{span.quote.exact}</q>
        </p>
      ) : (
        <p className="muted">no span here</p>
      )}
    </div>
  );
}

export function ReviewPanel({ setup, comparison, decisions, current, onPick, onStep, onAccept, onReject, onAcceptMatches, onAgreement, onClose }: Props) {
  const disagreements = comparison.differences.flatMap((difference, i) => (isDisagreement(difference) ? [i] : []));
  const decided = disagreements.filter((i) => decisions[i] !== 'open').length;
  const openMatches = comparison.differences.filter((difference, i) => difference.kind === 'match' && decisions[i] === 'open').length;
  const difference = current === null ? null : (comparison.differences[current] ?? null);
  const classIndex = (id: string) => CLASS_LABELS.findIndex((label) => label.id === id);
  // What the article paints in each colour: the open differences by kind, and the decided.
  const painted = Object.fromEntries([...DIFFERENCE_KINDS, 'decided'].map((kind) => [kind, 0])) as Record<(typeof DIFFERENCE_KINDS)[number] | 'decided', number>;
  comparison.differences.forEach((item, i) => painted[(decisions[i] ?? 'open') === 'open' ? item.kind : 'decided']++);
  return (
    <section className="review-panel" aria-label="Review">
      <header className="review-header">
        <h2>
          Reviewing {setup.a} (A) and {setup.b} (B)
        </h2>
        <p className="muted small">Decisions go into the layer “{setup.into}”.</p>
        <div className="buttons">
          <button type="button" onClick={onAgreement}>
            Agreement…
          </button>
          <button type="button" onClick={onClose}>
            Close review
          </button>
        </div>
      </header>
      <ul className="review-legend" aria-label="Differences by kind">
        {[...DIFFERENCE_KINDS, 'decided' as const].map((kind) => (
          <li key={kind} className={`fm-label-${classIndex(kind)}`} data-kind={kind}>
            <span className="swatch" aria-hidden="true" /> {CLASS_NAMES[kind]} <span className="count">{painted[kind]}</span>
          </li>
        ))}
      </ul>
      <p role="status" data-testid="review-progress">
        {decided} of {plural(disagreements.length, 'disagreement')} decided
        {openMatches > 0 ? `; ${plural(openMatches, 'match', 'matches')} not yet accepted` : ''}
      </p>
      <div className="buttons">
        <button type="button" onClick={() => onStep(-1)} title="Previous disagreement ([)">
          ← Previous
        </button>
        <button type="button" onClick={() => onStep(1)} title="Next disagreement (])">
          Next →
        </button>
        <button type="button" onClick={onAcceptMatches} disabled={openMatches === 0}>
          {openMatches === 0 ? 'No matches to accept' : openMatches === 1 ? 'Accept the 1 match' : `Accept all ${openMatches} matches`}
        </button>
      </div>
      {difference && current !== null ? (
        <div className="review-current" aria-label="Current difference">
          <h3>
            {CLASS_NAMES[difference.kind]} · <span data-testid="review-decision">{DECISION_TEXT[decisions[current] ?? 'open']}</span>
          </h3>
          <Version name="A" who={setup.a} span={difference.a} />
          <Version name="B" who={setup.b} span={difference.b} />
          {difference.attributeDiffs.length > 0 && (
            <table className="review-attributes">
              <thead>
                <tr>
                  <th>attribute</th>
                  <th>A</th>
                  <th>B</th>
                </tr>
              </thead>
              <tbody>
                {difference.attributeDiffs.map((diff) => (
                  <tr key={diff.attribute}>
                    <th scope="row">{diff.attribute}</th>
                    <td>{show(diff.a)}</td>
                    <td>{show(diff.b)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="buttons">
            <button type="button" onClick={() => onAccept('a')} disabled={!difference.a} title="Shift+A">
              Accept A
            </button>
            <button type="button" onClick={() => onAccept('b')} disabled={!difference.b} title="Shift+B">
              Accept B
            </button>
            <button type="button" onClick={onReject} title="Shift+X">
              Reject
            </button>
          </div>
          <p className="muted small">Or select text in the article and tag it: your own version goes into “{setup.into}”.</p>
        </div>
      ) : (
        <p className="muted">{disagreements.length ? 'Press ] or Next for the first disagreement.' : 'No disagreements on this document.'}</p>
      )}
      <ol className="review-list" aria-label="Disagreements">
        {disagreements.map((i) => {
          const item = comparison.differences[i];
          if (!item) return null;
          return (
            <li key={i}>
              <button type="button" className={`link${i === current ? ' current' : ''}`} aria-current={i === current ? 'true' : undefined} onClick={() => onPick(i)}>
                {CLASS_NAMES[item.kind]}: “{(item.a ?? item.b)?.quote.exact}” — {DECISION_TEXT[decisions[i] ?? 'open']}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
