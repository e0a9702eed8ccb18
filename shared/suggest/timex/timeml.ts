/**
 * Reads a TimeML document (a TempEval-3 `.tml` file): the text inside <TEXT>, with every
 * tag removed and XML entities decoded, the TIMEX3s in it with their offsets and
 * attributes, and the document creation time (<DCT>). Plain string work, no XML parser:
 * TimeML files are flat markup of one known shape, and `shared/` has no DOM.
 */

export interface TimemlTimex {
  /** UTF-16 offsets into `text`. */
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
  /** The other attributes as written (mod, anchorTimeID, quant, freq, ...). */
  attributes: Record<string, string>;
}

export interface TimemlDocument {
  id: string;
  /** The document creation time's value (e.g. 1998-02-13T14:35:00), or null. */
  dct: string | null;
  text: string;
  timexes: TimemlTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function attributesOf(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) attributes[match[1] as string] = decodeEntities(match[2] as string);
  return attributes;
}

export function readTimeml(source: string): TimemlDocument {
  const id = /<DOCID>([^<]*)<\/DOCID>/.exec(source)?.[1]?.trim() ?? '';
  const dctTag = /<DCT>\s*(<TIMEX3[^>]*>)/.exec(source)?.[1];
  const dct = dctTag ? (attributesOf(dctTag).value ?? null) : null;
  const open = source.indexOf('<TEXT>');
  const close = source.indexOf('</TEXT>');
  const body = open >= 0 && close > open ? source.slice(open + '<TEXT>'.length, close) : '';
  let text = '';
  const timexes: TimemlTimex[] = [];
  const stack: { start: number; attributes: Record<string, string> }[] = [];
  let at = 0;
  for (const match of body.matchAll(/<(\/?)([A-Za-z0-9]+)([^>]*?)(\/?)>/g)) {
    text += decodeEntities(body.slice(at, match.index));
    at = match.index + match[0].length;
    if (match[2] !== 'TIMEX3' || match[4] === '/') continue;
    if (match[1] === '/') {
      const opened = stack.pop();
      if (!opened) continue;
      const { value = '', type = '', ...rest } = opened.attributes;
      timexes.push({ start: opened.start, end: text.length, text: text.slice(opened.start, text.length), type, value, attributes: rest });
    } else stack.push({ start: text.length, attributes: attributesOf(match[3] ?? '') });
  }
  text += decodeEntities(body.slice(at));
  return { id, dct, text, timexes: timexes.sort((a, b) => a.start - b.start) };
}
