/**
 * Token-level exports: CoNLL-2003 columns with IOB2 tags, and BIOES. Spans are made of
 * tokens, so two rules are stated here and in the README:
 *
 * Tokenizer: a token is a run of letters (with marks, digits, apostrophes and inner
 * hyphens: "K-1", "Iraq's"), a number ("1,200", "4.5"), or any other single non-space
 * character ("$", "“", "👩‍🚒" counts as its code points). A sentence ends after ".", "!"
 * or "?" and at every line break.
 *
 * Spans: a token belongs to a span when they overlap at all. Tokens cannot carry two
 * tags, so among spans that share a token the one that starts first wins, then the
 * longer; the others are left out and counted, as are spans over white space alone.
 */
import type { Span } from '../../model/annotations.js';
import type { CorpusDocument } from '../../model/corpus.js';
import { createOffsetIndex } from '../../text/offsets.js';
import { plural } from '../../text/plural.js';
import type { CorpusEncoder } from '../codec.js';

export interface Token {
  text: string;
  /** Code point offsets. */
  start: number;
  end: number;
  sentenceEnd: boolean;
}

const TOKEN = /[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{M}\p{N}]+)*|\p{N}+(?:[.,]\p{N}+)*(?:-[\p{L}\p{N}]+)*|\S/gu;

export function tokenize(text: string): Token[] {
  const index = createOffsetIndex(text);
  const tokens: Token[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const between = text.slice(last, match.index);
    if (tokens.length && /[\r\n]/.test(between)) (tokens[tokens.length - 1] as Token).sentenceEnd = true;
    const start = index.toCodePoint(match.index);
    tokens.push({ text: match[0], start, end: start + [...match[0]].length, sentenceEnd: /^[.!?]$/.test(match[0]) });
    last = match.index + match[0].length;
  }
  if (tokens.length) (tokens[tokens.length - 1] as Token).sentenceEnd = true;
  return tokens;
}

export type TagScheme = 'iob2' | 'bioes';

/**
 * One tag per token for one layer's spans. Spans are taken in text order (the longer
 * first at the same start); one whose tokens are already tagged — it overlaps a span
 * kept, if only by sharing a token — is left out, as is one that covers no token.
 */
/** Spans a token format could not hold, by why. */
export interface LeftOut {
  /** Sharing a token with a span already tagged (nested or overlapping). */
  overlapping: number;
  /** Covering no token: white space alone. */
  noToken: number;
}

export function tagTokens(tokens: readonly Token[], spans: readonly Span[], scheme: TagScheme): { tags: string[]; leftOut: number; why: LeftOut } {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const tags = tokens.map(() => 'O');
  const why: LeftOut = { overlapping: 0, noToken: 0 };
  let reach = -1; // the last token tagged
  let k = 0;
  for (const span of sorted) {
    for (; k < tokens.length && (tokens[k] as Token).end <= span.start; k++);
    let last = k - 1;
    while (last + 1 < tokens.length && (tokens[last + 1] as Token).start < span.end) last++;
    if (last < k) {
      why.noToken++;
      continue;
    }
    if (k <= reach) {
      why.overlapping++;
      continue;
    }
    for (let t = k; t <= last; t++) {
      const first = t === k;
      const end = t === last;
      tags[t] = scheme === 'iob2' ? `${first ? 'B' : 'I'}-${span.label}` : `${first && end ? 'S' : first ? 'B' : end ? 'E' : 'I'}-${span.label}`;
    }
    reach = last;
  }
  return { tags, leftOut: why.overlapping + why.noToken, why };
}

/**
 * How the lines look: CoNLL-2003's four space-separated columns (token, POS, chunk, NER;
 * the middle two unknown), or token TAB tag. `-DOCSTART-` opens each document's block
 * where the reader expects it; doccano's CoNLL reader does not (it reads the line as a
 * record of its own), so its variant leaves it out and separates documents by a blank
 * line alone.
 */
export interface ConllLayout {
  scheme: TagScheme;
  columns: 'conll2003' | 'two';
  docstart: boolean;
}

export const CONLL_2003: ConllLayout = { scheme: 'iob2', columns: 'conll2003', docstart: true };
export const BIOES_TSV: ConllLayout = { scheme: 'bioes', columns: 'two', docstart: true };
/** What doccano's CoNLL import loads: token TAB IOB2 tag, no -DOCSTART-. */
export const CONLL_TWO_COLUMN: ConllLayout = { scheme: 'iob2', columns: 'two', docstart: false };

/** The document's tokens and tags, one block per layer. */
export function toConll(doc: CorpusDocument, layout: ConllLayout): { text: string; leftOut: LeftOut } {
  const tokens = tokenize(doc.text);
  const leftOut: LeftOut = { overlapping: 0, noToken: 0 };
  const line = (token: string, tag: string) => (layout.columns === 'conll2003' ? `${token} -X- _ ${tag}` : `${token}\t${tag}`);
  const blocks = doc.annotations.map((layer) => {
    const tagged = tagTokens(tokens, layer.spans, layout.scheme);
    leftOut.overlapping += tagged.why.overlapping;
    leftOut.noToken += tagged.why.noToken;
    // Only the standard -DOCSTART- line: CoNLL-2003 has no comments, and a "#" line
    // would read as a token. Blocks follow the documents, each annotator's in turn.
    const lines = layout.docstart ? [layout.columns === 'conll2003' ? '-DOCSTART- -X- -X- O' : '-DOCSTART-\tO', ''] : [];
    tokens.forEach((token, i) => {
      lines.push(line(token.text, tagged.tags[i] as string));
      // A sentence does not end inside a span ("E. coli"): the blank line would cut it in two.
      if (token.sentenceEnd && !/^[IE]-/.test(tagged.tags[i + 1] ?? '')) lines.push('');
    });
    return lines.join('\n');
  });
  return { text: blocks.length ? `${blocks.join('\n')}\n` : '', leftOut };
}

/** What the export says of the spans it left out, or nothing when none were. */
export function leftOutNote(leftOut: LeftOut): string[] {
  const total = leftOut.overlapping + leftOut.noToken;
  if (total === 0) return [];
  const reasons = [
    ...(leftOut.overlapping ? [`${plural(leftOut.overlapping, 'span')} nested in or overlapping a span already tagged (a token carries one tag: of spans that share tokens, the one that starts first, then the longer one, is kept)`] : []),
    ...(leftOut.noToken ? [`${plural(leftOut.noToken, 'span')} over white space alone (no token to tag)`] : []),
  ];
  return [`${plural(total, 'span')} ${total === 1 ? 'was' : 'were'} left out: ${reasons.join('; ')}`];
}

/** conll (IOB2), bioes and conll-2col: the document's tokens and tags, one layer after the other. */
export function tokenLevelEncoder(layout: ConllLayout): CorpusEncoder {
  const leftOut: LeftOut = { overlapping: 0, noToken: 0 };
  return {
    head: () => '',
    document: (doc) => {
      const result = toConll(doc, layout);
      leftOut.overlapping += result.leftOut.overlapping;
      leftOut.noToken += result.leftOut.noToken;
      return result.text;
    },
    tail: () => '',
    notes: () => leftOutNote(leftOut),
  };
}
