/**
 * Crash trials: browser mode (the built dist/web.cjs, a process of its own) is killed
 * with SIGKILL at a random moment while saves pour in, again and again, on the same
 * project folder. After every kill, every layer file must parse, pass the project's
 * validation, and hold the last version the server acknowledged, or the one sent after
 * it whose answer the kill cut off (it may or may not have landed), never an older one
 * and never a torn file. The next start must then remove the temporary files the kills
 * left once they are past their grace period (main/store/leftovers.ts), and leave
 * younger ones alone.
 *
 *   node --import tsx bench/crash-trials.ts [--trials N] [--seed S] [--record]
 *
 * Needs `npm run build`. `npm run bench` runs 1,000 trials and records them in
 * RESULTS.md (--record); tests/unit/main/crash-trials.test.ts runs 30 in `npm test`.
 */
import { cp, mkdtemp, readFile, rm, utimes } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { SaveResult } from '../shared/api.js';
import type { AttributeValue, Span } from '../shared/model/annotations.js';
import type { LabelDef } from '../shared/model/labels.js';
import type { SourceDocument } from '../shared/model/document.js';
import { createOffsetIndex, type OffsetIndex } from '../shared/text/offsets.js';
import { makeQuote } from '../shared/text/quote.js';
import { ProjectLayout } from '../main/store/layout.js';
import { TEMPORARY_GRACE_MS, findLeftovers } from '../main/store/leftovers.js';
import { validateProject } from '../main/store/validate.js';
import { TOKEN_HEADER } from '../main/web.js';
import { repoRoot } from '../tests/helpers/paths.js';
import { startWebProcess, type WebProcess } from '../tests/helpers/web-process.js';
import { random } from './corpus.js';
import { recordResults } from './record.js';

/** Layers saved at the same time, each by its own loop, as several open windows would. */
const LAYERS = [
  { document: 0, annotator: 'crash-a' },
  { document: 1, annotator: 'crash-a' },
  { document: 0, annotator: 'crash-b' },
  { document: 2, annotator: 'crash-c' },
] as const;
/** A layer grows by a few spans a save up to this many, then starts again smaller. */
const MAX_SPANS = 1_200;
/** The kill comes this long after the saves start, uniformly at random. */
const KILL_WINDOW_MS: readonly [number, number] = [5, 400];

export interface CrashTrialOptions {
  trials: number;
  seed?: number;
  /** More environment for the server (the self-test makes its saves unsafe with it). */
  serverEnv?: NodeJS.ProcessEnv;
  /** Called after each trial, for progress. */
  onTrial?: (trial: number, report: CrashTrialReport) => void;
}

export interface CrashTrialReport {
  trials: number;
  layers: number;
  savesSent: number;
  savesAcknowledged: number;
  /** Saves under way when the server died whose version was then on disk, and not. */
  inFlightLanded: number;
  inFlightLost: number;
  /** Temporary files found after kills (each a kill during a write), and lock files. */
  temporaryFilesFound: number;
  lockFilesFound: number;
  /** Temporary files past the grace period that the next start removed, and younger ones it kept. */
  removedAtOpen: number;
  keptWhileYoung: number;
  /** Every broken promise, described; must stay empty. */
  violations: string[];
  /** Milliseconds each trial took (start, saves, kill, checks). */
  trialMs: number[];
  spansPerLayer: { min: number; max: number };
}

/** A layer version as compared: its spans, with keys in a fixed order. */
function canonical(spans: readonly Span[]): string {
  return JSON.stringify(spans, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value,
  );
}

interface LayerState {
  documentId: string;
  annotator: string;
  file: string;
  index: OffsetIndex;
  /** Word boundaries in the text, in code points, to place spans on. */
  words: { start: number; end: number }[];
  /** The spans of the version known to be on disk (checked after the last kill). */
  spans: Span[];
  /** What the disk must hold: the last acknowledged version (null: no file) ... */
  acknowledged: string | null;
  /** ... or one sent after it, not acknowledged. */
  unanswered: string[];
  stamp: string | null;
  nextId: number;
}

class Api {
  private readonly origin: string;
  private readonly token: string;

  constructor(url: string) {
    const parsed = new URL(url);
    this.origin = parsed.origin;
    this.token = parsed.searchParams.get('token') ?? '';
  }

