/**
 * What the operating system said, turned into a message for a person: the file, what
 * Factmark was doing, and the reason in words ("the disk is full", not "ENOSPC").
 */
import { FactmarkError } from '../../shared/errors.js';

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the disk is read-only',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EIO: 'the disk or the network reported an input/output error',
  ELOOP: 'too many symbolic links',
  EBUSY: 'it is in use',
  EXDEV: 'it is on another disk',
};

export function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True for the errors of a full disk (or quota): nothing more can be written. */
export function isDiskFull(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/**
 * `doing` is a verb phrase: "read", "write", "list". A failed write that was atomic
 * says so for a full disk, where people fear most for what they had saved.
 */
export function ioError(file: string, error: unknown, doing: string, options: { atomic?: boolean } = {}): FactmarkError {
  if (error instanceof FactmarkError) return error;
  const code = errorCode(error);
  if (code === 'ENOENT') return new FactmarkError('NOT_FOUND', `${file} does not exist`, { file });
  const reason = (code && REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
  const kept = options.atomic && isDiskFull(error) ? '; nothing already saved was changed' : '';
  return new FactmarkError('IO_ERROR', `Could not ${doing} ${file}: ${reason}${kept}`, { file });
}
