/**
 * A `ref` attribute's value, chosen by typing: spans of this document the attribute may
 * point at (nearest first), the project's canonical entities (by name or alias), and,
 * where words are allowed, the words typed ("a Pentagon spokesman"). For an entity span's
 * canonical entity, a new one can be made from the span on the spot.
 *
 * Keyboard first, as the WAI-ARIA combobox pattern has it: type to filter, arrows to
 * move, Enter to choose, Escape to close.
 */
import { useId, useMemo, useState } from 'react';
import type { AttributeValue, Span } from '../../../shared/model/annotations.js';
import type { CanonicalEntity } from '../../../shared/model/entities.js';
import type { AttributeDef } from '../../../shared/model/labels.js';
import { OptionList, stepChoice } from '../ui/OptionList.js';

/** Spans offered: the nearest ones, within this many characters. */
const NEAREST_REFS = 40;
const NEARBY = 20_000;
/** Options shown at once. */
const SHOWN = 12;

type RefAttribute = AttributeDef & { type: 'ref' };

interface Option {
  key: string;
  value: string;
  text: string;
  detail: string;
}

interface Props {
  attribute: RefAttribute;
  value: AttributeValue;
  span: Span;
  spans: readonly Span[];
  entities: readonly CanonicalEntity[];
  onChange: (value: AttributeValue) => void;
  /** Makes a canonical entity (offered where the attribute may point at entities). */
  onCreateEntity?: (entity: { name: string; kind: string; aliases: string[] }) => Promise<CanonicalEntity>;
  /** The kinds a new entity may have (the entity label's Kind values). */
  kinds: readonly string[];
}

/** What a value stands for, as a person reads it. */
export function describeRef(value: string, spans: readonly Span[], entities: readonly CanonicalEntity[]): { text: string; detail: string } {
  const span = spans.find((candidate) => candidate.id === value);
  if (span) return { text: span.quote.exact, detail: `${span.label} in this article` };
  const entity = entities.find((candidate) => candidate.id === value);
  if (entity) return { text: entity.name, detail: `canonical entity, ${entity.kind}` };
  return { text: value, detail: 'in words' };
}

