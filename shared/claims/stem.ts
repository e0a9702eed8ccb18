/**
 * A light English stemmer for claim matching: it folds the inflections that two outlets
 * use for one statement ("transferred"/"transfer", "forces"/"force", "coordinated"/
 * "coordinate", "departing"/"departs") and nothing more. Porter's full algorithm also
 * strips derivations ("general" → "gener", "university" → "univers"), which joins words
 * that mean different things; for short claims a wrong join costs more than a missed one
 * (Harman 1991; Savoy's light stemmers make the same trade).
 *
 * Only lower-case ASCII words of four letters or more are stemmed: other scripts are
 * compared as written (a light stemmer for them would be a guess), and short words are
 * mostly names, initials and function words.
 */

const VOWEL = /[aeiouy]/;
/** Double consonants undone after a suffix goes ("transferred" → "transfer"), not ll/ss/zz ("installed", "passed"). */
const DOUBLE = /([bdfgkmnprt])\1$/;

/** The stem of a lower-case word. */
export function stem(word: string): string {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return word;
  let w = plural(word);
  w = verbal(w);
  // A final silent e: "coordinate" and "coordinated" (→ "coordinat") meet, as do "force" and "forces".
  if (w.length > 4 && w.endsWith('e') && !w.endsWith('ee')) w = w.slice(0, -1);
  return w;
}

/** Plurals and third-person -s: "militias" → "militia", "bodies" → "body", "forces" → "force"; not "success", "status", "crisis". */
function plural(w: string): string {
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ss|us|is|ous)$/.test(w)) return w;
  // "-ches", "-shes", "-xes", "-sses" lose -es; "forces", "bases" lose only the s (then the e, in stem).
  if (/(?:ch|sh|x|ss|zz)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** -ing and -ed, when a vowel is left before them ("sing", "red" and "bed" stay). */
function verbal(w: string): string {
  for (const suffix of ['ing', 'ed']) {
    if (!w.endsWith(suffix)) continue;
    const base = w.slice(0, -suffix.length);
    if (base.length < 3 || !VOWEL.test(base)) return w;
    if (base.endsWith('i') && suffix === 'ed') return `${base.slice(0, -1)}y`; // "carried" → "carry"
    return DOUBLE.test(base) ? base.slice(0, -1) : base;
  }
  return w;
}
