// Takes the claims board's screenshots (docs/claims-{board,timeline,inbox}-{light,dark}.png):
// the sample project, where three outlets give three truck counts for one convoy, with the
// claim tagged in each and linked, and a few claim spans left for the match inbox.
//   npm run build && node --import tsx scripts/claims-screenshots.ts
import path from 'node:path';
import type { Span } from '../shared/model/annotations.js';
import { createSpan } from '../shared/model/spans.js';
import { createOffsetIndex } from '../shared/text/offsets.js';
import { openBrowser, openSampleProject, repoRoot, workFolder } from './shot-kit.js';

const work = await workFolder('claims-shots');
const projectDir = path.join(work, 'Sample project');
const { service, project } = await openSampleProject(work, projectDir);
const documents = await service.listDocuments({});
const claimLabel = project.manifest.labels.find((label) => label.id === 'claim');
const dateLabel = project.manifest.labels.find((label) => label.id === 'date');
if (!claimLabel || !dateLabel) throw new Error('the sample project has no claim or date label');
const [claimDef, dateDef] = [claimLabel, dateLabel];

/** Tags claims (and dates inside them) in one outlet's article, as the analyst would. */
async function tag(outlet: string, claims: { exact: string; claimId?: string; carriedAs?: string; date?: [string, string] }[]) {
  const summary = documents.find((doc) => doc.meta.outlet === outlet);
  if (!summary) throw new Error(`the sample project has no ${outlet} article`);
  const { document, stamp } = await service.getDocument({ documentId: summary.id, annotator: 'analyst' });
  const index = createOffsetIndex(document.text);
  const spans: Span[] = [];
  claims.forEach((claim, i) => {
    const at = document.text.indexOf(claim.exact);
    if (at < 0) throw new Error(`"${claim.exact}" is not in ${outlet}`);
    const start = index.toCodePoint(at);
    const span = createSpan(index, { start, end: start + [...claim.exact].length }, claimDef, `s_c${i}`, new Date());
    spans.push({ ...span, attributes: { ...span.attributes, ...(claim.claimId ? { claimId: claim.claimId } : {}), ...(claim.carriedAs ? { carriedAs: claim.carriedAs } : {}) } });
    if (claim.date) {
      const dateAt = document.text.indexOf(claim.date[0], at);
      const dateStart = index.toCodePoint(dateAt);
      const date = createSpan(index, { start: dateStart, end: dateStart + [...claim.date[0]].length }, dateDef, `s_d${i}`, new Date());
      spans.push({ ...date, attributes: { ...date.attributes, value: claim.date[1] } });
    }
  });
  await service.saveLayer({ documentId: summary.id, annotator: 'analyst', baseStamp: stamp, spans: spans.sort((a, b) => a.start - b.start || b.end - a.end), relations: [] });
}

await service.changeClaims({
  annotator: 'colleague',
  changes: [
    { kind: 'create', id: 'k_convoy', wording: 'The first relief convoy reached Ras Zahrun with 42 trucks', claimant: { text: 'Tideline Relief Alliance' }, about: { value: '2025-03-05', text: 'Wednesday' } },
    { kind: 'create', id: 'k_value', wording: 'The aid delivered was worth $4.5 million', claimant: { text: 'Odile Brannock' } },
    { kind: 'create', id: 'k_dead', wording: 'At least seven people have died in the flood', about: { value: '2025-03-05' } },
    { kind: 'move', claimId: 'k_convoy', to: 'researching' },
    { kind: 'verdict', claimId: 'k_value', rating: 'mostly-false', explanation: 'The alliance itself values what was delivered at about $3 million.' },
    { kind: 'add-evidence', claimId: 'k_convoy', id: 'v_1', stance: 'refutes', source: { url: 'https://example.org/ledger-count', title: 'Harbour Ledger: trucks counted at the pass' }, note: 'Counted thirty at the pass' },
  ],
});
await tag('Meridian Wire', [
  { exact: 'A convoy of 42 aid trucks reached the flood-stricken coastal town of Ras Zahrun on Wednesday', claimId: 'k_convoy', carriedAs: 'assertion', date: ['Wednesday', '2025-03-05'] },
  { exact: 'medical supplies worth an estimated $4.5 million', claimId: 'k_value', carriedAs: 'reported-speech' },
  { exact: 'At least seven people have died', claimId: 'k_dead', carriedAs: 'reported-speech' },
  { exact: 'about 1,200 people had been displaced since the flooding began on Saturday, March 1' },
]);
await tag('Harbour Ledger', [
  { exact: 'The first relief convoy to reach Ras Zahrun since the Nessar River flooded the town arrived on Thursday morning', claimId: 'k_convoy', carriedAs: 'assertion', date: ['Thursday morning', '2025-03-06'] },
  { exact: 'Thirty trucks, not the 42 cited in earlier reports, crossed the Kessary Pass', claimId: 'k_convoy', carriedAs: 'reported-speech' },
  { exact: 'valued the supplies actually delivered at about $3 million', claimId: 'k_value', carriedAs: 'reported-speech' },
]);
await tag('The Saltmarsh Courier', [{ exact: 'The Tideline Relief Alliance told the Courier that 36 trucks arrived', claimId: 'k_convoy', carriedAs: 'reported-speech' }]);
await tag('Crescent Bay Gazette', [
  { exact: 'raised the confirmed death toll to 11', claimId: 'k_dead', carriedAs: 'reported-speech' },
  { exact: 'Alwani put the value of the aid at $4 million' },
  { exact: 'The Tideline Relief Alliance said on Saturday it was reviewing its delivery records after conflicting reports of 30, 36 and 42 trucks' },
  { exact: '1,050 people were still registered at shelters' },
]);

const { server, browser, close } = await openBrowser(service, work);
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(server.url);
  await page.waitForSelector('[data-painted-document]');
  const shots = async (theme: string) => {
    await page.getByRole('button', { name: 'Claims', exact: true }).click();
    await page.getByRole('button', { name: /^The first relief convoy reached/ }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(repoRoot, `docs/claims-board-${theme}.png`) });
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(repoRoot, `docs/claims-timeline-${theme}.png`) });
    await page.getByRole('tab', { name: /^Match inbox/ }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(repoRoot, `docs/claims-inbox-${theme}.png`) });
    await page.getByRole('tab', { name: 'Claims' }).click();
    await page.getByRole('button', { name: 'Close board' }).click();
  };
  await shots('light');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.waitForTimeout(300);
  await shots('dark');
  console.log('wrote docs/claims-{board,timeline,inbox}-{light,dark}.png');
} finally {
  await close();
}
