import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readAnyArticle } from '../../../main/importers/article-file.js';
import { FactmarkService } from '../../../main/service.js';
import { articlePages, makePdf } from '../../helpers/pdf-writer.js';
import { claimUnpackedSize, encryptedWordFile, makeDocx, oldWordFile } from '../../helpers/docx-writer.js';
import { makeEml } from '../../helpers/eml-writer.js';
import { tempDir } from '../../helpers/temp.js';

const NOW = new Date('2026-11-22T10:00:00.000Z');

async function importAt(files: Record<string, Uint8Array>) {
  const service = new FactmarkService({ now: () => NOW });
  await service.createProject({ dir: path.join(await tempDir(), 'p') });
  const dir = await tempDir('factmark-office-');
  const paths: string[] = [];
  for (const [name, bytes] of Object.entries(files)) {
    await writeFile(path.join(dir, name), bytes);
    paths.push(path.join(dir, name));
  }
  return { service, outcomes: await service.importFilesAt(paths, { importedBy: 'alice' }) };
}

const report = makeDocx(
  [
    { text: 'Convoy reaches Ras Zahrun', style: 'Title' },
    { text: 'By Marguerite Ashdell' },
    { text: 'Thirty trucks crossed the Kessary Pass on Thursday, said Fenwick Dray, a logistics officer.' },
    { text: 'Twelve were turned back.', style: 'Heading1' },
    { text: 'The border police said the papers were not in order.' },
  ],
  { title: 'Template title nobody changed', language: 'en-GB', table: [['Trucks arrived', '30'], ['Turned back', '12']] },
);

describe('importing a Word document', () => {
  it('keeps its paragraphs, headings and tables as text; the Title paragraph is the title, the byline a guess', async () => {
    const article = await readAnyArticle(report, 'convoy.docx');
    expect(article.text).toBe(
      'Convoy reaches Ras Zahrun\n\nBy Marguerite Ashdell\n\nThirty trucks crossed the Kessary Pass on Thursday, said Fenwick Dray, a logistics officer.\n\nTwelve were turned back.\n\nThe border police said the papers were not in order.\n\nTrucks arrived\n\n30\n\nTurned back\n\n12\n',
    );
    expect(article.found).toEqual({ title: 'Convoy reaches Ras Zahrun', author: 'Marguerite Ashdell', language: 'en-GB' });
    expect(article.guessed).toEqual(['author']);
  });

  it('takes the title from the document properties when no paragraph is styled as one', async () => {
    const plain = makeDocx([{ text: 'Thirty trucks crossed the Kessary Pass on Thursday, a logistics officer said, and twelve more were turned back.' }], { title: 'Convoy report, 7 March' });
    expect((await readAnyArticle(plain, 'plain.docx')).found.title).toBe('Convoy report, 7 March');
  });

  it('names a password-protected, an old-style, a damaged and a "zip bomb" Word file, and imports the rest', async () => {
    const { service, outcomes } = await importAt({
      'locked.docx': encryptedWordFile(),
      'old.docx': oldWordFile(),
      'damaged.docx': report.subarray(0, report.length / 2),
      'not-word.docx': zipSync({ 'notes.txt': strToU8('hello') }),
      'bomb.docx': claimUnpackedSize(report, 1024 * 1024 * 1024),
      'good.docx': report,
    });
    const byName = Object.fromEntries(outcomes.map((outcome) => [path.basename(outcome.file), outcome.status === 'failed' ? outcome.error.message.replace(`${path.dirname(outcome.file)}/`, '') : outcome.status]));
    expect(byName).toEqual({
      'locked.docx': expect.stringMatching(/^locked\.docx is protected by a password \(encrypted\), so its text cannot be read/),
      'old.docx': expect.stringMatching(/^old\.docx is an old-style Word document \(\.doc\), not \.docx/),
      'damaged.docx': expect.stringMatching(/^damaged\.docx is damaged: it cannot be unpacked/),
      'not-word.docx': 'not-word.docx is a zip file but not a Word document (it has no word/document.xml)',
      'bomb.docx': 'bomb.docx unpacks to more than 128 MB; Factmark imports Word documents that unpack to up to 128 MB',
      'good.docx': 'imported',
    });
    expect(await service.listDocuments({})).toHaveLength(1);
  });
});

const statement = makePdf(articlePages([['The ministry said on Monday that 1,200 people remain in shelters along the coast road, and that the water is falling.']], { title: 'Flood statement' }));

