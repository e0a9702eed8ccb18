/**
 * A metadata sheet: a CSV or JSON file with one row per file to import (or web address),
 * giving its title, outlet, author, publication date, address and language, applied at
 * import so nobody types them into Details one document at a time. A spreadsheet's
 * "Save as CSV" is the usual source: headers are matched loosely ("File name", "Date",
 * "Byline"), dates are read as the Details dialog reads them (30 March 2020, 2020-03-30;
 * 07/03/2020, which could be two days, is refused), and every row that names no file
 * imported, every file without a row and every value that cannot be used is reported:
 * nothing in the sheet is dropped in silence.
 */
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import type { ImportMeta, SheetMatch } from '../../shared/api.js';
import { FactmarkError } from '../../shared/errors.js';
import { MAX_METADATA_SHEET_BYTES, tooLargeMessage } from '../../shared/limits.js';
import { readTypedDate } from '../../shared/text/typed-date.js';
import { readRegularFile } from '../store/regular-file.js';
import { decodeText } from './decode.js';

type Field = keyof ImportMeta;

export interface SheetRow {
  /** As a spreadsheet numbers it: the header is row 1. */
  row: number;
  file: string;
  meta: ImportMeta;
}

export interface MetadataSheet {
  name: string;
  rows: SheetRow[];
  /** Values that could not be used, columns that mean nothing here: "row 3: …". */
  problems: string[];
}

/** Header names as people write them, to the field each means. */
const HEADERS: Record<string, Field | 'file'> = {
  file: 'file', filename: 'file', 'file name': 'file', path: 'file', document: 'file',
  title: 'title', headline: 'title',
  outlet: 'outlet', publication: 'outlet', publisher: 'outlet', site: 'outlet', source: 'outlet', newspaper: 'outlet',
  author: 'author', authors: 'author', byline: 'author', writer: 'author',
  published: 'published', date: 'published', 'publication date': 'published', 'date published': 'published', published_at: 'published', pubdate: 'published',
  url: 'url', address: 'url', link: 'url', 'web address': 'url',
  language: 'language', lang: 'language',
};

export const SHEET_EXTENSIONS = ['.csv', '.json'] as const;

export function isMetadataSheet(name: string): boolean {
  return (SHEET_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase());
}

/** A sheet at a path the user gave (the CLI's --metadata): a regular file, within the limit. */
export async function readMetadataSheetFile(file: string): Promise<MetadataSheet> {
  return readMetadataSheet(await readRegularFile(file, { bytes: MAX_METADATA_SHEET_BYTES, takes: 'reads metadata sheets' }), file);
}

export function readMetadataSheet(bytes: Uint8Array, name: string): MetadataSheet {
  if (bytes.length > MAX_METADATA_SHEET_BYTES) throw new FactmarkError('UNSUPPORTED_FILE', tooLargeMessage(name, bytes.length, true, MAX_METADATA_SHEET_BYTES, 'reads metadata sheets'), { file: name });
  const extension = path.extname(name).toLowerCase();
  if (!isMetadataSheet(name)) throw new FactmarkError('UNSUPPORTED_FILE', `${name}: a metadata sheet is a .csv or .json file`, { file: name });
  const text = decodeText(bytes, name).text.replace(/^\ufeff/, '');
  const records = extension === '.json' ? jsonRecords(text, name) : csvRecords(text, name);
  const problems: string[] = [];
  const rows: SheetRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of records) {
    const file = values.file?.trim() ?? '';
    if (!file) {
      if (Object.values(values).some((value) => value?.trim())) problems.push(`row ${row}: no file named; the row is not used`);
      continue;
    }
    const earlier = seen.get(file);
    if (earlier !== undefined) {
      problems.push(`row ${row}: ${file} is named again (row ${earlier} is used)`);
      continue;
    }
    seen.set(file, row);
    rows.push({ row, file, meta: rowMeta(values, (problem) => problems.push(`row ${row} (${file}): ${problem}`)) });
  }
  return { name: path.basename(name), rows, problems };
}

/** The metadata of each row, field by field: a value that cannot be used is reported and left out, the rest kept. */
function rowMeta(values: Partial<Record<Field | 'file', string>>, problem: (text: string) => void): ImportMeta {
  const meta: ImportMeta = {};
  for (const field of ['title', 'outlet', 'author', 'published', 'url', 'language'] as const) {
    const value = values[field]?.replace(/\s+/g, ' ').trim();
    if (!value) continue;
    if (field === 'published') {
      const read = readTypedDate(value);
      if (read.ok) meta.published = read.value;
      else problem(`published: ${read.problem}`);
    } else if (field === 'url') {
      if (z.url({ protocol: /^https?$/ }).safeParse(value).success) meta.url = value;
      else problem(`url: “${value}” is not a web address (http:// or https://)`);
    } else if (field === 'language') {
      if (/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/i.test(value)) meta.language = value;
      else problem(`language: “${value}” is not a language tag such as en or ar`);
    } else meta[field] = value;
  }
  return meta;
}

