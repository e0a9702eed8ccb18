/**
 * Reading a file the user named, or one in a project folder, without trusting what it
 * is. Only regular files are read: a FIFO would block the read until someone writes to
 * it, `/dev/zero` never ends, and a folder is no file. The size is checked twice: from
 * the file's stat before reading, and by counting the bytes as they arrive, since files
 * under /proc (and some network files) report a size of 0 however much they hold.
 */
import { closeSync, constants, fstatSync, openSync, readSync, promises as fs, type Stats } from 'node:fs';
import { FactmarkError } from '../../shared/errors.js';
import { tooLargeMessage } from '../../shared/limits.js';
import { ioError } from './io-error.js';

/**
 * Opening a FIFO for reading waits for a writer, forever if none comes; O_NONBLOCK
 * returns at once so its type can be checked. It changes nothing for regular files.
 * (Windows has no FIFOs to open this way, and no such flag.)
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK = 1024 * 1024;

export interface ReadLimit {
  /** The most bytes to read. */
  bytes: number;
  /** What the limit is for, as the message says it: "imports text articles". */
  takes: string;
}

/** What a file that is not a regular file is, in words. */
export function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

export function notRegularFile(file: string, stat: Stats): FactmarkError {
  return new FactmarkError('UNSUPPORTED_FILE', stat.isDirectory() ? `${file} is a folder, not a file` : `${file} is not a regular file (it is ${kindOf(stat)})`, { file });
}

/** `known`: the size is the stat's; otherwise it is what was read before stopping. */
function tooLarge(file: string, limit: ReadLimit, size: number, known: boolean): FactmarkError {
  return new FactmarkError('UNSUPPORTED_FILE', tooLargeMessage(file, size, known, limit.bytes, limit.takes), { file });
}

/**
 * The bytes of a regular file of at most `limit.bytes`. Synchronous, for the project
 * store (see files.ts for why): the same system calls as readFileSync (open, fstat,
 * read, close), so the checks cost nothing extra.
 */
export function readRegularFileSync(file: string, limit: ReadLimit): Buffer {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    throw ioError(file, error, 'read');
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw notRegularFile(file, stat);
    if (stat.size > limit.bytes) throw tooLarge(file, limit, stat.size, true);
    return readAll(file, limit, stat.size, (buffer, offset, length) => readSync(fd, buffer, offset, length, null));
  } catch (error) {
    throw ioError(file, error, 'read');
  } finally {
    closeSync(fd);
  }
}

/** The same, asynchronously: for files the user names (imports), which may be large. */
export async function readRegularFile(file: string, limit: ReadLimit): Promise<Buffer> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, OPEN_FLAGS);
  } catch (error) {
    throw ioError(file, error, 'read');
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw notRegularFile(file, stat);
    if (stat.size > limit.bytes) throw tooLarge(file, limit, stat.size, true);
    return await readAllAsync(file, limit, stat.size, async (buffer, offset, length) => (await handle.read(buffer, offset, length, null)).bytesRead);
  } catch (error) {
    throw ioError(file, error, 'read');
  } finally {
    await handle.close();
  }
}

/** Reads until `collector` is full or the file ends; the sync and async reads share it. */
function readAll(file: string, limit: ReadLimit, size: number, read: (buffer: Buffer, offset: number, length: number) => number): Buffer {
  const collector = new Collector(file, limit, size);
  for (let next = collector.next(); next; next = collector.next()) collector.got(read(...next));
  return collector.bytes();
}

async function readAllAsync(file: string, limit: ReadLimit, size: number, read: (buffer: Buffer, offset: number, length: number) => Promise<number>): Promise<Buffer> {
  const collector = new Collector(file, limit, size);
  for (let next = collector.next(); next; next = collector.next()) collector.got(await read(...next));
  return collector.bytes();
}

/**
 * Where the next read goes. With a size from the stat: exactly that many bytes into one
 * buffer (a file that grows meanwhile is read as it was). Without one (procfs says 0):
 * chunk after chunk until the file ends or more than the limit has come.
 */
class Collector {
  private readonly known: boolean;
  private readonly chunks: Buffer[] = [];
  private buffer: Buffer;
  private filled = 0;
  private total = 0;
  private ended = false;

  constructor(
    private readonly file: string,
    private readonly limit: ReadLimit,
    private readonly size: number,
  ) {
    this.known = size > 0;
    this.buffer = Buffer.allocUnsafe(this.known ? size : CHUNK);
  }

  next(): [buffer: Buffer, offset: number, length: number] | null {
    if (this.ended || (this.known && this.filled === this.size)) return null;
    if (this.filled === this.buffer.length) {
      this.chunks.push(this.buffer);
      this.buffer = Buffer.allocUnsafe(CHUNK);
      this.filled = 0;
    }
    return [this.buffer, this.filled, this.buffer.length - this.filled];
  }

  got(bytesRead: number): void {
    if (bytesRead === 0) this.ended = true;
    this.filled += bytesRead;
    this.total += bytesRead;
    if (this.total > this.limit.bytes) throw tooLarge(this.file, this.limit, this.total, false);
  }

  bytes(): Buffer {
    if (this.chunks.length === 0) return this.filled === this.buffer.length ? this.buffer : this.buffer.subarray(0, this.filled);
    return Buffer.concat([...this.chunks, this.buffer.subarray(0, this.filled)], this.total);
  }
}
