/**
 * The sample articles as an annotator would leave them for claim matching, and a gold
 * standard to score the proposals against. Used by the matching test and by
 * bench/claims-match.ts; the articles are read from the shared samples folder, never
 * copied.
 *
 * Each article's layer holds every entity and date suggestion (as if accepted) and, as
 * claim spans: the statements issue 17 names as travelling between outlets (TAGS, tagged
 * at their exact words), and every claim sentence shared/suggest/claims.ts proposes,
 * split around a tagged statement inside it (the rest of a quotation stays a span of its
 * own, as an analyst tagging sentence by sentence would leave it).
 *
 * The gold standard (GROUPS) was written by reading the articles, before the matcher was
 * run on them: spans in one group state a claim a fact-checker would check once for
 * both (one may say more than the other). BORDERLINE pairs are the same boilerplate or a
 * looser restatement, counted apart so precision can be given both ways.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Span } from '../../shared/model/annotations.js';
import { DEFAULT_LABELS } from '../../shared/model/default-labels.js';
import { EntityRegistry, type CanonicalEntity } from '../../shared/model/entities.js';
import { collectMentions, type LayerInput, type Mention } from '../../shared/claims/mentions.js';
import { spanKey, type SpanRef } from '../../shared/model/claims.js';
import type { MatchProposal } from '../../shared/claims/matching.js';
import { suggestAll } from '../../shared/suggest/suggest.js';
import type { Suggestion } from '../../shared/suggest/suggestion.js';
import { suggestionsToSpans } from '../../shared/suggest/to-spans.js';
import { createOffsetIndex } from '../../shared/text/offsets.js';
import { exampleProject, samplesDir } from './paths.js';

const FILES = ['000_8537c0a39dd1ae22.txt', '001_e924d1bfadb02891.txt', '002_aee167001bcea28d.txt', '003_fefc16b6190a998d.txt', '004_6fac8515242cf0b4.txt'] as const;
export const ANNOTATOR = 'ana';

/** A claim span of the gold standard: the document (d0..d4) and words only it contains among that document's claim spans. */
interface GoldSpan {
  doc: number;
  words: string;
}

/** The named statements, tagged at exactly these words (`nth`: which occurrence). */
const TAGS: Record<string, GoldSpan & { nth?: number }> = {
  // Brig. Gen. Barker's "Today's transfer was coordinated with the Government of Iraq…"
  coordinatedK1: { doc: 0, words: 'Today’s transfer was coordinated with the Government of Iraq and is possible thanks to the efforts and successes of our ISF partners.', nth: 0 },
  coordinatedQWest: { doc: 0, words: 'Today’s transfer was coordinated with the Government of Iraq and is possible thanks to the efforts and successes of our ISF partners.', nth: 1 },
  coordinatedRudaw: { doc: 1, words: '“Today’s transfer was coordinated with the Government of Iraq and is possible thanks to the efforts and successes of our ISF partners,” he said.' },
  // "$1.1m of equipment … as 300 coalition personnel departed"
  equipment2: { doc: 2, words: 'At least $1.1m of equipment was transferred to the Iraqis as 300 coalition personnel departed.' },
  equipment3: { doc: 3, words: 'At least $1.1 million dollars of equipment were also given to the Iraqis as 300 coalition personnel departed.' },
  // The dates of the hand-overs: K-1 (29 March), Q-West (26 March), al-Qaim (17 March).
  k1Sunday: { doc: 0, words: 'The US-led Coalition handed over an area of K-1 Air Base on Sunday, the third post in a week handed over to Iraqi Security Forces.' },
  k1March29: { doc: 2, words: 'On March 29, 2020, the US-led coalition forces in Iraq withdrew from the K1 airbase located in the northern Iraqi province of Kirkuk (15 kilometers northwest of Kirkuk), being the third-place coalition forces have left this month, as a part of the Redeployment Plan.' },
  k1ThisMonth: { doc: 3, words: 'The United States-led coalition in Iraq has withdrawn from a third military base this month.' },
  k1Statement: { doc: 3, words: 'According to a coalition statement, the K1 Air Base in the northern province of Kirkuk was handed over to the Iraqi military.' },
  qWestMarch26: { doc: 0, words: 'On March 26 Q-West was also transferred.' },
  qWestThursday: { doc: 1, words: 'US forces formally handed over control of Qayyarah Airfield West (Q-West) to the Iraqi Security Forces (ISF) on Thursday as part of the ongoing coalition drawdown in Iraq.' },
  qaimMarch17: { doc: 0, words: 'Qaim was transferred first on March 17.' },
  qaimKhafaji: { doc: 1, words: 'Last week Maj. Gen. Tahsin Khafaji, spokesman for Iraq’s Joint Operation Command, confirmed US forces had officially handed over command of al-Qaim to the ISF.' },
  qaimSecond: { doc: 1, words: 'This is the second base transfer this month after US troops pulled out of al-Qaim in Anbar, near the Syrian border.' },
};

