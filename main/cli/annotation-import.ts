/**
 * The command line's side of an annotation import: its options (`--map`,
 * `--doccano-labels`) and its report, one line per file with what was read, placed and
 * left out, then one line per thing left out, with why.
 */
import type { AnnotationImportOutcome } from '../../shared/api.js';
import { FactmarkError } from '../../shared/errors.js';
import { FORMATS_WITH_ANNOTATORS, type ImportFormatId } from '../../shared/formats/catalog.js';
import { DoccanoLabelList } from '../../shared/formats/doccano/decode.js';
import { parseJsonText } from '../../shared/model/parse.js';
import { plural } from '../../shared/text/plural.js';
import type { FactmarkService } from '../service.js';
import { readRegularFile } from '../store/regular-file.js';

interface Output {
  stdout: (text: string) => void | Promise<void>;
  stderr: (text: string) => void;
}

/** `factmark import DIR FILES --format F`: imports, prints each file's report; false when anything failed or was left out. */
export async function importAnnotationFiles(service: FactmarkService, files: string[], options: { format: ImportFormatId } & Record<string, unknown>, io: Output): Promise<boolean> {
  const { format } = options;
  // A Factmark corpus, Label Studio and doccano say whose each annotation is; other formats need a name.
  if (typeof options.annotator !== 'string' && !FORMATS_WITH_ANNOTATORS.includes(format)) throw new FactmarkError('BAD_INPUT', '--format needs --annotator NAME: whose layers the annotations go into');
  const doccanoLabels = typeof options.doccanoLabels === 'string' ? await readDoccanoLabels(options.doccanoLabels) : undefined;
  const results = await service.importAnnotationsAt(files, {
    format,
    ...(typeof options.annotator === 'string' ? { annotator: options.annotator } : {}),
    addLabels: options.addLabels === true,
    labelMap: (options.map ?? {}) as Record<string, string>,
    ...(doccanoLabels ? { doccanoLabels } : {}),
  });
  for (const result of results) {
    if (options.json) await io.stdout(`${JSON.stringify(result)}\n`);
    else if (result.error) io.stderr(`failed: ${result.error.message}\n`);
    else await printAnnotationOutcome(result, io);
  }
  return !results.some((result) => result.error || result.failed.length);
}

/** `--map SOURCE=label`, repeated, into one map. */
export function collectMap(value: string, previous: Record<string, string>): Record<string, string> {
  const at = value.lastIndexOf('=');
  if (at <= 0 || at === value.length - 1) throw new FactmarkError('BAD_INPUT', `--map "${value}": write SOURCE=label, such as --map PER=entity`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

/** doccano's label export: id → name. */
export async function readDoccanoLabels(file: string): Promise<Record<string, string>> {
  const bytes = await readRegularFile(file, { bytes: 4 * 1024 * 1024, takes: 'reads label lists' });
  const list = DoccanoLabelList.safeParse(parseJsonText(new TextDecoder().decode(bytes), file));
  if (!list.success) throw new FactmarkError('BAD_INPUT', `${file} is not doccano's label export: a JSON list of {"id", "text"}`, { file });
  return Object.fromEntries(list.data.map((label) => [String(label.id), label.text]));
}

async function printAnnotationOutcome(result: AnnotationImportOutcome, io: Output): Promise<void> {
  for (const [documentId, count] of Object.entries(result.added)) await io.stdout(`${documentId}\t${plural(count, 'span')}\t${result.file}\n`);
  if (result.counts) {
    const { records, annotations, placed, leftOut } = result.counts;
    io.stderr(`${result.file}: ${plural(records, 'record')}, ${plural(annotations, 'annotation')} read: ${placed} placed, ${leftOut} left out\n`);
  }
  for (const added of result.documentsAdded ?? []) io.stderr(`note: ${result.file}: added document ${added.documentId} from ${added.from}\n`);
  for (const note of result.notes ?? []) io.stderr(`note: ${result.file}: ${note}\n`);
  for (const failure of result.failed) io.stderr(`${result.file}: ${failure.where}: ${failure.reason}${(failure.count ?? 1) !== 1 ? ` (${plural(failure.count ?? 1, 'annotation')})` : ''}\n`);
}
