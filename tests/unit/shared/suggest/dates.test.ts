import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoWeek, suggestDates } from '../../../../shared/suggest/dates.js';
import { createOffsetIndex } from '../../../../shared/text/offsets.js';
import { trickyText } from '../../../helpers/arbitraries.js';
import { repoRoot, samplesDir } from '../../../helpers/paths.js';

/** [text, value, type, and mod/anchor/quant/freq when present] of each suggestion. */
const tags = (text: string, published: string | null = '2020-03-30') =>
  suggestDates(text, published).map((s) => {
    const { value = null, timexType = null, ...rest } = s.attributes;
    return Object.keys(rest).length ? [s.text, value, timexType, rest] : [s.text, value, timexType];
  });

interface SampleExpression {
  text: string;
  start: number;
  end: number;
  value: string;
  extra?: boolean;
}
interface SampleArticle {
  file: string;
  published: string;
  expressions: SampleExpression[];
}

describe('the sample articles, against hand-resolved values (tests/fixtures/sample-dates.json)', () => {
  const fixture = JSON.parse(readFileSync(path.join(repoRoot, 'tests/fixtures/sample-dates.json'), 'utf8')) as { articles: SampleArticle[] };
  const results = fixture.articles.flatMap((article) => {
    const text = readFileSync(path.join(samplesDir, article.file), 'utf8');
    const suggestions = suggestDates(text, article.published);
    return article.expressions.map((expression) => {
      const found = suggestions.find((s) => s.start < expression.end && expression.start < s.end);
      return { article: article.file, expression, found: found ? `${found.text} = ${String(found.attributes.value)}` : 'nothing', right: found?.attributes.value === expression.value };
    });
  });

  it('gets at least 45 of the 50 expressions of the issue set right (a suggestion over it with its value)', () => {
    const issueSet = results.filter((r) => !r.expression.extra);
    expect(issueSet).toHaveLength(50);
    const wrong = issueSet.filter((r) => !r.right).map((r) => `${r.article}: "${r.expression.text}" ${r.expression.value}, suggested ${r.found}`);
    expect(50 - wrong.length, wrong.join('\n')).toBeGreaterThanOrEqual(45);
  });

  it('gets at least 90% of all the hand-resolved expressions right', () => {
    const right = results.filter((r) => r.right).length;
    expect(right / results.length, results.filter((r) => !r.right).map((r) => `${r.expression.text}: ${r.found}`).join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});

// The rules, mostly on examples of the TimeML annotation guidelines (TimeML 1.2.1,
// section 2.2 TIMEX3) and of the issue, resolved against Monday 2020-03-30.
describe('what is a temporal expression, and where its span begins and ends', () => {
  it('takes modifiers and determiners in, prepositions and signals out', () => {
    expect(tags('It happened in late November.')).toEqual([['late November', '2019-11', 'DATE', { mod: 'END' }]]);
    expect(tags('They met over the weekend.')).toEqual([['the weekend', '2020-W13-WE', 'DATE']]);
    expect(tags('Over the next two months attacks went on.')).toEqual([['the next two months', 'P2M', 'DURATION', { anchor: '2020-03-30', anchorRole: 'beginPoint' }]]);
    expect(tags('The talks lasted more than 60 days.')).toEqual([['more than 60 days', 'P60D', 'DURATION', { mod: 'MORE_THAN' }]]);
    expect(tags('He waited about three years.')).toEqual([['about three years', 'P3Y', 'DURATION', { mod: 'APPROX' }]]);
    expect(tags('They arrived two days after the drill.')).toEqual([['two days', 'P2D', 'DURATION']]);
    expect(tags('At the end of February 2020 there were 7,500.')).toEqual([['the end of February 2020', '2020-02', 'DATE', { mod: 'END' }]]);
    expect(tags('Earlier this month three were killed.')).toEqual([['Earlier this month', '2020-03', 'DATE', { mod: 'START' }]]);
    expect(tags('Peace held in the mid-1990s.')).toEqual([['the mid-1990s', '199', 'DATE', { mod: 'MID' }]]);
  });

  it('finds no date where the text holds none', () => {
    expect(tags('Thousands joined the March for Life.')).toEqual([]);
    expect(tags('They may march this way; this march is long.')).toEqual([]);
    expect(tags('He sat down and the sun set.')).toEqual([]);
    expect(tags('Some 2000 troops and about 1500 police left.')).toEqual([]);
    expect(tags('The fall of Baghdad, and prices fall in value.')).toEqual([]);
  });

  it('finds bare years, decades and centuries', () => {
    expect(tags('The mission began in 2014 and has run since 2017.')).toEqual([
      ['2014', '2014', 'DATE'],
      ['2017', '2017', 'DATE'],
    ]);
    expect(tags('Prices rose in the 1980s, a trend of the 20th century.')).toEqual([
      ['the 1980s', '198', 'DATE'],
      ['the 20th century', '19', 'DATE'],
    ]);
  });
});

describe('values', () => {
  it('gives a month with its year no day, and a full date its day', () => {
    expect(tags('In February 2020 it rained; on March 29, 2020 it stopped.', null)).toEqual([
      ['February 2020', '2020-02', 'DATE'],
      ['March 29, 2020', '2020-03-29', 'DATE'],
    ]);
    expect(tags('Troops left on 29 March 2020.', null)).toEqual([['29 March 2020', '2020-03-29', 'DATE']]);
  });

  it('reads weekdays and undated days by tense, and takes the near date over a far one', () => {
    expect(tags('They left on Thursday.')).toEqual([['Thursday', '2020-03-26', 'DATE']]);
    expect(tags('They will leave on Thursday.')).toEqual([['Thursday', '2020-04-02', 'DATE']]);
    expect(tags('The vote is next Monday.')).toEqual([['next Monday', '2020-04-06', 'DATE']]);
    // "Jan. 14" in an article of 6 January is eight days ahead, not a year back.
    expect(tags('The rights expire Jan. 14.', '2020-01-06')).toEqual([['Jan. 14', '2020-01-14', 'DATE']]);
    expect(tags('A contractor was killed on December 27.')).toEqual([['December 27', '2019-12-27', 'DATE']]);
  });

  it('resolves weeks, months, years, seasons, quarters and holidays around the publication date', () => {
    expect(tags('Last week, this month and next year.')).toEqual([
      ['Last week', '2020-W13', 'DATE'],
      ['this month', '2020-03', 'DATE'],
      ['next year', '2021', 'DATE'],
    ]);
    expect(tags('The talks failed last fall, before Thanksgiving Day.')).toEqual([
      ['last fall', '2019-FA', 'DATE'],
      ['Thanksgiving Day', '2019-11-28', 'DATE'],
    ]);
    expect(tags('Profit rose in the third quarter and in the summer of 1969.')).toEqual([
      ['the third quarter', '2019-Q3', 'DATE'],
      ['the summer of 1969', '1969-SU', 'DATE'],
    ]);
    expect(tags('Two weeks ago, and a decade ago.')).toEqual([
      ['Two weeks ago', '2020-03-16', 'DATE'],
      ['a decade ago', '2010', 'DATE'],
    ]);
  });

  it('knows part of the day and clock times', () => {
    expect(tags('Rockets hit on Wednesday night.')).toEqual([['Wednesday night', '2020-03-25TNI', 'TIME']]);
    expect(tags('The vote closed at 10:35 a.m. Friday, not at noon.')).toEqual([
      ['10:35 a.m. Friday', '2020-03-27T10:35', 'TIME'],
      ['noon', '2020-03-30T12:00', 'TIME'],
    ]);
    expect(tags('Rockets hit at 10 a.m. (1500 GMT).')).toEqual([
      ['10 a.m.', '2020-03-30T10:00', 'TIME'],
      ['1500 GMT', '2020-03-30T15:00', 'TIME'],
    ]);
    expect(tags('At 3pm on March 29, 2020 the gates opened.', null)).toEqual([
      ['3pm', null, 'TIME'],
      ['March 29, 2020', '2020-03-29', 'DATE'],
    ]);
  });

  it('makes amounts of time durations, adjectival ones too', () => {
    expect(tags('A two-day visit, a 16-hour flight, for years.')).toEqual([
      ['two-day', 'P2D', 'DURATION'],
      ['16-hour', 'PT16H', 'DURATION'],
      ['years', 'PXY', 'DURATION'],
    ]);
    expect(tags('Prices fell over the last three years.')).toEqual([['the last three years', 'P3Y', 'DURATION', { anchor: '2020-03-30', anchorRole: 'endPoint' }]]);
  });

  it('makes repetitions sets, with quant and freq', () => {
    expect(tags('Patrols run every Tuesday, twice a week, and convoys daily.')).toEqual([
      ['every Tuesday', 'XXXX-WXX-2', 'SET', { quant: 'EVERY', freq: '1W' }],
      ['twice a week', 'P1W', 'SET', { freq: '2X' }],
      ['daily', 'P1D', 'SET'],
    ]);
  });

  it('refers to the present, past and future without a date', () => {
    expect(tags('Now they say it was recently decided, and the future is open.', null)).toEqual([
      ['Now', 'PRESENT_REF', 'DATE'],
      ['recently', 'PAST_REF', 'DATE'],
      ['the future', 'FUTURE_REF', 'DATE'],
    ]);
  });

  it('without a publication date, gives a value only to what carries its own', () => {
    expect(tags('They left today, on Sunday, in March 2019, for three days.', null)).toEqual([
      ['today', null, 'DATE'],
      ['Sunday', null, 'DATE'],
      ['March 2019', '2019-03', 'DATE'],
      ['three days', 'P3D', 'DURATION'],
    ]);
  });

  it('dates "two days earlier" from the story\'s last date, and a quoted "today" by the day it was said', () => {
    expect(tags('Lawmakers voted on January 5, after a strike two days earlier.')).toEqual([
      ['January 5', '2020-01-05', 'DATE'],
      ['two days earlier', '2020-01-03', 'DATE'],
    ]);
    expect(tags('Qaim was handed over on March 17. "Today marks a historic moment," he said.')).toEqual([
      ['March 17', '2020-03-17', 'DATE'],
      ['Today', '2020-03-17', 'DATE'],
    ]);
    expect(tags('Today the base closed.')).toEqual([['Today', '2020-03-30', 'DATE']]);
  });

  it('counts ISO weeks across year ends', () => {
    expect(isoWeek(new Date('2020-03-30T12:00:00Z'))).toBe('2020-W14');
    expect(isoWeek(new Date('2021-01-01T12:00:00Z'))).toBe('2020-W53');
    expect(isoWeek(new Date('2019-12-30T12:00:00Z'))).toBe('2020-W01');
  });

  it('gives code point offsets that slice the text to the span, whatever comes before', () => {
    fc.assert(
      fc.property(trickyText(20), fc.constantFrom('on Sunday', 'December 27', 'three days', 'last week', 'late November'), (before, expression) => {
        const text = `${before} ${expression}.`;
        const index = createOffsetIndex(text);
        for (const suggestion of suggestDates(text, '2020-03-30')) expect(index.slice(suggestion.start, suggestion.end)).toBe(suggestion.text);
      }),
    );
  });
});
