/**
 * Word documents (.docx): the text read with mammoth, which turns the document's
 * paragraphs, headings, lists and tables into HTML, and that into paragraphs as for web
 * pages. The title is the first paragraph styled as a title or heading, else the one the
 * document's properties give; a byline and a date near the top are guesses, as in text.
 *
 * A .docx is a zip. Before mammoth unpacks anything, the sizes its parts declare are
 * added up and held to a limit, so a small file that unpacks to gigabytes is refused.
 * Word's "Encrypt with password" writes no zip but an OLE compound file holding an
 * EncryptedPackage, which is named as such; so is an old binary .doc.
 */
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import type { ImportMeta } from '../../shared/api.js';
import { FactmarkError } from '../../shared/errors.js';
import { MAX_WORD_UNPACKED_BYTES, formatBytes } from '../../shared/limits.js';
import { guessMeta } from '../../shared/text/guess-meta.js';
import type { ArticleFile } from './article-file.js';
import { fragmentText } from './html.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((byte, i) => bytes[i] === byte);

/** Word's styles for titles, besides the headings mammoth maps already. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

export async function readDocx(bytes: Uint8Array, fileName: string, shownAs: string): Promise<ArticleFile> {
  if (startsWith(bytes, OLE)) {
    const encrypted = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1024 * 1024))).includes(Buffer.from('EncryptedPackage', 'utf16le'));
    throw new FactmarkError(
      'UNSUPPORTED_FILE',
      encrypted
        ? `${shownAs} is protected by a password (encrypted), so its text cannot be read. Open it in Word with the password, save a copy without one (File › Info › Protect Document), and import that`
        : `${shownAs} is an old-style Word document (.doc), not .docx: open it in Word or LibreOffice, save it as .docx, and import that`,
      { file: shownAs },
    );
  }
  if (!startsWith(bytes, ZIP)) throw new FactmarkError('PARSE_ERROR', `${shownAs} is not a Word document (.docx), or it is damaged: it is not the zip file a .docx is`, { file: shownAs });
  const core = partsOf(bytes, shownAs);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Pictures are not read (only text is kept), and nothing outside the file is opened.
      { styleMap: STYLE_MAP, externalFileAccess: false, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (error) {
    throw new FactmarkError('PARSE_ERROR', `${shownAs} is damaged: its text cannot be read (${error instanceof Error ? error.message : String(error)})`, { file: shownAs });
  }
  const text = fragmentText(html);
  if (text.trim() === '') throw new FactmarkError('BAD_INPUT', `${shownAs} has no text`, { file: shownAs });
  const heading = clean(parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.querySelector('h1')?.textContent);
  const title = heading ?? core.title;
  const found: ImportMeta = guessMeta(text, title ? { title } : {});
  if (core.language) found.language = core.language;
  const guessed = (Object.keys(found) as (keyof ImportMeta)[]).filter((key) => !(key === 'title' && title) && key !== 'language');
  return { text, found, fileName, encoding: 'utf-8', ...(guessed.length ? { guessed } : {}) };
}

/**
 * Checks what the zip unpacks to, without unpacking it, and reads the document's
 * properties (docProps/core.xml): its title and language, when set.
 */
function partsOf(bytes: Uint8Array, shownAs: string): { title: string | null; language: string | null } {
  let total = 0;
  let hasDocument = false;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (entry) => {
        total += entry.originalSize;
        if (total > MAX_WORD_UNPACKED_BYTES) throw new FactmarkError('UNSUPPORTED_FILE', `${shownAs} unpacks to more than ${formatBytes(MAX_WORD_UNPACKED_BYTES)}; Factmark imports Word documents that unpack to up to ${formatBytes(MAX_WORD_UNPACKED_BYTES)}`, { file: shownAs });
        if (entry.name === 'word/document.xml') hasDocument = true;
        return entry.name === 'docProps/core.xml' && entry.originalSize < 1024 * 1024;
      },
    });
  } catch (error) {
    if (error instanceof FactmarkError) throw error;
    throw new FactmarkError('PARSE_ERROR', `${shownAs} is damaged: it cannot be unpacked (${error instanceof Error ? error.message : String(error)})`, { file: shownAs });
  }
  if (!hasDocument) throw new FactmarkError('PARSE_ERROR', `${shownAs} is a zip file but not a Word document (it has no word/document.xml)`, { file: shownAs });
  const core = entries['docProps/core.xml'];
  if (!core) return { title: null, language: null };
  const xml = new TextDecoder().decode(core);
  const field = (name: string) => clean(decodeEntities(new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml)?.[1] ?? ''));
  const language = field('dc:language');
  return { title: field('dc:title'), language: language && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/i.test(language) ? language : null };
}

function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (entity, name: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[name.toLowerCase()]) return named[name.toLowerCase()] as string;
    const code = name.toLowerCase().startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text && text.length <= 300 ? text : null;
}
