/**
 * The dialog on top of the window's stack (ui/dialog-stack.ts), with what it needs; the
 * others wait under it.
 */
import { detectLanguage } from '../../../shared/text/language.js';
import type { useOpenDocument } from '../annotate/use-open-document.js';
import type { ApiClient } from '../api/client.js';
import type { Command, DialogKind } from '../commands/types.js';
import { ExportDialog } from '../export/ExportDialog.js';
import { AnnotationImportDialog } from '../import/AnnotationImportDialog.js';
import { FurnitureDialog } from '../import/FurnitureDialog.js';
import { ImportReport } from '../import/ImportReport.js';
import { PasteDialog } from '../import/PasteDialog.js';
import { WebAddressDialog } from '../import/WebAddressDialog.js';
import type { useImporting } from '../import/use-importing.js';
import { AnnotatorDialog } from '../project/AnnotatorDialog.js';
import { MetadataDialog } from '../project/MetadataDialog.js';
import { MetadataTable } from '../project/MetadataTable.js';
import { saveMetadataRows } from '../project/save-metadata.js';
import type { useMetadataTable } from '../project/use-metadata-table.js';
import { ProjectSettings } from '../project/ProjectSettings.js';
import { ProjectsDialog } from '../project/ProjectsDialog.js';
import type { useProject } from '../project/use-project.js';
import { AgreementDialog } from '../review/AgreementDialog.js';
import { CompareDialog } from '../review/CompareDialog.js';
import { OccurrencesDialog } from '../suggest/OccurrencesDialog.js';
import type { useSuggestions } from '../suggest/use-suggestions.js';
import { ConflictDialog } from '../sync/ConflictDialog.js';
import { SyncDialog } from '../sync/SyncDialog.js';
import type { useSync } from '../sync/use-sync.js';
import type { DialogStack } from '../ui/dialog-stack.js';
import { HelpOverlay } from './HelpOverlay.js';


interface Props {
  api: ApiClient;
  dialogs: DialogStack<DialogKind>;
  project: ReturnType<typeof useProject>;
  doc: ReturnType<typeof useOpenDocument>;
  suggesting: ReturnType<typeof useSuggestions>;
  importing: ReturnType<typeof useImporting>;
  metadata: ReturnType<typeof useMetadataTable>;
  syncing: ReturnType<typeof useSync>;
  commands: readonly Command[];
  /** After opening, creating or relabelling: everything shown is read again. */
  onProjectSwitched: () => Promise<void>;
  onError: (error: unknown) => void;
}

