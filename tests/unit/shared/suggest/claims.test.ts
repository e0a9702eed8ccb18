import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EntityRegistry } from '../../../../shared/model/entities.js';
import { suggestClaims } from '../../../../shared/suggest/claims.js';
import { suggestEntities } from '../../../../shared/suggest/entities.js';
import type { Suggestion } from '../../../../shared/suggest/suggestion.js';
import { codePointSlice } from '../../../../shared/text/offsets.js';
import { trickyText } from '../../../helpers/arbitraries.js';
import { exampleProject, samplesDir } from '../../../helpers/paths.js';

const ARTICLES = ['000_8537c0a39dd1ae22.txt', '001_e924d1bfadb02891.txt', '002_aee167001bcea28d.txt', '003_fefc16b6190a998d.txt', '004_6fac8515242cf0b4.txt'];
const sample = (name: string) => readFileSync(path.join(samplesDir, 'articles', name), 'utf8');
const registry = EntityRegistry.parse(JSON.parse(readFileSync(path.join(exampleProject, 'entities.json'), 'utf8'))).entities;

/** Claims of a text, with entity suggestions for claimants, as the app runs them. */
const claimsOf = (text: string) => {
  const entities = suggestEntities(text, registry);
  return { entities, claims: suggestClaims(text, entities) };
};
const cache = new Map<string, ReturnType<typeof claimsOf>>();
const article = (name: string) => {
  const found = cache.get(name) ?? claimsOf(sample(name));
  cache.set(name, found);
  return found;
};
/** The one claim whose text contains `phrase`. */
const claimWith = (claims: readonly Suggestion[], phrase: string): Suggestion => {
  const found = claims.filter((claim) => claim.text.includes(phrase));
  expect(found, phrase).toHaveLength(1);
  return found[0]!;
};

function expectWellFormed(text: string, claims: readonly Suggestion[]): void {
  for (const claim of claims) {
    expect(claim.label).toBe('claim');
    // Only check-worthiness is said on a claim; its claimant is pointed at on accept.
    expect([{}, { checkWorthiness: 'check-worthy' }]).toContainEqual(claim.attributes);
    expect(claim.confidence).toBeGreaterThan(0);
    expect(codePointSlice(text, claim.start, claim.end)).toBe(claim.text);
    expect(claim.text).toBe(claim.text.trim());
    if (claim.claimant) expect(codePointSlice(text, claim.claimant.start, claim.claimant.end)).toBe(claim.claimant.text);
  }
  for (let i = 1; i < claims.length; i++) expect(claims[i]!.start).toBeGreaterThanOrEqual(claims[i - 1]!.end);
}

describe('check-worthiness', () => {
  it('ranks numbers, comparisons, named sources and causes above bare reports and opinions', () => {
    const text = [
      'Officials said the talks went well.',
      'About 5,000 troops, more than last year, left because of the virus, the ministry said.',
      '"We hope for the best," he said.',
      'The attack led to the closure of the base.',
    ].join(' ');
    const ranked = suggestClaims(text, []).sort((a, b) => (b.confidence ?? 0) - (a.confidence ?? 0));
    expect(ranked.map((claim) => claim.text.slice(0, 12))).toEqual(['About 5,000 ', 'The attack l', 'Officials sa', '"We hope for']);
    expect(ranked[0]?.attributes).toEqual({ checkWorthiness: 'check-worthy' });
    expect(ranked[0]?.reason).toMatch(/a comparison \(more\), a cause \(because\)/);
    expect(ranked.at(-1)?.attributes).toEqual({});
  });
});

