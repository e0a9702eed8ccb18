/**
 * The app shell: documents on the left, the article in the centre, the annotator's
 * spans and the selected span's details on the right, the status bar below. It holds
 * the state they share (project, open document, review, suggestions, dialogs) and wires
 * the keyboard (annotate/use-keyboard.ts) to actions on the open document's layer.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentSummary, ImportPreview, ProjectInfo, Session, Theme } from '../../shared/api.js';
import type { Span } from '../../shared/model/annotations.js';
import type { CanonicalEntity } from '../../shared/model/entities.js';
import { createSpan, insertSpan, newSpanId, relabelSpan } from '../../shared/model/spans.js';
import { detectLanguage } from '../../shared/text/language.js';
import type { ApiClient } from './api/client.js';
import { describeChange, patchSpan, replaceSpan, withoutSpan } from './annotate/layer-state.js';
import { shortcutHelp } from './annotate/shortcuts.js';
import { useDiskChanges } from './annotate/use-disk-changes.js';
import { useDocumentSession } from './annotate/use-document-session.js';
import { useKeyboard } from './annotate/use-keyboard.js';
import { AgreementDialog } from './review/AgreementDialog.js';
import { CompareDialog } from './review/CompareDialog.js';
import { ReviewPanel } from './review/ReviewPanel.js';
import { CLASS_LABELS, differenceSpans } from './review/review-classes.js';
import { OccurrencesDialog } from './suggest/OccurrencesDialog.js';
import { SuggestPanel } from './suggest/SuggestPanel.js';
import { useSuggestions } from './suggest/use-suggestions.js';
import { useAdjudication } from './review/use-adjudication.js';
import type { ReviewSetup } from './review/use-comparison.js';
import { DocumentView, type DocumentViewHandle, type Selection } from './document-view/DocumentView.js';
import { highlightStyles } from './document-view/highlights.js';
import { AppHeader } from './shell/AppHeader.js';
import { DocumentHeading } from './project/DocumentHeading.js';
import { DocumentList } from './project/DocumentList.js';
import { FurnitureDialog } from './import/FurnitureDialog.js';
import { ImportReport } from './import/ImportReport.js';
import { PasteDialog } from './import/PasteDialog.js';
import { byteSize, importPayloads, previewFiles, readFiles, textFile, type ImportProgress } from './import/read-files.js';
import { matchSheets, splitSheets } from './import/metadata-sheet.js';
import { importUrls } from './import/import-urls.js';
import { WebAddressDialog } from './import/WebAddressDialog.js';
import { MetadataTable } from './project/MetadataTable.js';
import { saveMetadataRows } from './project/save-metadata.js';
import { plural } from '../../shared/text/plural.js';
import { MetadataDialog } from './project/MetadataDialog.js';
import { ProjectSettings } from './project/ProjectSettings.js';
import { ProjectsDialog } from './project/ProjectsDialog.js';
import { FindBar } from './annotate/FindBar.js';
import { AnnotationImportDialog } from './import/AnnotationImportDialog.js';
import { errorMessage as message } from './ui/errors.js';
import { EmptyProject } from './import/EmptyProject.js';
import { ExportDialog } from './export/ExportDialog.js';
import { AnnotatorDialog } from './project/AnnotatorDialog.js';
import { HelpOverlay } from './shell/HelpOverlay.js';
import { SelectionToolbar } from './annotate/SelectionToolbar.js';
import { SpanDetails } from './annotate/SpanDetails.js';
import { SpanList } from './annotate/SpanList.js';
import { StatusBar } from './shell/StatusBar.js';
import { Toast } from './ui/Toast.js';

const NO_SPANS: Span[] = [];

export function App({ api }: { api: ApiClient }) {
  const [project, setProject] = useState<ProjectInfo | null>(null);
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [entities, setEntities] = useState<CanonicalEntity[]>([]);
  const [session, setSession] = useState<Session | null>(null);
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [selectedSpanId, setSelectedSpanId] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [dialog, setDialog] = useState<'help' | 'annotator' | 'export' | 'import-annotations' | 'details' | 'paste' | 'web-address' | 'projects' | 'labels' | 'compare' | 'agreement' | 'occurrences' | null>(null);
  // The documents the metadata table shows (all of them, or those just imported); null: closed.
  const [metadataTable, setMetadataTable] = useState<string[] | null>(null);
  const [importing, setImporting] = useState<ImportProgress | null>(null);
  const [finding, setFinding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const viewRef = useRef<DocumentViewHandle>(null);

  const annotator = session?.annotator ?? null;
  // Whose layer is shown: one's own, a colleague's (read-only), or, while reviewing, the
  // reviewed layer being built.
  const [viewing, setViewing] = useState<string | null>(null);
  const [review, setReview] = useState<ReviewSetup | null>(null);
  const [reviewRevision, setReviewRevision] = useState(0);
  const layerOwner = review ? review.into : (viewing ?? annotator);
  const editable = review !== null || viewing === null || viewing === annotator;
  const { document: opened, saveStatus, loadError, mergeNotice, dismissMergeNotice, hasUnsaved, flush, reload, noticeDiskStamp } = useDocumentSession(api, documentId, layerOwner, editable);
  const revealSpan = useCallback((span: Span) => viewRef.current?.reveal(span), []);
  const adjudicating = useAdjudication(api, documentId, review, opened, reviewRevision, revealSpan);
  const { compared, decisions, step: stepDisagreement, decide, setCurrent: setCurrentDifference } = adjudicating;
  const currentDifference = adjudicating.current;
  const labels = useMemo(() => project?.manifest.labels ?? [], [project]);
  // The kinds a canonical entity may have: the entity label's Kind values, where there are.
  const entityKinds = useMemo(() => {
    const kind = labels.find((label) => label.id === 'entity')?.attributes.find((attribute) => attribute.id === 'kind');
    return kind?.type === 'enum' ? kind.values : ['person', 'organization', 'location', 'facility', 'group', 'other'];
  }, [labels]);

  const startReview = useCallback(
    async (setup: ReviewSetup) => {
      await flush();
      setDialog(null);
      setViewing(null);
      setCurrentDifference(null);
      setReview(setup);
    },
    [flush],
  );
  const closeReview = useCallback(async () => {
    await flush();
    setReview(null);
    setCurrentDifference(null);
  }, [flush]);

  const suggesting = useSuggestions(api, opened, flush);
  const closeSuggestions = suggesting.close;
  useEffect(() => {
    viewRef.current?.showSuggestions(suggesting.suggestions ?? [], suggesting.current);
  }, [suggesting.suggestions, suggesting.current, opened?.view]);

  // Files changed on disk by someone else: the list, a colleague's layers, this layer.
  const layerStamps = useRef<Record<string, string | null>>({});
  useDiskChanges(api, project !== null, documentId, (stamps, projectChanged) => {
    const before = layerStamps.current;
    layerStamps.current = stamps.layers;
    // A layer file of this document that the document list does not know yet: read the list again.
    const listed = new Set(documents.find((doc) => doc.id === documentId)?.layers.map((layer) => layer.annotator) ?? []);
    const arrived = Object.entries(stamps.layers).some(([name, stamp]) => stamp !== null && !listed.has(name));
    if (projectChanged || arrived) void loadProject().catch((caught: unknown) => setError(message(caught)));
    // Another window's or program's save of this layer is taken in, merged with what is unsaved here.
    if (layerOwner) noticeDiskStamp(stamps.layers[layerOwner] ?? null);
    if (review && (['a', 'b'] as const).some((side) => before[review[side]] !== undefined && before[review[side]] !== stamps.layers[review[side]])) setReviewRevision((current) => current + 1);
  });

  const loadProject = useCallback(async () => {
    const info = await api.call('getProject', {});
    setProject(info);
    const [list, registry] = info ? await Promise.all([api.call('listDocuments', {}), api.call('listEntities', {})]) : [[], []];
    setDocuments(list);
    setEntities(registry);
    // A link may name the document to open: #doc=<id>.
    const linked = new URLSearchParams(window.location.hash.slice(1)).get('doc');
    setDocumentId((current) => [current, linked].find((id) => id && list.some((doc) => doc.id === id)) ?? list[0]?.id ?? null);
  }, [api]);

  useEffect(() => {
    Promise.all([api.call('getSession', {}).then(setSession), loadProject()]).catch((caught: unknown) => setError(message(caught)));
  }, [api, loadProject]);

  useEffect(() => {
    if (session && session.annotator === null) setDialog('annotator');
  }, [session]);

  // Theme: the saved choice, or the system's.
  const [systemDark, setSystemDark] = useState(() => window.matchMedia('(prefers-color-scheme: dark)').matches);
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const update = () => setSystemDark(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  const theme = session?.theme === 'light' || session?.theme === 'dark' ? session.theme : systemDark ? 'dark' : 'light';
  useEffect(() => {
    window.document.documentElement.dataset.theme = theme;
  }, [theme]);
  const setTheme = (next: Theme) => api.call('updateSession', { theme: next }).then(setSession, (caught: unknown) => setError(message(caught)));

  const spanCount = opened?.layer.spans.length ?? null;
  const openLayer = useMemo(
    () => (opened ? { documentId: opened.view.document.id, spans: opened.layer.spans.length, status: opened.layer.status } : null),
    [opened],
  );
  const searchDocuments = useCallback(async (query: string) => (query.trim() ? api.call('searchDocuments', { query }) : null), [api]);

  // Import: read the files, show any page furniture for the analyst to decide on, import.
  const [furniture, setFurniture] = useState<{ previews: ImportPreview[]; decide: (removeLines: Record<number, number[]> | null) => void } | null>(null);
  const importFiles = useCallback(
    (chosen: readonly File[]) => {
      if (chosen.length === 0) return;
      // A metadata sheet (.csv, .json) among them gives the others' metadata.
      const { sheets, articles: files } = splitSheets(chosen);
      if (files.length === 0) {
        setError('A metadata sheet applies to the articles imported with it: choose or drop the sheet together with the files it describes.');
        return;
      }
      const run = async () => {
        const sheet = sheets.length ? await matchSheets(api, sheets, files.map((file) => file.name)) : undefined;
        const bytes = files.reduce((total, file) => total + file.size, 0);
        setImporting({ done: 0, total: files.length, outcomes: [], finished: false, step: `Reading ${plural(files.length, 'file')} (${byteSize(bytes)})…` });
        const payloads = await readFiles(files);
        setImporting({ done: 0, total: files.length, outcomes: [], finished: false, step: 'Looking for page furniture…' });
        const previews = await previewFiles(api, payloads);
        const removeLines = previews.some((preview) => 'furniture' in preview && preview.furniture.length)
          ? await new Promise<Record<number, number[]> | null>((decide) => setFurniture({ previews, decide }))
          : {};
        setFurniture(null);
        if (removeLines === null) {
          setImporting(null);
          return;
        }
        await importPayloads(api, payloads, removeLines, annotator, setImporting, sheet);
        await loadProject();
      };
      run().catch((caught: unknown) => {
        setImporting(null);
        setError(message(caught));
      });
    },
    [api, annotator, loadProject],
  );

  // Files dropped anywhere on the window are imported; while files are dragged over it,
  // the window says so.
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

  // Warn before closing with changes not yet on disk.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!hasUnsaved()) return;
      void flush();
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [hasUnsaved, flush]);

  /** After opening, creating or relabelling: everything shown is read again. */
  const switchedProject = useCallback(async () => {
    setDialog(null);
    setSelectedSpanId(null);
    setDocumentId(null);
    setSession(await api.call('getSession', {}));
    await loadProject();
  }, [api, loadProject]);

  const openDocument = useCallback((id: string) => {
    performance.mark('factmark:open', { detail: { documentId: id } });
    window.history.replaceState(null, '', `${window.location.search}#doc=${encodeURIComponent(id)}`);
    setSelectedSpanId(null);
    setSelection(null);
    setCurrentDifference(null);
    dismissMergeNotice();
    setAnnouncement(null);
    closeSuggestions();
    setDocumentId(id);
  }, [closeSuggestions, dismissMergeNotice]);

  const selectSpan = useCallback(
    (span: Span | null, reveal = false) => {
      setSelectedSpanId(span?.id ?? null);
      if (span && reveal) viewRef.current?.reveal(span);
    },
    [],
  );

  const pickSpan = useCallback((span: Span) => selectSpan(span, true), [selectSpan]);

  const tag = useCallback(
    (labelId: string, exact: boolean) => {
      const label = labels.find((candidate) => candidate.id === labelId);
      const range = viewRef.current?.selection(exact);
      if (!opened || opened.readOnly || !label || !range) return false;
      const id = newSpanId(opened.layer.spans, () => crypto.randomUUID().slice(0, 8));
      const span = createSpan(opened.index, range, label, id, new Date());
      opened.apply((layer) => ({ ...layer, spans: insertSpan(layer.spans, span) }));
      viewRef.current?.clearSelection();
      setSelection(null);
      setSelectedSpanId(id);
      return true;
    },
    [opened, labels],
  );

  const selectedSpan = opened?.layer.spans.find((span) => span.id === selectedSpanId) ?? null;

  // The article repaints at once; the side panels follow a moment later (React's deferred
  // rendering), so a new tag is on screen before thousands of list rows are reconciled.
  const panelState = useMemo(() => ({ spans: opened?.layer.spans ?? NO_SPANS, selectedId: selectedSpanId }), [opened?.layer.spans, selectedSpanId]);
  const panels = useDeferredValue(panelState);
  const panelSpan = panels.spans.find((span) => span.id === panels.selectedId) ?? null;

  const relabel = useCallback(
    (labelId: string) => {
      const label = labels.find((candidate) => candidate.id === labelId);
      if (!opened || opened.readOnly || !label || !selectedSpan || selectedSpan.label === labelId) return;
      opened.apply((layer) => replaceSpan(layer, relabelSpan(selectedSpan, label, new Date())));
    },
    [opened, labels, selectedSpan],
  );

  const removeSelected = useCallback(() => {
    if (!opened || opened.readOnly || !selectedSpan) return;
    const spans = opened.layer.spans; // in text order
    const next = spans[spans.findIndex((span) => span.id === selectedSpan.id) + 1] ?? null;
    opened.apply((layer) => withoutSpan(layer, selectedSpan.id));
    setSelectedSpanId(next?.id ?? null);
  }, [opened, selectedSpan]);

  const step = useCallback(
    (direction: 1 | -1) => {
      if (!opened) return;
      const sorted = opened.layer.spans; // in text order
      if (sorted.length === 0) return;
      const at = sorted.findIndex((span) => span.id === selectedSpanId);
      const next = sorted[at < 0 ? (direction === 1 ? 0 : sorted.length - 1) : (at + direction + sorted.length) % sorted.length];
      selectSpan(next ?? null, true);
    },
    [opened, selectedSpanId, selectSpan],
  );

  // What the last undo or redo did, said in the status bar; the span it touched is selected.
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const historyStep = useCallback(
    (direction: 'undo' | 'redo') => {
      const moved = direction === 'undo' ? opened?.undo() : opened?.redo();
      if (!moved) return;
      const labelName = (id: string) => labels.find((label) => label.id === id)?.name ?? id;
      // The action itself runs from the earlier state to the later one.
      const action = direction === 'undo' ? describeChange(moved.to, moved.from, labelName) : describeChange(moved.from, moved.to, labelName);
      setAnnouncement(action ? `${direction === 'undo' ? 'Undone' : 'Redone'}: ${action.text}` : null);
      const before = new Set(moved.from.spans);
      const touched = moved.to.spans.find((span) => !before.has(span));
      selectSpan(touched ?? null, true);
    },
    [opened, labels, selectSpan],
  );
  const history = useMemo(() => (opened ? { canUndo: opened.canUndo, canRedo: opened.canRedo, undo: () => historyStep('undo'), redo: () => historyStep('redo') } : null), [opened, historyStep]);

  // The keyboard: one table (annotate/shortcuts.ts), one handler (annotate/use-keyboard.ts).
  useKeyboard({
    dialog,
    closeDialog: () => setDialog(null),
    openFind: () => setFinding(true),
    labels,
    reviewing: review !== null,
    suggestions: suggesting.suggestions ? suggesting : null,
    actions: {
      label: (command, event) => {
        if (!tag(command.labelId, event.altKey)) relabel(command.labelId);
      },
      delete: removeSelected,
      undo: () => historyStep('undo'),
      redo: () => historyStep('redo'),
      clear: () => {
        viewRef.current?.clearSelection();
        setSelection(null);
        setSelectedSpanId(null);
      },
      help: () => setDialog((current) => (current === 'help' ? null : 'help')),
      'next-span': () => step(1),
      'previous-span': () => step(-1),
      'next-disagreement': () => stepDisagreement(1),
      'previous-disagreement': () => stepDisagreement(-1),
      accept: (command) => decide(command.side),
      reject: () => decide('reject'),
    },
  });

  // Native menu commands (Electron).
  const menuState = useRef({ historyStep, theme, setTheme });
  menuState.current = { historyStep, theme, setTheme };
  useEffect(
    () =>
      api.onMenu((command) => {
        if (command === 'project-changed') void loadProject().catch((caught: unknown) => setError(message(caught)));
        if (command === 'export') setDialog('export');
        if (command === 'import-annotations') setDialog('import-annotations');
        if (command === 'undo') menuState.current.historyStep('undo');
        if (command === 'redo') menuState.current.historyStep('redo');
        if (command === 'show-shortcuts') setDialog('help');
        if (command === 'find') setFinding(true);
        if (command === 'toggle-theme') void menuState.current.setTheme(menuState.current.theme === 'dark' ? 'light' : 'dark');
      }),
    [api, loadProject],
  );

  const showMatches = useCallback((matches: { start: number; end: number }[], current: number | null) => viewRef.current?.showMatches(matches, current), []);
  const closeFind = useCallback(() => {
    setFinding(false);
    // Back to the article: the current match stays selected, so a label key tags it.
    (window.document.activeElement as HTMLElement | null)?.blur();
  }, []);

  const styles = useMemo(() => highlightStyles(review ? CLASS_LABELS : labels), [labels, review]);
  const reviewSpans = useMemo(() => (compared && review ? differenceSpans(compared.comparison.differences, decisions) : null), [compared, review, decisions]);
  // Who has a layer on this document: the document list says (it is read again when the
  // disk shows a layer it does not know).
  const layersHere = useMemo(() => (documents.find((doc) => doc.id === documentId)?.layers.map((layer) => layer.annotator) ?? []).sort(), [documents, documentId]);
  const currentSummary = documents.find((doc) => doc.id === documentId);

  return (
    <div className="app">
      <style>{styles}</style>
      <AppHeader
        project={project ? { name: project.manifest.name, root: project.root } : null}
        history={history}
        theme={theme}
        onProjects={() => setDialog('projects')}
        onLabels={() => setDialog('labels')}
        onMetadataTable={() => setMetadataTable(documents.map((doc) => doc.id))}
        onImportFiles={importFiles}
        onPaste={() => setDialog('paste')}
        onImportAnnotations={() => setDialog('import-annotations')}
        onExport={() => setDialog('export')}
        onToggleTheme={() => void setTheme(theme === 'dark' ? 'light' : 'dark')}
        onHelp={() => setDialog('help')}
      />
      {(error ?? loadError) && (
        <p className="banner error" role="alert">
          {error ?? loadError}
        </p>
      )}
      <main className="workspace">
        <DocumentList documents={documents} currentId={documentId} annotator={annotator} openLayer={openLayer} search={searchDocuments} onOpen={openDocument} />
        <section className="document-pane" aria-label="Document">
          {opened && currentSummary ? (
            <>
              <DocumentHeading
                summary={currentSummary}
                layer={{ annotator: opened.annotator, status: opened.layer.status, readOnly: opened.readOnly }}
                onStatus={(status) => opened.apply((layer) => ({ ...layer, status }))}
                me={annotator}
                layersHere={layersHere}
                viewing={viewing}
                onViewLayer={(chosen) => void flush().then(() => setViewing(chosen === annotator ? null : chosen))}
                review={review}
                onDetails={() => setDialog('details')}
                onCompare={() => setDialog('compare')}
                onSuggest={() => void suggesting.ask().catch((caught: unknown) => setError(message(caught)))}
                notices={{ adjudication: adjudicating.error }}
              />
              <DocumentView
                ref={viewRef}
                documentId={opened.view.document.id}
                text={opened.view.document.text}
                index={opened.index}
                language={opened.view.document.meta.language}
                spans={reviewSpans ?? opened.layer.spans}
                labels={reviewSpans ? CLASS_LABELS : labels}
                selectedSpanId={reviewSpans ? (currentDifference === null ? null : `d${currentDifference}`) : selectedSpanId}
                onSelection={opened.readOnly ? () => undefined : setSelection}
                onSpanClick={(id) => {
                  // Reviewing, a click on plain text (or the end of a drag) keeps the difference in hand.
                  if (!reviewSpans) setSelectedSpanId(id);
                  else if (id !== null) setCurrentDifference(Number(id.slice(1)));
                }}
              />
              {finding && <FindBar text={opened.view.document.text} onMatches={showMatches} onClose={closeFind} />}
              {selection && <SelectionToolbar selection={selection} labels={labels} onTag={tag} />}
            </>
          ) : (
            <EmptyProject empty={documents.length === 0} desktop={api.downloadUrl === null} onImportFiles={importFiles} onPaste={() => setDialog('paste')} onWebAddress={() => setDialog('web-address')} />
          )}
        </section>
        <aside className="span-pane">
          {opened && review && compared && (
            <ReviewPanel
              setup={review}
              comparison={compared.comparison}
              decisions={decisions}
              current={currentDifference}
              onPick={adjudicating.pick}
              onStep={stepDisagreement}
              onAccept={(side) => decide(side)}
              onReject={() => decide('reject')}
              onAcceptMatches={adjudicating.acceptAllMatches}
              onAgreement={() => setDialog('agreement')}
              onClose={() => void closeReview()}
            />
          )}
          {opened && !review && suggesting.suggestions && (
            <SuggestPanel
              suggestions={suggesting.suggestions}
              labels={labels}
              current={suggesting.current}
              onPick={suggesting.setCurrent}
              onAccept={suggesting.accept}
              onReject={suggesting.reject}
              onAcceptLabel={suggesting.acceptLabel}
              onOtherDocuments={suggesting.occurrencesOf ? () => void flush().then(() => setDialog('occurrences')) : undefined}
              onClose={suggesting.close}
            />
          )}
          {opened && !review && !suggesting.suggestions && <SpanList spans={panels.spans} labels={labels} selectedId={panels.selectedId} unplaced={opened.view.unplaced} onPick={pickSpan} />}
          {opened && !review && !opened.readOnly && selectedSpan && panelSpan && (
            <SpanDetails
              span={panelSpan}
              spans={panels.spans}
              labels={labels}
              onRelabel={relabel}
              onDelete={removeSelected}
              {...(selectedSpan.label === 'entity' ? { onFindOccurrences: () => void suggesting.ask(selectedSpan.id).catch((caught: unknown) => setError(message(caught))) } : {})}
              onChange={(spanId, patch) => opened.apply((layer) => patchSpan(layer, spanId, patch, new Date()))}
              pages={opened.view.document.meta.source?.pages}
              entities={entities}
              entityKinds={entityKinds}
              onCreateEntity={async (entity) => {
                const made = await api.call('createEntity', entity);
                setEntities(await api.call('listEntities', {}));
                return made;
              }}
            />
          )}
        </aside>
      </main>
      <StatusBar annotator={annotator} saveStatus={saveStatus} spanCount={spanCount} length={opened?.index.length ?? null} announcement={announcement} onChangeAnnotator={() => setDialog('annotator')} />
      {mergeNotice && <Toast message={mergeNotice} onDismiss={dismissMergeNotice} testId="merge-notice" />}
      {dragging && (
        <div className="drop-target" data-testid="drop-target" aria-hidden="true">
          <p>Drop the files to import them as articles</p>
        </div>
      )}
      {dialog === 'help' && <HelpOverlay shortcuts={shortcutHelp(labels)} onClose={() => setDialog(null)} />}
      {dialog === 'compare' && annotator && <CompareDialog annotators={layersHere} me={annotator} onStart={(setup) => void startReview(setup)} onClose={() => setDialog(null)} />}
      {dialog === 'occurrences' && suggesting.occurrencesOf && documentId && layerOwner && (
        <OccurrencesDialog api={api} documentId={documentId} annotator={layerOwner} spanId={suggesting.occurrencesOf.spanId} text={suggesting.occurrencesOf.text} onClose={() => setDialog(null)} />
      )}
      {dialog === 'agreement' && review && documentId && <AgreementDialog api={api} annotators={[review.a, review.b]} documentId={documentId} onClose={() => setDialog(null)} />}
      {dialog === 'annotator' && session && (
        <AnnotatorDialog
          suggested={session.suggestedAnnotator}
          current={session.annotator}
          onSave={(name) =>
            void api.call('updateSession', { annotator: name }).then(
              (next) => {
                setSession(next);
                setDialog(null);
              },
              (caught: unknown) => setError(message(caught)),
            )
          }
          {...(session.annotator ? { onCancel: () => setDialog(null) } : {})}
        />
      )}
      {dialog === 'details' && currentSummary && (
        <MetadataDialog
          meta={currentSummary.meta}
          suggestedLanguage={opened ? detectLanguage(opened.view.document.text) : null}
          onClose={() => setDialog(null)}
          onSave={async (meta) => {
            const updated = await api.call('updateDocumentMeta', { documentId: currentSummary.id, meta });
            setDocuments((list) => list.map((doc) => (doc.id === updated.id ? updated : doc)));
            setDialog(null);
          }}
        />
      )}
      {dialog === 'web-address' && (
        <WebAddressDialog
          onClose={() => setDialog(null)}
          onImport={(urls) => {
            setDialog(null);
            importUrls(api, urls, annotator, setImporting)
              .then(loadProject)
              .catch((caught: unknown) => {
                setImporting(null);
                setError(message(caught));
              });
          }}
        />
      )}
      {metadataTable && (
        <MetadataTable
          documents={documents.filter((doc) => metadataTable.includes(doc.id))}
          onClose={() => setMetadataTable(null)}
          onSave={async (edits) => {
            const saved = await saveMetadataRows(api, edits);
            setDocuments((list) => list.map((doc) => saved.find((updated) => updated.id === doc.id) ?? doc));
            setMetadataTable(null);
          }}
        />
      )}
      {dialog === 'paste' && (
        <PasteDialog
          onWebAddress={() => setDialog('web-address')}
          onClose={() => setDialog(null)}
          onImport={(title, text) => {
            setDialog(null);
            setImporting({ done: 0, total: 1, outcomes: [], finished: false, step: `Adding ${title ? `“${title}”` : 'the pasted text'} (${plural(text.length, 'character')})…` });
            const run = async () => {
              const file = await textFile('clipboard.txt', text);
              const outcomes = await api.call('importTexts', { files: [file], meta: title ? { title } : {}, importedBy: annotator });
              setImporting({ done: 1, total: 1, outcomes, finished: true });
              await loadProject();
            };
            run().catch((caught: unknown) => {
              setImporting(null);
              setError(message(caught));
            });
          }}
        />
      )}
      {dialog === 'projects' && session && (
        <ProjectsDialog
          current={project?.root ?? null}
          recent={session.recentProjects}
          onClose={() => setDialog(null)}
          onOpen={async (dir) => {
            await flush();
            await api.call('openProject', { dir });
            await switchedProject();
          }}
          onCreate={async (dir, name) => {
            await flush();
            await api.call('createProject', { dir, ...(name ? { name } : {}) });
            await switchedProject();
          }}
        />
      )}
      {dialog === 'labels' && project && (
        <ProjectSettings
          manifest={project.manifest}
          onClose={() => setDialog(null)}
          onSave={async (labels, renames) => {
            await flush();
            const info = await api.call('updateLabelSchema', { labels, renames });
            setProject(info);
            setDialog(null);
            // Spans of renamed labels changed on disk: load the open document again.
            if (Object.keys(renames).length) await switchedProject();
          }}
        />
      )}
      {furniture && <FurnitureDialog previews={furniture.previews} onDone={furniture.decide} />}
      {importing && !furniture && (
        <ImportReport
          progress={importing}
          onClose={() => setImporting(null)}
          onRemove={async (id) => {
            await api.call('removeDocument', { documentId: id });
            await loadProject();
          }}
          onEditDetails={(ids) => {
            setImporting(null);
            setMetadataTable(ids);
          }}
          onOpen={(id) => {
            setImporting(null);
            openDocument(id);
          }}
        />
      )}
      {dialog === 'export' && project && <ExportDialog api={api} documentId={documentId} documentTitle={currentSummary?.meta.title ?? null} flush={flush} onClose={() => setDialog(null)} />}
      {dialog === 'import-annotations' && (
        <AnnotationImportDialog
          api={api}
          annotator={annotator}
          flush={flush}
          onClose={() => setDialog(null)}
          onImported={async () => {
            await loadProject();
            await reload();
          }}
        />
      )}
    </div>
  );
}