/** Other claim spans of the gold standard, by words only they contain. */
const SPANS: Record<string, GoldSpan> = {
  notes0: { doc: 0, words: 'A statement by the Coalition notes' },
  proud0: { doc: 0, words: 'Today in another proud day' },
  k1Rest0: { doc: 0, words: 'K1 has served as a critical location' },
  resulted0: { doc: 0, words: 'That attack resulted in US retaliation' },
  january8: { doc: 0, words: 'On January 8 Iran fired ballistic missiles' },
  taji0: { doc: 0, words: 'Over the next two months numerous rocket attacks' },
  announced0: { doc: 0, words: 'The repositioning was announced on March 20' },
  twoReasons0: { doc: 0, words: 'adjusting its positioning in Iraq for two reasons' },
  historic0: { doc: 0, words: 'Today marks a historic moment' },
  qaimQuote0: { doc: 0, words: 'Al-Qaim base served as a critical location' },
  milestone0: { doc: 0, words: 'Today marks another milestone' },
  qWestRest0: { doc: 0, words: 'The Qayyarah base served as a strategic launching point' },
  million0: { doc: 0, words: 'At K-1 more than $1 million of property was transferred.' },
  relocate0: { doc: 0, words: 'The CJTF-OIR says it will relocate and consolidate' },
  milestone1: { doc: 1, words: 'Today marks another milestone' },
  depart1: { doc: 1, words: 'The coalition troops will depart Q-West base' },
  sixtyKm1: { doc: 1, words: 'Qayyarah military air base is located 60km south of Mosul' },
  launch1: { doc: 1, words: 'The Qayyarah base served as a strategic launching point' },
  hub1: { doc: 1, words: 'The base serves as a hub for the Iraqi Air Force' },
  us5000_1: { doc: 1, words: 'There are roughly 5,000 US troops stationed in Iraq' },
  relocate1: { doc: 1, words: 'CJTF-OIR will relocate and consolidate personnel' },
  lastWeek1: { doc: 1, words: 'The US-led coalition said late last week it is adjusting its positions' },
  anticipate1: { doc: 1, words: 'We anticipate the coalition supporting the Iraqi Security Forces' },
  believes1: { doc: 1, words: 'The coalition believes ISIS has been degraded' },
  despite1: { doc: 1, words: 'This is despite the death of two US soldiers' },
  washington1: { doc: 1, words: 'Washington believes Iran-backed militias are responsible.' },
  noAmericans1: { doc: 1, words: 'No Americans were killed in the retaliatory strikes' },
  consolidate2: { doc: 2, words: 'US plans to consolidate its troops in two locations in Iraq.' },
  alleged2: { doc: 2, words: 'The US-led alliance further alleged' },
  barker2: { doc: 2, words: 'Today is a day of pride' },
  planned2: { doc: 2, words: 'the move has been planned for months' },
  withdrawn500_2: { doc: 2, words: 'The US-led forces have already withdrawn about 500 soldiers' },
  lawmakers2: { doc: 2, words: 'Iraqi lawmakers unanimously approved a bill' },
  sixYears2: { doc: 2, words: 'Six years on, the extremist group' },
  marines2: { doc: 2, words: 'Two members of a Marines Special Operations Team' },
  troops7500_2: { doc: 2, words: 'At the end of February 2020, there were some 7,500 coalition troops' },
  consolidate3: { doc: 3, words: 'The move is in line with US plans to consolidate' },
  december3: { doc: 3, words: 'A rocket attack on the base in late December killed one American contractor' },
  taji3: { doc: 3, words: 'three coalition service members, including British soldier' },
  troops7500_3: { doc: 3, words: 'Until last month, there were some 7,500 coalition troops' },
  twoAmerican4: { doc: 4, words: 'Two American troops have been killed by rocket fire' },
  apportion4: { doc: 4, words: 'The US has yet to apportion blame' },
  blamed4: { doc: 4, words: 'The US has previously blamed Iranian-backed Iraqi militias' },
  spokesperson4: { doc: 4, words: 'A spokesperson for Centcom' },
};

