/**
 * Keys that tell when two outlets name the same entity or claimant differently:
 * "Brig. Gen. Vincent Barker" and "Brigadier General Vincent BARKER" (titles and case
 * dropped), "K-1 Air Base" and "K1 airbase" (normalizeName), "Iraqi Security Forces" and
 * "ISF" (initials). Two names meet when they share a key.
 */
import { normalizeName } from '../text/name-key.js';
import { fold } from './terms.js';

/** Ranks and honorifics before a name: they differ from outlet to outlet ("Brig. Gen." / "Brigadier General"). */
const TITLES = new Set(
  'mr mrs ms dr prof sir lord lady brig brigadier gen general lt lieutenant col colonel maj major capt captain cpl corporal lance sgt sergeant adm admiral cmdr commander rep sen senator gov governor pres president secretary minister ayatollah sheikh the'.split(' '),
);
/** Words initials skip: "Government of Iraq" is "GI", not "GOI". */
const LINKING = new Set(['of', 'the', 'and', 'for', 'de', 'al']);

/** The words of a name, folded, without titles. */
export function nameWords(name: string): string[] {
  return fold(name)
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word !== '' && !TITLES.has(word));
}

/**
 * The keys of a name: the name without titles, and for a name of two or more words, all
 * capitalised (linking words and titles aside), its initials ("ISF", "US" for "United
 * States").
 */
export function nameKeys(name: string): string[] {
  const words = nameWords(name);
  if (words.length === 0) return [];
  const keys = [`name:${normalizeName(words.join(' '))}`];
  const significant = name.split(/[\s\u00a0]+/).filter((word) => word !== '' && !LINKING.has(word.toLowerCase()) && !TITLES.has(fold(word).replace(/\.$/, '')));
  if (significant.length >= 2 && significant.every((word) => /^\p{Lu}/u.test(word))) keys.push(`name:${normalizeName(significant.map((word) => word.charAt(0)).join(''))}`);
  return [...new Set(keys)];
}

/** A speaker's name, read once: its keys and its words. */
export interface Speaker {
  keys: string[];
  words: string[];
}

export function speaker(name: string): Speaker {
  return { keys: nameKeys(name), words: nameWords(name) };
}

/**
 * Whether two people's names are one person: the same key, or one is the other's
 * surname alone ("Barker said" after "Brig. Gen. Vincent Barker"). Only for claimants,
 * who are people or organisations speaking; for entities in general a last word alone
 * would join "Iraq" with "Government of Iraq".
 */
export function sameSpeaker(a: Speaker, b: Speaker): boolean {
  if (a.keys.some((key) => b.keys.includes(key))) return true;
  const [short, long] = a.words.length <= b.words.length ? [a.words, b.words] : [b.words, a.words];
  return short.length === 1 && long.length > 1 && (short[0] as string).length >= 3 && short[0] === long.at(-1);
}
