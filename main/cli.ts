/**
 * The `factmark` command line: the same service as the app, for scripts and for people
 * who live in a terminal. Exit codes: 0 done, 1 the project has problems or some files
 * failed, 2 the command itself could not run (bad arguments, no project, bad input).
 */
import { once } from 'node:events';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { ImportMeta, type ProjectStats, type ValidationReport } from '../shared/api.js';
import { FactmarkError, isFactmarkError } from '../shared/errors.js';
import { EXPORT_FORMATS, EXPORT_FORMAT_IDS, IMPORT_FORMAT_IDS, type ExportFormatInfo as ExportFormat, type ExportFormatId, type ImportFormatId } from '../shared/formats/catalog.js';
import { plural } from '../shared/text/plural.js';
import { formatAgreement } from './agreement-table.js';
import { collectMap, importAnnotationFiles } from './cli/annotation-import.js';
import { registerClaimsCommand } from './cli/claims-command.js';
import { registerSyncCommand } from './cli/sync-command.js';
import { FactmarkService } from './service.js';
import { ioError, pathExists } from './store/files.js';
import { ProjectLayout } from './store/layout.js';
import { validateProject } from './store/validate.js';
import { osAnnotatorName } from './user.js';

export interface CliIo {
  stdout: (text: string) => void | Promise<void>;
  stderr: (text: string) => void;
  /** All of standard input (`sync --save-token` reads the token from it, never from the command line). */
  stdin?: () => Promise<string>;
  /** Progress is shown unasked only to a person watching. */
  stderrIsTerminal?: boolean;
}

const EXIT_PROBLEMS = 1;
const EXIT_USAGE = 2;

