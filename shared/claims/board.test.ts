import { describe, expect, it } from 'vitest';
import type { Span } from '../model/annotations.js';
import { CanonicalClaim, EMPTY_CLAIMS, type ClaimRegistry } from '../model/claims.js';
import { DEFAULT_LABELS } from '../model/default-labels.js';
import { buildBoard, filterBoard, type BoardDocument } from './board.js';
import { collectMentions, type LayerInput } from './mentions.js';

const at = '2026-12-06T10:00:00.000Z';

function span(id: string, label: string, start: number, text: string, attributes: Record<string, string> = {}): Span {
  return { id, label, start, end: start + [...text].length, quote: { exact: text, prefix: '', suffix: '' }, attributes, createdAt: at, updatedAt: at };
}

const documents: BoardDocument[] = [
  { id: 'd_rudaw', title: 'Coalition hands over K1', outlet: 'Rudaw', published: '2020-03-29', url: 'https://example.org/rudaw' },
  { id: 'd_jpost', title: 'US-led coalition leaves base', outlet: 'Jerusalem Post', published: '2020-03-30', url: null },
  { id: 'd_undated', title: 'Undated copy', outlet: null, published: null, url: null },
];

const layers: LayerInput[] = [
  {
    document: 'd_jpost',
    annotator: 'alice',
    spans: [
      span('s_1', 'claim', 0, '$1.1m of equipment was handed over as 300 coalition personnel departed', { claimId: 'k_equipment', claimant: 's_2', carriedAs: 'reported-speech' }),
      span('s_2', 'entity', 100, 'Brig. Gen. Vincent Barker', { entityId: 'e_barker' }),
      span('s_3', 'date', 80, 'Sunday', { value: '2020-03-29' }),
    ],
    relations: [{ id: 'r_1', type: 'about', from: 's_1', to: 's_3' }],
  },
  {
    document: 'd_rudaw',
    annotator: 'bob',
    spans: [
      span('s_7', 'claim', 10, 'equipment worth $1.2 million was handed over as 300 personnel departed', { claimId: 'k_equipment', claimant: 'a coalition spokesman' }),
      span('s_8', 'date', 0, 'Saturday', { value: '2020-03-28' }),
      span('s_9', 'claim', 200, 'The base cost $4m to run', {}),
    ],
    relations: [{ id: 'r_2', type: 'about', from: 's_7', to: 's_8' }],
  },
  { document: 'd_undated', annotator: 'alice', spans: [span('s_4', 'claim', 0, 'The hand-over was coordinated with Iraq', { claimId: 'k_merged' })], relations: [] },
];

const claim = (id: string, wording: string, fields: Partial<CanonicalClaim> = {}) => CanonicalClaim.parse({ id, wording, createdBy: 'alice', createdAt: at, updatedAt: at, ...fields });

const registry: ClaimRegistry = {
  ...EMPTY_CLAIMS,
  claims: [
    claim('k_equipment', '$1.1m of equipment was handed over as 300 personnel left', { status: 'rated', verdict: { rating: 'mixed', by: 'alice', at } }),
    claim('k_coordinated', 'The transfer was coordinated with the Government of Iraq', { claimant: { entityId: 'e_barker' } }),
    claim('k_merged', 'The hand-over was coordinated with Baghdad', { mergedInto: 'k_coordinated' }),
  ],
};

const entities = [{ id: 'e_barker', name: 'Vincent Barker', kind: 'person', aliases: [] }];
const mentions = collectMentions(layers, DEFAULT_LABELS, entities);
const board = buildBoard(registry, mentions, documents, entities);

describe('mentions', () => {
  it('read each claim span with its link, claimant, entities and dates', () => {
    const first = mentions.find((mention) => mention.ref.spanId === 's_1');
    expect(first).toMatchObject({
      claimId: 'k_equipment',
      carriedAs: 'reported-speech',
      claimant: { entityId: 'e_barker', text: 'Brig. Gen. Vincent Barker' },
      dates: [{ value: '2020-03-29', text: 'Sunday' }],
    });
    expect(mentions.find((mention) => mention.ref.spanId === 's_7')?.claimant).toEqual({ entityId: null, text: 'a coalition spokesman' });
    expect(mentions).toHaveLength(4);
  });
});

describe('the board', () => {
  it('gathers the mentions of each claim, oldest first, and counts the unlinked', () => {
    const equipment = board.claims.find((card) => card.claim.id === 'k_equipment');
    expect(equipment?.mentions.map((mention) => mention.ref.documentId)).toEqual(['d_rudaw', 'd_jpost']);
    expect(equipment?.firstAppearance).toEqual({ documentId: 'd_rudaw', annotator: 'bob', spanId: 's_7' });
    expect(equipment?.outlets).toEqual(['Rudaw', 'Jerusalem Post']);
    expect(board.unlinked.map((mention) => mention.ref.spanId)).toEqual(['s_9']);
  });

  it('shows a merged claim\'s mentions under the claim it went into, and not the merged one', () => {
    expect(board.claims.map((card) => card.claim.id)).toEqual(['k_equipment', 'k_coordinated']);
    const coordinated = board.claims.find((card) => card.claim.id === 'k_coordinated');
    expect(coordinated?.mentions.map((mention) => mention.ref.spanId)).toEqual(['s_4']);
    // Only an undated article carries it: no first appearance to name.
    expect(coordinated?.firstAppearance).toBeNull();
  });

  it('points out numbers, dates and claimants the mentions give differently', () => {
    const equipment = board.claims.find((card) => card.claim.id === 'k_equipment');
    const byKind = Object.fromEntries((equipment?.disagreements ?? []).map((item) => [item.kind, item.readings.map((reading) => reading.value)]));
    expect(byKind).toEqual({
      number: ['$1.2 million, 300', '$1.1m, 300'],
      date: ['2020-03-28', '2020-03-29'],
      claimant: ['a coalition spokesman', 'Vincent Barker'],
    });
  });

  it('filters by status, claimant, entity, words and dates, and sorts', () => {
    const ids = (filter: Parameters<typeof filterBoard>[1]) => filterBoard(board, filter).map((card) => card.claim.id);
    expect(ids({ statuses: ['rated'] })).toEqual(['k_equipment']);
    expect(ids({ claimant: 'barker' })).toEqual(['k_equipment', 'k_coordinated']);
    expect(ids({ claimant: 'spokesman' })).toEqual(['k_equipment']);
    expect(ids({ entity: 'e_barker' })).toEqual(['k_equipment', 'k_coordinated']);
    expect(ids({ text: 'iraq coordinated' })).toEqual(['k_coordinated']);
    expect(ids({ from: '2020-03-30' })).toEqual(['k_equipment']);
    expect(ids({ to: '2020-03-28' })).toEqual([]);
    expect(ids({ sort: 'mentions' })).toEqual(['k_equipment', 'k_coordinated']);
    expect(ids({ sort: 'wording' })).toEqual(['k_equipment', 'k_coordinated']);
    expect(ids({ sort: 'status' })).toEqual(['k_coordinated', 'k_equipment']);
  });
});
