/**
 * A small PDF writer for tests: pages of text placed where the test says (in the order
 * it says, which need not be the reading order), pages holding only an image (what a
 * scanner makes), document info, and the standard security handler's RC4 encryption
 * with a user password (PDF 1.3, revision 2: what "password to open" meant for years,
 * and what pdf.js still reads). Written from the PDF specification (ISO 32000-1, 7.6.3),
 * so the tests need no third-party files or tools.
 */
import { createHash } from 'node:crypto';

export interface PdfText {
  x: number;
  /** From the bottom of the page, as PDF counts. */
  y: number;
  text: string;
  size?: number;
  /**
   * 'cjk': set in a Japanese font the PDF does not embed, through Adobe's predefined
   * UniJIS-UCS2-H encoding, as Japanese office software writes PDFs; a reader needs the
   * predefined CMaps to know what the codes are.
   */
  font?: 'cjk';
}

export interface PdfPage {
  /** Drawn in this order: the content stream's order, not necessarily the reading order. */
  texts?: PdfText[];
  /** A grey image covering most of the page, as a scan would (no text layer). */
  image?: boolean;
}

export interface PdfOptions {
  info?: { Title?: string; Author?: string; CreationDate?: string };
  /** Encrypts the file: it opens only with this password. */
  userPassword?: string;
  width?: number;
  height?: number;
}

/** Typographic characters WinAnsiEncoding has above Latin-1's control range. */
const WIN_ANSI: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '\u00ad': 0xad };

/** Text in a PDF literal string, as the WinAnsi-encoded standard font reads it. */
function literal(text: string): Buffer {
  const bytes: number[] = [0x28];
  for (const character of text) {
    const code = WIN_ANSI[character] ?? character.codePointAt(0) ?? 0x3f;
    if (code > 0xff) throw new Error(`the test PDF writer cannot write “${character}”`);
    if (character === '\\' || character === '(' || character === ')') bytes.push(0x5c);
    bytes.push(code);
  }
  bytes.push(0x29);
  return Buffer.from(bytes);
}

const PADDING = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

function padded(password: string): Buffer {
  return Buffer.concat([Buffer.from(password, 'latin1'), PADDING]).subarray(0, 32);
}

/** RC4: the cipher of the PDF 1.3 security handler (OpenSSL 3 no longer offers it). */
export function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + (s[i] as number) + (key[i % key.length] as number)) & 255;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + (s[i] as number)) & 255;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
    out[n] = (data[n] as number) ^ (s[((s[i] as number) + (s[j] as number)) & 255] as number);
  }
  return out;
}

const md5 = (...parts: Uint8Array[]) => createHash('md5').update(Buffer.concat(parts)).digest();

interface Security {
  key: Buffer;
  dictionary: string;
}

/** Algorithms 2, 3 and 4 of ISO 32000-1 (revision 2, 40-bit key). */
function security(userPassword: string, fileId: Buffer): Security {
  const ownerKey = md5(padded(`${userPassword}-owner`)).subarray(0, 5);
  const owner = rc4(ownerKey, padded(userPassword));
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(-44);
  const key = md5(padded(userPassword), owner, permissions, fileId).subarray(0, 5);
  const user = rc4(key, PADDING);
  return { key, dictionary: `<< /Filter /Standard /V 1 /R 2 /O <${owner.toString('hex')}> /U <${user.toString('hex')}> /P -44 >>` };
}

function objectKey(key: Buffer, objectNumber: number): Buffer {
  const suffix = Buffer.from([objectNumber & 255, (objectNumber >> 8) & 255, (objectNumber >> 16) & 255, 0, 0]);
  return md5(key, suffix).subarray(0, Math.min(key.length + 5, 16));
}

