/**
 * Bringing articles in from the window: files chosen, dropped on the window, pasted, or
 * fetched from web addresses; a metadata sheet (.csv, .json) among the files gives their
 * metadata.
 * Each import reads the files, shows any page furniture for the analyst to decide on,
 * imports, and reports file by file, with progress, in dialogs on the window's stack.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportPreview } from '../../../shared/api.js';
import { plural } from '../../../shared/text/plural.js';
import type { ApiClient } from '../api/client.js';
import type { DialogStack } from '../ui/dialog-stack.js';

import { importUrls as fetchUrls } from './import-urls.js';
import { matchSheets, splitSheets } from './metadata-sheet.js';
import { formatBytes } from '../../../shared/limits.js';
import { importPayloads, previewFiles, readFiles, textFile, type ImportProgress } from './read-files.js';

type Decision = Record<number, number[]> | null;

/** The dialogs an import shows, on the window's stack. */
type ImportDialogs = Pick<DialogStack<'furniture' | 'import-report'>, 'open' | 'closeKind'>;

export function useImporting(api: ApiClient, annotator: string | null, dialogs: ImportDialogs, loadProject: () => Promise<unknown>, onError: (error: unknown) => void) {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [furniture, setFurniture] = useState<ImportPreview[] | null>(null);
  const decide = useRef<((decision: Decision) => void) | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const { open, closeKind } = dialogs;

  const report = useCallback(
    (next: ImportProgress) => {
      setProgress(next);
      open('import-report', () => setProgress(null));
    },
    [open],
  );
  const failed = useCallback(
    (error: unknown) => {
      closeKind('import-report');
      onError(error);
    },
    [closeKind, onError],
  );

  /** The analyst's answer on page furniture (null: cancel the import); asked once per import. */
  const askFurniture = useCallback(
    (previews: ImportPreview[]) =>
      new Promise<Decision>((resolve) => {
        const answer = (decision: Decision) => {
          if (decide.current !== answer) return;
          decide.current = null;
          setFurniture(null);
          resolve(decision);
        };
        decide.current = answer;
        setFurniture(previews);
        // Closed without an answer (Escape): the import is cancelled.
        open('furniture', () => answer(null));
      }),
    [open],
  );
  const decideFurniture = useCallback(
    (decision: Decision) => {
      decide.current?.(decision);
      closeKind('furniture');
    },
    [closeKind],
  );

  const importFiles = useCallback(
    (chosen: readonly File[]) => {
      if (chosen.length === 0) return;
      const { sheets, articles: files } = splitSheets(chosen);
      if (files.length === 0) return onError(new Error('A metadata sheet applies to the articles imported with it: choose or drop the sheet together with the files it describes.'));
      const run = async () => {
        const sheet = sheets.length ? await matchSheets(api, sheets, files.map((file) => file.name)) : undefined;
        const bytes = files.reduce((total, file) => total + file.size, 0);
        report({ done: 0, total: files.length, outcomes: [], finished: false, step: `Reading ${plural(files.length, 'file')} (${formatBytes(bytes)})…` });
        const payloads = await readFiles(files);
        report({ done: 0, total: files.length, outcomes: [], finished: false, step: 'Looking for page furniture…' });
        const previews = await previewFiles(api, payloads);
        const removeLines = previews.some((preview) => 'furniture' in preview && preview.furniture.length) ? await askFurniture(previews) : {};
        if (removeLines === null) return closeKind('import-report');
        await importPayloads(api, payloads, removeLines, annotator, setProgress, sheet);
        await loadProject();
      };
      run().catch(failed);
    },
    [api, annotator, loadProject, report, askFurniture, closeKind, failed, onError],
  );

  const importPasted = useCallback(
    (title: string, text: string) => {
      report({ done: 0, total: 1, outcomes: [], finished: false, step: `Adding ${title ? `“${title}”` : 'the pasted text'} (${plural(text.length, 'character')})…` });
      const run = async () => {
        const file = await textFile('clipboard.txt', text);
        const outcomes = await api.call('importTexts', { files: [file], meta: title ? { title } : {}, importedBy: annotator });
        setProgress({ done: 1, total: 1, outcomes, finished: true });
        await loadProject();
      };
      run().catch(failed);
    },
    [api, annotator, loadProject, report, failed],
  );

  const importUrls = useCallback(
    (urls: readonly string[]) => {
      const run = async () => {
        await fetchUrls(api, urls, annotator, report);
        await loadProject();
      };
      run().catch(failed);
    },
    [api, annotator, loadProject, report, failed],
  );

  const chooseFiles = useCallback(() => fileInput.current?.click(), []);
  const dragging = useFileDrop(importFiles);
  return { progress, furniture, decideFurniture, importFiles, importPasted, importUrls, chooseFiles, fileInput, dragging };
}

/** Files dropped anywhere on the window are imported; while files are dragged over it, it says so. */
function useFileDrop(importFiles: (files: readonly File[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      setDragging(true);
    };
    // Leaving for another element inside the window also fires: only leaving it counts.
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      setDragging(false);
      if (!event.dataTransfer?.files.length) return;
      event.preventDefault();
      importFiles(Array.from(event.dataTransfer.files));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [importFiles]);
  return dragging;
}
