/**
 * The names of the api's methods, without their schemas: small enough for the preload
 * script, which must stay tiny and dependency-free. shared/api.ts checks at compile time
 * that this list and its schemas name the same methods.
 */
export const API_METHOD_NAMES = [
  'createProject',
  'openProject',
  'getProject',
  'listDocuments',
  'getDocument',
  'getLayer',
  'saveLayer',
  'importTexts',
  'importUrls',
  'readMetadataSheet',
  'importAnnotations',
  'previewImport',
  'exportCorpus',
  'updateDocumentMeta',
  'searchDocuments',
  'removeDocument',
  'updateLabelSchema',
  'getStats',
  'getAgreement',
  'getStamps',
  'getExportProgress',
  'suggest',
  'findOccurrences',
  'tagOccurrences',
  'listEntities',
  'createEntity',
  'listClaims',
  'getClaimsBoard',
  'changeClaims',
  'linkClaimSpans',
  'matchClaims',
  'acceptMatches',
  'validateProject',
  'getSyncStatus',
  'syncProject',
  'setSyncToken',
  'getSpanHistory',
  'cloneProject',
  'getSession',
  'getStartup',
  'updateSession',
] as const;

export type ApiMethodName = (typeof API_METHOD_NAMES)[number];

export function isApiMethodName(name: unknown): name is ApiMethodName {
  return typeof name === 'string' && (API_METHOD_NAMES as readonly string[]).includes(name);
}

/** The IPC channel of a method in the Electron binding. */
export const ipcChannel = (method: ApiMethodName) => `factmark:${method}`;

/** The channel the native menu sends its messages on (shared/commands.ts: MenuMessage). */
export const MENU_CHANNEL = 'factmark:menu';