type SpanName = keyof typeof TAGS | keyof typeof SPANS;

/** The statements issue 17 names: each must be proposed with another of its group in another document. */
export const NAMED_GROUPS: Record<string, SpanName[]> = {
  'Barker: "Today’s transfer was coordinated with the Government of Iraq…"': ['coordinatedK1', 'coordinatedQWest', 'coordinatedRudaw'],
  '"$1.1m of equipment … as 300 coalition personnel departed"': ['equipment2', 'equipment3'],
  'K-1 handed over on 29 March': ['k1Sunday', 'k1March29', 'k1ThisMonth', 'k1Statement'],
  'Q-West handed over on 26 March': ['qWestMarch26', 'qWestThursday'],
  'al-Qaim handed over on 17 March': ['qaimMarch17', 'qaimKhafaji', 'qaimSecond'],
};

/** Every group of spans stating a claim in common (the named ones with the spans that restate them too). */
const GROUPS: SpanName[][] = [
  ['coordinatedK1', 'coordinatedQWest', 'coordinatedRudaw', 'qaimQuote0'],
  ['equipment2', 'equipment3', 'million0'],
  ['k1Sunday', 'k1March29', 'k1ThisMonth', 'k1Statement'],
  ['qWestMarch26', 'qWestThursday', 'withdrawn500_2'],
  ['qaimMarch17', 'qaimKhafaji', 'qaimSecond', 'withdrawn500_2'],
  ['milestone0', 'milestone1'],
  ['proud0', 'barker2'],
  ['k1Rest0', 'barker2'],
  ['qWestRest0', 'launch1'],
  ['qWestRest0', 'hub1'],
  ['sixtyKm1', 'withdrawn500_2'],
  ['consolidate2', 'consolidate3'],
  ['troops7500_2', 'troops7500_3'],
  ['troops7500_2', 'troops7500_3', 'us5000_1'],
  ['relocate0', 'relocate1'],
  ['notes0', 'twoReasons0', 'lastWeek1'],
  ['notes0', 'alleged2', 'planned2'],
  ['notes0', 'twoReasons0', 'planned2'],
  ['twoReasons0', 'anticipate1'],
  ['announced0', 'lastWeek1'],
  ['resulted0', 'december3'],
  ['resulted0', 'lawmakers2', 'apportion4'],
  ['taji0', 'taji3', 'spokesperson4', 'twoAmerican4'],
  ['marines2', 'despite1'],
  ['january8', 'noAmericans1'],
  ['washington1', 'blamed4'],
];

