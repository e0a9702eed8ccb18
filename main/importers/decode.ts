/**
 * Turning an imported file's bytes into Unicode text, and saying clearly when that is
 * not possible. Detects, in order: a byte-order mark (UTF-8, UTF-16), UTF-16 without a
 * mark (every other byte zero), binary data, UTF-8, and Windows-1252 — the encoding of
 * old Windows text, chosen only when the bytes hold no UTF-8 at all. A file that is
 * mostly UTF-8 with a broken sequence is reported with the place, never "repaired".
 */
import { FactmarkError } from '../../shared/errors.js';
import { scanUtf8, strictUtf8, where } from '../encoding/utf8.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** Bytes Windows-1252 leaves undefined: a file holding them is not 1252 text. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: strictUtf8(bytes.subarray(3), fileName), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: strictUtf16(bytes.subarray(2), 'utf-16le', fileName), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: strictUtf16(bytes.subarray(2), 'utf-16be', fileName), encoding: 'utf-16be' };
  const head = bytes.subarray(0, 8192);
  const unmarked = utf16WithoutMark(head);
  if (unmarked) return { text: strictUtf16(bytes, unmarked, fileName), encoding: unmarked };
  if (head.includes(0)) throw new FactmarkError('UNSUPPORTED_FILE', `${fileName} looks like a binary file, not text`, { file: fileName });

  const scan = scanUtf8(bytes);
  if (scan.firstInvalid === null) return { text: strictUtf8(bytes, fileName), encoding: 'utf-8' };
  if (scan.multibyte > 0) {
    throw new FactmarkError('PARSE_ERROR', `${fileName} is UTF-8 text with an invalid byte sequence at ${where(bytes, scan.firstInvalid)}; fix or re-save the file as UTF-8`, { file: fileName });
  }
  const undefinedAt = bytes.findIndex((byte) => UNDEFINED_IN_1252.has(byte));
  if (undefinedAt >= 0) {
    throw new FactmarkError('PARSE_ERROR', `${fileName} is neither UTF-8 nor Windows-1252 text (byte 0x${(bytes[undefinedAt] as number).toString(16)} at ${where(bytes, undefinedAt)}); re-save it as UTF-8`, { file: fileName });
  }
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

/**
 * How many lines the text in `bytes` has, counted on the bytes before anything is
 * decoded: \n, \r\n and a lone \r each end a line, as the import splits them, and a
 * last line without a break counts too. In UTF-8 and single-byte encodings those
 * bytes are always those characters; UTF-16 is counted in 16-bit units.
 */
export function countLines(bytes: Uint8Array): number {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : utf16WithoutMark(bytes.subarray(0, 8192));
  let lines = 0;
  let previous = -1;
  const count = (unit: number) => {
    // The \n of a \r\n was counted with its \r.
    if (unit === 0x0d || (unit === 0x0a && previous !== 0x0d)) lines++;
    previous = unit;
  };
  if (encoding === 'utf-16le') for (let i = 0; i + 1 < bytes.length; i += 2) count((bytes[i] as number) | ((bytes[i + 1] as number) << 8));
  else if (encoding === 'utf-16be') for (let i = 0; i + 1 < bytes.length; i += 2) count(((bytes[i] as number) << 8) | (bytes[i + 1] as number));
  else for (const byte of bytes) count(byte);
  return previous === -1 || previous === 0x0a || previous === 0x0d ? lines : lines + 1;
}

/**
 * Windows-1252: Latin-1, except 0x80-0x9F, which hold typographic quotes, dashes, the
 * euro sign and a few letters. (Node's TextDecoder, without full ICU, decodes that range
 * as control characters, so the 27 code points are listed here.)
 */
const CP1252_HIGH: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6, 0x89: 0x2030,
  0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022,
  0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (byte) => CP1252_HIGH[byte] ?? byte);
    out += String.fromCharCode(...codes);
  }
  return out;
}

function strictUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', fileName: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new FactmarkError('PARSE_ERROR', `${fileName} looks like ${encoding.toUpperCase()} text but is not valid ${encoding.toUpperCase()}`, { file: fileName });
  }
}

/** UTF-16 text of a Latin script has a zero in every other byte; binaries do not. */
function utf16WithoutMark(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (head.length < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = Math.floor(head.length / 2);
  if (oddZeros > pairs * 0.7 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > pairs * 0.7 && oddZeros === 0) return 'utf-16be';
  return null;
}

