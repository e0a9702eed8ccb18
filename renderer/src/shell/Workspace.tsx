/**
 * The window's three panes: the documents on the left; the article in the centre, with
 * its heading, the find bar and the tagging toolbar; and on the right the review, the
 * suggestions, or the spans and the selected span's details.
 */
import { Suspense, useCallback, useDeferredValue, useMemo, type RefObject } from 'react';
import type { Span } from '../../../shared/model/annotations.js';
import type { CanonicalEntity } from '../../../shared/model/entities.js';
import type { LabelDef } from '../../../shared/model/labels.js';
import { FindBar } from '../annotate/FindBar.js';
import { SelectionToolbar } from '../annotate/SelectionToolbar.js';
import type { ClaimLinking } from '../annotate/ClaimLinkField.js';
import { SpanDetails } from '../annotate/SpanDetails.js';
import { SpanList } from '../annotate/SpanList.js';
import type { useOpenDocument } from '../annotate/use-open-document.js';
import type { useTagging } from '../annotate/use-tagging.js';
import type { ApiClient } from '../api/client.js';
import { DocumentView, type DocumentViewHandle } from '../document-view/DocumentView.js';
import { EmptyProject } from '../import/EmptyProject.js';
import { DocumentHeading } from '../annotate/DocumentHeading.js';
import { DocumentList } from '../project/DocumentList.js';
import { CLASS_LABELS } from '../review/review-classes.js';
import type { useReview } from '../review/use-review.js';
import type { useSuggestions } from '../suggest/use-suggestions.js';
import type { DialogKind } from '../commands/types.js';
import { ReviewPanel, SuggestPanel } from './on-demand.js';
import { SpanHistory } from '../sync/SpanHistory.js';
import { PaneBar } from './PaneBar.js';
import { usePaneLayout } from './use-pane-layout.js';


const NO_SPANS: Span[] = [];

interface Props {
  api: ApiClient;
  annotator: string | null;
  labels: readonly LabelDef[];
  entities: readonly CanonicalEntity[];
  entityKinds: readonly string[];
  createEntity: (entity: { name: string; kind: string; aliases: string[] }) => Promise<CanonicalEntity>;
  claimLinking: ClaimLinking;
  documents: Parameters<typeof DocumentList>[0]['documents'];
  doc: ReturnType<typeof useOpenDocument>;
  tagging: ReturnType<typeof useTagging>;
  review: ReturnType<typeof useReview>;
  suggesting: ReturnType<typeof useSuggestions>;
  view: RefObject<DocumentViewHandle | null>;
  openDialog: (kind: DialogKind) => void;
  importFiles: (files: File[]) => void;
  onError: (error: unknown) => void;
  /** Changes when a sync ran: a span's history is read again. */
  syncRevision: string;
}

