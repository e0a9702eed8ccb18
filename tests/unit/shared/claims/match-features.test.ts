import { describe, expect, it } from 'vitest';
import { claimFeatures, evidenceOf, mentionFeatures, reasonsOf, type Features } from '../../../../shared/claims/match-features.js';
import { sameSpeaker, speaker } from '../../../../shared/claims/names.js';
import { quantitiesIn } from '../../../../shared/claims/numbers.js';
import { claim, mention } from '../../../helpers/mentions.js';

const every = () => 1;
const features = (text: string, more: Parameters<typeof mention>[4] = {}) => mentionFeatures(mention('d1', 'ana', 's1', text, more));
const compare = (a: Features, b: Features) => ({ ...reasonsOf(a, b), evidence: evidenceOf(a, b, every) });

describe('quantities in claims', () => {
  it('take digits glued to a letter for part of a name, not a quantity', () => {
    expect(quantitiesIn('At K-1, K1, M777 and COVID-19 sites, 300 troops and $1.1m').map((q) => q.text)).toEqual(['300', '$1.1m']);
  });
});

describe('what two claims say alike besides their words', () => {
  it('numbers: the same value written two ways agrees; another figure of the same kind conflicts', () => {
    const a = features('At least $1.1m of equipment was transferred as 300 coalition personnel departed.');
    const same = compare(a, features('At least $1.1 million dollars of equipment were given as 300 coalition personnel departed.'));
    expect(same.numbers).toEqual({ agree: ['$1.1m', '300'], differ: [] });
    expect(same.evidence).toMatchObject({ numbers: 1, numberConflicts: 0 });
    const other = compare(a, features('At K-1 more than $1 million of property was transferred.'));
    expect(other.numbers).toEqual({ agree: [], differ: ['$1.1m vs $1 million'] });
    expect(other.evidence).toMatchObject({ numbers: 0, numberConflicts: 1 });
    // A count against money is no conflict: they are not the same kind of figure.
    expect(compare(features('300 troops left.'), features('$5m was spent.')).evidence.numberConflicts).toBe(0);
    // One shared figure of a kind settles the kind.
    expect(compare(features('7,500 coalition troops, including 5,000 US forces'), features('roughly 5,000 US troops')).numbers).toEqual({ agree: ['5,000'], differ: [] });
  });

  it('numbers count by how rare they are in the project', () => {
    const a = features('two bases and $1.1m');
    const b = features('two bases and $1.1m');
    const rarity = (key: string) => (key === 'count:2' ? 0.1 : 0.8);
    expect(evidenceOf(a, b, rarity).numbers).toBeCloseTo(0.9, 12);
    expect(evidenceOf(features('two bases'), features('two troops'), rarity).numbers).toBeCloseTo(0.1, 12);
  });

  it('entities: the same canonical entity, or the same name however written (titles, case, hyphens, initials)', () => {
    const a = features('x', { entities: [{ entityId: 'e_k1', text: 'K-1 Air Base' }, { entityId: null, text: 'Brig. Gen. Vincent Barker' }, { entityId: null, text: 'Iraqi Security Forces' }, { entityId: null, text: 'Iraq' }] });
    const b = features('x', { entities: [{ entityId: 'e_k1', text: 'the base' }, { entityId: null, text: 'Brigadier General Vincent BARKER' }, { entityId: null, text: 'ISF' }, { entityId: null, text: 'Government of Iraq' }] });
    expect(compare(a, b).entities).toEqual(['K-1 Air Base', 'Brig. Gen. Vincent Barker', 'Iraqi Security Forces']);
    expect(compare(a, b).evidence.entities).toBe(1);
    expect(compare(features('x', { entities: [{ entityId: null, text: 'K1 airbase' }] }), features('x', { entities: [{ entityId: null, text: 'K-1 Airbase' }] })).entities).toEqual(['K1 airbase']);
  });

  it('dates: the same day agrees, a day within a week or month half, two different days conflict, a background year is left alone', () => {
    const on = (...values: string[]) => features('x', { dates: values.map((value) => ({ value, text: value })) });
    expect(compare(on('2020-03-26'), on('2020-03-26', 'P1W'))).toMatchObject({ dates: { agree: ['2020-03-26'], differ: [] }, evidence: { dates: 1, dateConflict: false } });
    expect(compare(on('2020-03-17'), on('2020-W12'))).toMatchObject({ dates: { agree: ['2020-03-17 in 2020-W12'], differ: [] }, evidence: { dates: 0.5 } });
    expect(compare(on('2020-03'), on('2020-03-29')).dates.agree).toEqual(['2020-03-29 in 2020-03']);
    expect(compare(on('2020-03-26'), on('2020-03-29'))).toMatchObject({ dates: { agree: [], differ: ['2020-03-26 vs 2020-03-29'] }, evidence: { dates: 0, dateConflict: true } });
    expect(compare(on('2020-03-26'), on('2020'))).toMatchObject({ dates: { agree: [], differ: [] }, evidence: { dates: 0, dateConflict: false } });
    expect(compare(on('2017'), on('2020-03-29'))).toMatchObject({ dates: { agree: [], differ: [] }, evidence: { dateConflict: false } });
    expect(compare(on('PRESENT_REF'), on('PRESENT_REF')).evidence.dates).toBe(0);
  });

  it('claimant: the same entity, the same name, or a surname alone', () => {
    const by = (text: string, entityId: string | null = null) => features('x', { claimant: { entityId, text } });
    expect(compare(by('Brig. Gen. Vincent Barker'), by('Barker')).claimant).toBe('Brig. Gen. Vincent Barker');
    expect(compare(by('A spokesman', 'e_1'), by('Centcom', 'e_1')).claimant).toBe('A spokesman');
    expect(compare(by('Vincent Barker'), by('Boris Johnson')).claimant).toBeNull();
    expect(compare(by('Barker'), features('x')).evidence.claimant).toBe(0);
    // The surname rule also joins an organisation with a longer name ending in it: as speakers, usually one.
    expect(sameSpeaker(speaker('Iraq'), speaker('Government of Iraq'))).toBe(true);
    expect(sameSpeaker(speaker('US'), speaker('President Donald Trump'))).toBe(false);
  });

  it('a canonical claim brings its wording\'s figures, its time and its claimant', () => {
    const wording = claimFeatures(claim('c1', 'At least $1.1m of equipment was handed over', { about: { value: '2020-03-29' }, claimant: { entityId: 'e_coalition' } }));
    const span = features('$1.1 million of equipment', { dates: [{ value: '2020-03-29', text: 'Sunday' }], claimant: { entityId: 'e_coalition', text: 'the coalition' } });
    expect(compare(span, wording)).toMatchObject({ numbers: { agree: ['$1.1 million'] }, dates: { agree: ['2020-03-29'] }, claimant: 'the coalition', evidence: { numbers: 1, dates: 1, claimant: 1 } });
  });
});
