import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bylineName, classify, dateOfLine, guessMeta } from '../../../shared/text/guess-meta.js';
import { samplesDir } from '../../helpers/paths.js';

interface Sample {
  file: string;
  title: string | null;
  author: string | null;
  published: string;
  publishedFrom: string;
}

const samples = JSON.parse(readFileSync(path.join(samplesDir, 'articles.json'), 'utf8')) as Sample[];

describe('what the top of a plain-text article says about itself', () => {
  // The five articles the project was started from, with what a reader picks off each (articles.json).
  for (const sample of samples) {
    it(`reads ${path.basename(sample.file)} as a reader would`, () => {
      const guess = guessMeta(readFileSync(path.join(samplesDir, sample.file), 'utf8'));
      expect(guess.title ?? null).toBe(sample.title);
      // A date the article states is taken; one a reader infers from the story is not
      // guessed at all (never a wrong date, such as the event's "On March 29, 2020").
      expect(guess.published ?? null).toBe(sample.publishedFrom.startsWith('stated') ? sample.published : null);
      if (sample.author) expect(guess.author?.toLowerCase()).toBe(sample.author.toLowerCase());
      else expect(guess.author).toBeUndefined();
    });
  }

  it('writes a byline set in capitals as a name is written', () => {
    expect(bylineName('By SETH J. FRANTZMAN')).toBe('Seth J. Frantzman');
    expect(bylineName('By Dana Reed | Reuters')).toBe('Dana Reed');
    expect(bylineName('Written by: Amira al-Hassan')).toBe('Amira al-Hassan');
    expect(bylineName('By the time the convoy arrived, it was dark.')).toBeNull();
  });

  it('reads date lines, labelled or not, and refuses a date that could be two days', () => {
    expect(dateOfLine('Updated: Mar 30, 2020')).toBe('2020-03-30');
    expect(dateOfLine('Published 30 March 2020, 10:42 GMT')).toBe('2020-03-30');
    expect(dateOfLine('Monday 30 March 2020')).toBe('2020-03-30');
    expect(dateOfLine('2020-03-30T08:00:00+03:00')).toBe('2020-03-30');
    expect(dateOfLine('07/03/2020')).toBeNull();
    expect(dateOfLine('March 30')).toBeNull();
    expect(dateOfLine('On March 29, 2020, the coalition withdrew from K1.')).toBeNull();
  });

  it('never takes a caption, a credit, a section label, a byline or a date line for the title', () => {
    expect(classify('(photo’s source: vnexplorer.net)')).toBe('caption');
    expect(classify('US Forces prepare K1 Air Base transfer to Iraqi military 160320 CREDIT US DEPARTMENT OF DEFENSE.jpg')).toBe('caption');
    expect(classify('Coalition vehicles leave K1 (Picture: US Department of Defense).')).toBe('caption');
    expect(classify('Money')).toBe('label');
    const text = ['Middle East', '', 'IMG_2041.JPG', 'Convoy reaches flood-hit Ras Zahrun', 'By Marguerite Ashdell', 'Published: 7 March 2025', 'Source: https://example.com/ledger/convoy', '', 'Thirty trucks crossed the pass.'].join('\n');
    expect(guessMeta(text)).toEqual({ title: 'Convoy reaches flood-hit Ras Zahrun', author: 'Marguerite Ashdell', published: '2025-03-07', url: 'https://example.com/ledger/convoy' });
  });

  it('takes a dateline opening the first paragraph, and a short first line when prose follows it', () => {
    expect(guessMeta('Bridge closed\n\nMarch 7, 2025 — Quarry workers said the bridge was closed on Friday.\n').published).toBe('2025-03-07');
    expect(guessMeta('Lockdown\n\nThe city closed its schools on Monday, the mayor said, and shops will follow.\n').title).toBe('Lockdown');
    expect(guessMeta('A long first paragraph that runs on and on, as articles without a headline begin, saying what happened and to whom, with no title above it at all.\n').title).toBeUndefined();
  });
});
