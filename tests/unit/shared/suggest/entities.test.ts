import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalEntity, EntityRegistry } from '../../../../shared/model/entities.js';
import { normalizeName, suggestEntities } from '../../../../shared/suggest/entities.js';
import type { Suggestion } from '../../../../shared/suggest/suggestion.js';
import { codePointLength, codePointSlice } from '../../../../shared/text/offsets.js';
import { trickyText } from '../../../helpers/arbitraries.js';
import { exampleProject, samplesDir } from '../../../helpers/paths.js';

const ARTICLES = ['000_8537c0a39dd1ae22.txt', '001_e924d1bfadb02891.txt', '002_aee167001bcea28d.txt', '003_fefc16b6190a998d.txt', '004_6fac8515242cf0b4.txt'];
const sample = (name: string) => readFileSync(path.join(samplesDir, 'articles', name), 'utf8');
/** The example project's registry: K-1 Air Base, aliases K1, K-1, K1 Air Base, K1 airbase. */
const registry = EntityRegistry.parse(JSON.parse(readFileSync(path.join(exampleProject, 'entities.json'), 'utf8'))).entities;
const entity = (fields: { id: string; name: string; kind: string; aliases?: string[] }) => CanonicalEntity.parse(fields);

const find = (found: readonly Suggestion[], text: string) => found.filter((s) => s.text === text);
const kindOf = (found: readonly Suggestion[], text: string) => find(found, text)[0]?.attributes.kind;

/** Offsets are code points, spans never overlap, and they come sorted. */
function expectWellFormed(text: string, found: readonly Suggestion[]): void {
  for (const suggestion of found) {
    expect(suggestion.label).toBe('entity');
    expect(suggestion.end).toBeGreaterThan(suggestion.start);
    expect(codePointSlice(text, suggestion.start, suggestion.end)).toBe(suggestion.text);
  }
  for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
}

