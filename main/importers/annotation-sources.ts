/**
 * The files an annotation import reads, whoever hands them over: paths from the CLI or
 * the Electron picker (folders are walked; a brat `.ann` brings its `.txt` along), or
 * bytes from the UI. Zip archives are opened, so a brat export can be imported as it was
 * downloaded.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { FactmarkError } from '../../shared/errors.js';
import { MAX_ANNOTATION_FILE_BYTES, formatBytes, tooLargeMessage } from '../../shared/limits.js';
import { ioError } from '../store/files.js';
import { readRegularFile } from '../store/regular-file.js';

export interface SourceFile {
  /** The name to report, and to pair brat files by: the path as given, or inside a zip. */
  name: string;
  bytes: Uint8Array;
}

/**
 * The files at `paths`, which come from the command line or a native dialog, never from
 * the renderer. Folders are walked; only regular files are read, each up to the limit.
 */
export async function readSourcePaths(paths: readonly string[]): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  const seen = new Set<string>();
  const add = async (file: string, name: string) => {
    const absolute = path.resolve(file);
    if (seen.has(absolute)) return;
    seen.add(absolute);
    // Read by the name as given, so a message names the file as the user wrote it.
    files.push({ name, bytes: await readBounded(name) });
  };
  for (const given of paths) {
    const stat = await fs.stat(given).catch((error: unknown) => {
      throw ioError(given, error, 'read');
    });
    if (stat.isDirectory()) {
      for (const file of await walk(given)) await add(file, path.join(given, path.relative(given, file)));
      continue;
    }
    await add(given, given);
    // A brat annotation file is nothing without its text, and its folder's
    // annotation.conf says what its types are.
    if (given.endsWith('.ann')) {
      for (const companion of [given.replace(/\.ann$/, '.txt'), path.join(path.dirname(given), 'annotation.conf')]) {
        if (await fs.stat(companion).then((found) => found.isFile(), () => false)) await add(companion, companion);
      }
    }
  }
  return files;
}

/**
 * The regular files under `dir`, in name order. Symbolic links, pipes and devices are
 * passed over (a link could lead out of the folder, or round in a loop); a folder that
 * cannot be listed is an error naming it.
 */
async function walk(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw ioError(dir, error, 'list');
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(file)));
    else if (entry.isFile()) files.push(file);
  }
  return files;
}

function readBounded(name: string): Promise<Uint8Array> {
  return readRegularFile(name, { bytes: MAX_ANNOTATION_FILE_BYTES, takes: 'imports annotation files' });
}

/** Each .zip replaced by the files in it, named `archive.zip/inner/path`. */
export function expandArchives(files: readonly SourceFile[]): SourceFile[] {
  return files.flatMap((file) => {
    // Files read from paths were stopped at the limit already; bytes the app sent were not.
    if (file.bytes.length > MAX_ANNOTATION_FILE_BYTES) throw new FactmarkError('UNSUPPORTED_FILE', tooLargeMessage(file.name, file.bytes.length, true, MAX_ANNOTATION_FILE_BYTES, 'imports annotation files'), { file: file.name });
    if (!file.name.toLowerCase().endsWith('.zip')) return [file];
    let total = 0;
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(file.bytes, {
        // Refuse before inflating anything that would be too large (a "zip bomb").
        filter: (entry) => {
          total += entry.originalSize;
          if (total > MAX_ANNOTATION_FILE_BYTES) throw new FactmarkError('UNSUPPORTED_FILE', `${file.name} unpacks to more than ${formatBytes(MAX_ANNOTATION_FILE_BYTES)}; Factmark imports annotation files of up to ${formatBytes(MAX_ANNOTATION_FILE_BYTES)}`, { file: file.name });
          return !entry.name.endsWith('/') && !entry.name.split('/').some((part) => part.startsWith('.') || part === '__MACOSX');
        },
      });
    } catch (error) {
      if (error instanceof FactmarkError) throw error;
      throw new FactmarkError('PARSE_ERROR', `${file.name} is not a readable zip archive (${error instanceof Error ? error.message : String(error)})`, { file: file.name });
    }
    return Object.entries(entries).map(([name, bytes]) => ({ name: `${file.name}/${name}`, bytes }));
  });
}
