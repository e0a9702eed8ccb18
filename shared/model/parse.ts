/**
 * Turning a file's text into a checked value: JSON syntax, then format and version
 * (with migration), then the zod schema. Every failure is a FactmarkError naming the
 * file, the JSON path and the reason, so the user can open the file and fix it.
 */
import type { z } from 'zod';
import { FactmarkError } from '../errors.js';
import { migrateToCurrent, type FileFormat } from './versions.js';

/** `$.spans[3].quote.exact` from zod's path array. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_$][\w$]*$/.test(name) ? `${out}.${name}` : `${out}[${JSON.stringify(name)}]`;
  }, '$');
}

/** A JSON object (not an array, not null): what a parsed record must be before its fields are read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason);
    let where = '';
    if (position && !/line \d+/.test(reason)) {
      const before = text.slice(0, Number(position[1]));
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      where = ` (line ${line}, column ${column})`;
    }
    throw new FactmarkError('PARSE_ERROR', `${file} is not valid JSON: ${reason}${where}`, { file });
  }
}

/**
 * Validates parsed JSON against `schema`; the first problems are named in the message,
 * which starts with `subject` (by default, "<file> is not a valid file").
 */
export function validateWith<S extends z.ZodType>(schema: S, data: unknown, file: string, subject = `${file} is not a valid file`): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const first = issues[0];
  const path = first ? jsonPath(first.path) : '$';
  const listed = issues.slice(0, 5).map((issue) => `${jsonPath(issue.path)}: ${issue.message}`);
  const more = issues.length > 5 ? `; and ${issues.length - 5} more` : '';
  throw new FactmarkError('INVALID', `${subject}: ${listed.join('; ')}${more}`, { file, path });
}

/**
 * The whole read pipeline for one Factmark file's text. `accept`, when given, is a
 * faster check of the same schema that may say "valid as it is" (see
 * main/store/fast-accept.ts); anything it does not accept is checked by zod.
 */
export function parseFactmarkFile<S extends z.ZodType>(format: FileFormat, schema: S, text: string, file: string, accept?: (data: unknown) => boolean): z.infer<S> {
  const json = parseJsonText(text, file);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new FactmarkError('INVALID', `${file} is not a valid file: expected a JSON object`, { file, path: '$' });
  }
  const current = migrateToCurrent(format, json as Record<string, unknown>, file);
  if (accept?.(current)) return current as z.infer<S>;
  return validateWith(schema, current, file);
}

/**
 * JSON as Factmark writes it: 2-space indentation and a final newline, keys in schema
 * order (zod rebuilds objects in the order their shape declares), so diffs stay small.
 */
export function stringifyFactmarkFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
