/**
 * A small .docx writer for tests: the parts of an Office Open XML word-processing
 * document (ECMA-376) that Word itself needs to open one, zipped with fflate. Paragraphs
 * may carry a style (Title, Heading1) and a table may follow them, so the tests need no
 * third-party files.
 */
import { zipSync, strToU8 } from 'fflate';

export interface DocxParagraph {
  text: string;
  style?: 'Title' | 'Heading1' | 'Heading2';
}

export interface DocxOptions {
  /** docProps/core.xml's title and language. */
  title?: string;
  language?: string;
  /** A table after the paragraphs: rows of cells. */
  table?: string[][];
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function paragraph({ text, style }: DocxParagraph): string {
  return `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;
}

function styles(): string {
  const style = (id: string, name: string) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}>${style('Normal', 'Normal')}${style('Title', 'Title')}${style('Heading1', 'heading 1')}${style('Heading2', 'heading 2')}</w:styles>`;
}

export function makeDocx(paragraphs: readonly DocxParagraph[], options: DocxOptions = {}): Uint8Array {
  const table = options.table
    ? `<w:tbl>${options.table.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${paragraph({ text: cell })}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`
    : '';
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${paragraphs.map(paragraph).join('')}${table}<w:sectPr/></w:body></w:document>`;
  const core = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">${options.title ? `<dc:title>${escape(options.title)}</dc:title>` : ''}${options.language ? `<dc:language>${options.language}</dc:language>` : ''}<dc:creator>analyst-laptop</dc:creator></cp:coreProperties>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(document),
    'word/styles.xml': strToU8(styles()),
    'docProps/core.xml': strToU8(core),
  });
}

/**
 * The same zip, claiming in its central directory that every part unpacks to `bytes`:
 * what a "zip bomb" declares, without the test making gigabytes.
 */
export function claimUnpackedSize(zip: Uint8Array, bytes: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, bytes, true);
  }
  return out;
}

/**
 * What Word's "Encrypt with Password" writes: not a zip but an OLE compound file whose
 * directory names an EncryptedPackage stream. Only the parts Factmark looks at are
 * real here: the compound file's signature and the stream's name in its directory.
 */
export function encryptedWordFile(): Uint8Array {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const directory = Buffer.alloc(512);
  Buffer.from('EncryptionInfo\0', 'utf16le').copy(directory, 128);
  Buffer.from('EncryptedPackage\0', 'utf16le').copy(directory, 256);
  return Buffer.concat([header, directory, Buffer.alloc(1024, 0x5a)]);
}

/** An old binary Word file (.doc): the same container, with a WordDocument stream instead. */
export function oldWordFile(): Uint8Array {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const directory = Buffer.alloc(512);
  Buffer.from('WordDocument\0', 'utf16le').copy(directory, 128);
  return Buffer.concat([header, directory, Buffer.alloc(1024, 0x20)]);
}
