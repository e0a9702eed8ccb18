/** Small schemas every file format uses. */
import { z } from 'zod';

/** An ISO 8601 timestamp with time zone, as `Date.prototype.toISOString()` writes it. */
export const Timestamp = z.iso.datetime({ offset: true }).describe('ISO 8601 date-time, e.g. 2026-11-22T08:00:00.000Z');

/**
 * Annotator names are folder names under `annotations/`: lower-case letters, digits,
 * `.`, `_` and `-` only, never `.` or `..`, so a name can never become a path.
 */
export const AnnotatorName = z
  .string()
  // The rule lives in the pattern (not a refinement) so that the JSON Schema states it too.
  .regex(/^(?!\.\.?$)[a-z0-9._-]{1,64}$/, 'use 1-64 lower-case letters, digits, ".", "_" or "-", and not "." or ".." alone')
  .describe('Annotator name: also the folder name under annotations/');

/** Document ids are file names under `documents/`, so they are restricted like names. */
export const DocumentId = z
  .string()
  .regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/, 'use letters, digits, ".", "_" or "-" (not starting with ".")')
  .describe('Document id: also the file name under documents/');

/** Span, relation, label and entity ids are opaque strings. */
export const OpaqueId = z.string().min(1).max(200);

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits');

/** Every file carries `format` and `version`; see versions.ts for migrations. */
export function formatTag<F extends string>(format: F) {
  return z.literal(format).describe(`Always "${format}"`);
}

/**
 * Turns a login or display name into a valid annotator name ("Dana Reed" -> "dana-reed"),
 * or null when nothing usable is left.
 */
export function toAnnotatorName(raw: string): string | null {
  const name = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 64);
  return AnnotatorName.safeParse(name).success ? name : null;
}
