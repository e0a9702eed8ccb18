import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFurniture, removeLines } from '../../../shared/text/furniture.js';
import { trickyText } from '../../helpers/arbitraries.js';
import { samplesDir } from '../../helpers/paths.js';

const sample = (name: string) => readFileSync(path.join(samplesDir, 'articles', name), 'utf8');

describe('page furniture', () => {
  it('is found in the real sample articles, and prose is left alone', () => {
    expect(findFurniture(sample('000_8537c0a39dd1ae22.txt')).map((line) => line.text.trim())).toEqual(['top of page', "• Writer's pictureMECRA", '526 views0 comments', 'bottom of page']);
    expect(findFurniture(sample('004_6fac8515242cf0b4.txt')).map((line) => line.text.trim())).toEqual(expect.arrayContaining(['READ SOURCE', 'Leave a Reply', 'This website uses cookies. By continuing to use this site, you accept our use of cookies.']));
    expect(findFurniture(sample('002_aee167001bcea28d.txt')).map((line) => line.text.trim())).toEqual(expect.arrayContaining(['Print Friendly, PDF & Email', 'Post a comment', 'Comments.']));
    for (const name of ['000_8537c0a39dd1ae22.txt', '003_fefc16b6190a998d.txt']) {
      for (const line of findFurniture(sample(name))) expect(line.text).not.toMatch(/coalition|base|troops/i);
    }
  });

  it('removes exactly the chosen lines, keeping every other byte and line ending', () => {
    expect(removeLines('top of page\r\nText one.\r\nShare\r\nText two.', [0, 2])).toBe('Text one.\r\nText two.');
    fc.assert(
      fc.property(trickyText(), (text) => {
        expect(removeLines(text, [])).toBe(text);
        const lines = text.split(/\r\n|\n|\r/);
        const kept = removeLines(text, [0]);
        expect(kept.split(/\r\n|\n|\r/)).toEqual(lines.length > 1 ? lines.slice(1) : ['']);
      }),
    );
  });
});