export function Workspace({ api, annotator, labels, entities, entityKinds, createEntity, claimLinking, documents, doc, tagging, review, suggesting, view, openDialog, importFiles, onError, syncRevision }: Props) {
  const { document: opened, summary } = doc;
  const searchDocuments = useCallback(async (query: string) => (query.trim() ? api.call('searchDocuments', { query }) : null), [api]);
  const openLayer = useMemo(() => (opened ? { documentId: opened.view.document.id, spans: opened.layer.spans.length, status: opened.layer.status } : null), [opened]);
  // The article repaints at once; the side panels follow a moment later (React's deferred
  // rendering), so a new tag is on screen before thousands of list rows are reconciled.
  const panelState = useMemo(() => ({ spans: opened?.layer.spans ?? NO_SPANS, selectedId: tagging.selectedSpanId }), [opened?.layer.spans, tagging.selectedSpanId]);
  const panels = useDeferredValue(panelState);
  const panelSpan = panels.spans.find((span) => span.id === panels.selectedId) ?? null;
  const showMatches = useCallback((matches: { start: number; end: number }[], current: number | null) => view.current?.showMatches(matches, current), [view]);
  const differences = review.spans;
  const { selectedSpan } = tagging;
  const panes = usePaneLayout();
  const sideName = doc.review ? 'Review' : suggesting.suggestions ? 'Suggestions' : `Spans (${panels.spans.length})`;
  // A document picked from the folded list is what the analyst wants to see: the list folds again.
  const { close: closePanes } = panes;
  const { open: openDoc } = doc;
  const openDocument = useCallback((id: string) => (closePanes(), openDoc(id)), [closePanes, openDoc]);

  return (
    <main className="workspace" data-layout={panes.layout} data-open={panes.open ?? undefined}>
      <PaneBar layout={panes.layout} open={panes.open} sideName={sideName} documentCount={documents.length} onToggle={panes.toggle} />
      <DocumentList documents={documents} currentId={doc.documentId} annotator={annotator} openLayer={openLayer} search={searchDocuments} onOpen={openDocument} />
      {/* Behind an open folded pane, the article keeps its place and scroll but takes no focus. */}
      <section className="document-pane" aria-label="Document" inert={panes.open !== null}>
        {opened && summary ? (
          <>
            <DocumentHeading
              summary={summary}
              layer={{ annotator: opened.annotator, status: opened.layer.status, readOnly: opened.readOnly }}
              onStatus={(status) => opened.apply((layer) => ({ ...layer, status }))}
              me={annotator}
              layersHere={doc.layersHere}
              viewing={doc.viewing}
              onViewLayer={doc.viewLayer}
              review={doc.review}
              onDetails={() => openDialog('details')}
              onCompare={() => openDialog('compare')}
              onSuggest={() => void suggesting.ask().catch(onError)}
              notices={{ adjudication: review.error }}
            />
            <DocumentView
              ref={view}
              documentId={opened.view.document.id}
              text={opened.view.document.text}
              index={opened.index}
              language={opened.view.document.meta.language}
              spans={differences ?? opened.layer.spans}
              labels={differences ? CLASS_LABELS : labels}
              selectedSpanId={differences ? (review.current === null ? null : `d${review.current}`) : tagging.selectedSpanId}
              onSelection={opened.readOnly ? () => undefined : tagging.setSelection}
              onSpanClick={(id) => {
                // Reviewing, a click on plain text (or the end of a drag) keeps the difference in hand.
                // (Through selectSpan, so a click is said as J and K are: label, words, place.)
                if (!differences) tagging.selectSpan(id === null ? null : (opened.layer.spans.find((span) => span.id === id) ?? null));
                else if (id !== null) review.setCurrent(Number(id.slice(1)));
              }}
            />
            {tagging.finding && <FindBar text={opened.view.document.text} onMatches={showMatches} onClose={tagging.closeFind} />}
            {tagging.selection && <SelectionToolbar selection={tagging.selection} labels={labels} onTag={tagging.tag} />}
          </>
        ) : (
          <EmptyProject empty={documents.length === 0} desktop={api.downloadUrl === null} onImportFiles={importFiles} onPaste={() => openDialog('paste')} onWebAddress={() => openDialog('web-address')} />
        )}
      </section>
      <aside className="span-pane" id="side-pane">
        <Suspense fallback={null}>
        {opened && doc.review && review.compared && (
          <ReviewPanel
            setup={doc.review}
            comparison={review.compared.comparison}
            decisions={review.decisions}
            current={review.current}
            onPick={review.pick}
            onStep={review.step}
            onAccept={(side) => review.decide(side)}
            onReject={() => review.decide('reject')}
            onAcceptMatches={review.acceptAllMatches}
            onAgreement={() => openDialog('agreement')}
            onClose={() => void doc.closeReview()}
          />
        )}
        {opened && !doc.review && suggesting.suggestions && (
          <SuggestPanel
            suggestions={suggesting.suggestions}
            rows={suggesting.rows ?? []}
            labels={labels}
            current={suggesting.current}
            threshold={suggesting.threshold}
            hidden={suggesting.hidden}
            onThreshold={suggesting.setThreshold}
            onPick={suggesting.setCurrent}
            onAccept={suggesting.accept}
            onAcceptRow={suggesting.acceptRow}
            onRejectRow={suggesting.rejectRow}
            onAcceptLabel={suggesting.acceptLabel}
            onOtherDocuments={suggesting.occurrencesOf ? () => void doc.flush().then(() => openDialog('occurrences')) : undefined}
            onClose={suggesting.close}
          />
        )}
        </Suspense>
        {opened && !doc.review && !suggesting.suggestions && <SpanList spans={panels.spans} labels={labels} selectedId={panels.selectedId} unplaced={opened.view.unplaced} onPick={(span) => tagging.selectSpan(span, true)} />}
        {opened && !doc.review && !opened.readOnly && selectedSpan && panelSpan && (
          <SpanDetails
            span={panelSpan}
            spans={panels.spans}
            labels={labels}
            onRelabel={tagging.relabel}
            onDelete={tagging.remove}
            {...(selectedSpan.label === 'entity' ? { onFindOccurrences: () => void suggesting.ask(selectedSpan.id).catch(onError) } : {})}
            onChange={tagging.patch}
            entities={entities}
            entityKinds={entityKinds}
            onCreateEntity={createEntity}
            claimLinking={claimLinking}
            pages={opened.view.document.meta.source?.pages}
            history={<SpanHistory api={api} documentId={opened.view.document.id} annotator={opened.annotator} spanId={panelSpan.id} revision={`${panelSpan.updatedAt}|${syncRevision}`} labels={labels} />}
          />
        )}
      </aside>
    </main>
  );
}
