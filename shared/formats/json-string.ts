/**
 * A string as JSON text, exactly as JSON.stringify writes it, for encoders that write
 * JSON by hand. Most strings an export writes (labels, ids, timestamps, short quotes)
 * need no escaping, and wrapping them in quotes is over twice as fast as a call to
 * JSON.stringify; the few that do are left to it.
 */

/** Nothing JSON.stringify would escape: quotes, backslashes, control characters, surrogates. */
// eslint-disable-next-line no-control-regex -- control characters are what JSON escapes
const NEEDS_NO_ESCAPE = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

export function jsonString(text: string): string {
  // Surrogates are sent to JSON.stringify even when paired: it keeps pairs and escapes
  // lone halves, and telling the two apart here would cost what the shortcut saves.
  return NEEDS_NO_ESCAPE.test(text) ? `"${text}"` : JSON.stringify(text);
}