export function DialogHost({ api, dialogs, project, doc, suggesting, importing, metadata, syncing, commands, onProjectSwitched, onError }: Props) {
  const close = dialogs.close;
  const annotator = project.session?.annotator ?? null;
  const { summary, document: opened } = doc;
  switch (dialogs.top) {
    case null:
      return null;
    case 'help':
      return <HelpOverlay commands={commands} onClose={close} />;
    case 'annotator':
      return project.session ? (
        <AnnotatorDialog
          suggested={project.session.suggestedAnnotator}
          current={project.session.annotator}
          onSave={(name) => void api.call('updateSession', { annotator: name }).then((next) => (project.setSession(next), close()), onError)}
          {...(project.session.annotator ? { onCancel: close } : {})}
        />
      ) : null;
    case 'compare':
      return annotator ? <CompareDialog annotators={doc.layersHere} me={annotator} onStart={(setup) => void doc.startReview(setup).then(close)} onClose={close} /> : null;
    case 'agreement':
      return doc.review && doc.documentId ? <AgreementDialog api={api} annotators={[doc.review.a, doc.review.b]} documentId={doc.documentId} onClose={close} /> : null;
    case 'occurrences':
      return suggesting.occurrencesOf && doc.documentId && doc.layerOwner ? (
        <OccurrencesDialog api={api} documentId={doc.documentId} annotator={doc.layerOwner} spanId={suggesting.occurrencesOf.spanId} text={suggesting.occurrencesOf.text} onClose={close} />
      ) : null;
    case 'details':
      return summary ? (
        <MetadataDialog
          meta={summary.meta}
          suggestedLanguage={opened ? detectLanguage(opened.view.document.text) : null}
          onClose={close}
          onSave={async (meta) => {
            const updated = await api.call('updateDocumentMeta', { documentId: summary.id, meta });
            project.setDocuments((list) => list.map((item) => (item.id === updated.id ? updated : item)));
            close();
          }}
        />
      ) : null;
    case 'paste':
      return <PasteDialog onClose={close} onImport={(title, text) => (close(), importing.importPasted(title, text))} onWebAddress={() => (close(), dialogs.open('web-address'))} />;
    case 'web-address':
      return <WebAddressDialog onClose={close} onImport={(urls) => (close(), importing.importUrls(urls))} />;
    case 'metadata-table':
      return metadata.documentIds ? (
        <MetadataTable
          documents={project.documents.filter((item) => metadata.documentIds?.includes(item.id))}
          onClose={close}
          onSave={async (edits) => {
            const saved = await saveMetadataRows(api, edits);
            project.setDocuments((list) => list.map((item) => saved.find((updated) => updated.id === item.id) ?? item));
            close();
          }}
        />
      ) : null;
    case 'projects':
      return project.session ? (
        <ProjectsDialog
          current={project.project?.root ?? null}
          recent={project.session.recentProjects}
          onClose={close}
          onOpen={async (dir) => {
            await doc.flush();
            await api.call('openProject', { dir });
            await onProjectSwitched();
          }}
          onCreate={async (dir, name) => {
            await doc.flush();
            await api.call('createProject', { dir, ...(name ? { name } : {}) });
            await onProjectSwitched();
          }}
          onClone={async (dir, remote, token) => {
            await doc.flush();
            if (token) await api.call('setSyncToken', { remote, token });
            await api.call('cloneProject', { dir, remote });
            await onProjectSwitched();
          }}
        />
      ) : null;
    case 'labels':
      return project.project ? (
        <ProjectSettings
          manifest={project.project.manifest}
          onClose={close}
          onSave={async (labels, renames) => {
            await doc.flush();
            project.setProject(await api.call('updateLabelSchema', { labels, renames }));
            close();
            // Spans of renamed labels changed on disk: load the open document again.
            if (Object.keys(renames).length) await onProjectSwitched();
          }}
        />
      ) : null;
    case 'furniture':
      return importing.furniture ? <FurnitureDialog previews={importing.furniture} onDone={importing.decideFurniture} /> : null;
    case 'import-report':
      return importing.progress ? (
        <ImportReport
          progress={importing.progress}
          onClose={close}
          onRemove={async (id) => {
            await api.call('removeDocument', { documentId: id });
            await project.loadProject();
          }}
          onOpen={(id) => (close(), doc.open(id))}
          onEditDetails={(ids) => (close(), metadata.edit(ids))}
        />
      ) : null;
    case 'export':
      return project.project ? <ExportDialog api={api} documentId={doc.documentId} documentTitle={summary?.meta.title ?? null} flush={doc.flush} onClose={close} /> : null;
    case 'sync-settings':
      return <SyncDialog status={syncing.status} problem={syncing.problem} onSave={syncing.configure} onForgetToken={syncing.forgetToken} onClose={close} />;
    case 'sync-conflicts':
      return syncing.status?.conflicts.length ? <ConflictDialog conflicts={syncing.status.conflicts} onResolve={(resolutions) => syncing.run({ resolutions })} onClose={close} /> : null;
    case 'import-annotations':
      return (
        <AnnotationImportDialog
          api={api}
          annotator={annotator}
          flush={doc.flush}
          onClose={close}
          onImported={async () => {
            await project.loadProject();
            await doc.reload();
          }}
        />
      );
  }
}
