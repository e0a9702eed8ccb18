/**
 * Evidence for and against a claim: spans of other articles in the project, or pages on
 * the web, each with its stance (supports, refutes, context — in words and a sign, not
 * colour alone) and a note.
 */
import { useState } from 'react';
import type { ClaimsBoard } from '../../../shared/claims/board.js';
import type { ClaimChange } from '../../../shared/claims/changes.js';
import type { Mention } from '../../../shared/claims/mentions.js';
import { EVIDENCE_STANCES, spanKey, type CanonicalClaim, type EvidenceStance } from '../../../shared/model/claims.js';

const STANCE_NAMES: Record<EvidenceStance, string> = { supports: '✓ supports', refutes: '✗ refutes', context: 'ℹ context' };

interface Props {
  claim: CanonicalClaim;
  board: ClaimsBoard | null;
  onChange: (changes: ClaimChange[]) => void;
}

export function EvidenceList({ claim, board, onChange }: Props) {
  const documents = board?.documents ?? {};
  return (
    <section className="evidence" aria-label="Evidence">
      <h3>Evidence</h3>
      {claim.evidence.length === 0 && <p className="muted small">None yet.</p>}
      <ul>
        {claim.evidence.map((item) => (
          <li key={item.id} className={`evidence-item stance-${item.stance}`}>
            <strong>{STANCE_NAMES[item.stance]}</strong>{' '}
            {'url' in item.source ? (
              <a href={item.source.url} target="_blank" rel="noreferrer noopener">
                {item.source.title ?? item.source.url}
              </a>
            ) : (
              <>
                <q dir="auto">{item.source.quote}</q> <span className="muted small">({documents[item.source.span.documentId]?.outlet ?? documents[item.source.span.documentId]?.title ?? item.source.span.documentId})</span>
              </>
            )}
            {item.note && <span className="note"> — {item.note}</span>}
            <span className="muted small">
              {' '}
              · {item.addedBy}
            </span>{' '}
            <button type="button" className="link" onClick={() => onChange([{ kind: 'remove-evidence', claimId: claim.id, evidenceId: item.id }])} aria-label={`Remove evidence ${item.id}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <AddEvidence claim={claim} spans={evidenceSpans(board, claim.id)} onAdd={(change) => onChange([change])} />
    </section>
  );
}

/** Claim spans of the project that could bear on this claim: every one not linked to it. */
function evidenceSpans(board: ClaimsBoard | null, claimId: string): Mention[] {
  if (!board) return [];
  return [...board.unlinked, ...board.claims.filter((card) => card.claim.id !== claimId).flatMap((card) => card.mentions)];
}

function AddEvidence({ claim, spans, onAdd }: { claim: CanonicalClaim; spans: readonly Mention[]; onAdd: (change: ClaimChange) => void }) {
  const [stance, setStance] = useState<EvidenceStance>('supports');
  const [kind, setKind] = useState<'url' | 'span'>('url');
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [span, setSpan] = useState('');
  const [note, setNote] = useState('');
  const chosen = spans.find((mention) => spanKey(mention.ref) === span);
  const ready = kind === 'url' ? /^https?:\/\/\S+$/.test(url.trim()) : chosen !== undefined;
  return (
    <form
      className="add-evidence"
      aria-label="Add evidence"
      onSubmit={(event) => {
        event.preventDefault();
        if (!ready) return;
        const source = kind === 'url' ? { url: url.trim(), ...(title.trim() ? { title: title.trim() } : {}) } : { span: (chosen as Mention).ref, quote: (chosen as Mention).text };
        onAdd({ kind: 'add-evidence', claimId: claim.id, id: `v_${crypto.randomUUID().slice(0, 12)}`, stance, source, ...(note.trim() ? { note: note.trim() } : {}) });
        setUrl('');
        setTitle('');
        setSpan('');
        setNote('');
      }}
    >
      <div className="row">
        <label className="field">
          <span>Stance</span>
          <select value={stance} onChange={(event) => setStance(event.target.value as EvidenceStance)}>
            {EVIDENCE_STANCES.map((value) => (
              <option key={value} value={value}>
                {STANCE_NAMES[value]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>From</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as 'url' | 'span')}>
            <option value="url">a web page</option>
            <option value="span">a claim in another article</option>
          </select>
        </label>
      </div>
      {kind === 'url' ? (
        <div className="row">
          <label className="field">
            <span>Address</span>
            <input type="url" value={url} onChange={(event) => setUrl(event.target.value)} placeholder="https://…" />
          </label>
          <label className="field">
            <span>Title</span>
            <input type="text" value={title} onChange={(event) => setTitle(event.target.value)} />
          </label>
        </div>
      ) : (
        <label className="field">
          <span>Claim span</span>
          <select value={span} onChange={(event) => setSpan(event.target.value)}>
            <option value="">—</option>
            {spans.map((mention) => (
              <option key={spanKey(mention.ref)} value={spanKey(mention.ref)}>
                {mention.text.slice(0, 100)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>Note</span>
        <input type="text" value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      <div className="buttons start">
        <button type="submit" disabled={!ready}>
          Add evidence
        </button>
      </div>
    </form>
  );
}
