/**
 * A guess at a text's language, offered to the analyst as a suggestion (never written
 * on its own): by script for the scripts one language dominates, and by the most common
 * short words for the Latin-script languages of news in this field.
 */

const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Greek}/u, 'el'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Devanagari}/u, 'hi'],
];

const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'said', 'was', 'for', 'on', 'with'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'que', 'une', 'dans', 'pour', 'qui', 'sur'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'ein', 'eine', 'auf', 'sich'],
  es: ['el', 'la', 'los', 'las', 'que', 'y', 'en', 'del', 'por', 'una', 'con', 'para'],
  it: ['il', 'la', 'che', 'di', 'e', 'un', 'una', 'per', 'non', 'sono', 'della', 'con'],
  pt: ['o', 'a', 'os', 'que', 'de', 'e', 'do', 'da', 'em', 'um', 'para', 'não'],
  nl: ['de', 'het', 'een', 'en', 'van', 'dat', 'is', 'niet', 'op', 'met', 'zijn', 'voor'],
  tr: ['ve', 'bir', 'bu', 'da', 'de', 'için', 'ile', 'olarak', 'çok', 'daha', 'gibi', 'ama'],
};

/** A BCP 47 language tag, or null when the text gives too little to go on. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, 20_000);
  const letters = sample.match(/\p{L}/gu) ?? [];
  if (letters.length < 20) return null;
  // A script counts when it holds a third of the letters (quotes in English stay English).
  for (const [script, language] of SCRIPTS) {
    const count = letters.filter((letter) => script.test(letter)).length;
    if (count / letters.length > 0.33) return language;
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best: { language: string; score: number } | null = null;
  for (const [language, stopwords] of Object.entries(STOPWORDS)) {
    const set = new Set(stopwords);
    const score = words.filter((word) => set.has(word)).length / Math.max(1, words.length);
    if (!best || score > best.score) best = { language, score };
  }
  return best && best.score >= 0.05 ? best.language : null;
}
