import { describe, expect, it } from 'vitest';
import { exportFileName } from './file-name.js';
import { EXPORT_FORMATS, EXPORT_FORMAT_IDS } from './catalog.js';

describe('export file names', () => {
  it('name the project and the format once, never the extension twice', () => {
    const names = Object.fromEntries(EXPORT_FORMAT_IDS.map((id) => [id, exportFileName('K-1 hand-over', EXPORT_FORMATS[id])]));
    expect(names).toMatchObject({
      'factmark-json': 'k-1-hand-over.json',
      'factmark-jsonl': 'k-1-hand-over.jsonl',
      conll: 'k-1-hand-over.conll',
      brat: 'k-1-hand-over.brat.zip',
      'w3c-jsonl': 'k-1-hand-over.w3c.jsonl',
    });
    for (const name of Object.values(names)) expect(name).not.toMatch(/\.(\w+)\.\1$/);
  });

  it('add the document for a one-document export, and keep any script', () => {
    expect(exportFileName('Ras Zahrun', EXPORT_FORMATS.conll, 'Aid finally arrives in Ras Zahrun, a day late')).toBe('ras-zahrun.aid-finally-arrives-in-ras-zahrun-a-day.conll');
    expect(exportFileName('بغداد ٢٠٢٠', EXPORT_FORMATS['factmark-json'])).toBe('بغداد-٢٠٢٠.json');
    expect(exportFileName('***', EXPORT_FORMATS['factmark-json'], '!!!')).toBe('factmark.document.json');
  });
});
