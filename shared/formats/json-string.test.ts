import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonString } from './json-string.js';
import { trickyText } from '../../tests/helpers/arbitraries.js';

describe('jsonString', () => {
  it('writes exactly what JSON.stringify writes', () => {
    const anyText = fc.oneof(trickyText(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('"', '\\', '\u0000', '\u001f', '\u007f', '\u2028', '\ud800', '\udfff', 'a', '😀') }));
    fc.assert(fc.property(anyText, (text) => {
        expect(jsonString(text)).toBe(JSON.stringify(text));
      }), { numRuns: 2000 });
  });

  it('escapes what JSON needs escaped, and keeps the rest as it is', () => {
    expect(jsonString('plain words')).toBe('"plain words"');
    expect(jsonString('say "no"\n')).toBe('"say \\"no\\"\\n"');
    expect(jsonString('lone \ud800')).toBe('"lone \\ud800"');
    expect(jsonString('😀')).toBe('"😀"');
  });
});