/** Pairs that are the same boilerplate about another day, or a looser restatement. */
const BORDERLINE: [SpanName, SpanName][] = [
  ['depart1', 'qWestMarch26'],
  ['depart1', 'withdrawn500_2'],
  ['believes1', 'sixYears2'],
  ['anticipate1', 'announced0'],
  ['relocate1', 'notes0'],
  ['relocate1', 'twoReasons0'],
  ['historic0', 'milestone1'],
  ['proud0', 'milestone1'],
  ['barker2', 'milestone1'],
  ['qaimQuote0', 'milestone1'],
];

const registry = (): CanonicalEntity[] => EntityRegistry.parse(JSON.parse(readFileSync(path.join(exampleProject, 'entities.json'), 'utf8'))).entities;
const articles = () => JSON.parse(readFileSync(path.join(samplesDir, 'articles.json'), 'utf8')) as { file: string; published: string | null }[];

export interface SampleCorpus {
  layers: LayerInput[];
  mentions: Mention[];
  /** The gold spans by name. */
  refs: Map<SpanName, SpanRef>;
  entities: CanonicalEntity[];
}

/** The five articles' layers (one annotator), their mentions, and where the gold spans are. */
export function sampleCorpus(annotator = ANNOTATOR): SampleCorpus {
  const entities = registry();
  const published = new Map(articles().map((article) => [path.basename(article.file), article.published]));
  const layers: LayerInput[] = [];
  FILES.forEach((file, doc) => {
    const text = readFileSync(path.join(samplesDir, 'articles', file), 'utf8');
    const index = createOffsetIndex(text);
    const suggestions = suggestAll(text, { published: published.get(file) ?? null, registry: entities });
    const tags = Object.values(TAGS)
      .filter((tag) => tag.doc === doc)
      .map((tag) => {
        const [at, length] = nthIndex(text, tag.words, tag.nth ?? 0);
        return { start: index.toCodePoint(at), end: index.toCodePoint(at + length), text: text.slice(at, at + length) };
      });
    const claims = claimSpans(text, index, suggestions.filter((s) => s.label === 'claim'), tags);
    const chosen = [...suggestions.filter((s) => s.label !== 'claim'), ...claims];
    let next = 0;
    const spans: Span[] = suggestionsToSpans(index, chosen, [], () => `s${doc}_${next++}`, new Date('2026-12-01T00:00:00Z'), suggestions);
    layers.push({ document: `d${doc}`, annotator, spans, relations: [] });
  });
  const mentions = collectMentions(layers, DEFAULT_LABELS, entities);
  const refs = new Map<SpanName, SpanRef>();
  for (const [name, gold] of Object.entries({ ...SPANS, ...TAGS }) as [SpanName, GoldSpan & { nth?: number }][]) {
    const found = mentions.filter((mention) => mention.ref.documentId === `d${gold.doc}` && oneSpaced(mention.text).includes(gold.words));
    // A repeated tag is the nth of its words.
    const mention = found.length === 1 ? found[0] : found[gold.nth ?? -1];
    if (!mention || (found.length > 1 && gold.nth === undefined)) throw new Error(`gold span ${name}: ${found.length} claim spans in d${gold.doc} hold "${gold.words}"`);
    refs.set(name, mention.ref);
  }
  return { layers, mentions, refs, entities };
}

/** The samples have no-break spaces between some words: words match across any white space. */
const oneSpaced = (text: string) => text.replace(/\s+/g, ' ');

/** Where the nth occurrence of `words` is, and how long it is there (UTF-16). */
function nthIndex(text: string, words: string, nth: number): [number, number] {
  const pattern = new RegExp(words.split(' ').map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'g');
  const found = [...text.matchAll(pattern)][nth];
  if (!found) throw new Error(`"${words}" is not in the sample ${nth + 1} times`);
  return [found.index, found[0].length];
}

