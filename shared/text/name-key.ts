/**
 * The key names are compared by: accents, case and everything but letters and digits
 * dropped, so "K-1 Air Base", "K1 airbase" and "Kata'ib"/"Kataib" meet. Its own module so
 * that what compares names (entity suggestions, claim matching) need not load the NLP
 * library the entity suggester uses.
 */
export function normalizeName(name: string): string {
  return name.normalize('NFD').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
