// Takes the README's screenshots (docs/screenshot-light.png, docs/screenshot-dark.png):
// the sample project with a few tags, in browser mode, in Debian's Chromium.
//   npm run build && node --import tsx scripts/screenshots.ts
import path from 'node:path';
import { createSpan } from '../shared/model/spans.js';
import { openBrowser, openSampleProject, repoRoot, sampleArticle, workFolder } from './shot-kit.js';

const work = await workFolder('shots');
const projectDir = path.join(work, 'Sample project');
const { service, project } = await openSampleProject(work, projectDir);
const { summary, document, index, labels } = await sampleArticle(service, project, 'Harbour Ledger');
let n = 0;
const tag = (exact: string, label: string, attributes: Record<string, string> = {}, after = '') => {
  const at = document.text.indexOf(exact, Math.max(0, document.text.indexOf(after)));
  if (at < 0) throw new Error(`"${exact}" is not in the article`);
  const start = index.toCodePoint(at);
  const labelDef = labels.get(label);
  if (!labelDef) throw new Error(`no label ${label}`);
  const span = createSpan(index, { start, end: start + [...exact].length }, labelDef, `s_${++n}`, new Date());
  return { ...span, attributes: { ...span.attributes, ...attributes } };
};
const dray = tag('Fenwick Dray', 'entity', { kind: 'person' });
// A claim holding two entities and a date, and two entities that cross ("school" is in
// both): the overlaps the marks must keep legible.
const spans = [
  tag('The first relief convoy to reach Ras Zahrun since the Nessar River flooded the town arrived on Thursday morning', 'claim', { checkWorthiness: 'check-worthy' }),
  tag('Ras Zahrun', 'entity', { kind: 'location' }, 'The first relief'),
  tag('Nessar River', 'entity', { kind: 'location' }),
  tag('St Aldric’s school', 'entity', { kind: 'organization' }),
  tag('school hall', 'entity', { kind: 'facility' }),
  tag('Thirty trucks, not the 42 cited in earlier reports, crossed the Kessary Pass', 'claim', { claimant: dray.id, checkWorthiness: 'check-worthy' }),
  tag('Kessary Pass', 'entity', { kind: 'location' }),
  dray,
  tag('Tideline Relief Alliance', 'entity', { kind: 'organization' }),
  tag('Thursday morning', 'date', { value: '2025-03-06', timexType: 'TIME' }),
  tag('Monday', 'date', { value: '2025-03-10', timexType: 'DATE' }),
  tag('valued the supplies actually delivered at about $3 million', 'claim', { verdict: 'unverified' }),
].sort((a, b) => a.start - b.start || b.end - a.end);
await service.saveLayer({ documentId: summary.id, annotator: 'analyst', baseStamp: (await service.getLayer({ documentId: summary.id, annotator: 'analyst' })).stamp, spans });

const { server, browser, close } = await openBrowser(service, work);
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, deviceScaleFactor: 1 });
  await page.goto(`${server.url}#doc=${summary.id}`);
  await page.waitForSelector(`[data-painted-document="${summary.id}"]`);
  await page.getByRole('region', { name: 'Spans' }).getByRole('button', { name: /^Thirty trucks/ }).click();
  await page.mouse.move(0, 0);
  await page.waitForTimeout(1200); // let the flash fade
  await page.screenshot({ path: path.join(repoRoot, 'docs/screenshot-light.png') });
  // Close-ups of overlapping spans, with the labels under the pointer shown where two
  // entities cross ("school" is in both).
  const closeUp = async (theme: string) => {
    const box = await page.getByTestId('document-text').boundingBox();
    if (!box) throw new Error('no article on screen');
    const school = await page.getByTestId('document-text').evaluate((root) => {
      const page = root.ownerDocument;
      const walker = page.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf('school hall');
        if (at < 0) continue;
        const range = page.createRange();
        range.setStart(node, at + 2);
        range.setEnd(node, at + 3);
        const rect = range.getBoundingClientRect();
        return { x: rect.left, y: rect.top + rect.height / 2 };
      }
      throw new Error('no "school hall"');
    });
    await page.mouse.move(school.x, school.y);
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(repoRoot, `docs/overlaps-${theme}.png`), clip: { x: box.x - 8, y: box.y, width: Math.min(box.width + 16, 780), height: 470 } });
    await page.mouse.move(0, 0);
  };
  await closeUp('light');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(repoRoot, 'docs/screenshot-dark.png') });
  await closeUp('dark');
  console.log('wrote docs/screenshot-light.png, docs/screenshot-dark.png and docs/overlaps-{light,dark}.png');
} finally {
  await close();
}
