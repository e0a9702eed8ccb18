/**
 * The layout shell: the toolbar, the workspace's three panes, the status bar and the
 * dialog on top; and the one place where the window's parts are put together. What each
 * part knows and does lives in its feature folder (project/, annotate/, review/, suggest/,
 * import/); what a person can ask of the window is the command table (commands/), which
 * the keyboard, the toolbar, the `?` overlay and the desktop menu all read.
 */
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Span } from '../../shared/model/annotations.js';
import { keepPrefetched } from './annotate/prefetched.js';
import { useOpenDocument } from './annotate/use-open-document.js';
import { useTagging } from './annotate/use-tagging.js';
import type { Startup } from '../../shared/api.js';
import type { ApiClient } from './api/client.js';
import { startup } from './api/early-start.js';
import { useClaimsView } from './claims/use-claims-view.js';
import { commandTable } from './commands/register.js';
import type { CommandContext, DialogKind } from './commands/types.js';
import { useCommands } from './commands/use-commands.js';
import type { DocumentViewHandle } from './document-view/DocumentView.js';
import { highlightStyles } from './document-view/highlights.js';
import { ACCEPTED } from './import/read-files.js';
import { useImporting } from './import/use-importing.js';
import { useMetadataTable } from './project/use-metadata-table.js';
import { useProject } from './project/use-project.js';
import { CLASS_LABELS } from './review/review-classes.js';
import { useReview } from './review/use-review.js';
import { AppHeader } from './shell/AppHeader.js';
import { ClaimsBoard, DialogHost, preloadOnDemand } from './shell/on-demand.js';
import { StatusBar } from './shell/StatusBar.js';
import { useAnnouncements, useAnnouncer } from './shell/use-announcements.js';
import { Workspace } from './shell/Workspace.js';
import { useDialogStack } from './ui/dialog-stack.js';
import { useSuggestions } from './suggest/use-suggestions.js';
import { SyncStatusView } from './sync/SyncStatusView.js';
import { useSync } from './sync/use-sync.js';
import { errorMessage } from './ui/errors.js';
import { Toast } from './ui/Toast.js';