  async call<T>(method: string, params: unknown): Promise<T> {
    const response = await fetch(`${this.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: this.token },
      body: JSON.stringify(params),
    });
    const body = (await response.json()) as { ok: true; result: T } | { ok: false; error: { code: string; message: string } };
    if (!body.ok) throw new Error(`${method}: ${body.error.code}: ${body.error.message}`);
    return body.result;
  }
}

function wordsOf(text: string): { start: number; end: number }[] {
  const words: { start: number; end: number }[] = [];
  let offset = 0; // in code points
  let start = -1;
  for (const char of text) {
    const isWord = /[\p{L}\p{N}]/u.test(char);
    if (isWord && start < 0) start = offset;
    if (!isWord && start >= 0) {
      words.push({ start, end: offset });
      start = -1;
    }
    offset++;
  }
  if (start >= 0) words.push({ start, end: offset });
  return words;
}

/** Attribute values the label schema accepts: a random choice for each enum, nothing else. */
function attributesFor(label: LabelDef, next: () => number): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  for (const def of label.attributes) {
    if (def.type === 'enum' && next() < 0.7) attributes[def.id] = def.values[Math.floor(next() * def.values.length)] as string;
  }
  return attributes;
}

/** The next version of a layer: a few new spans, or, when it is long, a shorter start. */
function nextVersion(layer: LayerState, labels: readonly LabelDef[], next: () => number, trial: number): Span[] {
  let spans = layer.spans;
  if (spans.length >= MAX_SPANS) spans = spans.slice(0, Math.floor(next() * 300));
  const now = new Date().toISOString();
  const added: Span[] = [];
  const count = 1 + Math.floor(next() * 12);
  for (let i = 0; i < count; i++) {
    const first = Math.floor(next() * layer.words.length);
    const last = Math.min(layer.words.length - 1, first + Math.floor(next() * 4));
    const start = (layer.words[first] as { start: number }).start;
    const end = (layer.words[last] as { end: number }).end;
    const label = labels[Math.floor(next() * labels.length)] as LabelDef;
    added.push({ id: `s_${trial}_${layer.nextId++}`, label: label.id, start, end, quote: makeQuote(layer.index, start, end), attributes: attributesFor(label, next), createdAt: now, updatedAt: now });
  }
  return [...spans, ...added];
}

async function startServer(projectDir: string, dataDir: string, env: NodeJS.ProcessEnv): Promise<{ server: WebProcess; api: Api }> {
  const server = await startWebProcess(projectDir, dataDir, env);
  return { server, api: new Api(server.url) };
}

async function killed(server: WebProcess): Promise<void> {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return;
  const exited = new Promise((resolve) => server.process.once('exit', resolve));
  server.process.kill('SIGKILL');
  await exited;
}

export async function runCrashTrials({ trials, seed = 1, serverEnv = {}, onTrial }: CrashTrialOptions): Promise<CrashTrialReport> {
  if (!existsSync(path.join(repoRoot, 'dist/web.cjs'))) throw new Error('dist/web.cjs is missing: run `npm run build` first');
  const next = random(seed);
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'factmark-crash-'));
  const projectDir = path.join(workDir, 'project');
  const dataDir = path.join(workDir, 'data');
  await cp(path.join(repoRoot, 'resources/sample-project'), projectDir, { recursive: true });
  const layout = new ProjectLayout(projectDir);
  const report: CrashTrialReport = {
    trials: 0,
    layers: LAYERS.length,
    savesSent: 0,
    savesAcknowledged: 0,
    inFlightLanded: 0,
    inFlightLost: 0,
    temporaryFilesFound: 0,
    lockFilesFound: 0,
    removedAtOpen: 0,
    keptWhileYoung: 0,
    violations: [],
    trialMs: [],
    spansPerLayer: { min: Infinity, max: 0 },
  };
  const violation = (trial: number, message: string) => report.violations.push(`trial ${trial}: ${message}`);
  const seen = new Set<string>();

  let { server, api } = await startServer(projectDir, dataDir, serverEnv);
  try {
    const project = await api.call<{ manifest: { labels: LabelDef[] } }>('getProject', {});
    const labels = project.manifest.labels;
    const documentIds = (await api.call<{ id: string }[]>('listDocuments', {})).map((doc) => doc.id).sort();
    const layers: LayerState[] = [];
    for (const { document, annotator } of LAYERS) {
      const documentId = documentIds[document] as string;
      const view = await api.call<{ document: SourceDocument; layer: { spans: Span[] }; exists: boolean; stamp: string | null }>('getDocument', { documentId, annotator });
      const index = createOffsetIndex(view.document.text);
      layers.push({
        documentId,
        annotator,
        file: layout.layer(annotator, documentId),
        index,
        words: wordsOf(view.document.text),
        spans: view.layer.spans,
        acknowledged: view.exists ? canonical(view.layer.spans) : null,
        unanswered: [],
        stamp: view.stamp,
        nextId: 1,
      });
    }

    for (let trial = 1; trial <= trials; trial++) {
      const began = performance.now();
      // --- saves, each layer's one after another as the app's autosave does, until the kill
      let dead = false;
      const saveLoop = async (layer: LayerState) => {
        while (!dead) {
          const spans = nextVersion(layer, labels, next, trial);
          const version = canonical(spans);
          layer.unanswered.push(version);
          report.savesSent++;
          let result: SaveResult;
          try {
            result = await api.call<SaveResult>('saveLayer', { documentId: layer.documentId, annotator: layer.annotator, spans, relations: [], baseStamp: layer.stamp });
          } catch (error) {
            if (!dead) violation(trial, `a save of ${layer.annotator}/${layer.documentId} failed while the server was up: ${String(error)}`);
            return;
          }
          // Acknowledged: from now on the disk must hold this version or a later one.
          report.savesAcknowledged++;
          layer.acknowledged = version;
          layer.unanswered = [];
          layer.spans = spans;
          layer.stamp = result.stamp;
        }
      };
      const loops = layers.map(saveLoop);
      const delay = KILL_WINDOW_MS[0] + next() * (KILL_WINDOW_MS[1] - KILL_WINDOW_MS[0]);
      await new Promise((resolve) => setTimeout(resolve, delay));
      dead = true;
      await killed(server);
      await Promise.allSettled(loops);

      // --- what the kill left: every layer a version it may hold, whole and valid
      const broken = new Set<string>(); // files that fail to parse or validate
      for (const layer of layers) {
        const name = `${layer.annotator}/${layer.documentId}`;
        const inFlight = layer.unanswered.length > 0;
        if (!existsSync(layer.file)) {
          if (layer.acknowledged !== null) violation(trial, `${name}: the layer file is gone`);
          else if (inFlight) report.inFlightLost++;
          continue;
        }
        let spans: Span[];
        try {
          spans = (JSON.parse(await readFile(layer.file, 'utf8')) as { spans: Span[] }).spans;
        } catch (error) {
          violation(trial, `${name}: the layer file does not parse (torn?): ${String(error)}`);
          broken.add(layer.file);
          continue;
        }
        const onDisk = canonical(spans);
        if (onDisk === layer.acknowledged) {
          if (inFlight) report.inFlightLost++;
        } else if (layer.unanswered.includes(onDisk)) {
          report.inFlightLanded++;
          layer.spans = spans; // what the next trial builds on
        } else {
          violation(trial, `${name}: holds neither the last acknowledged version nor one sent after it (${spans.length} spans)`);
          layer.spans = spans;
        }
        report.spansPerLayer.min = Math.min(report.spansPerLayer.min, spans.length);
        report.spansPerLayer.max = Math.max(report.spansPerLayer.max, spans.length);
      }
      const validation = await validateProject(projectDir);
      for (const problem of validation.problems) {
        const file = path.join(projectDir, problem.file);
        if (problem.severity !== 'error' || broken.has(file)) continue;
        violation(trial, `validate: ${problem.file}: ${problem.message}`);
        broken.add(file);
      }
      // A broken file would stop the server from saving that layer again (it never
      // overwrites what it cannot read): it goes, so the trials can go on and count.
      for (const file of broken) await rm(file, { force: true });

      // --- leftovers: on every other trial they are aged past the grace period, as if the
      // app were started again later, and the next start must remove them; on the others
      // the start comes at once, and must leave them (they could be a save under way).
      const leftovers = await findLeftovers(layout);
      const temporary = leftovers.filter((leftover) => leftover.kind === 'temporary');
      for (const leftover of leftovers) {
        if (seen.has(leftover.path)) continue; // kept from the trial before, while young
        seen.add(leftover.path);
        if (leftover.kind === 'temporary') report.temporaryFilesFound++;
        else report.lockFilesFound++;
      }
      const ageThem = trial % 2 === 0;
      if (ageThem) {
        const long = new Date(Date.now() - 2 * TEMPORARY_GRACE_MS);
        for (const leftover of temporary) await utimes(leftover.path, long, long);
      }

      ({ server, api } = await startServer(projectDir, dataDir, serverEnv));
      for (const leftover of temporary) {
        const there = existsSync(leftover.path);
        if (ageThem && there) violation(trial, `${leftover.file}: an aged temporary file was not removed when the project opened`);
        if (!ageThem && !there) violation(trial, `${leftover.file}: a temporary file younger than the grace period was removed`);
        if (ageThem && !there) report.removedAtOpen++;
        if (!ageThem && there) report.keptWhileYoung++;
      }

      // --- the restarted server reads what was checked, and the next saves build on it
      for (const layer of layers) {
        let view: { layer: { spans: Span[] }; exists: boolean; stamp: string | null };
        try {
          view = await api.call('getLayer', { documentId: layer.documentId, annotator: layer.annotator });
        } catch (error) {
          throw new Error(`trial ${trial}: the restarted server cannot read ${layer.annotator}/${layer.documentId}: ${String(error)}`);
        }
        const fromServer = view.exists ? canonical(view.layer.spans) : null;
        const expected = existsSync(layer.file) ? canonical(layer.spans) : null;
        if (fromServer !== expected) violation(trial, `${layer.annotator}/${layer.documentId}: the restarted server reads another version than the file holds`);
        layer.spans = view.layer.spans;
        layer.acknowledged = fromServer;
        layer.unanswered = [];
        layer.stamp = view.stamp;
      }
      report.trials = trial;
      report.trialMs.push(performance.now() - began);
      onTrial?.(trial, report);
    }
  } finally {
    await server.stop();
    await rm(workDir, { recursive: true, force: true });
  }
  return report;
}

function summary(report: CrashTrialReport): string {
  const sorted = [...report.trialMs].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1] ?? 0;
  return [
    `${report.trials} trials, ${report.layers} layers saved at once: ${report.savesAcknowledged} of ${report.savesSent} saves acknowledged`,
    `saves under way at the kill: ${report.inFlightLanded} landed, ${report.inFlightLost} did not`,
    `leftovers: ${report.temporaryFilesFound} temporary files (kills during a write), ${report.lockFilesFound} lock files; next start removed ${report.removedAtOpen} aged ones, kept ${report.keptWhileYoung} young ones`,
    `layers held ${report.spansPerLayer.min}-${report.spansPerLayer.max} spans; ${Math.round(median)} ms a trial (median)`,
    `violations: ${report.violations.length}`,
    ...report.violations.slice(0, 20).map((line) => `  ${line}`),
  ].join('\n');
}

async function record(report: CrashTrialReport, seed: number): Promise<void> {
  const sorted = [...report.trialMs].sort((a, b) => a - b);
  const at = (share: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0);
  const count = (n: number) => n.toLocaleString('en-US');
  await recordResults('crash-trials', {
    title: `Crash trials: browser mode killed with SIGKILL during saves, ${count(report.trials)} times (bench/crash-trials.ts)`,
    runs: 1,
    method: `One run of ${count(report.trials)} trials, seed ${seed}; ${report.layers} layers saved at once, each up to ${MAX_SPANS} spans; the kill ${KILL_WINDOW_MS[0]}-${KILL_WINDOW_MS[1]} ms after the saves start.`,
    valueColumn: 'result',
    rows: [
      { what: 'Trials (server killed with SIGKILL mid-saves, restarted on the same folder)', value: count(report.trials), budget: '1,000', ok: report.trials >= 1_000 },
      { what: 'Saves acknowledged (of saves sent)', value: `${count(report.savesAcknowledged)} (of ${count(report.savesSent)})`, budget: '—', ok: true },
      { what: 'Violations: a layer after a kill that did not parse, did not validate, or held a version older than the last acknowledged one; a save refused while the server was up; a leftover removed too soon or not at all', value: count(report.violations.length), budget: '0', ok: report.violations.length === 0 },
      { what: 'Saves under way at the kill: landed / did not (either is allowed)', value: `${count(report.inFlightLanded)} / ${count(report.inFlightLost)}`, budget: '—', ok: true },
      { what: 'Temporary files left by kills during a write; lock files left', value: `${count(report.temporaryFilesFound)}; ${count(report.lockFilesFound)}`, budget: '—', ok: true },
      { what: 'At the next start: aged temporary files removed / younger ones kept', value: `${count(report.removedAtOpen)} / ${count(report.keptWhileYoung)}`, budget: 'all / all', ok: !report.violations.some((line) => line.includes('temporary file')) },
      { what: 'Time per trial: median (90th percentile)', value: `${at(0.5)} ms (${at(0.9)} ms)`, budget: '—', ok: true },
    ],
    raw: {},
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { trials: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, record: { type: 'boolean', default: false } } });
  const trials = Number(values.trials);
  const seed = Number(values.seed);
  if (!Number.isInteger(trials) || trials < 1) throw new Error(`--trials must be a positive whole number, not "${values.trials}"`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, not "${values.seed}"`);
  const report = await runCrashTrials({
    trials,
    seed,
    onTrial: (trial, progress) => {
      if (trial % 50 === 0 || trial === trials) console.error(`crash-trials: ${trial}/${trials}, ${progress.savesAcknowledged} saves acknowledged, ${progress.violations.length} violations`);
    },
  });
  console.log(summary(report));
  if (values.record) await record(report, seed);
  if (report.violations.length) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`crash-trials: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  });
}
