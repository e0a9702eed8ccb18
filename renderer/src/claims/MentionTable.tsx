/** Every article that carries a claim: where, when, who is quoted, how, and the words; each opens the article at its span. */
import type { BoardDocument, ClaimCard } from '../../../shared/claims/board.js';
import { spanKey, type SpanRef } from '../../../shared/model/claims.js';
import { CARRIED_AS_NAMES } from './status.js';

interface Props {
  card: ClaimCard;
  documents: Record<string, BoardDocument>;
  annotator: string | null;
  onOpen: (ref: SpanRef) => void;
  onUnlink: (ref: SpanRef) => void;
}

export function MentionTable({ card, documents, annotator, onOpen, onUnlink }: Props) {
  const first = card.firstAppearance ? spanKey(card.firstAppearance) : null;
  if (card.mentions.length === 0) return <p className="muted small">No span links to this claim yet.</p>;
  return (
    <section aria-label="Mentions">
      <h3>Mentions</h3>
      <table className="mentions">
        <thead>
          <tr>
            <th scope="col">Article</th>
            <th scope="col">Published</th>
            <th scope="col">Claimant as quoted</th>
            <th scope="col">Carried as</th>
            <th scope="col">In the article</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {card.mentions.map((mention) => {
            const doc = documents[mention.ref.documentId];
            const isFirst = spanKey(mention.ref) === first;
            return (
              <tr key={spanKey(mention.ref)}>
                <th scope="row">
                  <span dir="auto">{doc?.outlet ?? doc?.title ?? mention.ref.documentId}</span>
                  {doc?.outlet && doc.title && (
                    <span className="muted small" dir="auto">
                      {' '}
                      {doc.title}
                    </span>
                  )}
                  {isFirst && <span className="first-badge"> first appearance</span>}
                  <span className="muted small"> · {mention.ref.annotator}</span>
                </th>
                <td>{doc?.published ?? '—'}</td>
                <td dir="auto">{mention.claimant?.text ?? '—'}</td>
                <td>{mention.carriedAs ? CARRIED_AS_NAMES[mention.carriedAs] : '—'}</td>
                <td>
                  <q dir="auto">{mention.text}</q>
                </td>
                <td className="actions">
                  <button type="button" onClick={() => onOpen(mention.ref)}>
                    Open
                  </button>
                  {mention.ref.annotator === annotator && (
                    <button type="button" className="link" onClick={() => onUnlink(mention.ref)} aria-label={`Unlink the mention in ${doc?.outlet ?? doc?.title ?? mention.ref.documentId}`}>
                      Unlink
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
