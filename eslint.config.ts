// Lint rules, and the walls between where code runs (ARCHITECTURE.md, "Layers"): the
// code-layering rule (.eslint-plugin-local/code-layering.ts) checks every import, import(),
// export … from and require against the layer of the file it is in. The per-folder
// tsconfigs keep each folder to its own environment's types as well.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layering, { type Layer } from './.eslint-plugin-local/code-layering.ts';

const UI_PACKAGES = ['react', 'react-dom', 'lexical', '@lexical/*'];
const renderer = (folder: string) => `renderer/src/${folder}/`;
const RENDERER_BASE = [renderer('ui'), renderer('api'), 'shared/'];
const RENDERER_PACKAGES = ['node:*', 'electron'];
/** The renderer knows formats by their catalog; their code runs in the service. */
const FORMATS = { mayNotImport: ['shared/formats/'], butMay: ['shared/formats/catalog.ts', 'shared/formats/file-name.ts'] };
const FEATURES = ['review', 'suggest', 'import', 'export', 'project', 'claims', 'sync'];

const feature = (name: string): Layer => ({
  files: [renderer(name)],
  mayImport: [renderer(name), renderer('annotate'), renderer('document-view'), ...RENDERER_BASE],
  ...FORMATS,
  forbiddenPackages: RENDERER_PACKAGES,
  because: `renderer/src/${name}/ is a feature: it builds on annotate/, document-view/, ui/ and api/, never on another feature (shell/ puts them together)`,
});

/** First match wins: the narrower layers come first. */
const LAYERS: Layer[] = [
  { files: ['*.test.ts'], mayImport: ['shared/', 'main/', 'renderer/', 'tests/', 'bench/', 'scripts/'], because: 'tests may look anywhere' },
  { files: ['shared/'], mayImport: ['shared/'], forbiddenPackages: ['node:*', 'electron', ...UI_PACKAGES], because: 'shared/ runs anywhere: no Node, Electron, DOM/UI or main/renderer imports' },
  { files: ['main/preload.ts'], mayImport: ['shared/api-methods.ts', 'shared/commands.ts'], forbiddenPackages: UI_PACKAGES, because: 'the preload script stays tiny: the api names and the command table, nothing else' },
  { files: ['main/encoding/'], mayImport: ['main/encoding/', 'shared/'], forbiddenPackages: UI_PACKAGES, because: 'main/encoding/ is used by the store and the importers alike, and uses neither' },
  { files: ['main/formats/'], mayImport: ['main/formats/', 'shared/'], forbiddenPackages: UI_PACKAGES, because: 'main/formats/ puts the format codecs together; it reads no files' },
  { files: ['main/store/'], mayImport: ['main/store/', 'main/encoding/', 'shared/'], forbiddenPackages: UI_PACKAGES, because: 'main/store/ is the project folder on disk: the service and importers use it, never the other way round' },
  { files: ['main/importers/'], mayImport: ['main/importers/', 'main/store/', 'main/encoding/', 'main/formats/', 'shared/'], forbiddenPackages: UI_PACKAGES, because: 'main/importers/ reads files into the store: it knows nothing of the service, the CLI or Electron' },
  { files: ['main/'], mayImport: ['main/', 'shared/'], forbiddenPackages: UI_PACKAGES, because: 'main/ never imports renderer/: share types through shared/' },
  { files: [renderer('ui')], mayImport: [renderer('ui'), 'shared/'], ...FORMATS, forbiddenPackages: RENDERER_PACKAGES, because: 'renderer/src/ui/ holds generic pieces that know no feature' },
  { files: [renderer('api')], mayImport: [renderer('api'), 'shared/'], ...FORMATS, forbiddenPackages: RENDERER_PACKAGES, because: 'renderer/src/api/ is the transport: it knows the contract, nothing of the UI' },
  { files: [renderer('document-view')], mayImport: [renderer('document-view'), ...RENDERER_BASE], ...FORMATS, forbiddenPackages: RENDERER_PACKAGES, because: 'renderer/src/document-view/ draws the article; it knows no feature' },
  { files: [renderer('annotate')], mayImport: [renderer('annotate'), renderer('document-view'), ...RENDERER_BASE], ...FORMATS, forbiddenPackages: RENDERER_PACKAGES, because: 'renderer/src/annotate/ is the open document and its layer: the features build on it, not it on them' },
  ...FEATURES.map(feature),
  { files: [renderer('commands')], mayImport: [renderer('commands'), ...FEATURES.map(renderer), renderer('annotate'), renderer('document-view'), ...RENDERER_BASE], ...FORMATS, forbiddenPackages: RENDERER_PACKAGES, because: 'renderer/src/commands/ act on the features; the shell reads them' },
  { files: ['renderer/'], mayImport: ['renderer/', 'shared/'], ...FORMATS, forbiddenPackages: RENDERER_PACKAGES, because: 'renderer/ talks only to the api client: no main/, Node or Electron imports' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'resources/schema/**', 'test-results/**', 'tests/fixtures/layering/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { local: layering },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'local/code-layering': ['error', { root: import.meta.dirname, layers: LAYERS }],
    },
  },
  {
    // Tests index into results they have just checked; `!` there is a statement of fact.
    files: ['tests/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', '__dirname'] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
