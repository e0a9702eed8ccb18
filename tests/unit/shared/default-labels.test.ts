import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, DEFAULT_RELATION_TYPES } from '../../../shared/model/default-labels.js';
import { ProjectManifest } from '../../../shared/model/project.js';

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// The app's page backgrounds (renderer theme) for light and dark.
const LIGHT_BACKGROUND = '#ffffff';
const DARK_BACKGROUND = '#16181d';

describe('the default label schema', () => {
  it('is claim, entity and date on keys 1, 2 and 3', () => {
    expect(DEFAULT_LABELS.map((label) => [label.id, label.key])).toEqual([
      ['claim', '1'],
      ['entity', '2'],
      ['date', '3'],
    ]);
  });

  it('has colours readable as text on both themes (WCAG AA, 4.5:1)', () => {
    for (const label of DEFAULT_LABELS) {
      expect(contrast(label.color.light, LIGHT_BACKGROUND), `${label.id} on light`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(label.color.dark, DARK_BACKGROUND), `${label.id} on dark`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('carries the attributes analysts fill in', () => {
    const attributes = Object.fromEntries(DEFAULT_LABELS.map((label) => [label.id, label.attributes]));
    expect(attributes.entity).toContainEqual(expect.objectContaining({ id: 'kind', type: 'enum', values: ['person', 'organization', 'location', 'facility', 'group', 'other'] }));
    expect(attributes.entity).toContainEqual(expect.objectContaining({ id: 'entityId', type: 'ref', to: ['entity'] }));
    expect(attributes.date).toContainEqual(expect.objectContaining({ id: 'value', type: 'timex' }));
    expect(attributes.date).toContainEqual(expect.objectContaining({ id: 'timexType', values: ['DATE', 'TIME', 'DURATION', 'SET'] }));
    expect(attributes.claim).toContainEqual(expect.objectContaining({ id: 'claimant', type: 'ref', to: ['span:entity', 'entity', 'text'] }));
    expect(attributes.claim).toContainEqual(expect.objectContaining({ id: 'checkWorthiness', type: 'enum' }));
    expect(attributes.claim).toContainEqual(expect.objectContaining({ id: 'verdict', default: 'unverified' }));
  });

  it('forms a valid manifest', () => {
    const result = ProjectManifest.safeParse({ format: 'factmark-project', version: 1, name: 'x', createdAt: '2026-11-22T08:00:00.000Z', labels: DEFAULT_LABELS, relationTypes: DEFAULT_RELATION_TYPES });
    expect(result.success).toBe(true);
  });
});
