/**
 * The window's line renderer (text-view.ts): a chunk's lines in a read-only Lexical
 * editor, one paragraph per line with one text node (none for an empty line). Lexical
 * renders and owns that DOM.
 */
import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';
import type { LineRenderer } from './text-view.js';

export const lexicalLines: LineRenderer = (root, lines) => {
  const editor = createEditor({
    namespace: 'factmark-document',
    editable: false,
    theme: { paragraph: 'fm-line', ltr: 'fm-ltr', rtl: 'fm-rtl' },
    onError: (error) => {
      throw error;
    },
  });
  editor.setRootElement(root);
  const keys: string[] = [];
  editor.update(
    () => {
      const top = $getRoot();
      top.clear();
      for (const text of lines) {
        const paragraph = $createParagraphNode();
        if (text !== '') paragraph.append($createTextNode(text));
        keys.push(paragraph.getKey());
        top.append(paragraph);
      }
    },
    { discrete: true },
  );
  const elements = keys.map((key) => {
    const element = editor.getElementByKey(key);
    if (!element) throw new Error('Lexical did not render a line');
    return element;
  });
  return { elements, dispose: () => editor.setRootElement(null) };
};
