import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchSheet, readMetadataSheet } from '../../../main/importers/metadata-sheet.js';
import { FactmarkService } from '../../../main/service.js';
import { tempDir } from '../../helpers/temp.js';

const csv = [
  'File name,Title,Outlet,Byline,Date,URL,Language,',
  'k1.txt,"Coalition leaves K-1, third base this month",Example Wire,Dana Reed,30 March 2020,https://example.org/k1,en,',
  'qwest.txt,Q-West handed over,Rudaw,,2020-03-26,,en,',
  'taji.txt,Rockets hit Taji,,,07/03/2020,not a link,english,',
  'k1.txt,The same file again,,,,,,',
  'gone.txt,A file nobody imports,,,,,,',
  ',,,,,,,',
].join('\r\n');

describe('a metadata sheet', () => {
  it('reads a spreadsheet saved as CSV: loose headers, quoted commas, dates as Details reads them, and each value it cannot use named', () => {
    const sheet = readMetadataSheet(Buffer.from(csv), 'sheet.csv');
    expect(sheet.rows).toEqual([
      { row: 2, file: 'k1.txt', meta: { title: 'Coalition leaves K-1, third base this month', outlet: 'Example Wire', author: 'Dana Reed', published: '2020-03-30', url: 'https://example.org/k1', language: 'en' } },
      { row: 3, file: 'qwest.txt', meta: { title: 'Q-West handed over', outlet: 'Rudaw', published: '2020-03-26', language: 'en' } },
      { row: 4, file: 'taji.txt', meta: { title: 'Rockets hit Taji' } },
      { row: 6, file: 'gone.txt', meta: { title: 'A file nobody imports' } },
    ]);
    expect(sheet.problems).toEqual([
      'row 4 (taji.txt): published: “07/03/2020” could be 7 March 2020 or 3 July 2020: use YYYY-MM-DD (2020-03-07 or 2020-07-03)',
      'row 4 (taji.txt): url: “not a link” is not a web address (http:// or https://)',
      'row 4 (taji.txt): language: “english” is not a language tag such as en or ar',
      'row 5: k1.txt is named again (row 2 is used)',
    ]);
  });

  it('reads semicolon-separated CSV (Excel in many locales) and JSON rows, and refuses what it cannot read', () => {
    expect(readMetadataSheet(Buffer.from('file;title;published\nk1.txt;K-1, handed over;2020-03-30\n'), 'excel.csv').rows).toEqual([{ row: 2, file: 'k1.txt', meta: { title: 'K-1, handed over', published: '2020-03-30' } }]);
    const json = JSON.stringify([{ file: 'k1.txt', title: 'Coalition leaves K-1', published: '2020-03-30', author: null }]);
    expect(readMetadataSheet(Buffer.from(json), 'sheet.json').rows).toEqual([{ row: 1, file: 'k1.txt', meta: { title: 'Coalition leaves K-1', published: '2020-03-30' } }]);
    expect(() => readMetadataSheet(Buffer.from(JSON.stringify([{ title: 'no file' }])), 'bad.json')).toThrow(/^bad\.json must be a list of rows such as .*: \$\[0\]\.file: /);
    expect(() => readMetadataSheet(Buffer.from(JSON.stringify([{ file: 'a.txt', headline: 'x', colour: 'red' }])), 'odd.json')).toThrow('odd.json: row 1 has “colour”, which is not a field Factmark knows; use file, title, outlet, author, published, url, language');
    expect(() => readMetadataSheet(Buffer.from('title,outlet\nK-1,Wire\n'), 'nofile.csv')).toThrow(/^nofile\.csv has no “file” column/);
    expect(() => readMetadataSheet(Buffer.from('file,title,mood\nk1.txt,K-1,grim\n'), 'mood.csv')).toThrow('mood.csv: “mood” is not a column Factmark knows; use file, title, outlet, author, published, url, language');
    expect(() => readMetadataSheet(Buffer.from('file,title\n"k1.txt,K-1\n'), 'quote.csv')).toThrow(/^quote\.csv is not a readable CSV file/);
  });

  it('matches rows to the files imported by name, and reports every row and file that did not match', () => {
    const sheet = readMetadataSheet(Buffer.from(csv), 'sheet.csv');
    const match = matchSheet(sheet, ['/home/dana/in/K1.TXT', '/home/dana/in/qwest.txt', '/home/dana/in/extra.txt', 'https://example.org/k1']);
    expect(Object.keys(match.meta)).toEqual(['/home/dana/in/K1.TXT', '/home/dana/in/qwest.txt']);
    expect(match).toMatchObject({ sheet: 'sheet.csv', rows: 4, applied: 2 });
    expect(match.notes.slice(4)).toEqual([
      'sheet.csv: row 4 is for taji.txt, which is not among the files imported',
      'sheet.csv: row 6 is for gone.txt, which is not among the files imported',
      '/home/dana/in/extra.txt has no row in sheet.csv',
      'https://example.org/k1 has no row in sheet.csv',
    ]);
  });

  it('applies each row at import; a row wins over what the file says and over options for every file, and its values are no guesses', async () => {
    const service = new FactmarkService();
    await service.createProject({ dir: path.join(await tempDir(), 'p') });
    const dir = await tempDir('factmark-sheet-');
    await writeFile(path.join(dir, 'k1.txt'), 'A first line the guess would take\n\nBy Someone Else\n\nThe coalition handed over K-1 on Sunday.\n');
    await writeFile(path.join(dir, 'qwest.txt'), 'Q-West\n\nUS forces formally handed over control of Qayyarah Airfield West on Thursday.\n');
    await writeFile(path.join(dir, 'sheet.csv'), csv);
    const files = [path.join(dir, 'k1.txt'), path.join(dir, 'qwest.txt')];
    const match = await service.metadataSheetAt(path.join(dir, 'sheet.csv'), files);
    const outcomes = await service.importFilesAt(files, { meta: { outlet: 'Given for every file' }, fileMeta: match.meta });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['imported', 'imported']);
    const docs = await service.listDocuments({});
    const k1 = docs.find((doc) => doc.meta.source?.file === 'k1.txt');
    expect(k1?.meta).toMatchObject({ title: 'Coalition leaves K-1, third base this month', outlet: 'Example Wire', author: 'Dana Reed', published: '2020-03-30', url: 'https://example.org/k1', language: 'en' });
    expect(k1?.meta.guessed).toBeUndefined();
    const qwest = docs.find((doc) => doc.meta.source?.file === 'qwest.txt');
    expect(qwest?.meta).toMatchObject({ title: 'Q-West handed over', outlet: 'Rudaw', author: null });
  });
});
