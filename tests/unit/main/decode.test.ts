import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../main/importers/decode.js';

const utf16 = (text: string, order: 'le' | 'be', bom: boolean) => {
  const le = Buffer.from(text, 'utf16le');
  const bytes = order === 'le' ? le : Buffer.from(le.map((_, i) => le[i ^ 1] as number));
  return Buffer.concat([bom ? Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0), bytes]);
};

describe('decoding imported text', () => {
  const text = 'Café “Zahrun” — 300 people 👩‍🚒\r\n';

  it('reads UTF-8 with or without a byte-order mark', () => {
    expect(decodeText(Buffer.from(text), 'a.txt')).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'a.txt')).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads UTF-16 in both byte orders, with or without a mark', () => {
    for (const order of ['le', 'be'] as const) {
      for (const bom of [true, false]) expect(decodeText(utf16(text, order, bom), 'a.txt'), `${order} ${bom}`).toEqual({ text, encoding: `utf-16${order}` });
    }
  });

  it('recognises Windows-1252 text (no UTF-8 in it) and decodes it', () => {
    // "Café “Zahrun” — 5 €" as an old Windows editor saves it.
    const bytes = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x5a, 0x61, 0x68, 0x72, 0x75, 0x6e, 0x94, 0x20, 0x97, 0x20, 0x35, 0x20, 0x80]);
    expect(decodeText(bytes, 'old.txt')).toEqual({ text: 'Café “Zahrun” — 5 €', encoding: 'windows-1252' });
  });

  it('reports a broken sequence in UTF-8 text with its place, never replacing it', () => {
    const bytes = Buffer.concat([Buffer.from('Café ok\nline two '), Buffer.from([0xc3, 0x28]), Buffer.from(' end')]);
    expect(() => decodeText(bytes, 'broken.txt')).toThrow(/broken\.txt is UTF-8 text with an invalid byte sequence at byte 18 \(line 2\)/);
  });

  it('refuses bytes that are neither UTF-8 nor Windows-1252, and binary files', () => {
    expect(() => decodeText(Buffer.from([0x41, 0x81, 0x42]), 'odd.txt')).toThrow(/odd\.txt is neither UTF-8 nor Windows-1252 text \(byte 0x81 at byte 1/);
    expect(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]), 'photo.txt')).toThrow('photo.txt looks like a binary file, not text');
  });
});
