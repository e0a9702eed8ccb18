/** The board's filter and order: words, status, claimant, entity, dates, and the sort. */
import type { BoardFilter, ClaimSort } from '../../../shared/claims/board.js';
import { CLAIM_SORTS } from '../../../shared/claims/board.js';
import { CLAIM_STATUSES, type ClaimStatus } from '../../../shared/model/claims.js';
import type { CanonicalEntity } from '../../../shared/model/entities.js';
import { STATUS_NAMES } from './status.js';

const SORT_NAMES: Record<ClaimSort, string> = {
  'first-appearance': 'first appearance',
  mentions: 'most mentions',
  status: 'status',
  updated: 'last changed',
  wording: 'wording',
};

interface Props {
  filter: BoardFilter;
  onChange: (filter: BoardFilter) => void;
  entities: readonly CanonicalEntity[];
  shown: number;
  total: number;
}

export function BoardFilters({ filter, onChange, entities, shown, total }: Props) {
  const set = (patch: Partial<BoardFilter>) => onChange({ ...filter, ...patch });
  const toggle = (status: ClaimStatus, on: boolean) => set({ statuses: on ? [...(filter.statuses ?? []), status] : (filter.statuses ?? []).filter((item) => item !== status) });
  return (
    <form className="board-filters" role="search" aria-label="Filter claims" onSubmit={(event) => event.preventDefault()}>
      <label className="field grow">
        <span>Words</span>
        <input type="search" data-board-search value={filter.text ?? ''} onChange={(event) => set({ text: event.target.value })} placeholder="in the wording or a mention ( / )" />
      </label>
      <fieldset className="statuses">
        <legend>Status</legend>
        {CLAIM_STATUSES.map((status) => (
          <label key={status} className="checkbox">
            <input type="checkbox" checked={filter.statuses?.includes(status) ?? false} onChange={(event) => toggle(status, event.target.checked)} /> {STATUS_NAMES[status]}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>Claimant</span>
        <input type="text" value={filter.claimant ?? ''} onChange={(event) => set({ claimant: event.target.value })} placeholder="name" />
      </label>
      <label className="field">
        <span>Entity</span>
        <select value={filter.entity ?? ''} onChange={(event) => set({ entity: event.target.value || undefined })}>
          <option value="">any</option>
          {entities.map((entity) => (
            <option key={entity.id} value={entity.id}>
              {entity.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field narrow-date">
        <span>From</span>
        <input type="date" value={filter.from ?? ''} onChange={(event) => set({ from: event.target.value || undefined })} />
      </label>
      <label className="field narrow-date">
        <span>To</span>
        <input type="date" value={filter.to ?? ''} onChange={(event) => set({ to: event.target.value || undefined })} />
      </label>
      <label className="field">
        <span>Order by</span>
        <select value={filter.sort ?? 'first-appearance'} onChange={(event) => set({ sort: event.target.value as ClaimSort })}>
          {CLAIM_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {SORT_NAMES[sort]}
            </option>
          ))}
        </select>
      </label>
      <p className="muted small shown" aria-live="polite">
        {shown === total ? `${total} shown` : `${shown} of ${total} shown`}
      </p>
    </form>
  );
}
