import { describe, expect, it } from 'vitest';
import { AnnotatorName, toAnnotatorName } from '../../../shared/model/common.js';

describe('annotator names', () => {
  it('are made from login or display names', () => {
    expect(toAnnotatorName('Dana Reed')).toBe('dana-reed');
    expect(toAnnotatorName('José.Núñez')).toBe('jose.nunez');
    expect(toAnnotatorName('..\\..\\etc')).toBe('etc');
    expect(toAnnotatorName('محمد')).toBeNull();
    expect(toAnnotatorName('')).toBeNull();
  });

  it('can never be a path', () => {
    for (const bad of ['.', '..', 'a/b', 'a\\b', 'Alice', '', 'x'.repeat(65)]) expect(AnnotatorName.safeParse(bad).success, bad).toBe(false);
  });
});
