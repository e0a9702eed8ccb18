import { describe, expect, it } from 'vitest';
import { NEAR_DUPLICATE, containment, shingles } from '../../../shared/text/similarity.js';

const wire = 'The US-led coalition handed over an area of K-1 Air Base on Sunday, the third post in a week handed over to Iraqi Security Forces, officials said.';

describe('near-duplicate texts', () => {
  it('are the same story with small edits or additions', () => {
    const reprint = `KIRKUK — ${wire.replace('officials said', 'a spokesman said')} More follows.`;
    expect(containment(shingles(wire), shingles(reprint))).toBeGreaterThanOrEqual(NEAR_DUPLICATE);
    expect(containment(shingles(wire), shingles(wire.toUpperCase()))).toBe(1);
  });

  it('are not different stories on the same subject', () => {
    const other = 'Iraqi Security Forces took over K-1 Air Base near Kirkuk after the coalition left, in a ceremony on Sunday attended by officials.';
    expect(containment(shingles(wire), shingles(other))).toBeLessThan(0.3);
    expect(containment(shingles(''), shingles(wire))).toBe(0);
  });
});