export function makePdf(pages: readonly PdfPage[], options: PdfOptions = {}): Buffer {
  const width = options.width ?? 612;
  const height = options.height ?? 792;
  const fileId = md5(Buffer.from(JSON.stringify({ pages: pages.length, info: options.info ?? null })));
  const secure = options.userPassword !== undefined ? security(options.userPassword, fileId) : null;
  // Object numbers: 1 catalog, 2 pages, 3 font, 4 image, then per page: page, content.
  const objects = new Map<number, Buffer>();
  const encrypt = (objectNumber: number, data: Buffer) => (secure ? rc4(objectKey(secure.key, objectNumber), data) : data);
  const stream = (objectNumber: number, dictionary: string, data: Buffer) => {
    const body = encrypt(objectNumber, data);
    return Buffer.concat([Buffer.from(`<< ${dictionary} /Length ${body.length} >>\nstream\n`, 'latin1'), body, Buffer.from('\nendstream', 'latin1')]);
  };
  const pageIds = pages.map((_, i) => 5 + i * 2);
  // After the pages: the info dictionary, the encryption dictionary, the Japanese font.
  const cjkId = 7 + pages.length * 2;
  objects.set(cjkId, Buffer.from(`<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPr6N-Regular /Encoding /UniJIS-UCS2-H /DescendantFonts [${cjkId + 1} 0 R] >>`));
  objects.set(cjkId + 1, Buffer.from(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /KozMinPr6N-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> /FontDescriptor ${cjkId + 2} 0 R /DW 1000 >>`));
  objects.set(cjkId + 2, Buffer.from('<< /Type /FontDescriptor /FontName /KozMinPr6N-Regular /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>'));
  objects.set(1, Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'));
  objects.set(2, Buffer.from(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`));
  objects.set(3, Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'));
  const side = 64;
  const pixels = Buffer.alloc(side * side, 0);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 37) % 251; // something that is not blank
  objects.set(4, stream(4, `/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8`, pixels));
  pages.forEach((page, i) => {
    const id = pageIds[i] as number;
    const parts: Buffer[] = [];
    if (page.image) parts.push(Buffer.from(`q ${width - 72} 0 0 ${height - 72} 36 36 cm /Im1 Do Q\n`, 'latin1'));
    for (const text of page.texts ?? []) {
      const shown = text.font === 'cjk' ? Buffer.from(`<${Buffer.from(text.text, 'utf16le').swap16().toString('hex')}>`, 'latin1') : literal(text.text);
      parts.push(Buffer.from(`BT /${text.font === 'cjk' ? 'F2' : 'F1'} ${text.size ?? 11} Tf ${text.x} ${text.y} Td `, 'latin1'), shown, Buffer.from(' Tj ET\n', 'latin1'));
    }
    objects.set(id, Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 3 0 R /F2 ${cjkId} 0 R >> /XObject << /Im1 4 0 R >> >> /Contents ${id + 1} 0 R >>`));
    objects.set(id + 1, stream(id + 1, '', Buffer.concat(parts)));
  });
  let infoId: number | null = null;
  if (options.info) {
    infoId = 5 + pages.length * 2;
    const entries = Object.entries(options.info).map(([name, value]) => Buffer.concat([Buffer.from(`/${name} `), secure ? Buffer.from(`<${encrypt(infoId as number, Buffer.from(value, 'latin1')).toString('hex')}>`) : literal(value), Buffer.from(' ')]));
    objects.set(infoId, Buffer.concat([Buffer.from('<< '), ...entries, Buffer.from('>>')]));
  }
  let encryptId: number | null = null;
  if (secure) {
    encryptId = 6 + pages.length * 2;
    objects.set(encryptId, Buffer.from(secure.dictionary));
  }

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets = new Map<number, number>();
  const count = Math.max(...objects.keys());
  for (let id = 1; id <= count; id++) {
    const body = objects.get(id);
    if (!body) continue;
    offsets.set(id, offset);
    const chunk = Buffer.concat([Buffer.from(`${id} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    chunks.push(chunk);
    offset += chunk.length;
  }
  const xref = [`xref\n0 ${count + 1}\n`, '0000000000 65535 f \n'];
  for (let id = 1; id <= count; id++) {
    const at = offsets.get(id);
    xref.push(at === undefined ? '0000000000 65535 f \n' : `${String(at).padStart(10, '0')} 00000 n \n`);
  }
  const trailer = `trailer\n<< /Size ${count + 1} /Root 1 0 R${infoId ? ` /Info ${infoId} 0 R` : ''}${encryptId ? ` /Encrypt ${encryptId} 0 R` : ''} /ID [<${fileId.toString('hex')}> <${fileId.toString('hex')}>] >>\nstartxref\n${offset}\n%%EOF\n`;
  chunks.push(Buffer.from(xref.join('') + trailer, 'latin1'));
  return Buffer.concat(chunks);
}

/**
 * Pages of an article as a word processor would lay them out: a running header, the
 * page's paragraphs wrapped at `perLine` characters (with a word split by a hyphen
 * where the test asks), and the page number at the foot.
 */
export function articlePages(paragraphsByPage: readonly (readonly string[])[], options: { header?: string; perLine?: number; title?: string } = {}): PdfPage[] {
  const perLine = options.perLine ?? 80;
  return paragraphsByPage.map((paragraphs, index) => {
    const texts: PdfText[] = [];
    if (options.header) texts.push({ x: 72, y: 760, text: options.header, size: 9 });
    let y = 720;
    if (index === 0 && options.title) {
      texts.push({ x: 72, y, text: options.title, size: 18 });
      y -= 36;
    }
    for (const paragraph of paragraphs) {
      for (const line of wrap(paragraph, perLine)) {
        texts.push({ x: 72, y, text: line });
        y -= 14;
      }
      y -= 10;
    }
    texts.push({ x: 300, y: 40, text: String(index + 1), size: 9 });
    return { texts };
  });
}

/** Words into lines of at most `width` characters; "~" in a word marks where it may be split with a hyphen. */
export function wrap(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    const [head, tail] = word.split('~') as [string, string | undefined];
    const whole = tail === undefined ? head : head + tail;
    if (line && `${line} ${whole}`.length > width) {
      if (tail !== undefined && `${line} ${head}-`.length <= width) {
        lines.push(`${line} ${head}-`);
        line = tail;
        continue;
      }
      lines.push(line);
      line = whole;
    } else line = line ? `${line} ${whole}` : whole;
  }
  if (line) lines.push(line);
  return lines;
}
