/**
 * The walls between where code may run, as VS Code's code-layering rule keeps them: one
 * listener for every way a file can name another — `import`, `import()`, `export … from`
 * and `require` — checked against the layer the file is in. A layer lists the folders it
 * may import from and the packages it may not.
 *
 * Paths are the repository's, with "/" and no leading "./"; a layer's `files` is a list of
 * prefixes (a folder ending in "/", or a whole file), the first layer that matches a file
 * is its layer.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import type { Rule } from 'eslint';
import type * as ESTree from 'estree';

export interface Layer {
  /** Who is in it: "shared/", "renderer/src/ui/". */
  files: readonly string[];
  /** What it may import from (besides packages): the same kind of prefixes. */
  mayImport: readonly string[];
  /** Within those, what it may not, unless `butMay` names it (the renderer and the format codecs). */
  mayNotImport?: readonly string[];
  butMay?: readonly string[];
  /** Packages it may not import ("node:*": every Node built-in). */
  forbiddenPackages?: readonly string[];
  /** Why: said with every refused import. */
  because: string;
}

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

function isForbiddenPackage(specifier: string, forbidden: readonly string[]): boolean {
  return forbidden.some((pattern) => {
    if (pattern === 'node:*') return NODE_BUILTINS.has(specifier) || specifier.startsWith('node:');
    if (pattern.endsWith('/*')) return specifier.startsWith(pattern.slice(0, -1));
    return specifier === pattern || specifier.startsWith(`${pattern}/`);
  });
}

const withoutExtension = (file: string) => file.replace(/\.(tsx?|jsx?|mjs|cjs)$/, '');

/** Whether a path is one of these: a folder ("x/"), a file ("x/y.ts", any extension), or a suffix ("*.test.ts"). */
const inside = (file: string, prefixes: readonly string[]) =>
  prefixes.some((prefix) => (prefix.startsWith('*') ? file.endsWith(prefix.slice(1)) : prefix.endsWith('/') ? file.startsWith(prefix) : withoutExtension(file) === withoutExtension(prefix)));

export const codeLayering: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports go one way between the places code runs (ARCHITECTURE.md, "Layers").' },
    schema: [{ type: 'object', properties: { root: { type: 'string' }, layers: { type: 'array' } }, required: ['root', 'layers'], additionalProperties: false }],
    messages: { refused: '{{file}} may not import {{target}}: {{because}}' },
  },
  create(context) {
    const { root, layers } = context.options[0] as { root: string; layers: Layer[] };
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const layer = layers.find((candidate) => inside(file, candidate.files));
    if (!layer) return {};

    const check = (node: ESTree.Node, source: ESTree.Node | null | undefined) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const specifier = source.value;
      if (specifier.startsWith('.')) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
        const refused = !inside(target, layer.mayImport) || (inside(target, layer.mayNotImport ?? []) && !inside(target, layer.butMay ?? []));
        if (refused) context.report({ node, messageId: 'refused', data: { file, target, because: layer.because } });
      } else if (isForbiddenPackage(specifier, layer.forbiddenPackages ?? [])) {
        context.report({ node, messageId: 'refused', data: { file, target: specifier, because: layer.because } });
      }
    };

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, node.arguments[0]);
      },
    };
  },
};

export default { rules: { 'code-layering': codeLayering } };
