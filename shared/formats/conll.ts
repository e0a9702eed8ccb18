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
 * tags, so among overlapping spans the one that starts first wins, then the longer;
 * the others are left out and counted.
 */
import type { Span } from '../model/annotations.js';
import type { CorpusDocument } from '../model/corpus.js';
import { createOffsetIndex } from '../text/offsets.js';

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

/** The spans kept for tagging (first, then longest, wins) and how many were left out. */
export function nonOverlapping(spans: readonly Span[]): { kept: Span[]; leftOut: number } {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  let reach = -1;
  for (const span of sorted) {
    if (span.start < reach) continue;
    kept.push(span);
    reach = span.end;
  }
  return { kept, leftOut: spans.length - kept.length };
}

export type TagScheme = 'iob2' | 'bioes';

/** One tag per token for one layer's spans. */
export function tagTokens(tokens: readonly Token[], spans: readonly Span[], scheme: TagScheme): { tags: string[]; leftOut: number } {
  const { kept, leftOut } = nonOverlapping(spans);
  const tags = tokens.map(() => 'O');
  let k = 0;
  for (const span of kept) {
    const members: number[] = [];
    for (; k < tokens.length && (tokens[k] as Token).end <= span.start; k++);
    for (let t = k; t < tokens.length && (tokens[t] as Token).start < span.end; t++) members.push(t);
    members.forEach((t, i) => {
      const first = i === 0;
      const last = i === members.length - 1;
      tags[t] = scheme === 'iob2' ? `${first ? 'B' : 'I'}-${span.label}` : `${members.length === 1 ? 'S' : first ? 'B' : last ? 'E' : 'I'}-${span.label}`;
    });
  }
  return { tags, leftOut };
}

/** CoNLL-2003 layout (token, POS, chunk, NER; the middle two unknown) or token and tag. */
export function toConll(doc: CorpusDocument, scheme: TagScheme): { text: string; leftOut: number } {
  const tokens = tokenize(doc.text);
  let leftOut = 0;
  const blocks = doc.annotations.map((layer) => {
    const tagged = tagTokens(tokens, layer.spans, scheme);
    leftOut += tagged.leftOut;
    const lines = [scheme === 'iob2' ? `-DOCSTART- -X- -X- O` : `-DOCSTART-\tO`, `# document = ${doc.id}`, `# annotator = ${layer.annotator}`, ''];
    tokens.forEach((token, i) => {
      lines.push(scheme === 'iob2' ? `${token.text} -X- _ ${tagged.tags[i]}` : `${token.text}\t${tagged.tags[i]}`);
      if (token.sentenceEnd) lines.push('');
    });
    return lines.join('\n');
  });
  return { text: blocks.length ? `${blocks.join('\n')}\n` : '', leftOut };
}
