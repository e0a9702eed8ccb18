/**
 * What the words around an expression say about it: whether its sentence speaks of the
 * future or the past (which way "Thursday" or "December 27" lies from the publication
 * date), and whether it is inside a quotation (whose "today" is the day the words were
 * said, not the day they were printed).
 */

export type Direction = 'past' | 'future' | 'none';

/** The sentence around UTF-16 range [start, end): bounded by . ! ? followed by space, or a line break. */
export function sentenceBounds(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && start - from < 600) {
    const c = text.charAt(from - 1);
    if (c === '\n') break;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text.charAt(from)) && !/\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sen|Rep|Gov|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|No|U\.S|a\.m|p\.m)$/.test(text.slice(Math.max(0, from - 6), from - 1))) break;
    from--;
  }
  let to = end;
  while (to < text.length && to - end < 600) {
    const c = text.charAt(to);
    if (c === '\n') break;
    if ((c === '.' || c === '!' || c === '?') && (to + 1 >= text.length || /\s/.test(text.charAt(to + 1))) && !/\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sen|Rep|Gov|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|No|U\.S|a\.m|p\.m)$/.test(text.slice(Math.max(0, to - 5), to))) {
      to++;
      break;
    }
    to++;
  }
  return [from, to];
}

/**
 * Future: modal and planning words ("will", "'ll", "is to", "plans to", "scheduled",
 * "expected to", "due to", "set to", "would" in reported speech). Past: past-tense
 * auxiliaries and reporting verbs, and regular past forms (-ed) that follow a subject.
 * A "said" far from the expression is the report, not the event: the nearest cue wins.
 */
const FUTURE_CUE = /\b(?:will|won['’]t|shall|['’]ll|going to|plans? to|planning to|planned for|scheduled|expected to|expects? to|due to (?:be|start|begin|arrive|leave|meet|resume|hold|take|visit|open|close|return|vote|announce|report|travel)|is due|are due|set to|(?:is|are) to|payable|effective|expires?|intends? to|would|to be held|upcoming|next)\b/gi;
const PAST_CUE = /\b(?:was|were|had|did|said|told|announced|reported|died|killed|began|came|went|left|took|made|met|held|ended|last|ago|earlier|previously|\w{3,}ed)\b/gi;
const PRESENT_CUE = /\b(?:is|are|says|say|remains?|continues?)\b/gi;
/** -ed words that are not past events: adjectives and participles after "be" going ahead. */
const NOT_PAST = /^(?:scheduled|expected|planned|proposed|based|called|named|related|united|limited|armed|advanced|red|need|speed|feed|seed|bed|hundred|indeed|shed)$/i;

export function directionAt(text: string, start: number, end: number): Direction {
  const [from, to] = sentenceBounds(text, start, end);
  const sentence = text.slice(from, to);
  let best: { distance: number; direction: Direction } | null = null;
  const consider = (re: RegExp, direction: Direction) => {
    for (const match of sentence.matchAll(re)) {
      if (direction === 'past' && NOT_PAST.test(match[0])) continue;
      const at = from + match.index;
      if (at >= start && at < end) continue;
      const distance = at < start ? start - (at + match[0].length) : at - end;
      // Cues after the expression count less: "Friday, the ministry said" reports it.
      const weighted = at < start ? distance : distance * 1.5 + 10;
      if (!best || weighted < best.distance) best = { distance: weighted, direction };
    }
  };
  consider(FUTURE_CUE, 'future');
  consider(PAST_CUE, 'past');
  consider(PRESENT_CUE, 'none');
  return (best as { direction: Direction } | null)?.direction ?? 'none';
}

/** Whether UTF-16 index `at` is inside a quotation on its line (curly or straight quotes). */
export function isQuoted(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let open = false;
  for (let i = lineStart; i < at; i++) {
    const c = text.charAt(i);
    if (c === '“') open = true;
    else if (c === '”') open = false;
    else if (c === '"') open = !open;
  }
  return open;
}