/** `start`: the start-up answer, when main.tsx had it before the first render (else the window asks itself). */
export function App({ api, start = null }: { api: ApiClient; start?: Startup | null }) {
  const [error, setError] = useState<string | null>(null);
  const onError = useCallback((caught: unknown) => setError(errorMessage(caught)), []);
  const project = useProject(api, onError, start);
  const { labels, session } = project;
  const annotator = session?.annotator ?? null;
  const dialogs = useDialogStack<DialogKind>();
  const view = useRef<DocumentViewHandle>(null);
  const doc = useOpenDocument(api, { annotator, documents: project.documents, hasProject: project.project !== null, loadProject: project.loadProject, onError, initialId: start?.document?.document.id ?? start?.documents[0]?.id ?? null });
  const opened = doc.document;
  const announcer = useAnnouncer(); // the live region: what a key, the review, saving or a sync did
  const tagging = useTagging(opened, labels, view, announcer.announce);
  const reveal = useCallback((span: Span) => view.current?.reveal(span), []);
  const review = useReview(api, doc.documentId, doc.review, opened, doc.reviewRevision, reveal, announcer.announce);
  const suggesting = useSuggestions(api, opened, doc.flush);
  const importing = useImporting(api, annotator, dialogs, project.loadProject, onError);
  const syncing = useSync(api, { hasProject: project.project !== null, flush: doc.flush, reloadProject: doc.reloadProject, catchUp: doc.catchUp, openDialog: dialogs.open });
  useAnnouncements(announcer, { documentId: doc.documentId, saveStatus: doc.saveStatus, notices: [doc.mergeNotice, syncing.notice], suggestions: suggesting, labels });
  const allDocumentIds = useCallback(() => project.documents.map((item) => item.id), [project.documents]);
  const metadata = useMetadataTable(dialogs, allDocumentIds);
  const claims = useClaimsView(api, annotator, doc, tagging, onError);
  // With the board up, the article's keys (tagging, review, suggestions) are not heard.
  const onArticle = !claims.open;

  // Once the first document is on screen, the rest of the window's code loads in idle time.
  useEffect(() => void (opened && preloadOnDemand()), [opened]);

  // Start: one answer with the session, the project's lists and the document to open.
  const { loadSession, loadProject, applyStartup } = project;
  const { chooseFrom } = doc;
  useEffect(() => {
    if (start) return;
    const linked = new URLSearchParams(window.location.hash.slice(1)).get('doc');
    startup(api, linked ? { documentId: linked } : {})
      .then((start) => {
        keepPrefetched(start.document);
        applyStartup(start);
        chooseFrom(start.documents);
      })
      .catch(onError);
  }, [api, start, applyStartup, chooseFrom, onError]);
  const { open: openDialog } = dialogs;
  useEffect(() => void (session?.annotator === null && openDialog('annotator', undefined, { required: true })), [session, openDialog]); // the first start's question: Escape cannot dismiss it

  // A new document starts clean: nothing selected, no suggestions, no notices. (Run when
  // the document changes, not when these functions do.)
  const { reset } = tagging;
  const { close: closeSuggestions } = suggesting;
  const { dismissMergeNotice } = doc;
  const { setCurrent: setCurrentDifference } = review;
  const cleanUp = useRef<() => void>(() => undefined);
  cleanUp.current = () => {
    reset();
    closeSuggestions();
    dismissMergeNotice();
    setCurrentDifference(null);
  };
  useEffect(() => cleanUp.current(), [doc.documentId]);
  useEffect(() => {
    view.current?.showSuggestions(suggesting.suggestions ?? [], suggesting.current);
  }, [suggesting.suggestions, suggesting.current, opened?.view]);

  const switchedProject = useCallback(async () => {
    dialogs.close();
    await loadSession();
    chooseFrom(await loadProject());
  }, [dialogs, loadSession, loadProject, chooseFrom]);

  const context: CommandContext = {
    labels,
    hasProject: project.project !== null,
    document: onArticle ? opened : null,
    selectedSpan: onArticle ? tagging.selectedSpan : null,
    dialog: dialogs.top,
    openDialog,
    closeDialog: dialogs.dismiss,
    tagging,
    review: onArticle && doc.review ? { step: review.step, decide: review.decide } : null,
    suggestions: onArticle && suggesting.suggestions ? { current: suggesting.current, move: suggesting.move, accept: suggesting.accept, reject: suggesting.reject } : null,
    suggest: () => void suggesting.ask().catch(onError),
    // Its failures are shown by the sync status, the settings dialog or a notice.
    sync: () => void syncing.run().catch(() => undefined),
    syncing: syncing.running,
    chooseFiles: importing.chooseFiles,
    editMetadata: metadata.edit,
    board: claims.commands,
    toggleBoard: claims.toggle,
    theme: project.theme,
    toggleTheme: () => project.setTheme(project.theme === 'dark' ? 'light' : 'dark'),
  };
  const commands = useMemo(() => commandTable(labels), [labels]);
  useCommands(commands, context, api.onMenu, doc.reloadProject);
  const styles = useMemo(() => highlightStyles(doc.review ? CLASS_LABELS : labels), [labels, doc.review]);
  const syncStatus = project.project && <SyncStatusView status={syncing.status} running={syncing.running} onSettings={() => openDialog('sync-settings')} onConflicts={() => openDialog('sync-conflicts')} />;

  return (
    <div className="app">
      <style>{styles}</style>
      <AppHeader project={project.project ? { name: project.project.manifest.name, root: project.project.root } : null} commands={commands} context={context} />
      {(error ?? doc.loadError) && (
        <p className="banner error" role="alert">
          {error ?? doc.loadError}
        </p>
      )}
      {claims.open ? (
        <Suspense fallback={<p className="empty">Opening the claims board…</p>}>
          <ClaimsBoard api={api} state={claims.state} annotator={annotator} entities={project.entities} theme={project.theme} onOpenMention={claims.openMention} onClose={claims.close} onError={onError} />
        </Suspense>
      ) : (
        <Workspace
          api={api}
          annotator={annotator}
          labels={labels}
          entities={project.entities}
          entityKinds={project.entityKinds}
          createEntity={project.createEntity}
          claimLinking={claims.linking}
          documents={project.documents}
          doc={doc}
          tagging={tagging}
          review={review}
          suggesting={suggesting}
          view={view}
          openDialog={openDialog}
          importFiles={importing.importFiles}
          onError={onError}
          syncRevision={syncing.status?.lastAttempt ?? ''}
        />
      )}
      <StatusBar annotator={annotator} saveStatus={doc.saveStatus} spanCount={opened?.layer.spans.length ?? null} length={opened?.index.length ?? null} announcement={announcer.announcement} onChangeAnnotator={() => openDialog('annotator')} syncStatus={syncStatus} />
      <div className="toasts">
        {doc.mergeNotice && <Toast message={doc.mergeNotice} onDismiss={doc.dismissMergeNotice} testId="merge-notice" />}
        {syncing.notice && <Toast message={syncing.notice} onDismiss={syncing.dismissNotice} testId="sync-notice" />}
      </div>
      {importing.dragging && (
        <div className="drop-target" data-testid="drop-target" aria-hidden="true">
          <p>Drop the files to import them as articles</p>
        </div>
      )}
      {dialogs.top !== null && (
        <Suspense fallback={null}>
          <DialogHost api={api} dialogs={dialogs} project={project} doc={doc} suggesting={suggesting} importing={importing} metadata={metadata} syncing={syncing} commands={commands} onProjectSwitched={switchedProject} onError={onError} />
        </Suspense>
      )}
      <input
        ref={importing.fileInput}
        type="file"
        multiple
        accept={ACCEPTED}
        hidden
        data-testid="import-input"
        onChange={(event) => {
          importing.importFiles(Array.from(event.target.files ?? []));
          // Cleared, so choosing the same file again imports it again.
          event.target.value = '';
        }}
      />
    </div>
  );
}
