/**
 * A synthetic claims corpus for bench/claims-match.ts, shaped like a fact-checking
 * project: articles on a few dozen stories; claim sentences drawn from a seeded Zipfian
 * word model (a story's own vocabulary mixed with the language's common words and
 * function words), with numbers, entities, dates and claimants; a fifth of the claims
 * restate a claim of another article on the same story (words dropped, replaced and
 * reordered; in half of them a figure changed). Some claims are canonical, and some of
 * their restatements already linked to them. Seeded: every run measures the same data.
 */
import { spanKey, type CanonicalClaim } from '../shared/model/claims.js';
import type { Mention } from '../shared/claims/mentions.js';
import type { MatchProposal } from '../shared/claims/matching.js';
import { random } from './corpus.js';

export const ANNOTATORS = ['ana', 'ben', 'cleo', 'dev'];
const LINKED_SHARE = 0.3;
const RESTATED_SHARE = 0.2;

const FUNCTION_WORDS = 'the of and to in a that for on with as by at from was were is are has have had it its their said will would not this which after over than more about'.split(' ');
const SYLLABLES = 'ka ri to mo sa le na vi ro de mi lu pe ta go ne shi ba fa zo qu el an or is um'.split(' ');

/** A pseudo-word made of 2-4 syllables: a vocabulary as large as needed, the same every run. */
function makeWords(count: number, next: () => number): string[] {
  const words = new Set<string>();
  while (words.size < count) words.add(Array.from({ length: 2 + Math.floor(next() * 3) }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join(''));
  return [...words];
}

/** Rank k (from 0) drawn with probability ∝ 1/(k+1): Zipf's law, as word frequencies follow. */
function zipf(size: number, next: () => number): number {
  // Inverse of the continuous approximation of the harmonic CDF.
  return Math.min(size - 1, Math.floor(Math.exp(next() * Math.log(size + 1)) - 1));
}

export interface Planted {
  documents: number;
  mentions: Mention[];
  claims: CanonicalClaim[];
  /** Span key -> the claim it states: "claim:<id>", or the span key of the first to state it. */
  group: Map<string, string>;
}

export function makeClaimsCorpus(spans: number): Planted {
  const DOCUMENTS = Math.max(2, Math.round(spans / 20));
  const STORIES = Math.max(1, Math.round(DOCUMENTS / 12));
  const next = random(17);
  const common = makeWords(3000, next);
  const stories = Array.from({ length: STORIES }, () => ({ words: makeWords(400, next), entities: makeWords(60, next).map((w) => w.charAt(0).toUpperCase() + w.slice(1)), day: 1 + Math.floor(next() * 300), said: [] as Mention[] }));
  const stamp = '2026-12-01T00:00:00.000Z';
  const dayValue = (day: number) => new Date(Date.UTC(2020, 0, day)).toISOString().slice(0, 10);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;

  const sentence = (story: (typeof stories)[number]) => {
    const words: string[] = [];
    const length = 12 + Math.floor(next() * 24);
    for (let i = 0; i < length; i++) {
      const roll = next();
      if (roll < 0.35) words.push(pick(FUNCTION_WORDS));
      else if (roll < 0.7) words.push(story.words[zipf(story.words.length, next)] as string);
      else if (roll < 0.97) words.push(common[zipf(common.length, next)] as string);
      else words.push(String(10 + Math.floor(next() * 990)));
    }
    return words;
  };
  /** Another outlet's version: a fifth of the words dropped, some replaced, the clauses rotated, in half of them a figure changed. */
  const restate = (text: string, story: (typeof stories)[number]) => {
    let words = text.split(' ').filter(() => next() > 0.2).map((word) => (next() < 0.15 ? (story.words[zipf(story.words.length, next)] as string) : word));
    if (next() < 0.5) words = words.map((word) => (/^\d+$/.test(word) ? String(Number(word) + 1 + Math.floor(next() * 50)) : word));
    const cut = Math.floor(next() * words.length);
    return [...words.slice(cut), ...words.slice(0, cut)].join(' ');
  };

  const mentions: Mention[] = [];
  const claims: CanonicalClaim[] = [];
  const group = new Map<string, string>();
  const perDocument = Math.ceil(spans / DOCUMENTS);
  for (let i = 0; i < spans; i++) {
    const d = Math.floor(i / perDocument);
    const story = stories[d % STORIES] as (typeof stories)[number];
    const ref = { documentId: `doc${String(d).padStart(4, '0')}`, annotator: ANNOTATORS[d % ANNOTATORS.length] as string, spanId: `s${i}` };
    const earlier = next() < RESTATED_SHARE ? story.said.filter((m) => m.ref.documentId !== ref.documentId).at(-1 - Math.floor(next() * 40)) : undefined;
    let mention: Mention;
    if (earlier) {
      const of = group.get(spanKey(earlier.ref)) as string;
      // Restatements of a linked claim: half are linked already (the claim's other mentions), half wait in the inbox.
      const claimId = of.startsWith('claim:') && next() < 0.5 ? of.slice('claim:'.length) : null;
      mention = { ...earlier, ref, claimId, text: restate(earlier.text, story), claimant: next() < 0.5 ? earlier.claimant : null };
      group.set(spanKey(ref), of);
    } else {
      const text = sentence(story).join(' ');
      let claimId: string | null = null;
      if (next() < LINKED_SHARE / 2) {
        claimId = `c${claims.length}`;
        claims.push({ id: claimId, wording: restate(text, story), status: 'unverified', history: [], evidence: [], createdBy: ref.annotator, createdAt: stamp, updatedAt: stamp });
      }
      const entities = Array.from({ length: Math.floor(next() * 3) }, () => ({ entityId: null, text: story.entities[zipf(story.entities.length, next)] as string }));
      const dates = next() < 0.5 ? [{ value: dayValue(story.day + Math.floor(next() * 20)), text: 'on that day' }] : [];
      const claimant = next() < 0.5 ? { entityId: null, text: story.entities[Math.floor(next() * 5)] as string } : null;
      mention = { ref, label: 'claim', claimId, text, start: 0, end: text.length, carriedAs: null, claimant, entities, dates, note: null };
      group.set(spanKey(ref), claimId ? `claim:${claimId}` : spanKey(ref));
    }
    mentions.push(mention);
    story.said.push(mention);
  }
  return { documents: DOCUMENTS, mentions, claims, group };
}

/** Proposals that pair two statements of one planted claim; and how many unlinked restatements got one. */
export function planted(proposals: readonly MatchProposal[], mentions: readonly Mention[], group: ReadonlyMap<string, string>): { right: number; restated: number; found: number } {
  const size = new Map<string, number>();
  for (const of of group.values()) size.set(of, (size.get(of) ?? 0) + 1);
  const waiting = mentions.filter((m) => m.claimId === null && (size.get(group.get(spanKey(m.ref)) as string) ?? 0) > 1).map((m) => spanKey(m.ref));
  const served = new Set<string>();
  let right = 0;
  for (const proposal of proposals) {
    const mine = group.get(spanKey(proposal.span));
    const theirs = 'claimId' in proposal.target ? `claim:${proposal.target.claimId}` : group.get(spanKey(proposal.target.span));
    if (mine === undefined || mine !== theirs) continue;
    right++;
    served.add(spanKey(proposal.span));
    if ('span' in proposal.target) served.add(spanKey(proposal.target.span));
  }
  return { right, restated: waiting.length, found: waiting.filter((key) => served.has(key)).length };
}

