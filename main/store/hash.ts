import { createHash } from 'node:crypto';

/** sha256 over the UTF-8 bytes of `text`, as documents record it. */
export function sha256Text(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
