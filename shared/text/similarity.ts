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
  // Hash each word as it is found and keep the last five hashes in a ring: no array of
  // words, no lower-cased copy of the text, so a 20 MB article costs little more than
  // its set. Values are kept within V8's small integers (30 bits), which a Set stores
  // in place; a full 32-bit value would be a heap object each.
  const out = new Set<number>();
  const ring = new Uint32Array(SHINGLE_WORDS);
  const word = /[\p{L}\p{N}]+/gu;
  let count = 0;
  for (let match = word.exec(text); match; match = word.exec(text)) {
    ring[count % SHINGLE_WORDS] = hash(match[0].toLowerCase());
    count++;
    if (count >= SHINGLE_WORDS) out.add(mix(ring, count - SHINGLE_WORDS, SHINGLE_WORDS));
  }
  // A text shorter than a shingle is one shingle of all its words.
  if (count > 0 && count < SHINGLE_WORDS) out.add(mix(ring, 0, count));
  return out;
}

/** The hash of `length` word hashes starting at word `first` (positions taken modulo the ring). */
function mix(ring: Uint32Array, first: number, length: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < length; k++) h = Math.imul(h ^ (ring[(first + k) % SHINGLE_WORDS] as number), 0x01000193);
  return h >>> 2;
}

/** Share of the smaller set found in the larger, 0..1. */
export function containment(a: Set<number>, b: Set<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const value of small) if (large.has(value)) shared++;
  return shared / small.size;
}
