/**
 * The label schema a new project starts with: claims, entities and dates on keys 1/2/3.
 * Colours are ink colours with at least 4.5:1 contrast on the theme's background (a test
 * checks it); highlights are drawn as translucent fills of the same colour.
 */
import type { LabelDef, RelationTypeDef } from './labels.js';

export const DEFAULT_LABELS: LabelDef[] = [
  {
    id: 'claim',
    name: 'Claim',
    key: '1',
    color: { light: '#b45309', dark: '#fbbf24' },
    attributes: [
      { id: 'claimant', name: 'Claimant', type: 'ref', to: ['span:entity', 'entity', 'text'], description: 'Who makes the claim: an entity span in this document, a canonical entity, or their description in words' },
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
      { id: 'value', name: 'Value (TIMEX3)', type: 'timex', description: 'Resolved against the publication date, e.g. 2020-03-29, 2020-W13, P3D' },
      { id: 'timexType', name: 'Type', type: 'enum', values: ['DATE', 'TIME', 'DURATION', 'SET'] },
    ],
  },
];

export const DEFAULT_RELATION_TYPES: RelationTypeDef[] = [
  { id: 'said-by', from: ['claim'], to: ['entity'] },
  { id: 'about', from: ['claim'], to: ['entity', 'date'] },
];