interface SheetRecord {
  row: number;
  values: Partial<Record<Field | 'file', string>>;
}

function csvRecords(text: string, name: string): SheetRecord[] {
  let table: string[][];
  try {
    // Excel in many locales saves "CSV" with semicolons: the header line says which.
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
    table = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  } catch (error) {
    throw new FactmarkError('PARSE_ERROR', `${name} is not a readable CSV file (${error instanceof Error ? error.message : String(error)})`, { file: name });
  }
  const [header, ...body] = table;
  if (!header) throw new FactmarkError('BAD_INPUT', `${name} is empty`, { file: name });
  const fields = header.map((heading) => HEADERS[heading.trim().toLowerCase().replace(/[\s_-]+/g, ' ')] ?? HEADERS[heading.trim().toLowerCase()] ?? null);
  if (!fields.includes('file')) throw new FactmarkError('BAD_INPUT', `${name} has no “file” column: its first row must name the columns, one of them “file” (the file, or web address, each row is for), with any of title, outlet, author, published, url, language`, { file: name });
  const unknown = header.filter((_, i) => fields[i] === null && header[i]?.trim());
  if (unknown.length) throw new FactmarkError('BAD_INPUT', `${name}: ${unknown.map((heading) => `“${heading}”`).join(', ')} ${unknown.length === 1 ? 'is not a column' : 'are not columns'} Factmark knows; use file, title, outlet, author, published, url, language`, { file: name });
  return body.map((cells, i) => ({ row: i + 2, values: Object.fromEntries(fields.flatMap((field, column) => (field ? [[field, cells[column] ?? '']] : []))) }));
}

const JsonRow = z.looseObject({ file: z.string() }).catchall(z.union([z.string(), z.null()]));

function jsonRecords(text: string, name: string): SheetRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new FactmarkError('PARSE_ERROR', `${name} is not valid JSON (${error instanceof Error ? error.message : String(error)})`, { file: name });
  }
  const rows = z.array(JsonRow).safeParse(data);
  if (!rows.success) {
    const issue = rows.error.issues[0];
    throw new FactmarkError('INVALID', `${name} must be a list of rows such as {"file": "k1.txt", "title": "…", "published": "2020-03-30"}: ${issue ? `$${issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('')}: ${issue.message}` : 'not valid'}`, { file: name });
  }
  return rows.data.map((record, i) => {
    const values: SheetRecord['values'] = {};
    for (const [key, value] of Object.entries(record)) {
      const field = HEADERS[key.trim().toLowerCase()];
      if (!field) throw new FactmarkError('BAD_INPUT', `${name}: row ${i + 1} has “${key}”, which is not a field Factmark knows; use file, title, outlet, author, published, url, language`, { file: name });
      if (typeof value === 'string') values[field] = value;
    }
    return { row: i + 1, values };
  });
}

/**
 * The sheet's rows matched to the files (or addresses) imported: by the file's name
 * (a row may give a path: its last part counts), a web address by itself. Every row
 * that matches nothing and every file without a row is a note.
 */
export function matchSheet(sheet: MetadataSheet, files: readonly string[]): SheetMatch {
  const key = (name: string) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(name) ? name.trim() : path.basename(name.replace(/\\/g, '/')).toLowerCase());
  const byKey = new Map(sheet.rows.map((row) => [key(row.file), row]));
  const meta: Record<string, ImportMeta> = {};
  const used = new Set<SheetRow>();
  const withoutRow: string[] = [];
  for (const file of files) {
    const row = byKey.get(key(file));
    if (row) {
      meta[file] = row.meta;
      used.add(row);
    } else withoutRow.push(file);
  }
  const notes = [
    ...sheet.problems.map((problem) => `${sheet.name}: ${problem}`),
    ...sheet.rows.filter((row) => !used.has(row)).map((row) => `${sheet.name}: row ${row.row} is for ${row.file}, which is not among the files imported`),
    ...withoutRow.map((file) => `${file} has no row in ${sheet.name}`),
  ];
  return { sheet: sheet.name, rows: sheet.rows.length, applied: used.size, meta, notes };
}
