/**
 * Typed errors that cross every layer: a stable `code` for programs and tests, a
 * `message` written for a person, and optional details naming the file and the place
 * in it. The service returns these over IPC/HTTP as plain objects (see `toErrorInfo`).
 */

export type ErrorCode =
  | 'BAD_INPUT' // a parameter or argument the user gave is not acceptable
  | 'NOT_FOUND' // a file, document or project that should exist does not
  | 'NOT_A_PROJECT' // a folder without a readable factmark.json
  | 'ALREADY_EXISTS' // creating something that is already there
  | 'PARSE_ERROR' // a file is not valid UTF-8 / JSON
  | 'INVALID' // a file parsed but does not match its schema
  | 'NEWER_VERSION' // a file written by a newer Factmark; never rewritten
  | 'UNKNOWN_FORMAT' // a JSON file whose `format` is not the one expected
  | 'UNSUPPORTED_FILE' // an import of a file type not handled
  | 'IO_ERROR' // the operating system refused a read or write
  | 'CONFLICT' // a file changed on disk since it was read (another window, another program)
  | 'NO_PROJECT' // an operation that needs an open project, with none open
  | 'OFFLINE' // a sync could not reach the remote (no network, the server down)
  | 'AUTH' // the remote asked for a token, or refused the one given
  | 'REMOTE'; // the remote answered, but not as a git server that takes this project should

export interface ErrorDetails {
  /** The file the problem is in, as the user would find it. */
  file?: string;
  /** Where in the file: a JSON path such as `$.spans[3].start`. */
  path?: string;
  /** The span the problem concerns. */
  spanId?: string;
}

/**
 * Marks a FactmarkError whichever copy of this module made it: the document readers are
 * bundled apart from the programs (main/importers/document-readers.ts), with a copy of
 * their own, and their errors must still be known for what they are.
 */
const BRAND = Symbol.for('factmark.FactmarkError');

export class FactmarkError extends Error {
  override readonly name = 'FactmarkError';
  readonly [BRAND] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }
}

/** The serialisable form of an error, as the service sends it to the UI. */
export interface ErrorInfo extends ErrorDetails {
  code: ErrorCode | 'INTERNAL';
  message: string;
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof FactmarkError) return { code: error.code, message: error.message, ...error.details };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}

export function isFactmarkError(error: unknown, code?: ErrorCode): error is FactmarkError {
  return error instanceof FactmarkError && (code === undefined || error.code === code);
}
