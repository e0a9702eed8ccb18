/**
 * Strict UTF-8, for project files (the store) and imported text (importers) alike: invalid
 * bytes are an error naming where they are, never a string full of U+FFFD.
 */
import { FactmarkError } from '../../shared/errors.js';

/** The one strict UTF-8 decoder: invalid bytes are an error naming where, never U+FFFD. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * UTF-8 bytes as text, refusing invalid sequences. A leading byte-order mark is kept as
 * U+FEFF: the callers that allow one (decodeText, the store) strip it themselves.
 */
export function strictUtf8(bytes: Uint8Array, fileName: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    const at = scanUtf8(bytes).firstInvalid ?? 0;
    throw new FactmarkError('PARSE_ERROR', `${fileName} is not valid UTF-8 text (invalid byte sequence at ${where(bytes, at)})`, { file: fileName });
  }
}

/** Where the first invalid UTF-8 sequence starts, and how many valid multi-byte ones there are. */
export function scanUtf8(bytes: Uint8Array): { firstInvalid: number | null; multibyte: number } {
  let multibyte = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return { firstInvalid: i, multibyte };
    const second = bytes[i + 1] as number;
    // The second byte's range depends on the lead (no overlongs, no surrogates, <= U+10FFFF).
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return { firstInvalid: i, multibyte };
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k] as number;
      if (next < 0x80 || next > 0xbf) return { firstInvalid: i, multibyte };
    }
    multibyte++;
    i += length;
  }
  return { firstInvalid: null, multibyte };
}

/** "byte 1234 (line 5)", for messages a person can act on. */
export function where(bytes: Uint8Array, offset: number): string {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return `byte ${offset} (line ${line})`;
}
