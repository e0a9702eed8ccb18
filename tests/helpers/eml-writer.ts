/** E-mail messages for tests, as a mail program saves them (RFC 5322 with MIME multipart). */

export interface EmlAttachment {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface EmlOptions {
  from?: string;
  to?: string;
  date?: string;
  subject?: string;
  text?: string;
  html?: string;
  attachments?: EmlAttachment[];
}

/** Base64 in lines of 76, as MIME writes it. */
function base64Lines(bytes: Uint8Array): string {
  return (Buffer.from(bytes).toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

export function makeEml(options: EmlOptions): Buffer {
  const boundary = '----=_Part_factmark_test';
  const headers = [
    options.from && `From: ${options.from}`,
    options.to && `To: ${options.to}`,
    options.date && `Date: ${options.date}`,
    options.subject !== undefined && `Subject: ${options.subject}`,
    'Message-ID: <test@example.org>',
    'MIME-Version: 1.0',
  ].filter(Boolean);
  const parts: string[] = [];
  if (options.text !== undefined) parts.push(`Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(Buffer.from(options.text))}`);
  if (options.html !== undefined) parts.push(`Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(Buffer.from(options.html))}`);
  for (const attachment of options.attachments ?? []) {
    parts.push(`Content-Type: ${attachment.type}; name="${attachment.name}"\r\nContent-Disposition: attachment; filename="${attachment.name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(attachment.bytes)}`);
  }
  const body = `${parts.map((part) => `--${boundary}\r\n${part}\r\n`).join('')}--${boundary}--\r\n`;
  return Buffer.from(`${headers.join('\r\n')}\r\nContent-Type: multipart/mixed; boundary="${boundary}"\r\n\r\nThis is a multi-part message in MIME format.\r\n${body}`);
}
