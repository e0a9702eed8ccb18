import { describe, expect, it } from 'vitest';
import { stem } from '../../../../shared/claims/stem.js';
import { termsOf } from '../../../../shared/claims/terms.js';

const stems = (text: string) => termsOf(text).map((term) => term.stem);

describe('the light stemmer', () => {
  it('joins the inflections two outlets use for one statement', () => {
    for (const [a, b] of [
      ['transferred', 'transfer'],
      ['coordinated', 'coordinate'],
      ['forces', 'force'],
      ['departed', 'departs'],
      ['departing', 'depart'],
      ['militias', 'militia'],
      ['successes', 'success'],
      ['carried', 'carries'],
      ['planned', 'plan'],
    ]) {
      expect(stem(a as string), `${a} / ${b}`).toBe(stem(b as string));
    }
  });

  it('leaves short words, words ending like plurals that are not, and other scripts alone', () => {
    expect(['bed', 'red', 'sing', 'need', 'status', 'crisis', 'isis', 'basis'].map(stem)).toEqual(['bed', 'red', 'sing', 'need', 'status', 'crisis', 'isis', 'basis']);
    expect(stem('переданы')).toBe('переданы');
    expect(stem('Forces')).toBe('Forces');
  });
});

describe('terms', () => {
  it('drop stop words, attribution verbs and numbers, and fold case, accents and apostrophes', () => {
    expect(termsOf('“Today’s transfer was coordinated with the Government of Iraq,” he said.').map((term) => term.word)).toEqual(['today', 'transfer', 'coordinated', 'government', 'iraq']);
    expect(stems('At least $1.1m of equipment, 300 personnel, 60km south')).toEqual(['least', 'equipment', 'personnel', 'south']);
    expect(stems('Qaïm QAIM qaim')).toEqual(['qaim', 'qaim', 'qaim']);
  });

  it('read "K-1" as "K1", and "U.S." as "US"', () => {
    expect(stems('K-1 and K1 and COVID-19')).toEqual(['k1', 'k1', 'covid19']);
    expect(stems('U.S. forces')).toEqual(stems('US forces'));
  });

  it('cut words in every script: with spaces by letters and marks, without (Japanese, Thai) by the dictionary segmenter', () => {
    expect(stems('На базе К-1 были переданы силы')).toEqual(['на', 'базе', 'к1', 'были', 'переданы', 'силы']);
    expect(stems('नई दिल्ली में बैठक')).toEqual(['नई', 'दिल्ली', 'में', 'बैठक']);
    expect(stems('東京都に住む')).toEqual(['東京', '都', 'に', '住む']);
    expect(stems('กองกำลังถอนตัว').length).toBeGreaterThan(1);
  });

  it('keep repeats, which BM25 counts', () => {
    expect(stems('rockets, rockets and more rockets')).toEqual(['rocket', 'rocket', 'rocket']);
  });
});
