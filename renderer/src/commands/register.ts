/**
 * The window's commands, collected: the table the keyboard (use-commands.ts), the
 * toolbar (shell/AppHeader.tsx), the `?` overlay and the desktop menu all read.
 */
import type { LabelDef } from '../../../shared/model/labels.js';
import { acceptA } from './accept-a.js';
import { acceptB } from './accept-b.js';
import { acceptSuggestion } from './accept-suggestion.js';
import { claimsBoard } from './claims-board.js';
import { clear } from './clear.js';
import { closeBoard } from './close-board.js';
import { compare } from './compare.js';
import { deleteSpan } from './delete-span.js';
import { documentDetails } from './document-details.js';
import { exportCorpus } from './export.js';
import { filterClaims } from './filter-claims.js';
import { find } from './find.js';
import { importAnnotations } from './import-annotations.js';
import { importArticles } from './import-articles.js';
import { importWebAddress } from './import-web-address.js';
import { editLabels } from './labels.js';
import { metadataTable } from './metadata-table.js';
import { nextClaim } from './next-claim.js';
import { nextDisagreement } from './next-disagreement.js';
import { nextSpan } from './next-span.js';
import { nextSuggestion } from './next-suggestion.js';
import { openClaimMention } from './open-claim-mention.js';
import { pasteArticle } from './paste-article.js';
import { previousClaim } from './previous-claim.js';
import { previousDisagreement } from './previous-disagreement.js';
import { previousSpan } from './previous-span.js';
import { previousSuggestion } from './previous-suggestion.js';
import { projects } from './projects.js';
import { redo } from './redo.js';
import { rejectBoth } from './reject-both.js';
import { rejectSuggestion } from './reject-suggestion.js';
import { showShortcuts } from './show-shortcuts.js';
import { suggest } from './suggest.js';
import { sync } from './sync.js';
import { syncSettings } from './sync-settings.js';
import { tagCommands } from './tag-label.js';
import { toggleTheme } from './toggle-theme.js';
import type { Command } from './types.js';
import { undo } from './undo.js';

/** Every command that does not depend on the project's labels. */
export const FIXED_COMMANDS: readonly Command[] = [
  importArticles,
  pasteArticle,
  importWebAddress,
  importAnnotations,
  exportCorpus,
  projects,
  sync,
  syncSettings,
  editLabels,
  metadataTable,
  undo,
  redo,
  find,
  deleteSpan,
  nextSpan,
  previousSpan,
  clear,
  documentDetails,
  claimsBoard,
  compare,
  suggest,
  toggleTheme,
  showShortcuts,
  nextDisagreement,
  previousDisagreement,
  acceptA,
  acceptB,
  rejectBoth,
  nextSuggestion,
  previousSuggestion,
  acceptSuggestion,
  rejectSuggestion,
  nextClaim,
  previousClaim,
  openClaimMention,
  filterClaims,
  closeBoard,
];

/** The whole table for a project: the fixed commands and one tagging command per label. */
export function commandTable(labels: readonly LabelDef[]): Command[] {
  const singleKeys = new Set(FIXED_COMMANDS.flatMap((command) => command.keys).filter((key) => key.length === 1).map((key) => key.toLowerCase()));
  return [...tagCommands(labels, singleKeys), ...FIXED_COMMANDS];
}

/** The command with this id, if the table has it. */
export function commandById(table: readonly Command[], id: string): Command | undefined {
  return table.find((command) => command.id === id);
}
