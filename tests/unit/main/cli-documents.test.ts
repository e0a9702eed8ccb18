/**
 * The built `factmark` (dist/cli.cjs, with the document readers in their own bundle,
 * dist/document-readers.cjs) importing PDF, Word and e-mail files, a metadata sheet and
 * a web address, as a user would.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, factmark, factmarkAsync } from '../../helpers/cli.js';
import { makeDocx } from '../../helpers/docx-writer.js';
import { makeEml } from '../../helpers/eml-writer.js';
import { repoRoot } from '../../helpers/paths.js';
import { articlePages, makePdf } from '../../helpers/pdf-writer.js';
import { tempDir } from '../../helpers/temp.js';

async function newProject() {
  const dir = await tempDir('factmark-cli-docs-');
  const project = path.join(dir, 'project');
  expect(factmark('init', project).code).toBe(0);
  return { dir, project };
}

async function documents(project: string) {
  const names = await readdir(path.join(project, 'documents'));
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(path.join(project, 'documents', name), 'utf8')) as { text: string; meta: Record<string, unknown> & { source: Record<string, unknown> } }));
}

describe('factmark import: PDF, Word, e-mail, a metadata sheet', () => {
  it('imports each, applies the sheet, names the file it cannot read, and exits 1', async () => {
    const { dir, project } = await newProject();
    const files = {
      'statement.pdf': makePdf(articlePages([['The ministry said on Monday that 1,200 people remain in shelters along the coast road.'], ['The water is falling, it added.']], { header: 'Ministry of the Interior', title: 'Flood statement' })),
      'notes.docx': makeDocx([{ text: 'Notes on the flood', style: 'Title' }, { text: 'Shelters visited on Tuesday: four.' }]),
      'tip.eml': makeEml({ from: 'Sam Okafor <sam@example.org>', date: 'Tue, 31 Mar 2020 09:00:00 +0000', subject: 'Shelter numbers', text: 'The ministry figure is too low, a volunteer says.' }),
      'locked.pdf': makePdf(articlePages([['Secret.']]), { userPassword: 'x' }),
      'sheet.csv': 'file,title,outlet,published\nstatement.pdf,Ministry flood statement,Ministry of the Interior,2020-03-30\nlost.pdf,Never imported,,\n',
    };
    for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(dir, name), bytes);
    const run = factmark('import', project, ...['statement.pdf', 'notes.docx', 'tip.eml', 'locked.pdf'].map((name) => path.join(dir, name)), '--metadata', path.join(dir, 'sheet.csv'), '--trim-furniture', '--json');
    expect(run.code).toBe(1);
    const outcomes = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { file: string; status: string; error?: { code: string; message: string } });
    expect(outcomes.map((outcome) => [path.basename(outcome.file), outcome.status])).toEqual([
      ['statement.pdf', 'imported'],
      ['notes.docx', 'imported'],
      ['tip.eml', 'imported'],
      ['locked.pdf', 'failed'],
    ]);
    // An error made in the readers' bundle keeps its code on the way out.
    expect(outcomes[3]?.error).toMatchObject({ code: 'UNSUPPORTED_FILE', message: expect.stringContaining('locked.pdf is protected by a password') });
    expect(run.stderr).toContain('note: sheet.csv: row 3 is for lost.pdf, which is not among the files imported');
    expect(run.stderr).toContain('notes.docx has no row in sheet.csv');
    expect(run.stderr).not.toMatch(/Warning|DOMMatrix|canvas/);
    const docs = await documents(project);
    const pdf = docs.find((doc) => doc.meta.source.file === 'statement.pdf');
    expect(pdf?.meta).toMatchObject({ title: 'Ministry flood statement', outlet: 'Ministry of the Interior', published: '2020-03-30' });
    expect(pdf?.text).not.toContain('Ministry of the Interior');
    const pages = pdf?.meta.source.pages as { page: number; start: number }[];
    expect(pages.map((page) => page.page)).toEqual([1, 2]);
    // Page 2 begins at its own text, its running head gone.
    expect(pdf!.text.slice(0, pages[1]!.start)).toContain('coast road.');
    expect(pdf!.text.slice(pages[1]!.start)).toMatch(/^The water is falling/);
    expect(docs.find((doc) => doc.meta.source.file === 'notes.docx')?.meta.title).toBe('Notes on the flood');
    expect(docs.find((doc) => doc.meta.source.file === 'tip.eml')?.meta).toMatchObject({ title: 'Shelter numbers', author: 'Sam Okafor', published: '2020-03-31T09:00:00+00:00' });
  });

  it('reads Japanese text with the character maps shipped beside the bundle (dist/pdfjs-cmaps)', async () => {
    const { dir, project } = await newProject();
    await writeFile(path.join(dir, 'japanese.pdf'), makePdf([{ texts: [{ x: 72, y: 720, text: 'イラク治安部隊に基地が引き渡されたと当局者が述べた。', font: 'cjk' }] }]));
    // Run from elsewhere than the repository, as an installed CLI is: only the bundle's copy is there to find.
    const run = spawnSync(process.execPath, [cliPath, 'import', project, path.join(dir, 'japanese.pdf')], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect((await documents(project))[0]?.text).toBe('イラク治安部隊に基地が引き渡されたと当局者が述べた。\n');
  });

  it('fetches a web address given among the files', async () => {
    const { dir, project } = await newProject();
    const page = readFileSync(path.join(repoRoot, 'tests/fixtures/import/news-page.html'));
    const server = createServer((request, response) => {
      if (request.url === '/story') response.writeHead(200, { 'content-type': 'text/html' }).end(page);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await writeFile(path.join(dir, 'note.txt'), 'A note to go with the page, about the convoy.\n');
      const run = await factmarkAsync(['import', project, path.join(dir, 'note.txt'), `${base}/story`, `${base}/gone`], { timeoutMs: 20_000 });
      expect(run.code).toBe(1);
      expect(run.stdout.trim().split('\n').map((line) => line.split('\t')[1])).toEqual([path.join(dir, 'note.txt'), `${base}/story`]);
      expect(run.stderr).toContain(`failed: ${base}/gone: the site has no such page (404 Not Found); check the address`);
      const fetched = (await documents(project)).find((doc) => doc.meta.source.retrievedFrom === `${base}/story`);
      expect(fetched?.meta).toMatchObject({ title: 'Relief convoy reaches flood-hit Ras Zahrun', source: { retrievedAt: expect.any(String) } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