/** Runs one CLI invocation; returns the exit code instead of exiting, for tests. */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0;
  const service = new FactmarkService();
  const program = new Command('factmark')
    .description('Factmark: tag claims, entities and dates in articles, and keep them as a corpus on disk.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout(text),
      writeErr: (text) => io.stderr(text),
      // Commander's own errors (an unknown option, a missing argument) on one line, as ours.
      outputError: (text, write) => write(`factmark: ${oneLine(text.replace(/^error: /, ''))} (run with --help for usage)\n`),
    });

  program
    .command('init')
    .description('Create a new project in DIR (missing or empty), with the default label schema.')
    .argument('<dir>', 'project folder')
    .option('--name <name>', 'project name (default: the folder name)')
    .option('--json', 'print the project as JSON')
    .action(async (dir: string, options: { name?: string; json?: boolean }) => {
      const info = await service.createProject({ dir, ...(options.name ? { name: options.name } : {}) });
      await io.stdout(options.json ? json(info) : `Created project "${info.manifest.name}" in ${info.root}\n`);
    });

  program
    .command('import')
    .description('Import articles (.txt, .md, .html, .pdf, .docx, .eml, or web addresses) into the project; prints the new document ids. Text may be UTF-8, UTF-16 or Windows-1252; from web pages the article is extracted with its title, byline, date, outlet and address; a PDF keeps where its pages begin; an e-mail\'s PDF and Word attachments become documents of their own.')
    .argument('<dir>', 'project folder')
    .argument('<files...>', 'files to import, and web addresses (https://…) to fetch')
    .option('--title <title>', 'title (default: read from the file)')
    .option('--url <url>', 'address of the article')
    .option('--outlet <outlet>', 'publication it appeared in')
    .option('--author <author>', 'author or byline')
    .option('--published <date>', 'publication date, YYYY-MM-DD (relative dates resolve against it)')
    .option('--language <tag>', 'language, e.g. en or ar')
    .option('--annotator <name>', 'articles: who imports (default: your user name); with --format: whose layers the annotations go into (a Factmark corpus without it keeps each layer\'s own annotator)')
    .option('--trim-furniture', 'remove lines that look like page furniture ("top of page", share links, cookie notices, a PDF\'s running heads and page numbers); each removed line is listed')
    .option('--metadata <sheet>', 'a CSV or JSON file with one row per file (or address): file, title, outlet, author, published, url, language; a row wins over the options above for its file, and rows and files that do not match are listed')
    .addOption(new Option('--format <format>', 'import annotations made elsewhere instead of articles; files may be folders or zips (brat: .ann files with their .txt beside them, and annotation.conf, whose types the schema lacks are added; spaCy, doccano, Label Studio and CoNLL records whose text the project lacks become documents)').choices([...IMPORT_FORMAT_IDS]))
    .option('--add-labels', 'with --format: add the labels and relation types the files use and the schema lacks (each with a free key and a colour)')
    .option('--map <source=label>', 'with --format: put the file\'s SOURCE label (or relation type) under the project\'s LABEL; repeat for more', collectMap, {})
    .option('--doccano-labels <file>', 'with --format doccano: doccano\'s label export (JSON, [{"id", "text"}]) naming the label ids of doccano 1.x files (default: a labels.json among the files)')
    .option('--json', 'print one JSON object per file')
    .action(async (dir: string, files: string[], options: Record<string, string | boolean | Record<string, string> | undefined>) => {
      await service.openProject({ dir });
      if (typeof options.format === 'string') {
        if (!(await importAnnotationFiles(service, files, { ...options, format: options.format as ImportFormatId }, io))) exitCode = EXIT_PROBLEMS;
        return;
      }
      const meta: ImportMeta = {};
      for (const key of ['title', 'url', 'outlet', 'author', 'published', 'language'] as const) {
        const value = options[key];
        if (typeof value !== 'string') continue;
        const checked = ImportMeta.shape[key].safeParse(value);
        if (!checked.success) throw new FactmarkError('BAD_INPUT', `--${key} "${value}": ${key === 'published' ? 'use a date like 2020-03-30' : checked.error.issues[0]?.message ?? 'not valid'}`);
        meta[key] = value;
      }
      const annotator = typeof options.annotator === 'string' ? options.annotator : osAnnotatorName();
      // An address (anything with a scheme, so ftp:// is refused by name, not "no such file") is fetched.
      const urls = files.filter(isAddress);
      const paths = files.filter((file) => !isAddress(file));
      const sheet = typeof options.metadata === 'string' ? await service.metadataSheetAt(options.metadata, files) : null;
      for (const note of sheet?.notes ?? []) io.stderr(`note: ${note}\n`);
      const outcomes = [
        ...(paths.length ? await service.importFilesAt(paths, { meta, importedBy: annotator, trimFurniture: options.trimFurniture === true, fileMeta: sheet?.meta ?? {} }) : []),
        ...(urls.length ? await service.importUrls({ urls, meta, importedBy: annotator, urlMeta: sheet?.meta ?? {}, trimFurniture: options.trimFurniture === true }) : []),
      ];
      for (const outcome of outcomes) {
        if (options.json) await io.stdout(`${JSON.stringify(outcome)}\n`);
        else if (outcome.status === 'imported') {
          await io.stdout(`${outcome.documentId}\t${outcome.file}\n`);
          if (outcome.encoding !== 'utf-8') io.stderr(`note: ${outcome.file} was decoded from ${outcome.encoding}\n`);
          for (const line of outcome.removedLines) io.stderr(`removed from ${outcome.file}: line ${line.line + 1} (${line.reason}): ${JSON.stringify(line.text)}\n`);
          if (outcome.keptFurniture.length) io.stderr(`note: ${outcome.file} has ${plural(outcome.keptFurniture.length, 'line')} that look like page furniture (${outcome.keptFurniture.slice(0, 3).map((line) => JSON.stringify(line.text.trim())).join(', ')}${outcome.keptFurniture.length > 3 ? ', ...' : ''}); --trim-furniture removes them at import\n`);
          for (const near of outcome.nearDuplicates) io.stderr(`note: ${outcome.documentId} looks like the same story as ${near.documentId}${near.title ? ` ("${near.title}")` : ''}: ${Math.round(near.similarity * 100)}% of its wording is shared\n`);
        }
        else if (outcome.status === 'duplicate') io.stderr(`skipped: ${outcome.message}\n`);
        else io.stderr(`failed: ${outcome.error.message}\n`);
      }
      if (outcomes.some((outcome) => outcome.status === 'failed')) exitCode = EXIT_PROBLEMS;
    });

  program
    .command('export')
    .description(`Export the corpus: the label schema, every document with its text and metadata, and every annotator's spans and relations. Formats: ${EXPORT_FORMAT_IDS.map((id) => `${id} (${EXPORT_FORMATS[id].name})`).join('; ')}.`)
    .argument('<dir>', 'project folder')
    .addOption(new Option('--format <format>', 'output format').choices(['json', ...EXPORT_FORMAT_IDS]).makeOptionMandatory())
    .option('--annotator <name...>', 'only these annotators\' layers')
    .option('--doc <id...>', 'only these documents')
    .option('--out <file>', 'write to FILE (default: standard output); brat: a folder (one that exists, or a path ending in /) gets brat\'s files, anything else a zip')
    .option('--progress', 'report documents written on standard error (the default when it is a terminal)')
    .action(async (dir: string, options: { format: string; out?: string; annotator?: string[]; doc?: string[]; progress?: boolean }) => {
      await service.openProject({ dir });
      const format = (options.format === 'json' ? 'factmark-json' : options.format) as ExportFormatId;
      const spec: ExportFormat = EXPORT_FORMATS[format];
      const onProgress = options.progress || io.stderrIsTerminal ? progressReporter(io) : undefined;
      const scope = { format, ...(options.doc ? { documentIds: options.doc } : {}), ...(options.annotator ? { annotators: options.annotator } : {}) };
      if (options.out) {
        const result = await service.exportToFile(options.out, scope, onProgress);
        io.stderr(`Exported ${plural(result.documents, 'document')}, ${plural(result.spans, 'span')} (${plural(result.bytes, 'byte')}) to ${result.path}\n`);
        for (const note of result.notes) io.stderr(`note: ${note}\n`);
      } else if (spec.binary) {
        throw new FactmarkError('BAD_INPUT', `${format} export is a zip archive: give --out FILE${spec.extension}`);
      } else {
        const chunks = service.exportChunks({ ...scope, ...(onProgress ? { onProgress } : {}) });
        for (let next = await chunks.next(); ; next = await chunks.next()) {
          if (next.done) {
            for (const note of next.value.notes) io.stderr(`note: ${note}\n`);
            break;
          }
          await io.stdout(typeof next.value === 'string' ? next.value : new TextDecoder().decode(next.value));
        }
      }
    });

  program
    .command('agree')
    .description('Agreement between annotators: Cohen\'s or Fleiss\' kappa, Krippendorff\'s alpha (nominal, over span positions, and unitizing), span precision, recall and F1; for the corpus, each label and each document (docs/agreement.md).')
    .argument('<dir>', 'project folder')
    .requiredOption('--annotators <names>', 'two or more annotators, comma-separated: A,B[,C...]')
    .option('--label <label...>', 'only these labels')
    .option('--doc <id...>', 'only these documents')
    .option('--reference <name>', 'precision and recall of the others against this annotator (default: every pair)')
    .option('--json', 'print every number as JSON')
    .action(async (dir: string, options: { annotators: string; label?: string[]; doc?: string[]; reference?: string; json?: boolean }) => {
      await service.openProject({ dir });
      const annotators = options.annotators.split(',').map((name) => name.trim()).filter(Boolean);
      const report = await service.getAgreement({ annotators, ...(options.label ? { labels: options.label } : {}), ...(options.doc ? { documentIds: options.doc } : {}), ...(options.reference ? { reference: options.reference } : {}) });
      await io.stdout(options.json ? json(report) : formatAgreement(report));
    });

  program
    .command('suggest')
    .description('Suggest dates (with TIMEX3 values resolved against the publication date), entities (with their kind and canonical entity) and claims (with a likely claimant); with --apply, write them as a layer of their own to review.')
    .argument('<dir>', 'project folder')
    .option('--doc <id...>', 'only these documents (default: all)')
    .option('--labels <labels>', 'which suggestions: date,entity,claim (default: all)')
    .option('--json', 'print one JSON object per suggestion')
    .option('--apply', 'write the suggestions into --annotator\'s layers (spans already there are not added twice)')
    .option('--annotator <name>', 'whose layers --apply writes into')
    .action(async (dir: string, options: { doc?: string[]; labels?: string; json?: boolean; apply?: boolean; annotator?: string }) => {
      await service.openProject({ dir });
      if (options.apply && !options.annotator) throw new FactmarkError('BAD_INPUT', '--apply needs --annotator NAME: the layer the suggestions go into (a name of their own, to review in the compare view)');
      const labels = options.labels?.split(',').map((label) => label.trim()) as ('date' | 'entity' | 'claim')[] | undefined;
      const ids = options.doc ?? (await service.documentIds());
      for (const documentId of ids) {
        const suggestions = await service.suggest({ documentId, ...(labels ? { labels } : {}), ...(options.annotator ? { annotator: options.annotator } : {}) });
        for (const suggestion of suggestions) {
          if (options.json) await io.stdout(`${JSON.stringify({ documentId, ...suggestion })}\n`);
          else await io.stdout(`${documentId}\t${suggestion.label}\t${suggestion.start}-${suggestion.end}\t${JSON.stringify(suggestion.text)}\t${Object.entries(suggestion.attributes).map(([name, value]) => `${name}=${String(value)}`).join(' ')}\n`);
        }
        if (options.apply && options.annotator && suggestions.length) {
          const result = await service.applySuggestions(documentId, options.annotator, suggestions);
          io.stderr(`${documentId}: ${plural(result.added, 'suggestion')} written to ${options.annotator}'s layer${result.failed.length ? `; ${result.failed.length} left out: ${result.failed.map((failure) => `${failure.where}: ${failure.reason}`).join('; ')}` : ''}\n`);
        }
      }
    });

  registerClaimsCommand(program, service, io);

  program
    .command('validate')
    .description('Check every file of the project; exit 1 with one line per problem, naming the file and the span.')
    .argument('<dir>', 'project folder')
    .option('--json', 'print the report as JSON')
    .action(async (dir: string, options: { json?: boolean }) => {
      // Not through openProject: a broken factmark.json is a finding to report like the
      // others, not a reason to stop.
      if (!(await pathExists(new ProjectLayout(path.resolve(dir)).manifest))) {
        throw new FactmarkError('NOT_A_PROJECT', `${path.resolve(dir)} is not a Factmark project (it has no factmark.json)`);
      }
      const report = await validateProject(dir);
      await io.stdout(options.json ? json(report) : formatReport(report));
      if (report.problems.some((problem) => problem.severity === 'error')) exitCode = EXIT_PROBLEMS;
    });

  registerSyncCommand(program, service, io, () => {
    exitCode = EXIT_PROBLEMS;
  });

  program
    .command('stats')
    .description('Count documents, annotators and spans per label.')
    .argument('<dir>', 'project folder')
    .option('--json', 'print the numbers as JSON')
    .action(async (dir: string, options: { json?: boolean }) => {
      await service.openProject({ dir });
      const stats = await service.getStats({});
      await io.stdout(options.json ? json(stats) : formatStats(stats));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
    // Whatever went wrong, one line for a person: never a stack trace or a raw object.
    io.stderr(`factmark: ${oneLine(describeError(error))}\n`);
    return EXIT_USAGE;
  }
}

