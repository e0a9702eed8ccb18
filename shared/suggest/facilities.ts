/**
 * Facilities named by their context: a name followed by "Air Base", "Airfield", "base",
 * "airbase", "camp", or preceded by "Camp", "Fort", "Forward Operating Base". The kind
 * comes from the head noun, whatever a tagger guessed for the name ("Ayn al-Asad" is a
 * person to compromise; "Ayn al-Asad air base" says it is a base). A capitalized head is
 * part of the name ("K-1 Air Base"); a lower-case one is not ("Taji base": "Taji").
 */

export interface FacilityMention {
  /** UTF-16 offsets of the name (with a capitalized head). */
  start: number;
  end: number;
  /** The name without its head ("K-1" of "K-1 Air Base"), UTF-16 offsets, for the group key. */
  nameStart: number;
  nameEnd: number;
}

/** A word of a name: capitalized, a code like K-1 or K1, or a particle before one ("al-Asad"). */
const HEAD_WORD = String.raw`(?:Air|Base|Airbase|Airfield|Airport|Force|Field|Naval|Military|Barracks|Garrison|International|Station)(?![\p{L}\d-])`;
const WORD = String.raw`(?!${HEAD_WORD})(?:(?:al|el|Al|El|ad|as|ash|an)-)?(?:\p{Lu}[\p{L}\p{M}\d-]*|\p{Lu}?\d+[\p{L}\d-]*)`;
const NAME = String.raw`${WORD}(?:[ \u00a0](?:al-|el-|bin\s)?${WORD}){0,3}`;
const CAPITAL_HEAD = String.raw`(?:Air[ \u00a0]Force[ \u00a0]Base|Air[ \u00a0]Base|Airbase|Air[ \u00a0]Field|Airfield|Airport|International[ \u00a0]Airport|Air[ \u00a0]Station|Naval[ \u00a0]Base|Naval[ \u00a0]Air[ \u00a0]Station|Military[ \u00a0]Base|Base|Barracks|Garrison)`;
const LOWER_HEAD = String.raw`(?:air[ \u00a0]force[ \u00a0]base|air[ \u00a0]base|airbase|airfield|military[ \u00a0]base|base|barracks|garrison)`;
const PREFIX = String.raw`(?:Camp|Fort|Forward[ \u00a0]Operating[ \u00a0]Base|FOB|Joint[ \u00a0]Base|Outpost)`;

const AFTER = new RegExp(String.raw`(?<![\p{L}\d-])(${NAME})[ \u00a0]+(?:(${CAPITAL_HEAD}(?:[ \u00a0](?:West|East|North|South|Main))?)|(${LOWER_HEAD}))(?![\p{L}\d-])`, 'gu');
const BEFORE = new RegExp(String.raw`(?<![\p{L}\d-])(${PREFIX})[ \u00a0]+(${NAME})(?![\p{L}\d-])`, 'gu');

/** Title-case function words: a headline ("Pull Out Of Third Iraqi Base"), not a name. */
const HEADLINE = /^(?:Of|Out|In|To|For|And|On|At|By|From|With|Into|Over|First|Second|Third|Fourth|Last|Next)$/;
/** Words that start a noun phrase or name a country, not a base: "the US base", "Iraqi bases". */
const NOT_A_NAME = /^(?:The|A|An|This|That|These|Their|Its|Our|His|Her|US|U\.S\.|UK|American|Iraqi|Iranian|British|Coalition|Iraq|Iran|Syria|Syrian|Turkish|Russian|French|Military|Army|Navy|Air|Another|Each|Every|One|Two|Three|Some|Main|Largest|Key|Old|New)$/;

export function findFacilities(text: string): FacilityMention[] {
  const found: FacilityMention[] = [];
  for (const match of text.matchAll(AFTER)) {
    let name = match[1] as string;
    let nameStart = match.index;
    // Drop leading words that are no part of a base's name ("the US-led Coalition's Q-West base").
    const words = name.split(/[ \u00a0]/);
    // ...and possessors: "Kirkuk’s K1 airbase" is K1.
    while (words.length > 0 && (NOT_A_NAME.test(words[0] as string) || (words.length > 1 && /['’]s$/.test(words[0] as string)))) {
      nameStart += (words.shift() as string).length + 1;
    }
    if (words.length === 0 || words.some((word) => HEADLINE.test(word))) continue;
    name = words.join(' ');
    const nameEnd = nameStart + name.length;
    const end = match[2] ? match.index + match[0].length : nameEnd;
    found.push({ start: nameStart, end, nameStart, nameEnd });
  }
  for (const match of text.matchAll(BEFORE)) {
    const nameStart = match.index + (match[1] as string).length + 1;
    if ((match[2] as string).split(/[ \u00a0]/).some((word) => HEADLINE.test(word))) continue;
    found.push({ start: match.index, end: match.index + match[0].length, nameStart, nameEnd: match.index + match[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}
