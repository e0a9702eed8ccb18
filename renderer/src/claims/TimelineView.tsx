/**
 * The timeline of the claims shown (shared/claims/timeline.ts): drawn as an image of the
 * same SVG that "Export SVG" saves, in the theme's colours, with the same facts as a
 * table for whoever cannot see the picture.
 */
import { useMemo } from 'react';
import type { BoardDocument, ClaimCard } from '../../../shared/claims/board.js';
import { DARK_PALETTE, LIGHT_PALETTE, drawTimeline } from '../../../shared/claims/timeline.js';
import { plural } from '../../../shared/text/plural.js';

interface Props {
  cards: readonly ClaimCard[];
  documents: Record<string, BoardDocument>;
  theme: 'light' | 'dark';
}

export function TimelineView({ cards, documents, theme }: Props) {
  const shown = useMemo(() => drawTimeline(cards, documents, theme === 'dark' ? DARK_PALETTE : LIGHT_PALETTE), [cards, documents, theme]);
  // The file keeps the light colours, for print and for pasting into a report.
  const exported = useMemo(() => drawTimeline(cards, documents, LIGHT_PALETTE).svg, [cards, documents]);
  const download = () => {
    const url = URL.createObjectURL(new Blob([exported], { type: 'image/svg+xml' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'claims-timeline.svg';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <section className="timeline" aria-label="Timeline">
      <div className="buttons start">
        <button type="button" onClick={download}>
          Export SVG
        </button>
        {shown.undated > 0 && <span className="muted small">{plural(shown.undated, 'claim')} with no date to place left out.</span>}
      </div>
      <div className="timeline-picture">
        <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(shown.svg)}`} width={shown.width} height={shown.height} alt="The claims on a time axis: the time each is about, and the day each article carried it (the same facts as the table below)" />
      </div>
      <details>
        <summary>The same as a table</summary>
        <table className="mentions">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">About</th>
              <th scope="col">Carried by</th>
            </tr>
          </thead>
          <tbody>
            {cards.map((card) => (
              <tr key={card.claim.id}>
                <th scope="row" dir="auto">
                  {card.claim.wording}
                </th>
                <td>{card.claim.about ? `${card.claim.about.value}${card.claim.about.text ? ` (${card.claim.about.text})` : ''}` : '—'}</td>
                <td>{card.mentions.map((mention) => `${documents[mention.ref.documentId]?.outlet ?? documents[mention.ref.documentId]?.title ?? mention.ref.documentId} ${documents[mention.ref.documentId]?.published ?? ''}`.trim()).join('; ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
