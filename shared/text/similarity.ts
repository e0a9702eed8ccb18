/**
 * Near-duplicate detection: the same story from two outlets is mostly the same words in
 * the same order. Each text becomes a set of hashed word 5-grams ("shingles"); two texts
 * are near-duplicates when most of the shorter one's shingles occur in the other
 * (containment, so a longer version of a wire story still matches its short copy).
 */

const SHINGLE_WORDS = 5;
/** Containment from which two texts are flagged as the same story. */
export const NEAR_DUPLICATE = 0.8;

/** FNV-1a over a string: a small, fast hash; collisions only blur the estimate. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function shingles(text: string): Set<number> {
  // Hash each word once, then mix five word hashes per shingle: no strings are built,
  // so a 20 MB article takes a fraction of a second.
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(hash);
  const out = new Set<number>();
  const span = Math.min(SHINGLE_WORDS, words.length);
  for (let i = 0; i + span <= words.length && span > 0; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < span; k++) h = Math.imul(h ^ (words[i + k] as number), 0x01000193);
    out.add(h >>> 0);
  }
  return out;
}

/** Share of the smaller set found in the larger, 0..1. */
export function containment(a: Set<number>, b: Set<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const value of small) if (large.has(value)) shared++;
  return shared / small.size;
}
