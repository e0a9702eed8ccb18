/**
 * CoNLL columns in: one token a line, its tag in the last column (CoNLL-2003's four
 * columns, doccano's token TAB tag, or any other count), a blank line between
 * sentences. Tags may be IOB1, IOB2, BIOES or bare types (IO). `-DOCSTART-` lines,
 * where the file has them, start a new document; without them the file is one.
 *
 * CoNLL keeps tokens, not text: the text is rebuilt with a space between tokens and a
 * line break after each sentence, and span offsets are code points into that text.
 * Columns between the token and the tag (part of speech, chunks) are not kept, and the
 * import says so.
 */
import { badRecord, foreignDocument, type ForeignDocument, type ForeignRecord } from '../codec.js';

/** A token as the file gave it, with its line. */
export interface ConllToken {
  text: string;
  tag: string;
  line: number;
}

/** The file's documents, each a list of sentences of tokens. */
export interface ConllBlock {
  /** The line the document starts on, 1-based. */
  line: number;
  sentences: ConllToken[][];
  /** Lines that are neither a token with a tag nor a separator. */
  bad: { line: number; text: string }[];
  /** The most columns any token line had. */
  columns: number;
}

const isDocstart = (line: string) => /^-DOCSTART-(\s|$)/.test(line);

/** Splits a CoNLL file into documents (at -DOCSTART-) and sentences (at blank lines). */
export function conllBlocks(text: string): ConllBlock[] {
  const blocks: ConllBlock[] = [];
  let block: ConllBlock | null = null;
  let sentence: ConllToken[] = [];
  const endSentence = () => {
    if (block && sentence.length) block.sentences.push(sentence);
    sentence = [];
  };
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (isDocstart(raw.trim())) {
      endSentence();
      blocks.push((block = { line, sentences: [], bad: [], columns: 0 }));
      return;
    }
    if (raw.trim() === '') return endSentence();
    if (!block) blocks.push((block = { line, sentences: [], bad: [], columns: 0 }));
    // A TAB-separated file may hold tokens with spaces; otherwise any white space.
    const columns = raw.includes('\t') ? raw.split('\t') : raw.trim().split(/\s+/);
    if (columns.length < 2 || (columns[0] ?? '') === '') {
      block.bad.push({ line, text: raw });
      return;
    }
    block.columns = Math.max(block.columns, columns.length);
    sentence.push({ text: columns[0] as string, tag: (columns[columns.length - 1] as string).trim(), line });
  });
  endSentence();
  return blocks.filter((found) => found.sentences.length || found.bad.length);
}

/** "B-PER" → B and PER; "PER" (IO) → I and PER; "O" → O. */
function splitTag(tag: string): { prefix: 'B' | 'I' | 'E' | 'S' | 'O'; type: string } {
  if (tag === 'O' || tag === '_' || tag === '-') return { prefix: 'O', type: '' };
  const match = /^([BIESLU])[-_](.+)$/.exec(tag);
  if (!match) return { prefix: 'I', type: tag };
  const prefix = match[1] === 'L' ? 'E' : match[1] === 'U' ? 'S' : (match[1] as 'B' | 'I' | 'E' | 'S');
  return { prefix, type: match[2] as string };
}

/**
 * One document's text and spans. A span opens at B or S, or at I (or E) after a token
 * of another type or none (IOB1, and lenient IOB2); it closes at E or S, at O, and at
 * a sentence's end.
 */
export function fromConllBlock(block: ConllBlock): ForeignRecord {
  if (block.sentences.length === 0) return badRecord(`no token lines (line ${block.line})`, block.bad.length);
  const doc: ForeignDocument = foreignDocument('', { name: `line ${block.line}` });
  let text = '';
  let at = 0; // code points
  for (const [s, sentence] of block.sentences.entries()) {
    let open: { start: number; end: number; type: string; line: number } | null = null;
    const close = () => {
      if (open) doc.spans.push({ start: open.start, end: open.end, label: open.type, where: `line ${open.line}` });
      open = null;
    };
    for (const [t, token] of sentence.entries()) {
      if (t > 0) {
        text += ' ';
        at += 1;
      }
      const start = at;
      text += token.text;
      at += [...token.text].length;
      const { prefix, type } = splitTag(token.tag);
      if (prefix === 'O') {
        close();
        continue;
      }
      const current = open as { type: string } | null;
      if (prefix === 'B' || prefix === 'S' || !current || current.type !== type) {
        close();
        open = { start, end: at, type, line: token.line };
      } else if (open) (open as { end: number }).end = at;
      if (prefix === 'E' || prefix === 'S') close();
    }
    close();
    if (s < block.sentences.length - 1) {
      text += '\n';
      at += 1;
    }
  }
  doc.text = `${text}\n`;
  for (const bad of block.bad) doc.problems.push({ where: `line ${bad.line}`, reason: `not a token with a tag: ${JSON.stringify(bad.text.slice(0, 60))}`, annotations: 0 });
  if (block.columns > 2) doc.notes = [`the ${block.columns - 2} column${block.columns > 3 ? 's' : ''} between the token and the tag (part of speech, chunks) ${block.columns > 3 ? 'are' : 'is'} not kept`];
  return { ok: true, value: doc };
}

/** Does this text look like CoNLL columns rather than JSON? */
export const looksLikeColumns = (text: string): boolean => !/^\s*[[{]/.test(text);
