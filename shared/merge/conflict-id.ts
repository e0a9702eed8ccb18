/**
 * Stable ids for sync conflicts: the same conflict (the same file, place and the same
 * three versions) gets the same id at every sync, so a person's choice, sent back with
 * the next sync, applies to exactly the conflict they saw and to nothing else. No crypto
 * is needed (shared/ has none): two 53-bit string hashes (cyrb53, public domain) with
 * different seeds, 106 bits in all.
 */
export function conflictId(parts: readonly unknown[]): string {
  const text = JSON.stringify(parts);
  return `c${hash53(text, 1).toString(36)}${hash53(text, 2).toString(36)}`;
}

function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
