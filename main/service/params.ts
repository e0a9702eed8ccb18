/**
 * Params checked against their schema. Every schema is strict: a key the method does not
 * take is refused and named, never dropped in silence, so a caller that sends a file
 * path learns at once that the api takes none (but project folders).
 */
import type { z } from 'zod';
import { FactmarkError } from '../../shared/errors.js';
import { validateWith } from '../../shared/model/parse.js';

export function checkedParams<S extends z.ZodType>(schema: S, params: unknown, method: string): z.output<S> {
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  const extra = result.error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' && issue.path.length === 0 ? issue.keys : []));
  if (extra.length) {
    const paths = extra.some((key) => /path|file|dir|out/i.test(key)) ? ": Factmark reads and writes files only where you choose them, in the desktop app's dialogs or by upload and download in the browser" : '';
    throw new FactmarkError('BAD_INPUT', `${method} does not take ${extra.map((key) => `"${key}"`).join(', ')}${paths}`);
  }
  return validateWith(schema, params, method, `Invalid parameters for ${method}`);
}
