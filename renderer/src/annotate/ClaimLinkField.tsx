/**
 * A claim span's canonical claim: which one it states (found by typing words of its
 * wording), a new one made from the span, or none; and a way to the board to see every
 * other article that carries it. The link is the span's own attribute, so it is saved,
 * undone and merged like any other change to the layer.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { AttributeValue, Span } from '../../../shared/model/annotations.js';
import type { CanonicalClaim } from '../../../shared/model/claims.js';
import type { AttributeDef } from '../../../shared/model/labels.js';
import { OptionList, stepChoice } from '../ui/OptionList.js';

/** What the field needs of the project's claims (given by the window, which holds the api). */
export interface ClaimLinking {
  list: () => Promise<CanonicalClaim[]>;
  /** Makes a canonical claim from a span's words; resolves to its id. */
  create: (span: Span) => Promise<string>;
  openBoard: (claimId: string) => void;
}

const SHOWN = 8;

interface Props {
  attribute: AttributeDef & { type: 'ref' };
  value: AttributeValue;
  span: Span;
  linking: ClaimLinking;
  onChange: (value: AttributeValue) => void;
}

export function ClaimLinkField({ attribute, value, span, linking, onChange }: Props) {
  const [claims, setClaims] = useState<CanonicalClaim[] | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const listId = useId();
  const { list } = linking;
  useEffect(() => {
    let stale = false;
    list().then((found) => !stale && setClaims(found), (error: unknown) => !stale && setProblem(error instanceof Error ? error.message : String(error)));
    return () => {
      stale = true;
    };
  }, [list, value]);
  const current = typeof value === 'string' && value ? (claims?.find((claim) => claim.id === value) ?? null) : null;
  const options = useMemo(() => {
    const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (!claims || words.length === 0) return [];
    return claims.filter((claim) => !claim.mergedInto && words.every((word) => claim.wording.toLowerCase().includes(word))).slice(0, SHOWN);
  }, [claims, query]);
  const choose = (claim: CanonicalClaim | undefined) => {
    if (!claim) return;
    onChange(claim.id);
    setQuery('');
  };
  return (
    <div className="field ref-picker claim-link">
      <span id={`${listId}-label`}>{attribute.name}</span>
      {typeof value === 'string' && value ? (
        <p className="ref-value" data-testid="claim-link">
          <span dir="auto">{current ? current.wording : value}</span> <span className="muted small">({current ? `${current.status}` : 'reading…'})</span>{' '}
          <button type="button" className="link" onClick={() => linking.openBoard(value)}>
            On the board
          </button>{' '}
          <button type="button" className="link" onClick={() => onChange(null)} aria-label={`Clear ${attribute.name}`}>
            Unlink
          </button>
        </p>
      ) : (
        <>
          <input
            type="text"
            role="combobox"
            aria-labelledby={`${listId}-label`}
            aria-expanded={options.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={options[active] ? `${listId}-${active}` : undefined}
            placeholder="words of a canonical claim"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                event.preventDefault();
                setActive((i) => stepChoice(i, event.key === 'ArrowDown', options.length));
              } else if (event.key === 'Enter' && options.length) {
                event.preventDefault();
                choose(options[active]);
              }
            }}
          />
          {options.length > 0 && (
            <OptionList
              listId={listId}
              label={`${attribute.name} choices`}
              options={options.map((claim) => ({ key: claim.id, text: claim.wording, detail: claim.status, claim }))}
              active={active}
              onChoose={(option) => choose(option.claim)}
            />
          )}
          <button
            type="button"
            className="link"
            onClick={() => {
              setProblem(null);
              linking.create(span).then(onChange, (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
            }}
          >
            New canonical claim from this span
          </button>
        </>
      )}
      {problem && (
        <span className="field-problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