/** A message for any error: ours as written, the system's with the file it names. */
export function describeError(error: unknown): string {
  if (isFactmarkError(error)) return error.message;
  const errno = error as NodeJS.ErrnoException | undefined;
  if (typeof errno?.code === 'string' && typeof errno.path === 'string') return ioError(errno.path, error, errno.syscall === 'open' || errno.syscall === 'read' ? 'read' : 'use').message;
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

/** A web address on the command line, rather than a file: it has a scheme ("https://"). */
function isAddress(argument: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(argument);
}

/** Messages are printed one to a line, whatever they hold. */
export function oneLine(text: string): string {
  return text.trim().replace(/\s*[\r\n]+\s*/g, ' ');
}

declare const __FACTMARK_VERSION__: string | undefined;
const VERSION = typeof __FACTMARK_VERSION__ === 'string' ? __FACTMARK_VERSION__ : '0.0.0-dev';

/** "exported 120 of 10000 documents" at most once a second, and at the end. */
function progressReporter(io: CliIo): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < 1000) return;
    last = now;
    io.stderr(`exported ${done} of ${plural(total, 'document')}\n`);
  };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function formatReport(report: ValidationReport): string {
  const lines = report.problems.map((problem) => {
    const what = problem.spanId ? ` span ${problem.spanId}:` : problem.relationId ? ` relation ${problem.relationId}:` : '';
    return `${problem.file}: ${problem.severity}:${what} ${problem.message}`;
  });
  const errors = report.problems.filter((problem) => problem.severity === 'error').length;
  const warnings = report.problems.length - errors;
  lines.push(`${plural(report.filesChecked, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return `${lines.join('\n')}\n`;
}

export function formatStats(stats: ProjectStats): string {
  const lines = [`documents   ${stats.documents} (${stats.characters} characters)`, `annotators  ${stats.annotators.length ? stats.annotators.join(', ') : '(none yet)'}`, '', 'spans per label'];
  const labels = Object.keys(stats.spans);
  const width = Math.max(5, ...labels.map((label) => label.length));
  lines.push(`  ${'label'.padEnd(width)}  ${['total', ...stats.annotators].map((name) => name.padStart(8)).join(' ')}`);
  for (const label of labels) {
    const counts = stats.spans[label] ?? {};
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    lines.push(`  ${label.padEnd(width)}  ${[total, ...stats.annotators.map((name) => counts[name] ?? 0)].map((n) => String(n).padStart(8)).join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

function processIo(): CliIo {
  return {
    stdout: async (text) => {
      if (!process.stdout.write(text)) await once(process.stdout, 'drain');
    },
    stderr: (text) => void process.stderr.write(text),
    stderrIsTerminal: process.stderr.isTTY,
    stdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}