describe('importing an e-mail', () => {
  const mail = makeEml({
    from: 'Dana Reed <dana@example.org>',
    to: 'desk@example.org',
    date: 'Mon, 30 Mar 2020 01:15:00 +0300',
    subject: 'Fwd: K-1 hand-over statement',
    text: 'Forwarding the coalition statement on K-1.\r\n\r\nThe hand-over took place on Sunday.\r\n',
    attachments: [
      { name: 'statement.pdf', type: 'application/pdf', bytes: statement },
      { name: 'notes.docx', type: 'application/octet-stream', bytes: makeDocx([{ text: 'Notes on the K-1 statement, taken on Monday: three bases handed over this month.' }]) },
      { name: 'photo.jpg', type: 'image/jpeg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) },
      { name: 'broken.pdf', type: 'application/pdf', bytes: Buffer.from('not a pdf') },
    ],
  });

  it('keeps the message as received, with subject, sender and date as its metadata, and lists its attachments', async () => {
    const article = await readAnyArticle(mail, 'k1.eml');
    expect(article.text).toBe(
      'From: Dana Reed <dana@example.org>\nTo: desk@example.org\nDate: Mon, 30 Mar 2020 01:15:00 +0300\nSubject: Fwd: K-1 hand-over statement\n\nForwarding the coalition statement on K-1.\n\nThe hand-over took place on Sunday.\n',
    );
    // The sender's day (30 March in +03:00), not UTC's (29 March).
    expect(article.found).toEqual({ title: 'Fwd: K-1 hand-over statement', author: 'Dana Reed', published: '2020-03-30T01:15:00+03:00' });
    expect(article.guessed).toBeUndefined();
    expect(article.attachments).toEqual([
      { name: 'statement.pdf', type: 'application/pdf', bytes: statement.length },
      { name: 'notes.docx', type: 'application/octet-stream', bytes: expect.any(Number) },
      { name: 'photo.jpg', type: 'image/jpeg', bytes: 7 },
      { name: 'broken.pdf', type: 'application/pdf', bytes: 9 },
    ]);
    expect(article.attached?.map((attachment) => attachment.name)).toEqual(['statement.pdf', 'notes.docx', 'broken.pdf']);
  });

  it('imports its PDF and Word attachments as documents of their own; one that fails is named, the rest come in', async () => {
    const { service, outcomes } = await importAt({ 'k1.eml': mail });
    expect(outcomes.map((outcome) => [path.basename(path.dirname(outcome.file)) === 'k1.eml' ? `k1.eml/${path.basename(outcome.file)}` : path.basename(outcome.file), outcome.status])).toEqual([
      ['k1.eml', 'imported'],
      ['k1.eml/statement.pdf', 'imported'],
      ['k1.eml/notes.docx', 'imported'],
      ['k1.eml/broken.pdf', 'failed'],
    ]);
    expect(outcomes[3]).toMatchObject({ error: { message: expect.stringMatching(/k1\.eml\/broken\.pdf is not a PDF file, or it is damaged/) } });
    const docs = await service.listDocuments({});
    const email = docs.find((doc) => doc.meta.source?.file === 'k1.eml');
    expect(email?.meta.source?.attachments).toHaveLength(4);
    const pdf = docs.find((doc) => doc.meta.source?.file === 'statement.pdf');
    expect(pdf?.meta).toMatchObject({ title: 'Flood statement', source: { attachedTo: 'k1.eml', pages: [{ page: 1, start: 0 }] } });
    expect(docs.find((doc) => doc.meta.source?.file === 'notes.docx')?.meta.source?.attachedTo).toBe('k1.eml');
  });

  it('reads a message in HTML only, and refuses what is not a message', async () => {
    const html = makeEml({ from: 'desk@example.org', subject: 'Update', date: 'Tue, 31 Mar 2020 09:00:00 GMT', html: '<p>The <b>fourth</b> base was handed over.</p><p>More follows.</p>' });
    const article = await readAnyArticle(html, 'update.eml');
    expect(article.text).toBe('From: desk@example.org\nDate: Tue, 31 Mar 2020 09:00:00 GMT\nSubject: Update\n\nThe fourth base was handed over.\n\nMore follows.\n');
    expect(article.found).toEqual({ title: 'Update', author: 'desk@example.org', published: '2020-03-31T09:00:00Z' });
    await expect(readAnyArticle(statement, 'renamed.eml')).rejects.toMatchObject({ code: 'PARSE_ERROR', message: 'renamed.eml is not an e-mail message (.eml): it does not begin with mail headers such as From: or Subject:' });
  });
});
