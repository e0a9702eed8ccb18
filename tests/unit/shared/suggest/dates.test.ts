import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoWeek, suggestDates } from '../../../../shared/suggest/dates.js';
import { createOffsetIndex } from '../../../../shared/text/offsets.js';
import { trickyText } from '../../../helpers/arbitraries.js';
import { samplesDir } from '../../../helpers/paths.js';

interface Sample {
  file: string;
  published: string;
}
const samples = JSON.parse(readFileSync(path.join(samplesDir, 'articles.json'), 'utf8')) as Sample[];
const article = (ending: string) => {
  const sample = samples.find((candidate) => candidate.file.endsWith(ending)) as Sample;
  return { text: readFileSync(path.join(samplesDir, sample.file), 'utf8'), published: sample.published };
};
/** The suggestion for the n-th occurrence of `exact` in the text, as [text, value, type]. */
function at(text: string, published: string, exact: string, after = '') {
  const from = text.indexOf(after) + after.length;
  const index = createOffsetIndex(text);
  const start = index.toCodePoint(text.indexOf(exact, from));
  const found = suggestDates(text, published).find((suggestion) => suggestion.start === start);
  return found ? [found.text, found.attributes.value, found.attributes.timexType] : null;
}

describe('dates in the sample articles, resolved against each one\'s publication date', () => {
  it('K-1 hand-over (published Monday 2020-03-30)', () => {
    const { text, published } = article('000_8537c0a39dd1ae22.txt');
    expect(published).toBe('2020-03-30');
    // "on Sunday": the day before publication; "on" is trimmed.
    expect(at(text, published, 'Sunday', 'K-1 Air Base on ')).toEqual(['Sunday', '2020-03-29', 'DATE']);
    // A month and day without a year, months before publication: the previous year.
    expect(at(text, published, 'December 27')).toEqual(['December 27', '2019-12-27', 'DATE']);
    expect(at(text, published, 'January 8')).toEqual(['January 8', '2020-01-08', 'DATE']);
    // "the third post in a week": an amount of time, not a date a week ahead.
    expect(at(text, published, 'a week', 'third post in ')).toEqual(['a week', 'P1W', 'DURATION']);
    expect(at(text, published, 'next two months')).toEqual(['next two months', 'P2M', 'DURATION']);
    // A sentence that says "next two months" about the past does not push March 11 into 2021.
    expect(at(text, published, 'March 11')).toEqual(['March 11', '2020-03-11', 'DATE']);
  });

  it('Q-West hand-over (published Thursday 2020-03-26)', () => {
    const { text, published } = article('adb02891.txt');
    expect(at(text, published, 'Thursday', 'ISF) on ')).toEqual(['Thursday', '2020-03-26', 'DATE']);
    // "said in a statement Friday", written on a Thursday: the Friday before.
    expect(at(text, published, 'Friday')).toEqual(['Friday', '2020-03-20', 'DATE']);
    // "late last week": the ISO week before the week of publication (2020-W13).
    expect(at(text, published, 'last week')).toEqual(['last week', '2020-W12', 'DATE']);
    expect(at(text, published, 'Last week')).toEqual(['Last week', '2020-W12', 'DATE']);
  });

  it('an article of Monday 2020-03-30 with anaphoric amounts of time', () => {
    const { text, published } = article('1bcea28d.txt');
    expect(at(text, published, 'Last week')).toEqual(['Last week', '2020-W13', 'DATE']);
    expect(at(text, published, 'two days after')).toEqual(['two days after', 'P2D', 'DURATION']);
    expect(at(text, published, 'January 5')).toEqual(['January 5', '2020-01-05', 'DATE']);
  });

  it('an article of Thursday 2020-03-12', () => {
    const { text, published } = article('242cf0b4.txt');
    expect(at(text, published, 'Wednesday')).toEqual(['Wednesday', '2020-03-11', 'DATE']);
    expect(at(text, published, 'last month')).toEqual(['last month', '2020-02', 'DATE']);
    expect(at(text, published, 'May 2018')).toEqual(['May 2018', '2018-05', 'DATE']);
    expect(at(text, published, 'December 2017')).toEqual(['December 2017', '2017-12', 'DATE']);
  });
});

describe('the rules on their own', () => {
  const values = (text: string, published: string | null) => suggestDates(text, published).map((s) => [s.text, s.attributes.value ?? null, s.attributes.timexType ?? null]);

  it('reads weekdays as the past unless the sentence speaks of the future', () => {
    expect(values('They left on Thursday.', '2020-03-30')).toEqual([['Thursday', '2020-03-26', 'DATE']]);
    expect(values('They will leave on Thursday.', '2020-03-30')).toEqual([['Thursday', '2020-04-02', 'DATE']]);
    expect(values('The vote is next Monday.', '2020-03-30')).toEqual([['next Monday', '2020-04-06', 'DATE']]);
    expect(values('Talks resume in December.', '2020-03-30')).toEqual([['December', '2019-12', 'DATE']]);
  });

  it('knows durations, sets, "ago" and times of day', () => {
    expect(values('It lasted three days, then two weeks ago the base closed.', '2020-03-30')).toEqual([
      ['three days', 'P3D', 'DURATION'],
      ['two weeks ago', '2020-03-16', 'DATE'],
    ]);
    expect(values('Patrols run every Sunday and convoys daily.', '2020-03-30')).toEqual([
      ['every Sunday', 'XXXX-WXX-7', 'SET'],
      ['daily', 'P1D', 'SET'],
    ]);
    expect(values('Several days passed.', '2020-03-30')).toEqual([['Several days', 'PXD', 'DURATION']]);
    expect(values('At 3pm on March 29, 2020 the gates opened.', null)).toEqual([['3pm on March 29, 2020', '2020-03-29T15:00', 'TIME']]);
  });

  it('gives no value where the publication date is needed and missing, and none for "now"', () => {
    expect(values('They left on Sunday, in March 2019, and are gone now.', null)).toEqual([
      ['Sunday', null, null],
      ['March 2019', '2019-03', 'DATE'],
    ]);
  });

  it('counts ISO weeks across year ends', () => {
    expect(isoWeek(new Date('2020-03-30T12:00:00Z'))).toBe('2020-W14');
    expect(isoWeek(new Date('2021-01-01T12:00:00Z'))).toBe('2020-W53');
    expect(isoWeek(new Date('2019-12-30T12:00:00Z'))).toBe('2020-W01');
  });

  it('gives code point offsets that slice the text to the span, whatever comes before', () => {
    fc.assert(
      fc.property(trickyText(20), fc.constantFrom('on Sunday', 'December 27', 'three days', 'last week'), (before, expression) => {
        const text = `${before} ${expression}.`;
        const index = createOffsetIndex(text);
        for (const suggestion of suggestDates(text, '2020-03-30')) expect(index.slice(suggestion.start, suggestion.end)).toBe(suggestion.text);
      }),
    );
  });
});
