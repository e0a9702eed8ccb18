import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../../main/importers/article-file.js';
import { normalizeDate } from '../../../main/importers/html.js';
import { repoRoot } from '../../helpers/paths.js';

const page = readFileSync(path.join(repoRoot, 'tests/fixtures/import/news-page.html'));

describe('importing a web page', () => {
  const article = readArticle(page, 'news-page.html');

  it('keeps the article text, in paragraphs, without the page furniture', () => {
    expect(article.text).toContain('The first relief convoy to reach Ras Zahrun');
    expect(article.text).toContain('“We counted them in ourselves. There were thirty,” said Ines Calloway');
    expect(article.text).toContain('Trucks arrived: 30\n\nTurned back: 12');
    expect(article.text.split('\n\n').length).toBeGreaterThanOrEqual(5);
    for (const furniture of ['Subscribe', 'cookies', 'Related stories', 'All rights reserved', 'tracking']) expect(article.text).not.toContain(furniture);
  });

  it('reads title, byline, date, outlet, address and language from the page', () => {
    expect(article.found).toEqual({
      title: 'Relief convoy reaches flood-hit Ras Zahrun',
      author: 'Marguerite Ashdell',
      outlet: 'The Harbour Ledger',
      published: '2025-03-07T09:30:00+02:00',
      url: 'https://example.com/harbour-ledger/convoy-reaches-ras-zahrun',
      language: 'en',
    });
    expect(article.encoding).toBe('utf-8');
  });

  it('decodes a page in the charset it declares', () => {
    const legacy = Buffer.from(page.toString('utf8').replace('charset="utf-8"', 'charset="windows-1252"').replace(/“|”/g, '"'), 'latin1');
    expect(readArticle(legacy, 'legacy.html')).toMatchObject({ encoding: 'windows-1252', found: { title: 'Relief convoy reaches flood-hit Ras Zahrun' } });
  });

  it('says so when a page has no article', () => {
    expect(() => readArticle(Buffer.from('<html><body><nav>Home</nav></body></html>'), 'empty.html')).toThrow('empty.html: no article text found in the page');
  });

  it('normalizes the dates pages give', () => {
    expect(normalizeDate('2025-03-07')).toBe('2025-03-07');
    expect(normalizeDate('2025-03-07T09:30:00Z')).toBe('2025-03-07T09:30:00Z');
    expect(normalizeDate('2025-03-07T09:30:00')).toBe('2025-03-07'); // no zone: keep the day only
    expect(normalizeDate('March 7, 2025')).toBe('2025-03-07');
    expect(normalizeDate('yesterday')).toBeNull();
  });
});