describe('entity suggestions', () => {
  it('finds people, organizations and places in the sample articles', () => {
    const first = suggestEntities(sample('000_8537c0a39dd1ae22.txt'), []);
    expect(kindOf(first, 'Brig. Gen. Vincent Barker')).toBe('person');
    expect(find(first, 'Brig. Gen. Vincent Barker')).toHaveLength(3);
    expect(kindOf(first, 'Lt. Gen. Pat White')).toBe('person');
    expect(kindOf(first, 'Government of Iraq')).toBe('organization');
    expect(kindOf(first, 'Iraqi Counter Terrorism Service')).toBe('organization');
    expect(kindOf(first, 'Hamrin Mountains')).toBe('location');
    // Kinds from context: a camp, an air base, an airfield are facilities.
    expect(kindOf(first, 'Camp Taji')).toBe('facility');
    expect(kindOf(first, 'K-1 Air Base')).toBe('facility');
    expect(kindOf(first, 'K-1')).toBe('facility');
    expect(kindOf(first, 'Ayn al-Assad')).toBe('facility'); // compromise says a person; "base" follows
    expect(kindOf(first, 'Mosul')).toBe('location');

    const ft = suggestEntities(sample('004_6fac8515242cf0b4.txt'), []);
    for (const name of ['Boris Johnson', 'Dominic Raab', 'Mike Pompeo', 'President Donald Trump', 'Brig Gen Hossein Dehghan', 'Ayatollah Ali Khamenei']) expect(kindOf(ft, name), name).toBe('person');
    expect(kindOf(ft, 'Financial Times')).toBe('organization');
    expect(kindOf(ft, 'Tehran')).toBe('location');
    // Without a registry there is no canonical entity.
    expect(ft.every((s) => s.attributes.entityId === undefined)).toBe(true);
  });

  it('gives each suggestion a confidence, and a name one group however often it comes', () => {
    const first = suggestEntities(sample('000_8537c0a39dd1ae22.txt'), []);
    for (const suggestion of first) expect(suggestion.confidence).toBeGreaterThan(0);
    expect(new Set(find(first, 'US').map((s) => s.group)).size).toBe(1);
    expect(find(first, 'US').length).toBeGreaterThan(5);
    expect(find(first, 'K-1 Air Base')[0]?.confidence).toBeGreaterThanOrEqual(0.9);
    const rudaw = suggestEntities(sample('001_e924d1bfadb02891.txt'), []);
    expect(kindOf(rudaw, 'Qayyarah Airfield West')).toBe('facility');
  });

  it('completes names compromise cuts short and gives unsure Arabic names no person kind', () => {
    const rudaw = suggestEntities(sample('001_e924d1bfadb02891.txt'), []);
    expect(kindOf(rudaw, 'Maj. Gen. Tahsin Khafaji')).toBe('person'); // compromise stops at "Tahsin"
    const unnamed = suggestEntities(sample('002_aee167001bcea28d.txt'), []);
    expect(kindOf(unnamed, 'President Donald TRUMP')).toBe('person');
    expect(kindOf(unnamed, 'Hashd al-Sha’abi')).toBe('other'); // compromise says person
    const forces = suggestEntities(sample('003_fefc16b6190a998d.txt'), []);
    expect(kindOf(forces, 'Lance Corporal Brodie Gillon')).toBe('person');
  });

  it('finds "K-1 Air Base" and its aliases from the registry, as one group', () => {
    const text = sample('000_8537c0a39dd1ae22.txt');
    const found = suggestEntities(text, registry);
    const base = find(found, 'K-1 Air Base');
    expect(base).toHaveLength(1);
    expect(base[0]).toMatchObject({ attributes: { kind: 'facility', entityId: 'e_k1' }, group: 'e_k1', reason: 'known entity "K-1 Air Base"' });
    // "handed over an area of K-1 Air Base on Sunday": the offsets point there.
    expect(codePointSlice(text, base[0]!.start - 11, base[0]!.end + 10)).toBe('an area of K-1 Air Base on Sunday');
    // "Qaim, Q-West and K-1", "killed at K-1", "At K-1 more than", and "K1 has served" in the quote.
    expect(find(found, 'K-1').map((s) => s.group)).toEqual(['e_k1', 'e_k1', 'e_k1']);
    expect(find(found, 'K1')[0]).toMatchObject({ group: 'e_k1', attributes: { entityId: 'e_k1' } });

    // Other spellings in the other articles: "Kirkuk’s K1 airbase", "K1 Air Base".
    expect(find(suggestEntities(sample('001_e924d1bfadb02891.txt'), registry), 'K1 airbase')[0]?.attributes).toEqual({ kind: 'facility', entityId: 'e_k1' });
    const forces = suggestEntities(sample('003_fefc16b6190a998d.txt'), registry);
    expect(find(forces, 'K1 Air Base').length).toBeGreaterThanOrEqual(5);
    expect(new Set(find(forces, 'K1 Air Base').map((s) => s.group))).toEqual(new Set(['e_k1']));
  });

  it('matches registry names regardless of case, hyphens and spaces, and acronyms only in capitals', () => {
    const k1 = entity({ id: 'k1', name: 'K-1 Air Base', kind: 'facility', aliases: ['K1', 'K-1'] });
    const us = entity({ id: 'us', name: 'United States', kind: 'location', aliases: ['US', 'U.S.'] });
    const text = 'Troops left K1 airbase, then k-1 air base, then the K 1 site. Tell us: did the US or the U.S. or the united states pay?';
    const found = suggestEntities(text, [k1, us], { nlpBudget: 0 });
    expect(found.map((s) => [s.text, s.group])).toEqual([
      ['K1 airbase', 'k1'],
      ['k-1 air base', 'k1'],
      ['K 1', 'k1'],
      ['US', 'us'],
      ['U.S.', 'us'],
      ['united states', 'us'],
    ]);
    expect(normalizeName('K-1 Air Base')).toBe(normalizeName('k1 airbase'));
    expect(normalizeName('Kata’ib Hezbollah')).toBe(normalizeName('Kataib Hezbollah'));
  });

  it('keeps a registry kind outside the enum out of the attributes', () => {
    const found = suggestEntities('The Tigris runs through Baghdad.', [entity({ id: 'tigris', name: 'Tigris', kind: 'river' })], { nlpBudget: 0 });
    expect(found).toEqual([{ label: 'entity', start: 4, end: 10, text: 'Tigris', attributes: { entityId: 'tigris' }, group: 'tigris', confidence: 0.95, reason: 'known entity "Tigris"' }]);
  });

  it('trims "the", possessives and punctuation from mentions', () => {
    for (const name of ARTICLES) {
      for (const suggestion of suggestEntities(sample(name), registry)) {
        expect(suggestion.text, name).not.toMatch(/^(the|The|THE)\s/);
        expect(suggestion.text, name).not.toMatch(/['’]s$/);
        expect(suggestion.text, name).not.toMatch(/^[\s"“”'‘’(,.]|[\s,;:!?"“”'‘’)]$/);
        if (suggestion.text.endsWith('.')) expect(suggestion.text).toMatch(/(?:\p{L}\.)+$/u); // "U.S."
      }
    }
    const ft = suggestEntities(sample('004_6fac8515242cf0b4.txt'), []);
    expect(find(ft, 'Iran').length).toBeGreaterThan(5); // "Iran’s most powerful commander" included
    expect(find(ft, 'Mike Pompeo')).toHaveLength(1); // "Mike Pompeo." in the text
    expect(find(ft, 'US').length).toBeGreaterThan(10); // "The US has yet to apportion blame"
  });

  it('groups repeated mentions, and a surname alone with the full name', () => {
    const rudaw = suggestEntities(sample('001_e924d1bfadb02891.txt'), []);
    const barker = find(rudaw, 'Brig. Gen. Vincent Barker')[0]!;
    // "“The Qayyarah base served ...,” Barker said."
    expect(find(rudaw, 'Barker')[0]).toMatchObject({ group: barker.group, attributes: { kind: 'person' } });
    const ft = suggestEntities(sample('004_6fac8515242cf0b4.txt'), []);
    expect(find(ft, 'Mr Johnson')[0]!.group).toBe(find(ft, 'Boris Johnson')[0]!.group);
    expect(find(ft, 'Mr Trump')[0]!.group).toBe(find(ft, 'President Donald Trump')[0]!.group);
    expect(new Set(find(ft, 'Iran').map((s) => s.group))).toEqual(new Set(['iran']));
  });

  it('reads long texts with compromise only up to its budget, then repeats the names it found', () => {
    const text = `Boris Johnson spoke in Baghdad.\n\n${'Filler text without names. '.repeat(20)}\n\nLater Boris Johnson flew from Baghdad to K-1.`;
    const all = suggestEntities(text, registry);
    const budgeted = suggestEntities(text, registry, { nlpBudget: 40 });
    expect(budgeted.map((s) => s.text)).toEqual(all.map((s) => s.text));
    expect(budgeted.map((s) => s.text)).toEqual(['Boris Johnson', 'Baghdad', 'Boris Johnson', 'Baghdad', 'K-1']);
    expect(budgeted[2]!.reason).toBe('repeated person name');
    expect(budgeted[2]!.group).toBe(budgeted[0]!.group);
    expect(suggestEntities(text, registry, { nlpBudget: 0 }).map((s) => s.text)).toEqual(['K-1']);
  });

  it('is well formed on every sample: code point offsets, no overlaps, sorted', () => {
    for (const name of ARTICLES) {
      const text = sample(name);
      expectWellFormed(text, suggestEntities(text, registry));
    }
  });

  it('keeps offsets right after emoji and CRLF line breaks', () => {
    const original = sample('004_6fac8515242cf0b4.txt');
    const prefix = '😀👩‍🚒 🇮🇶 𝔘\r\n\r\n';
    const text = prefix + original.replace(/\n/g, '\r\n').replace(/Boris Johnson/, 'Boris Johnson 👍🏽');
    const found = suggestEntities(text, registry);
    expectWellFormed(text, found);
    const johnson = find(found, 'Boris Johnson')[0]!;
    expect(johnson.start).toBe(codePointLength(prefix) + codePointLength(original.slice(0, original.indexOf('Boris Johnson')).replace(/\n/g, '\r\n')));
    expect(find(found, 'Mike Pompeo')).toHaveLength(1);
  });

  it('returns code point slices for any text around the names (property)', () => {
    fc.assert(
      fc.property(trickyText(30), trickyText(10), (before, between) => {
        const text = `${before}\r\nBoris Johnson met officials at K-1 Air Base ${between} in Baghdad.`;
        const found = suggestEntities(text, registry);
        expectWellFormed(text, found);
        const base = found.find((s) => s.attributes.entityId === 'e_k1');
        expect(base?.text).toBe('K-1 Air Base');
        expect(base?.start).toBe(codePointLength(`${before}\r\nBoris Johnson met officials at `));
      }),
      { numRuns: 60 },
    );
  });
});
