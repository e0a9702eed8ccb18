/**
 * Articles from web addresses: one or more typed or pasted, one to a line. The service
 * fetches them (never this window) and extracts each article as from a saved page; the
 * import report then says, address by address, what came in or why not.
 */
import { useState } from 'react';
import { Dialog, DialogActions } from '../ui/Dialog.js';

/** The addresses in what was typed: one per line (or separated by spaces), blank lines ignored. */
export function addressesIn(text: string): string[] {
  return text
    .split(/\s+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export function WebAddressDialog({ onImport, onClose }: { onImport: (urls: string[]) => void; onClose: () => void }) {
  const [text, setText] = useState('');
  const urls = addressesIn(text);
  // Said before sending: the service would refuse them anyway, each by name.
  const odd = urls.filter((url) => !/^https?:\/\/\S+$/i.test(url));
  return (
    <Dialog label="Import from web addresses" title="Import from web addresses" onSubmit={() => urls.length && odd.length === 0 && onImport(urls)}>
      <label className="field">
        <span>Addresses, one per line</span>
        <textarea rows={5} value={text} onChange={(event) => setText(event.target.value)} spellCheck={false} autoComplete="off" placeholder="https://www.example.org/news/story" aria-label="Web addresses" autoFocus />
      </label>
      {odd.length > 0 && <p className="field-problem">Not a web address (http:// or https://): {odd.slice(0, 3).join(', ')}</p>}
      <p className="muted small">Factmark fetches each page and keeps its article, with the address and the time it was fetched. A page behind a login or a paywall can be saved from your browser and imported as a file.</p>
      <DialogActions submit={urls.length > 1 ? `Import ${urls.length} pages` : 'Import'} disabled={urls.length === 0 || odd.length > 0} onCancel={onClose} />
    </Dialog>
  );
}