describe('claim suggestions', () => {
  it('names the speaker of "said" as the claimant, pointing at an entity suggestion', () => {
    const { entities, claims } = article('004_6fac8515242cf0b4.txt');
    const johnson = claimWith(claims, 'abhorrent attack,” Mr Johnson said');
    expect(johnson.text.startsWith('“We will continue to liaise')).toBe(true);
    expect(johnson.reason).toMatch(/^reported speech: said, quotation(?:,|$)/);
    expect(johnson.claimant?.text).toBe('Mr Johnson');
    expect(entities.some((e) => e.start === johnson.claimant!.start && e.end === johnson.claimant!.end)).toBe(true);

    // "“...,” said Brig. Gen. Vincent Barker, the coalition’s director of sustainment"
    const rudaw = article('001_e924d1bfadb02891.txt').claims;
    expect(claimWith(rudaw, 'Today marks another milestone').claimant?.text).toBe('Brig. Gen. Vincent Barker');
    expect(claimWith(rudaw, 'Qayyarah base served').claimant?.text).toBe('Barker');
  });

  it('takes the subject before an appositive, and resolves "he" to the last speaker', () => {
    const ft = article('004_6fac8515242cf0b4.txt').claims;
    // "Brig Gen Hossein Dehghan, a military adviser to Ayatollah Ali Khamenei, ..., told the Financial Times"
    expect(claimWith(ft, 'complementary blows').claimant?.text).toBe('Brig Gen Hossein Dehghan');
    expect(claimWith(ft, 'But he added that Tehran').claimant?.text).toBe('Brig Gen Hossein Dehghan');
    // "Boris Johnson, UK prime minister, described ..." then "“Our servicemen ...,” he said"
    expect(claimWith(ft, 'deplorable').claimant?.text).toBe('Boris Johnson');
    expect(claimWith(ft, 'Our servicemen and women').claimant?.text).toBe('Boris Johnson');
    // The object of "told" is not the speaker; an unnamed spokesperson gives no claimant.
    expect(claimWith(ft, 'A spokesperson for Centcom').claimant).toBeUndefined();
    expect(claimWith(ft, 'A US official said President Donald Trump').claimant).toBeUndefined();

    const rudaw = article('001_e924d1bfadb02891.txt').claims;
    expect(claimWith(rudaw, 'confirmed US forces had officially handed over').claimant?.text).toBe('Maj. Gen. Tahsin Khafaji');
  });

  it('keeps a quotation of several sentences whole and gives its continuation the same claimant', () => {
    const mecra = article('000_8537c0a39dd1ae22.txt').claims;
    const continued = claimWith(mecra, 'K1 has served as a critical location');
    expect(continued.text).toMatch(/^“K1 has served.*Hamrin Mountains\. It will continue.*ISF partners\."$/);
    expect(continued.claimant?.text).toBe('Brig. Gen. Vincent Barker');
    expect(continued.reason).toMatch(/^quotation(?:,|$)/);
    expect(claimWith(mecra, 'We honor the fallen heroes').claimant?.text).toBe('Lt. Gen. Pat White');
  });

  it('proposes attributions and quantities, but not dates alone', () => {
    const forces = article('003_fefc16b6190a998d.txt').claims;
    expect(claimWith(forces, 'According to a coalition statement').reason).toMatch(/^attribution: according to(?:,|$)/);
    expect(claimWith(forces, '300 coalition personnel departed').reason).toMatch(/^quantity: \$1\.1 million(?:,|$)/);

    const rudaw = article('001_e924d1bfadb02891.txt').claims;
    expect(claimWith(rudaw, 'roughly 5,000 US troops').reason).toMatch(/^quantity: 5,000(?:,|$)/);
    expect(claimWith(rudaw, 'located 60km south of Mosul').reason).toMatch(/^quantity: 60km(?:,|$)/);

    const mecra = article('000_8537c0a39dd1ae22.txt').claims;
    for (const dated of ['The US also left a small post in Mosul on March 30', 'Qaim was transferred first on March 17']) {
      expect(mecra.filter((claim) => claim.text.includes(dated)), dated).toEqual([]);
    }
    // A date does not make a claim, but a cause does: "..., causing concussions".
    expect(claimWith(mecra, 'On January 8 Iran fired ballistic missiles').reason).toBe('a cause (causing)');
    // The year in "throughout 2020" is no quantity, "says" is the cue.
    expect(claimWith(mecra, 'consolidate personnel and equipment').reason).toMatch(/^reported speech: says(?:,|$)/);
  });

  it('skips page furniture: headings, bylines, captions, comment counts', () => {
    for (const name of ARTICLES) {
      const { claims } = article(name);
      expect(claims.length, name).toBeGreaterThan(5);
      for (const claim of claims) {
        expect(claim.text, name).not.toMatch(/^(top of page|bottom of page|By SETH|Updated:|\d+ views|READ SOURCE|Print Friendly)/);
        expect(claim.text, name).not.toMatch(/\.jpg|CREDIT/);
        expect(claim.text.split(/\s+/).length, name).toBeGreaterThanOrEqual(4);
      }
    }
  });

  it('is well formed on every sample: code point offsets, trimmed, sorted, apart', () => {
    for (const name of ARTICLES) expectWellFormed(sample(name), article(name).claims);
  });

  it('finds the same claims after emoji and with CRLF line breaks', () => {
    for (const name of ['000_8537c0a39dd1ae22.txt', '004_6fac8515242cf0b4.txt']) {
      const text = `👩‍🚒🇮🇶 😀\r\n${sample(name).replace(/\n/g, '\r\n').replace(/Mr Johnson said/, '👍🏽 Mr Johnson said')}`;
      const { claims } = claimsOf(text);
      expectWellFormed(text, claims);
      const strip = (s: string) => s.replace('👍🏽 ', '');
      expect(claims.map((c) => [strip(c.text), c.reason, c.claimant?.text])).toEqual(article(name).claims.map((c) => [c.text, c.reason, c.claimant?.text]));
    }
  });

  it('returns code point slices for any text around the sentences (property)', () => {
    fc.assert(
      // Line breaks inside would make headings of the halves: the text around is free.
      fc.property(trickyText(30), trickyText(12).map((s) => s.replace(/[\r\n]/g, ' ')), (before, inside) => {
        const text = `${before}\r\nBoris Johnson said 400 troops ${inside} would stay.\r\n“We are leaving ${inside} now,” he said. ${before}`;
        const entities = suggestEntities(text, []);
        const claims = suggestClaims(text, entities);
        expectWellFormed(text, claims);
        expect(claims.some((claim) => claim.claimant?.text === 'Boris Johnson')).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('ignores entities that are not from this text', () => {
    const text = 'Boris Johnson said the rockets hit the base on purpose.';
    const stale: Suggestion[] = [
      { label: 'entity', start: 0, end: 5, text: 'Other', attributes: { kind: 'person' }, reason: 'x' },
      { label: 'entity', start: 50, end: 90, text: 'Beyond the end', attributes: { kind: 'person' }, reason: 'x' },
    ];
    expect(suggestClaims(text, stale)).toEqual([{ label: 'claim', start: 0, end: 55, text, attributes: {}, confidence: 0.35, reason: 'reported speech: said' }]);
  });
});
