import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutLines } from '../../../shared/text/lines.js';
import { trickyText } from '../../helpers/arbitraries.js';

describe('line layout of the document view', () => {
  it('splits on every kind of line break and keeps the breaks out of the lines', () => {
    const layout = layoutLines('a\r\nb\nc\rd\r\n\r\ne');
    expect(layout.lines).toEqual([
      { start: 0, text: 'a' },
      { start: 3, text: 'b' },
      { start: 5, text: 'c' },
      { start: 7, text: 'd' },
      { start: 10, text: '' },
      { start: 12, text: 'e' },
    ]);
    expect(layout.locate(1)).toEqual({ line: 0, offset: 1 });
    expect(layout.locate(2)).toEqual({ line: 0, offset: 1 }); // between \r and \n
    expect(layout.locate(12)).toEqual({ line: 5, offset: 0 });
  });

  it('maps every position of every line to the source and back', () => {
    fc.assert(
      fc.property(trickyText(), (text) => {
        const layout = layoutLines(text);
        expect(layout.lines.map((line) => line.text).join('\n')).toBe(text.replace(/\r\n|\r/g, '\n'));
        layout.lines.forEach((line, index) => {
          for (let offset = 0; offset <= line.text.length; offset++) {
            const source = layout.toSource(index, offset);
            expect(text.slice(line.start, source)).toBe(line.text.slice(0, offset));
            expect(layout.locate(source)).toEqual({ line: index, offset });
          }
        });
      }),
    );
  });
});
