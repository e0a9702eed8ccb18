// Lint rules, including the import direction of ARCHITECTURE.md: shared/ imports neither
// main/ nor renderer/ nor DOM or Node built-ins; renderer/ never imports main/ or Node;
// main/ never imports renderer/. (The per-folder tsconfigs catch DOM/Node use too.)
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** A no-restricted-imports rule forbidding Node built-ins (if `node`) and the patterns. */
function forbid({ node = false, patterns }, message) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: node ? nodeBuiltins.map((name) => ({ name, message })) : [],
        patterns: patterns.map((pattern) => ({ group: [pattern], message })),
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'resources/schema/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Tests index into results they have just checked; `!` there is a statement of fact.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...forbid({ node: true, patterns: ['**/main/**', '**/renderer/**', 'electron', 'react', 'react-dom', 'lexical', '@lexical/*'] }, 'shared/ runs anywhere: no Node, Electron, DOM/UI or main/renderer imports (ARCHITECTURE.md).'),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: forbid({ node: true, patterns: ['**/main/**', 'electron'] }, 'renderer/ talks only to the api client: no main/, Node or Electron imports (ARCHITECTURE.md).'),
  },
  {
    files: ['main/**/*.ts'],
    rules: forbid({ patterns: ['**/renderer/**'] }, 'main/ never imports renderer/: share types through shared/ (ARCHITECTURE.md).'),
  },
);