/** The tags, and the suggested claims with the tags cut out of them (the pieces left of four words or more). */
function claimSpans(text: string, index: ReturnType<typeof createOffsetIndex>, suggested: readonly Suggestion[], tags: readonly { start: number; end: number; text: string }[]): Suggestion[] {
  const out: Suggestion[] = [];
  for (const tag of tags) {
    const same = suggested.find((s) => s.start === tag.start && s.end === tag.end);
    out.push(same ?? { label: 'claim', start: tag.start, end: tag.end, text: tag.text, attributes: {}, reason: 'tagged' });
  }
  for (const suggestion of suggested) {
    const inside = tags.filter((tag) => tag.start < suggestion.end && tag.end > suggestion.start).sort((a, b) => a.start - b.start);
    if (inside.length === 0) {
      out.push(suggestion);
      continue;
    }
    let from = suggestion.start;
    for (const cut of [...inside, { start: suggestion.end, end: suggestion.end }]) {
      const piece = trimmed(text, index, from, Math.min(cut.start, suggestion.end));
      if (piece && piece.text.split(/\s+/).length >= 4) out.push({ ...suggestion, ...piece, reason: `${suggestion.reason} (piece)` });
      from = Math.max(from, cut.end);
    }
  }
  return out;
}

function trimmed(text: string, index: ReturnType<typeof createOffsetIndex>, start: number, end: number): { start: number; end: number; text: string } | null {
  let from = index.toUtf16(start);
  let to = index.toUtf16(end);
  while (from < to && /\s/.test(text.charAt(from))) from++;
  while (to > from && /\s/.test(text.charAt(to - 1))) to--;
  return to > from ? { start: index.toCodePoint(from), end: index.toCodePoint(to), text: text.slice(from, to) } : null;
}

export interface SampleScores {
  proposals: number;
  correct: number;
  borderline: number;
  wrong: MatchProposal[];
  /** Correct over all proposals; and counting the borderline ones as correct. */
  precision: number;
  lenientPrecision: number;
  /** Cross-document pairs of the gold groups, and how many were proposed. */
  goldPairs: number;
  goldFound: number;
  /** Per named group: its spans with no proposal to another of the group in another document. */
  namedMissing: Record<string, string[]>;
}

/** The proposals (span to span) scored against the gold standard. */
export function scoreSampleProposals(corpus: SampleCorpus, proposals: readonly MatchProposal[]): SampleScores {
  const names = new Map([...corpus.refs].map(([name, ref]) => [spanKey(ref), name]));
  const pairKey = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);
  const gold = new Set<string>();
  for (const group of GROUPS) {
    for (const x of group) for (const y of group) if (x < y && docOf(x) !== docOf(y)) gold.add(pairKey(x, y));
  }
  const borderline = new Set(BORDERLINE.map(([x, y]) => pairKey(x, y)));
  const proposed = new Set<string>();
  let correct = 0;
  let loose = 0;
  const wrong: MatchProposal[] = [];
  for (const proposal of proposals) {
    if (!('span' in proposal.target)) throw new Error('the sample corpus has no canonical claims to propose');
    const x = names.get(spanKey(proposal.span));
    const y = names.get(spanKey(proposal.target.span));
    const key = x && y ? pairKey(x, y) : null;
    if (key) proposed.add(key);
    if (key && gold.has(key)) correct++;
    else if (key && borderline.has(key)) loose++;
    else wrong.push(proposal);
  }
  const namedMissing: Record<string, string[]> = {};
  for (const [title, group] of Object.entries(NAMED_GROUPS)) {
    namedMissing[title] = group.filter((x) => !group.some((y) => docOf(x) !== docOf(y) && proposed.has(pairKey(x, y))));
  }
  const n = proposals.length;
  return {
    proposals: n,
    correct,
    borderline: loose,
    wrong,
    precision: n ? correct / n : 1,
    lenientPrecision: n ? (correct + loose) / n : 1,
    goldPairs: gold.size,
    goldFound: [...gold].filter((key) => proposed.has(key)).length,
    namedMissing,
  };
}

function docOf(name: SpanName): number {
  return (TAGS[name] ?? SPANS[name] as GoldSpan).doc;
}
