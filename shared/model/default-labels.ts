/**
 * The label schema a new project starts with: claims, entities and dates on keys 1/2/3.
 * Colours are ink colours with at least 4.5:1 contrast on the theme's background (a test
 * checks it); highlights are drawn as translucent fills of the same colour.
 */
import type { LabelDef, RelationTypeDef } from './labels.js';
import { CARRIED_AS } from './claims.js';
import { ANCHOR_ROLES, TIMEX_MODS, TIMEX_TYPES } from './timex.js';

export const DEFAULT_LABELS: LabelDef[] = [
  {
    id: 'claim',
    name: 'Claim',
    key: '1',
    color: { light: '#b45309', dark: '#fbbf24' },
    attributes: [
      { id: 'claimant', name: 'Claimant', type: 'ref', to: ['span:entity', 'entity', 'text'], description: 'Who makes the claim: an entity span in this document, a canonical entity, or their description in words' },
      { id: 'claimId', name: 'Canonical claim', type: 'ref', to: ['claim'], description: 'The claim this span states, shared with every other article that carries it (claims.json)' },
      { id: 'carriedAs', name: 'Carried as', type: 'enum', values: [...CARRIED_AS], description: 'How the article carries the claim: a direct quote, reported speech, or its own assertion' },
      { id: 'checkWorthiness', name: 'Check-worthiness', type: 'enum', values: ['check-worthy', 'unimportant', 'not-factual'] },
      {
        id: 'verdict',
        name: 'Verdict',
        type: 'enum',
        values: ['unverified', 'true', 'mostly-true', 'mixed', 'mostly-false', 'false', 'unprovable'],
        default: 'unverified',
      },
    ],
  },
  {
    id: 'entity',
    name: 'Entity',
    key: '2',
    color: { light: '#1d4ed8', dark: '#93c5fd' },
    attributes: [
      { id: 'kind', name: 'Kind', type: 'enum', values: ['person', 'organization', 'location', 'facility', 'group', 'other'] },
      { id: 'entityId', name: 'Canonical entity', type: 'ref', to: ['entity'] },
    ],
  },
  {
    id: 'date',
    name: 'Date',
    key: '3',
    color: { light: '#047857', dark: '#6ee7b7' },
    attributes: [
      { id: 'value', name: 'Value (TIMEX3)', type: 'timex', description: 'Resolved against the publication date, e.g. 2020-03-29, 2020-W13, 2020-SP, P3D, PRESENT_REF' },
      { id: 'timexType', name: 'Type', type: 'enum', values: [...TIMEX_TYPES] },
      { id: 'mod', name: 'Modifier', type: 'enum', values: [...TIMEX_MODS], description: 'Which part of the time, or how much of it: START for "early 2019", END for "late November", MORE_THAN for "more than 60 days"' },
      { id: 'anchor', name: 'Anchor (TIMEX3)', type: 'timex', description: 'For an anchored duration: the date it begins or ends at, e.g. the publication date for "the past two months"' },
      { id: 'anchorRole', name: 'Anchor is the', type: 'enum', values: [...ANCHOR_ROLES], description: 'beginPoint: the duration begins at the anchor ("the next two months"); endPoint: it ends there ("the past two months")' },
      { id: 'quant', name: 'Quantifier (sets)', type: 'text', description: 'For a set: EVERY or EACH ("every Sunday")' },
      { id: 'freq', name: 'Frequency (sets)', type: 'text', description: 'For a set: how often, e.g. 2X for "twice a week"' },
    ],
  },
];

export const DEFAULT_RELATION_TYPES: RelationTypeDef[] = [
  { id: 'said-by', from: ['claim'], to: ['entity'] },
  { id: 'about', from: ['claim'], to: ['entity', 'date'] },
];