export function RefPicker({ attribute, value, span, spans, entities, onChange, onCreateEntity, kinds }: Props) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [creating, setCreating] = useState(false);
  const listId = useId();
  const allowsEntities = attribute.to.includes('entity');
  const allowsText = attribute.to.includes('text');
  const allowedLabels = attribute.to.filter((to) => to === 'span' || to.startsWith('span:')).map((to) => (to === 'span' ? null : to.slice('span:'.length)));

  const nearby = useMemo(() => {
    const labels = attribute.to.filter((to) => to === 'span' || to.startsWith('span:')).map((to) => (to === 'span' ? null : to.slice('span:'.length)));
    return spans
      .filter((candidate) => candidate.id !== span.id && Math.abs(candidate.start - span.start) < NEARBY && labels.some((allowed) => allowed === null || allowed === candidate.label))
      .sort((a, b) => Math.abs(a.start - span.start) - Math.abs(b.start - span.start))
      .slice(0, NEAREST_REFS);
  }, [spans, span.id, span.start, attribute]);

  const options = useMemo((): Option[] => {
    // Every word typed is somewhere in the name: "gen bark" finds "Brig. Gen. Vincent Barker".
    const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const matches = (text: string) => words.every((word) => text.toLowerCase().includes(word));
    const seen = new Set<string>();
    const found: Option[] = [];
    for (const candidate of nearby) {
      if (!matches(candidate.quote.exact) || seen.has(candidate.quote.exact)) continue;
      seen.add(candidate.quote.exact);
      found.push({ key: `span:${candidate.id}`, value: candidate.id, text: candidate.quote.exact, detail: `${candidate.label} in this article` });
    }
    if (allowsEntities) {
      for (const entity of entities) {
        if (![entity.name, ...entity.aliases].some(matches)) continue;
        found.push({ key: `entity:${entity.id}`, value: entity.id, text: entity.name, detail: `canonical entity, ${entity.kind}${entity.aliases.length ? `; also ${entity.aliases.join(', ')}` : ''}` });
      }
    }
    const shown = found.slice(0, SHOWN);
    if (allowsText && query.trim()) shown.push({ key: 'text', value: query.trim(), text: query.trim(), detail: 'use these words' });
    return shown;
  }, [query, nearby, entities, allowsEntities, allowsText]);

  const choose = (option: Option | undefined) => {
    if (!option) return;
    onChange(option.value);
    setQuery('');
    setOpen(false);
  };

  const current = typeof value === 'string' && value !== '' ? describeRef(value, spans, entities) : null;
  return (
    <div className="field ref-picker">
      <span id={`${listId}-label`}>{attribute.name}</span>
      {current && (
        <p className="ref-value" data-testid={`ref-value-${attribute.id}`}>
          <span dir="auto">{current.text}</span> <span className="muted small">({current.detail})</span>{' '}
          <button type="button" className="link" onClick={() => onChange(null)} aria-label={`Clear ${attribute.name}`}>
            Clear
          </button>
        </p>
      )}
      <input
        type="text"
        role="combobox"
        aria-labelledby={`${listId}-label`}
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
        placeholder={[allowedLabels.length ? 'a span nearby' : null, allowsEntities ? 'an entity' : null, allowsText ? 'or words' : null].filter(Boolean).join(', ')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(true);
            setActive((i) => stepChoice(i, event.key === 'ArrowDown', options.length));
          } else if (event.key === 'Enter' && open && options.length) {
            event.preventDefault();
            choose(options[active]);
          } else if (event.key === 'Escape' && open) {
            event.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {open && options.length > 0 && <OptionList listId={listId} label={`${attribute.name} choices`} options={options} active={active} onChoose={choose} />}
      {allowsEntities && onCreateEntity && !creating && (
        <button type="button" className="link" onClick={() => setCreating(true)}>
          New canonical entity…
        </button>
      )}
      {creating && onCreateEntity && (
        <NewEntityForm
          // An entity span names its own entity; for anything else (a claimant), start from what was typed.
          name={attribute.to.length === 1 ? span.quote.exact : query.trim()}
          kind={typeof span.attributes.kind === 'string' ? span.attributes.kind : (kinds[0] ?? 'other')}
          kinds={kinds}
          onCancel={() => setCreating(false)}
          onCreate={async (entity) => {
            const made = await onCreateEntity(entity);
            onChange(made.id);
            setCreating(false);
          }}
        />
      )}
    </div>
  );
}

function NewEntityForm({ name: initialName, kind: initialKind, kinds, onCreate, onCancel }: { name: string; kind: string; kinds: readonly string[]; onCreate: (entity: { name: string; kind: string; aliases: string[] }) => Promise<void>; onCancel: () => void }) {
  const [name, setName] = useState(initialName);
  const [kind, setKind] = useState(initialKind);
  const [aliases, setAliases] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const create = () => {
    if (!name.trim()) return setProblem('Give the entity a name');
    onCreate({ name: name.trim(), kind, aliases: aliases.split(',').map((alias) => alias.trim()).filter(Boolean) }).catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  };
  return (
    <fieldset className="new-entity">
      <legend>New canonical entity</legend>
      <label className="field">
        <span>Name</span>
        <input value={name} onChange={(event) => setName(event.target.value)} dir="auto" />
      </label>
      <label className="field">
        <span>Kind</span>
        <select value={kind} onChange={(event) => setKind(event.target.value)}>
          {[...new Set([...kinds, kind])].map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Other names (comma-separated)</span>
        <input value={aliases} onChange={(event) => setAliases(event.target.value)} placeholder="e.g. K1, K-1 base" dir="auto" />
      </label>
      {problem && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="buttons start">
        <button type="button" className="primary" onClick={create}>
          Create and link
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
