/**
 * How sure an entity suggestion is, 0 to 1: the share of such suggestions that were
 * names in WikiGold's gold annotation (bench/entities-ner.ts measures it; the table in
 * bench/RESULTS.md), by where the suggestion came from, its kind and its length in words.
 * So the panel's threshold means roughly what it says: of suggestions at 0.8 and above,
 * about four in five are names a careful annotator tags. (Fitted on that one corpus of
 * Wikipedia text, it is a rough guide for news, no more.)
 *
 * What it found there: the project's own entities and bases named with their head noun
 * ("K-1 Air Base") are near certain; compromise's two-word people (92%), surnames of
 * people named in full (90%) and places of one or two words (about 80%) are good; its
 * organizations (about 55%), three-word names (50-60%) and repeats of organizations
 * (35%) much less.
 */

export interface ConfidenceInput {
  source: 'registry' | 'context' | 'nlp' | 'repeat';
  kind: string | null;
  text: string;
  reason: string;
  /** Mentions of its group in the document. */
  mentions: number;
}

export function entityConfidence(input: ConfidenceInput): number {
  const words = input.text.trim().split(/\s+/).length;
  let confidence: number;
  if (input.source === 'registry') confidence = 0.95;
  else if (input.source === 'context') confidence = 0.9;
  else if (input.source === 'repeat') {
    if (input.reason.startsWith('surname')) confidence = 0.85;
    else confidence = input.kind === 'person' ? 0.8 : input.kind === 'location' || input.kind === 'facility' ? 0.65 : 0.4;
  } else if (input.kind === 'person') confidence = words === 2 ? 0.9 : words === 1 ? 0.7 : 0.5;
  else if (input.kind === 'location') confidence = words <= 2 ? 0.8 : 0.6;
  else if (input.kind === 'organization') confidence = words === 2 ? 0.5 : 0.6;
  else confidence = 0.5;
  // A name the text repeats is more likely meant; a short capitalized word once, less.
  if (input.mentions >= 3 && input.source !== 'registry') confidence += 0.05;
  if (input.mentions === 1 && /^\p{Lu}{2,3}$/u.test(input.text)) confidence -= 0.15;
  return Math.round(Math.min(0.99, Math.max(0.05, confidence)) * 100) / 100;
}
